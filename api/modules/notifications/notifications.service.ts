import type { Db } from '../../database/db';
import { NotFoundError } from '../../shared/errors';
import { assertUuid } from '../../shared/validation';
import type { NotificationSettings, NotificationSettingsInput } from './notifications.types';

export class NotificationsService {
  constructor(private readonly db: Db) {}

  async settings(viewerId: string): Promise<NotificationSettings> {
    const [row] = await this.db.query<NotificationSettings>(
      `SELECT email, email_notifications AS "emailNotifications" FROM profiles WHERE id = $1`,
      [viewerId],
    );
    if (!row) throw new NotFoundError('This account no longer exists');
    return row;
  }

  async update(viewerId: string, input: NotificationSettingsInput): Promise<NotificationSettings> {
    const email = input.email == null ? undefined : input.email.trim().toLowerCase() || null;
    const [row] = await this.db.query<NotificationSettings>(
      `UPDATE profiles SET email = CASE WHEN $2::boolean THEN $3 ELSE email END,
              email_notifications = COALESCE($4, email_notifications), updated_at = now()
        WHERE id = $1 RETURNING email, email_notifications AS "emailNotifications"`,
      [viewerId, email !== undefined, email ?? null, input.emailNotifications ?? null],
    );
    if (!row) throw new NotFoundError('This account no longer exists');
    return row;
  }

  /** Muted chats still count as unread; they are just never notified. */
  async setMuted(viewerId: string, conversationId: string, muted: boolean): Promise<void> {
    const id = assertUuid(conversationId, 'conversationId');
    const rows = await this.db.query(`UPDATE participants SET muted = $3 WHERE conversation_id = $1 AND profile_id = $2 RETURNING 1`, [id, viewerId, muted]);
    if (rows.length === 0) throw new NotFoundError('No such conversation');
  }

  /** Presence for email: people with an open WebSocket are not emailed. */
  async markSeen(userIds: string[]): Promise<void> {
    if (userIds.length) await this.db.query(`UPDATE profiles SET last_seen_at = now() WHERE id = ANY($1::uuid[])`, [userIds]);
  }
}
