import { makeVar } from '@apollo/client';

/**
 * Messages the viewer sent that the server has not confirmed yet, or that failed. They are shown
 * at the end of their conversation at once and matched to the server's message by `clientId`
 * (never by text): once a message with that clientId is in the history, the entry is gone.
 * A reactive variable rather than an optimistic cache layer, because a failed send must stay on
 * screen with a Retry button, and Apollo drops optimistic layers when a mutation fails.
 */
export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  content: string;
  /** The message it answers, if it is a reply. */
  replyToId?: string;
  createdAt: string;
  status: 'sending' | 'failed';
  error?: string;
  /** Uploaded files sent with it (ids for a retry; names and image previews for the pending bubble). */
  attachments?: { id: string; name: string; previewUrl: string | null }[];
}

export const outboxVar = makeVar<OutboxEntry[]>([]);

export function putOutbox(entry: OutboxEntry): void {
  outboxVar([...outboxVar().filter((e) => e.clientId !== entry.clientId), entry]);
}

export function updateOutbox(clientId: string, change: Partial<OutboxEntry>): void {
  outboxVar(outboxVar().map((e) => (e.clientId === clientId ? { ...e, ...change } : e)));
}

export function removeOutbox(clientId: string): void {
  if (outboxVar().some((e) => e.clientId === clientId)) outboxVar(outboxVar().filter((e) => e.clientId !== clientId));
}

export function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
