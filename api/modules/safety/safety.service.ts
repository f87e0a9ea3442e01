import type { Db } from '../../database/db';
import { BadInputError, NotFoundError } from '../../shared/errors';
import { assertUuid } from '../../shared/validation';
import { PROFILE_COLUMNS, ProfileRow } from '../profiles/profiles.types';
import type { Report } from './safety.types';

/**
 * Blocks and reports. A block works both ways for messages (neither can start a chat with the
 * other or send into one they share) and hides the blocked person's chats from the blocker's
 * lists; unblocking restores everything, since nothing was deleted.
 */
export class SafetyService {
  constructor(private readonly db: Db) {}

  async block(viewerId: string, userId: string): Promise<boolean> {
    const id = assertUuid(userId, 'userId');
    if (id === viewerId) throw new BadInputError('You cannot block yourself', 'userId');
    const rows = await this.db.query(
      `INSERT INTO blocks (blocker_id, blocked_id) SELECT $1, id FROM profiles WHERE id = $2
       ON CONFLICT DO NOTHING RETURNING blocked_id`,
      [viewerId, id],
    );
    if (rows.length === 0) await this.requireProfile(id);
    return true;
  }

  async unblock(viewerId: string, userId: string): Promise<boolean> {
    const id = assertUuid(userId, 'userId');
    await this.db.query(`DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2`, [viewerId, id]);
    return true;
  }

  blocked(viewerId: string): Promise<ProfileRow[]> {
    return this.db.query<ProfileRow>(
      `SELECT ${PROFILE_COLUMNS} FROM blocks b JOIN profiles p ON p.id = b.blocked_id WHERE b.blocker_id = $1 ORDER BY b.created_at DESC`,
      [viewerId],
    );
  }

  /** Reporting again replaces the reason (one report per person and message). */
  async report(viewerId: string, messageId: string, reason: string): Promise<Report> {
    const id = assertUuid(messageId, 'messageId');
    const text = reason.trim();
    if (!text) throw new BadInputError('reason must not be empty', 'reason');
    if (text.includes('\u0000')) throw new BadInputError('reason must not contain NUL characters', 'reason');
    const [row] = await this.db.query<Report & { ownMessage: boolean }>(
      `WITH target AS (
         SELECT m.id, m.conversation_id, m.sender_id = $1 AS own FROM messages m
           JOIN participants pa ON pa.conversation_id = m.conversation_id AND pa.profile_id = $1
          WHERE m.id = $2
       ), saved AS (
         INSERT INTO reports (reporter_id, message_id, conversation_id, reason)
         SELECT $1, id, conversation_id, $3 FROM target WHERE NOT own
         ON CONFLICT (reporter_id, message_id) DO UPDATE SET reason = EXCLUDED.reason, created_at = now()
         RETURNING id, message_id AS "messageId", reason, created_at AS "createdAt"
       )
       SELECT saved.*, target.own AS "ownMessage" FROM target LEFT JOIN saved ON true`,
      [viewerId, id, text],
    );
    if (!row) throw new NotFoundError('No such message');
    if (row.ownMessage) throw new BadInputError('You cannot report your own message', 'messageId');
    const { ownMessage: _own, ...report } = row;
    return report;
  }

  private async requireProfile(id: string): Promise<void> {
    const rows = await this.db.query(`SELECT 1 FROM profiles WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundError('No such user');
  }
}
