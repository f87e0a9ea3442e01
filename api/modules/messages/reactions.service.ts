import type { Db } from '../../database/db';
import { BadInputError, ForbiddenError } from '../../shared/errors';
import type { EventBus } from '../../shared/events';
import { MESSAGE_COLUMNS, Message } from './messages.types';
import { lockMessageForViewer, nextUpdateSeq } from './message-lock';

/** Longest emoji accepted, in UTF-16 units: room for the longest ZWJ sequences (families, flags of regions). */
export const EMOJI_MAX_LENGTH = 32;
/** Different emojis one person may put on one message: enough for anyone, not a way to flood a message. */
export const REACTIONS_PER_PERSON = 20;
// The `v` flag (RGI_Emoji) is newer than the TypeScript target, so the pattern is built at run time.
const ONE_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');

export function validEmoji(raw: string): string {
  const emoji = raw.trim();
  if (emoji.length === 0 || emoji.length > EMOJI_MAX_LENGTH || !ONE_EMOJI.test(emoji)) {
    throw new BadInputError('emoji must be exactly one emoji', 'emoji');
  }
  return emoji;
}

/** Reactions: any participant, one of each emoji per person, toggled. */
export class ReactionsService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
  ) {}

  /** Toggles the viewer's `emoji` on the message; `on` true/false sets it instead (safe to retry). */
  async react(viewerId: string, messageId: string, rawEmoji: string, on: boolean | null): Promise<Message> {
    const emoji = validEmoji(rawEmoji);
    const result = await this.db.transaction(async (tx) => {
      const message = await lockMessageForViewer(tx, viewerId, messageId);
      if (message.deletedAt) throw new BadInputError('A deleted message cannot be reacted to', 'messageId');
      if (message.state !== 'COMPLETE') throw new ForbiddenError('This message cannot be reacted to until it is complete');
      let changed = false;
      if (on !== true) {
        const removed = await tx.query(`DELETE FROM message_reactions WHERE message_id = $1 AND profile_id = $2 AND emoji = $3 RETURNING 1`, [message.id, viewerId, emoji]);
        changed = removed.length > 0;
      }
      if (!changed && on !== false) {
        const [{ count }] = await tx.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM message_reactions WHERE message_id = $1 AND profile_id = $2`,
          [message.id, viewerId],
        );
        if (count >= REACTIONS_PER_PERSON) throw new BadInputError(`At most ${REACTIONS_PER_PERSON} different reactions per person on a message`, 'emoji');
        const added = await tx.query(
          `INSERT INTO message_reactions (message_id, profile_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
          [message.id, viewerId, emoji],
        );
        changed = added.length > 0;
      }
      if (!changed) return { message, recipients: [] as string[] };
      const [updated] = await tx.query<Message>(
        `UPDATE messages m SET revision = m.revision + 1, update_seq = $2 WHERE m.id = $1 RETURNING ${MESSAGE_COLUMNS}`,
        [message.id, await nextUpdateSeq(tx, message.conversationId)],
      );
      return { message: updated, recipients: message.recipients };
    });
    const { message, recipients } = result;
    if (recipients.length) {
      this.events.publish({ kind: 'message_updated', conversationId: message.conversationId, recipients, message, delta: message.content, offset: 0 });
    }
    return message;
  }
}
