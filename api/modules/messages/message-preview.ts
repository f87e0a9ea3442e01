/** How much of a message a conversation list shows. */
export const PREVIEW_LENGTH = 140;

/** The conversation preview for a message: whitespace runs folded to one space, at most PREVIEW_LENGTH characters (code points). */
export function previewOf(content: string): string {
  return [...content.replace(/\s+/g, ' ')].slice(0, PREVIEW_LENGTH).join('');
}

/**
 * The `parts` step of every statement that writes a message (a send, a SYSTEM line), after a
 * `conv` step that numbered it (id, last_seq, last_message_at): each participant's copy of the
 * sequence and sort key moves, and the writer's watermark (`writer`, a parameter such as `$2`,
 * NULL for nobody) moves past their own message. Returns the participants: the event's addressees.
 */
export function participantsAfterWrite(writer: string): string {
  return `UPDATE participants pa SET last_seq = GREATEST(pa.last_seq, conv.last_seq), activity_at = conv.last_message_at,
            last_read_seq = CASE WHEN pa.profile_id = ${writer} THEN GREATEST(pa.last_read_seq, conv.last_seq) ELSE pa.last_read_seq END,
            last_read_at = CASE WHEN pa.profile_id = ${writer} THEN conv.last_message_at ELSE pa.last_read_at END
       FROM conv WHERE pa.conversation_id = conv.id
     RETURNING pa.profile_id`;
}
