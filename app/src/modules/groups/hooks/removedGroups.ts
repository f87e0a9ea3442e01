import { makeVar } from '@apollo/client';
import { useReactiveVar } from '@apollo/client/react';

/**
 * Groups the signed-in person was taken out of (or left elsewhere) while this page was open.
 * The open conversation checks it, since a query that already holds data keeps showing it.
 * Being added back (a conversationUpdated for the group) clears the mark.
 */
export const removedGroupsVar = makeVar<ReadonlySet<string>>(new Set());

export function markGroupRemoved(conversationId: string, removed: boolean): void {
  const current = removedGroupsVar();
  if (current.has(conversationId) === removed) return;
  const next = new Set(current);
  if (removed) next.add(conversationId);
  else next.delete(conversationId);
  removedGroupsVar(next);
}

export function useGroupRemoved(conversationId: string): boolean {
  return useReactiveVar(removedGroupsVar).has(conversationId);
}
