import type { Db } from '../../database/db';
import { BadInputError, ForbiddenError } from '../../shared/errors';
import type { EventBus } from '../../shared/events';
import { MESSAGE_COLUMNS, Message } from './messages.types';
import { LockedMessage, lockMessageForViewer, nextUpdateSeq } from './message-lock';
import type { MediaService } from '../media/media.service';
import { attachmentPreviewSql } from '../media/attachment-preview';

const PREVIEW_LENGTH = 140;
/**
 * The conversation preview, recomputed from its newest readable message, when `m` ($2 seq) is
 * that message or was. A message with files and no text previews as its first file.
 */
const REFRESH_PREVIEW = `
  UPDATE conversations c SET last_message_preview = (
           SELECT CASE WHEN n.content = '' THEN COALESCE(${attachmentPreviewSql('n')}, '')
                       ELSE left(regexp_replace(n.content, '\\s+', ' ', 'g'), ${PREVIEW_LENGTH}) END FROM messages n
            WHERE n.conversation_id = c.id AND n.deleted_at IS NULL AND n.state = 'COMPLETE' ORDER BY n.seq DESC LIMIT 1)
   WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.conversation_id = c.id AND n.seq > $2
                                     AND n.deleted_at IS NULL AND n.state = 'COMPLETE')
  RETURNING c.id`;

/**
 * Editing and deleting one's own messages. Each change is one transaction on the locked
 * message row; its event goes out after the commit, on the same `message_updated` stream as
 * agent replies (with the whole content, offset 0, and a higher revision).
 */
export class MessageEditsService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly validContent: (raw: string) => string,
    private readonly editWindowSeconds: number,
    private readonly media?: Pick<MediaService, 'removeForMessage' | 'purge'>,
  ) {}

  async edit(viewerId: string, messageId: string, rawContent: string): Promise<Message> {
    const content = this.validContent(rawContent);
    const { message, recipients, previewChanged } = await this.db.transaction(async (tx) => {
      const old = await lockMessageForViewer(tx, viewerId, messageId);
      this.assertOwn(viewerId, old, 'edit');
      if (Date.now() - new Date(old.createdAt).getTime() > this.editWindowSeconds * 1000) {
        throw new ForbiddenError(`Messages can be edited for ${Math.round(this.editWindowSeconds / 60)} minutes after they are sent`);
      }
      if (old.content === content) return { message: old, recipients: [], previewChanged: false };
      const [edited] = await tx.query<Message>(
        `WITH version AS (
           INSERT INTO message_versions (message_id, content, written_at, replaced_at)
           SELECT id, content, COALESCE(edited_at, created_at), clock_timestamp() FROM messages WHERE id = $1
         )
         UPDATE messages m SET content = $2, edited_at = clock_timestamp(), revision = m.revision + 1, update_seq = $3
          WHERE m.id = $1 RETURNING ${MESSAGE_COLUMNS}`,
        [old.id, content, await nextUpdateSeq(tx, old.conversationId)],
      );
      const preview = await tx.query(REFRESH_PREVIEW, [old.conversationId, old.seq]);
      return { message: edited, recipients: old.recipients, previewChanged: preview.length > 0 };
    });
    if (recipients.length) this.publish(message, recipients, previewChanged);
    return message;
  }

  /**
   * The row stays, as a tombstone in its place: content blanked (so it leaves the search
   * index), versions and reactions dropped. Participants who had not read it stop counting it
   * (see the RichMessages migration for how the correction stays watermark arithmetic).
   * Its attachments go with it: rows in the transaction, files once it has committed.
   */
  async delete(viewerId: string, messageId: string): Promise<Message> {
    const { message, recipients, files } = await this.db.transaction(async (tx) => {
      const old = await lockMessageForViewer(tx, viewerId, messageId);
      if (old.deletedAt) return { message: old, recipients: [], files: 0 };
      this.assertOwn(viewerId, old, 'delete');
      const [deleted] = await tx.query<Message>(
        `UPDATE messages m SET content = '', deleted_at = clock_timestamp(), revision = m.revision + 1, update_seq = $2
          WHERE m.id = $1 RETURNING ${MESSAGE_COLUMNS}`,
        [old.id, await nextUpdateSeq(tx, old.conversationId)],
      );
      await tx.query(`DELETE FROM message_versions WHERE message_id = $1`, [old.id]);
      await tx.query(`DELETE FROM message_reactions WHERE message_id = $1`, [old.id]);
      const files = (await this.media?.removeForMessage(tx, old.id)) ?? 0;
      await tx.query(
        `UPDATE participants SET
                deleted_unread = CASE WHEN deleted_unread_read_seq = last_read_seq THEN deleted_unread + 1 ELSE 1 END,
                deleted_unread_read_seq = last_read_seq
          WHERE conversation_id = $1 AND last_read_seq < $2 AND last_seq >= $2`,
        [old.conversationId, old.seq],
      );
      await tx.query(REFRESH_PREVIEW, [old.conversationId, old.seq]);
      return { message: deleted, recipients: old.recipients, files };
    });
    // A store that fails now is retried by the media sweep (the deletions are queued in the database).
    if (files) await this.media?.purge().catch(() => undefined);
    // Unread counts may have changed even when the preview did not: conversation lists refresh either way.
    if (recipients.length) this.publish(message, recipients, true);
    return message;
  }

  private assertOwn(viewerId: string, message: LockedMessage, action: 'edit' | 'delete'): void {
    if (message.deletedAt) throw new BadInputError(`A deleted message cannot be ${action === 'edit' ? 'edited' : 'deleted'}`, 'messageId');
    if (message.senderType !== 'USER' || message.senderId !== viewerId) {
      throw new ForbiddenError(`Only the person who sent a message can ${action} it`);
    }
    if (message.state !== 'COMPLETE') throw new ForbiddenError(`This message cannot be ${action === 'edit' ? 'edited' : 'deleted'}`);
  }

  private publish(message: Message, recipients: string[], conversationChanged: boolean): void {
    const { conversationId } = message;
    this.events.publish({ kind: 'message_updated', conversationId, recipients, message, delta: message.content, offset: 0 });
    if (conversationChanged) this.events.publish({ kind: 'conversation', conversationId, recipients });
  }
}
