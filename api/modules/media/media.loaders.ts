import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import { ATTACHMENT_COLUMNS, AttachmentRow } from './media.types';

/** A page of messages asks for its attachments in one statement. */
export function createMediaLoaders(db: Db) {
  return {
    attachmentsByMessage: new DataLoader<string, AttachmentRow[]>(async (ids) => {
      const rows = await db.query<AttachmentRow>(
        `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a WHERE a.message_id = ANY($1::uuid[]) ORDER BY a.message_id, a.position`,
        [ids],
        { prepare: true },
      );
      const byMessage = new Map<string, AttachmentRow[]>();
      for (const row of rows) byMessage.set(row.messageId!, [...(byMessage.get(row.messageId!) ?? []), row]);
      return ids.map((id) => byMessage.get(id) ?? []);
    }),
  };
}
