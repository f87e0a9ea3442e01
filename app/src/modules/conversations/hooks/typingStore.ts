import { makeVar } from '@apollo/client';
import { useReactiveVar } from '@apollo/client/react';
import { useMemo } from 'react';
import { personName } from '../../../ui/format';

/**
 * Who is typing where, from the typing subscription. Ephemeral like the signal itself: an entry
 * lapses at its expiresAt (or when isTyping turns false), and is never written to the cache.
 */
interface Typist {
  userId: string;
  name: string;
  expiresAt: number;
}

export const typingVar = makeVar<Record<string, Typist[]>>({});

let sweepTimer: ReturnType<typeof setTimeout> | undefined;

function sweep() {
  sweepTimer = undefined;
  const now = Date.now();
  const current = typingVar();
  let next: Record<string, Typist[]> | null = null;
  let soonest = Infinity;
  for (const [conversationId, typists] of Object.entries(current)) {
    const alive = typists.filter((t) => t.expiresAt > now);
    alive.forEach((t) => (soonest = Math.min(soonest, t.expiresAt)));
    if (alive.length !== typists.length) {
      next ??= { ...current };
      if (alive.length) next[conversationId] = alive;
      else delete next[conversationId];
    }
  }
  if (next) typingVar(next);
  if (soonest !== Infinity) sweepTimer = setTimeout(sweep, Math.max(50, soonest - now + 20));
}

export function recordTyping(event: {
  conversationId: string;
  isTyping: boolean;
  expiresAt: string;
  profile: { userId: string; handle: string; displayName: string | null };
}): void {
  const current = typingVar();
  const others = (current[event.conversationId] ?? []).filter((t) => t.userId !== event.profile.userId);
  const expiresAt = Date.parse(event.expiresAt);
  const typists = event.isTyping && expiresAt > Date.now() ? [...others, { userId: event.profile.userId, name: personName(event.profile), expiresAt }] : others;
  const next = { ...current };
  if (typists.length) next[event.conversationId] = typists;
  else delete next[event.conversationId];
  typingVar(next);
  if (sweepTimer) clearTimeout(sweepTimer);
  sweep();
}

/** Someone stopped typing because their message arrived. */
export function clearTyping(conversationId: string, userId: string): void {
  const current = typingVar();
  if (!current[conversationId]?.some((t) => t.userId === userId)) return;
  const typists = current[conversationId].filter((t) => t.userId !== userId);
  const next = { ...current };
  if (typists.length) next[conversationId] = typists;
  else delete next[conversationId];
  typingVar(next);
}

export function useTypists(conversationId: string | undefined): string[] {
  const all = useReactiveVar(typingVar);
  const typists = conversationId ? all[conversationId] : undefined;
  // Keep the identity stable while the names do not change.
  const key = typists?.map((t) => t.name).join('\u0000') ?? '';
  return useMemo(() => (key ? key.split('\u0000') : []), [key]);
}
