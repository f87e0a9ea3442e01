import type { Db } from '../../database/db';
import { NotFoundError } from '../../shared/errors';
import { assertUuid } from '../../shared/validation';
import { MESSAGE_COLUMNS, Message } from './messages.types';

export type LockedMessage = Message & { recipients: string[] };

/**
 * Reads a message the viewer may see (a participant of its conversation) and locks its row
 * for the rest of the transaction, so edits, deletes and reactions on one message are applied
 * one at a time and each gets the next revision. Anyone else: NOT_FOUND, as for conversations.
 */
export async function lockMessageForViewer(tx: Db, viewerId: string, messageId: string): Promise<LockedMessage> {
  const id = assertUuid(messageId, 'messageId');
  const [row] = await tx.query<LockedMessage>(
    `SELECT ${MESSAGE_COLUMNS}, (SELECT array_agg(o.profile_id) FROM participants o WHERE o.conversation_id = m.conversation_id) AS recipients
       FROM messages m
      WHERE m.id = $1 AND EXISTS (SELECT 1 FROM participants pa WHERE pa.conversation_id = m.conversation_id AND pa.profile_id = $2)
      FOR UPDATE OF m`,
    [id, viewerId],
  );
  if (!row) throw new NotFoundError('No such message');
  return row;
}

/**
 * The conversation's next update number, for a change to a message locked above. Taking the
 * conversation row lock numbers updates in commit order, so resuming after N misses nothing.
 */
export async function nextUpdateSeq(tx: Db, conversationId: string): Promise<number> {
  const [row] = await tx.query<{ seq: number }>(
    `UPDATE conversations SET last_update_seq = last_update_seq + 1 WHERE id = $1 RETURNING last_update_seq::int AS seq`,
    [conversationId],
  );
  return row.seq;
}
