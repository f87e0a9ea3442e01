import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { Db } from '../../database/db';
import type { MediaConfig } from '../../shared/config';
import type { Logger } from '../../shared/logger';
import { BadInputError } from '../../shared/errors';
import { validate as isUuid } from 'uuid';
import { assertUuid } from '../../shared/validation';
import type { BlobStore, ByteRange } from './blob-store';
import { cleanName, inspect } from './media-inspect';
import { MediaError } from './media.errors';
import { ATTACHMENT_COLUMNS, AttachmentKind, AttachmentRow } from './media.types';
import { receiveFile } from './upload-receiver';
import { ATTACHMENT_PREVIEW } from './attachment-preview';

export type Variant = 'file' | 'thumbnail';


export interface UploadOptions {
  voice: boolean;
  durationMs?: string;
}

/**
 * Attachments: receiving uploads (limits enforced while the bytes stream in), deciding what
 * they are from their bytes, keeping them in the blob store, attaching them to messages,
 * authorizing downloads (a participant of the message's conversation, or the uploader
 * before sending) and removing files once their rows are gone.
 */
export class MediaService {
  private readonly urlKey: Buffer;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    readonly store: BlobStore,
    private readonly config: MediaConfig,
    tokenSecret: string,
    private readonly tmpDir: string,
    private readonly logger?: Logger,
  ) {
    this.urlKey = createHmac('sha256', tokenSecret).update('parley attachment urls').digest();
  }

  // ---- uploads ----

  async upload(uploaderId: string, req: IncomingMessage, options: UploadOptions): Promise<AttachmentRow> {
    const durationMs = options.voice ? this.validDuration(options.durationMs) : null;
    await this.refuseIfTooManyPending(this.db, uploaderId);
    const file = await receiveFile(req, this.tmpDir, this.config.maxUploadBytes);
    const id = randomUUID();
    const storageKey = `attachments/${id}`;
    const thumbnailKey = `attachments/${id}-thumb`;
    let stored: string[] = [];
    try {
      if (file.size === 0) throw new MediaError('BAD_USER_INPUT', 'The file is empty');
      const found = await inspect(file.path, options.voice);
      const extension = found.contentType.split('/')[1]?.replace(/^x-/, '').replace('mpeg', 'mp3') ?? 'bin';
      const name = cleanName(file.filename, options.voice ? `voice-message.${extension}` : 'file');
      await this.store.put(storageKey, createReadStream(file.path), found.contentType, file.size);
      stored = [storageKey];
      if (found.thumbnail) {
        await this.store.put(thumbnailKey, found.thumbnail, 'image/webp', found.thumbnail.length);
        stored.push(thumbnailKey);
      }
      // The count above refuses early, before the body is read; this one is the rule: uploads of
      // one person are counted and recorded one at a time, so simultaneous ones cannot overshoot.
      return await this.db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('uploads:' || $1, 0))`, [uploaderId]);
        await this.refuseIfTooManyPending(tx, uploaderId);
        const [row] = await tx.query<AttachmentRow>(
          `INSERT INTO attachments AS a (id, uploader_id, kind, name, content_type, size, width, height, duration_ms, storage_key, thumbnail_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${ATTACHMENT_COLUMNS}`,
          [id, uploaderId, found.kind, name, found.contentType, file.size, found.width, found.height, durationMs, storageKey, found.thumbnail ? thumbnailKey : null],
        );
        return row;
      });
    } catch (error) {
      await Promise.all(stored.map((key) => this.store.delete(key).catch(() => undefined)));
      throw error;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** TOO_MANY_UPLOADS when the person already has UPLOAD_MAX_PENDING uploads no message carries yet. */
  private async refuseIfTooManyPending(db: Db, uploaderId: string): Promise<void> {
    const [{ pending }] = await db.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM attachments WHERE uploader_id = $1 AND message_id IS NULL`,
      [uploaderId],
    );
    if (pending >= this.config.maxPendingUploads) {
      throw new MediaError('TOO_MANY_UPLOADS', `You have ${pending} uploads not sent yet (UPLOAD_MAX_PENDING): send or wait for them to expire`);
    }
  }

  /**
   * Voice duration comes from the client (MediaRecorder's WebM carries none in its header, so
   * reading it would mean parsing the whole stream): bounded to 1 ms … VOICE_MAX_DURATION_MS.
   */
  private validDuration(raw: string | undefined): number {
    const value = Number(raw);
    if (!raw || !/^\d+$/.test(raw) || value < 1 || value > this.config.maxVoiceDurationMs) {
      throw new MediaError('BAD_USER_INPUT', `durationMs must be a whole number of milliseconds from 1 to ${this.config.maxVoiceDurationMs} (VOICE_MAX_DURATION_MS)`);
    }
    return value;
  }

  // ---- sending ----

  /**
   * Checks attachment ids before a send: each at most once, at most ATTACHMENTS_PER_MESSAGE,
   * each an upload of the sender's that no message carries yet. Returns the preview for a
   * message without text.
   */
  async prepare(senderId: string, rawIds: string[]): Promise<{ ids: string[]; preview: string }> {
    const ids = rawIds.map((id, i) => assertUuid(id, `attachmentIds[${i}]`));
    if (new Set(ids).size !== ids.length) throw new BadInputError('attachmentIds must not repeat an id', 'attachmentIds');
    if (ids.length > this.config.maxAttachmentsPerMessage) {
      throw new BadInputError(`A message may carry at most ${this.config.maxAttachmentsPerMessage} attachments (ATTACHMENTS_PER_MESSAGE)`, 'attachmentIds');
    }
    const rows = await this.db.query<{ id: string; kind: AttachmentKind; name: string }>(
      `SELECT id, kind, name FROM attachments WHERE id = ANY($1::uuid[]) AND uploader_id = $2 AND message_id IS NULL`,
      [ids, senderId],
    );
    if (rows.length !== ids.length) throw new BadInputError('Each attachment must be an upload of yours that was not sent yet', 'attachmentIds');
    const first = rows.find((r) => r.id === ids[0])!;
    return { ids, preview: first.kind === AttachmentKind.FILE ? first.name : ATTACHMENT_PREVIEW[first.kind] };
  }

  /** In the send's transaction: claims the uploads for the message, in the order given. Fails (and so rolls the send back) if one was taken meanwhile. */
  async attach(tx: Db, senderId: string, messageId: string, ids: string[]): Promise<void> {
    const rows = await tx.query(
      `UPDATE attachments a SET message_id = $1, position = k.position - 1
         FROM unnest($2::uuid[]) WITH ORDINALITY AS k(id, position)
        WHERE a.id = k.id AND a.uploader_id = $3 AND a.message_id IS NULL
       RETURNING a.id`,
      [messageId, ids, senderId],
    );
    if (rows.length !== ids.length) throw new BadInputError('Each attachment must be an upload of yours that was not sent yet', 'attachmentIds');
  }

  /** In a message delete's transaction: the rows go now, their files after the commit (see purge). */
  async removeForMessage(tx: Db, messageId: string): Promise<number> {
    const rows = await tx.query(`DELETE FROM attachments WHERE message_id = $1 RETURNING id`, [messageId]);
    return rows.length;
  }

  // ---- downloads ----

  /** The attachment when the viewer may read it: its uploader before it is sent, then the participants of its conversation. */
  async readable(viewerId: string, rawId: string): Promise<AttachmentRow> {
    const id = isUuid(rawId) ? rawId.toLowerCase() : null; // anything else: NOT_FOUND, like an unknown id
    const [row] = id
      ? await this.db.query<AttachmentRow>(
          `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a
             LEFT JOIN messages m ON m.id = a.message_id
            WHERE a.id = $1
              AND CASE WHEN a.message_id IS NULL THEN a.uploader_id = $2
                       ELSE m.deleted_at IS NULL AND EXISTS (SELECT 1 FROM participants pa WHERE pa.conversation_id = m.conversation_id AND pa.profile_id = $2) END`,
          [id, viewerId],
        )
      : [];
    if (!row) throw new MediaError('NOT_FOUND', 'No such attachment');
    return row;
  }

  async open(row: AttachmentRow, variant: Variant, range?: ByteRange): Promise<Readable> {
    const key = variant === 'thumbnail' ? row.thumbnailKey : row.storageKey;
    const body = key ? await this.store.get(key, range) : null;
    if (!body) throw new MediaError('NOT_FOUND', variant === 'thumbnail' ? 'This attachment has no thumbnail' : 'No such attachment');
    return body;
  }

  /**
   * A download path that works without headers (for <img src> and <audio src>): signed for
   * this viewer and attachment, valid for ATTACHMENT_URL_TTL_SECONDS to twice that. The expiry
   * is rounded to the window so the same URL (and the browser's cached copy) serves a while.
   */
  signedPath(viewerId: string, attachmentId: string, variant: Variant, now = Date.now()): string {
    const window = this.config.urlTtlSeconds;
    const expires = (Math.ceil(now / 1000 / window) + 1) * window;
    const token = `${expires}.${viewerId}.${this.sign(attachmentId, variant, viewerId, expires)}`;
    return `/attachments/${attachmentId}${variant === 'thumbnail' ? '/thumbnail' : ''}?t=${token}`;
  }

  /** The viewer a signed token was issued to; FORBIDDEN when it is not valid for this attachment or has expired. */
  verifyToken(token: string, attachmentId: string, variant: Variant, now = Date.now()): string {
    const [expiresRaw, viewerId, signature] = token.split('.');
    const expires = Number(expiresRaw);
    const expected = viewerId && Number.isInteger(expires) ? this.sign(attachmentId.toLowerCase(), variant, viewerId, expires) : '';
    const given = Buffer.from(signature ?? '');
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      throw new MediaError('FORBIDDEN', 'This link is not valid');
    }
    if (expires * 1000 < now) throw new MediaError('FORBIDDEN', 'This link has expired: reload to get a new one');
    return viewerId;
  }

  private sign(attachmentId: string, variant: Variant, viewerId: string, expires: number): string {
    return createHmac('sha256', this.urlKey).update(`${attachmentId}:${variant}:${viewerId}:${expires}`).digest('base64url');
  }

  // ---- cleaning up ----

  /**
   * Deletes unsent uploads older than UPLOAD_UNSENT_TTL_SECONDS, then the files of every
   * attachment row deleted so far (message deletes, deleted accounts, this sweep).
   */
  async sweep(): Promise<{ expired: number; filesDeleted: number }> {
    const expired = await this.db.query(
      `DELETE FROM attachments WHERE id IN (
         SELECT id FROM attachments WHERE message_id IS NULL AND created_at < now() - make_interval(secs => $1) LIMIT 1000)
       RETURNING id`,
      [this.config.unattachedTtlSeconds],
    );
    return { expired: expired.length, filesDeleted: await this.purge() };
  }

  /** Removes the files whose rows are gone (the blob_deletions outbox), a batch at a time; several nodes may run it at once. */
  async purge(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string; key: string }>(
          `SELECT id, storage_key AS key FROM blob_deletions ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`,
        );
        const deleted: string[] = [];
        for (const row of rows) {
          try {
            await this.store.delete(row.key);
            deleted.push(row.id);
          } catch (error) {
            this.logger?.warn({ err: (error as Error).message, key: row.key }, 'could not delete a file; will retry');
          }
        }
        if (deleted.length) await tx.query(`DELETE FROM blob_deletions WHERE id = ANY($1::bigint[])`, [deleted]);
        return { seen: rows.length, deleted: deleted.length };
      });
      total += done.deleted;
      if (done.seen < 100 || done.deleted === 0) return total;
    }
  }

  /** Runs purge soon, off the caller's path (after a delete committed). */
  purgeSoon(): void {
    setImmediate(() => void this.purge().catch((error) => this.logger?.warn({ err: error.message }, 'file purge failed')));
  }

  start(): void {
    if (!this.config.sweepIntervalMs || this.timer) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error) => this.logger?.warn({ err: error.message }, 'media sweep failed'));
    }, this.config.sweepIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** Uploads are received here before they are inspected and stored (under MEDIA_DIR even when files are kept in S3). */
export function mediaTmpDir(config: MediaConfig): string {
  return join(config.localDir, 'incoming');
}
