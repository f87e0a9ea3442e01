import { Router, type Request, type Response } from 'express';
import { refusalMessage, type SessionsService } from '../auth/sessions.service';
import type { Logger } from '../../shared/logger';
import type { ByteRange } from './blob-store';
import { MediaError } from './media.errors';
import type { MediaService, Variant } from './media.service';
import { AttachmentKind, type AttachmentRow } from './media.types';

/**
 * Plain HTTP for the bytes (GraphQL carries ids and metadata):
 * - POST /uploads (Bearer token; multipart field `file`; `?kind=voice&durationMs=N` for a voice
 *   message) answers 201 with the attachment; sendMessage(input: { attachmentIds }) sends it.
 * - GET /attachments/:id and /attachments/:id/thumbnail with a Bearer token or the signed `t`
 *   of Attachment.url / thumbnailUrl (browsers send no headers for <img> and <audio>).
 */
export function createMediaRouter(media: MediaService, sessions: SessionsService, logger: Logger): Router {
  const router = Router();

  router.post('/uploads', async (req, res) => {
    try {
      const userId = await viewer(sessions, req.headers.authorization);
      const kind = typeof req.query.kind === 'string' ? req.query.kind : 'file';
      if (kind !== 'file' && kind !== 'voice') throw new MediaError('BAD_USER_INPUT', 'kind must be file or voice');
      const durationMs = typeof req.query.durationMs === 'string' ? req.query.durationMs : undefined;
      const row = await media.upload(userId, req, { voice: kind === 'voice', durationMs });
      res.status(201).json(describe(row));
    } catch (error) {
      refuse(res, error, logger);
    }
  });

  const download = (variant: Variant) => async (req: Request, res: Response) => {
    try {
      const id = String(req.params.id);
      const token = typeof req.query.t === 'string' ? req.query.t : undefined;
      const userId = token && !req.headers.authorization ? media.verifyToken(token, id, variant) : await viewer(sessions, req.headers.authorization);
      const row = await media.readable(userId, id);
      const size = variant === 'thumbnail' ? undefined : row.size;
      const range = size !== undefined ? parseRange(req.headers.range, size) : undefined;
      const body = await media.open(row, variant, range);
      res.status(range ? 206 : 200);
      res.setHeader('Content-Type', variant === 'thumbnail' ? 'image/webp' : row.contentType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // Even a file a browser would render (a PDF, say) runs no script of ours' origin.
      res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('Content-Disposition', disposition(row, variant));
      if (size !== undefined) {
        res.setHeader('Accept-Ranges', 'bytes');
        res.setHeader('Content-Length', range ? range.end - range.start + 1 : size);
        if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
      }
      body.on('error', (error) => {
        logger.error({ err: error }, 'attachment read failed');
        res.destroy();
      });
      body.pipe(res);
    } catch (error) {
      refuse(res, error, logger);
    }
  };
  router.get('/attachments/:id', download('file'));
  router.get('/attachments/:id/thumbnail', download('thumbnail'));
  return router;
}

async function viewer(sessions: SessionsService, header: string | undefined): Promise<string> {
  const auth = await sessions.authenticate(header);
  if (!auth) throw new MediaError('UNAUTHENTICATED', 'You must be signed in');
  if ('error' in auth) throw new MediaError('UNAUTHENTICATED', refusalMessage(auth.error));
  return auth.userId;
}

/** What POST /uploads answers: the attachment's GraphQL fields (without signed URLs). */
function describe(row: AttachmentRow) {
  const { id, kind, name, contentType, size, width, height, durationMs, createdAt } = row;
  return { id, kind, name, contentType, size, width, height, durationMs, createdAt };
}

function disposition(row: AttachmentRow, variant: Variant): string {
  const inline = variant === 'thumbnail' || row.kind !== AttachmentKind.FILE;
  const ascii = row.name.replace(/[^\x20-\x7e]|[\\%]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.name)}`;
}

/** One byte range (`bytes=a-b`, `a-`, `-n`); anything else is ignored, as RFC 9110 allows. */
function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (!match[1] && !match[2])) return undefined;
  let start: number;
  let end: number;
  if (!match[1]) {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  }
  if (start > end || start >= size) throw new MediaError('RANGE_NOT_SATISFIABLE', 'The requested range is outside the file');
  return { start, end };
}

function refuse(res: Response, error: unknown, logger: Logger): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof MediaError) {
    if (error.code === 'PAYLOAD_TOO_LARGE') res.setHeader('Connection', 'close');
    res.status(error.status).json(error.body);
    return;
  }
  logger.error({ err: error }, 'media request failed');
  res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
