import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { MediaError } from './media.errors';

export interface ReceivedFile {
  /** A temporary file holding every byte; the caller deletes it. */
  path: string;
  size: number;
  filename: string | undefined;
}

/**
 * Streams the one file of a multipart/form-data request (field `file`) to a temporary file,
 * counting bytes as they arrive. One byte past `maxBytes` stops it: the partial file is
 * deleted and PAYLOAD_TOO_LARGE is thrown, before the rest of the body is read, so a file
 * over the limit is never held in full, in memory or on disk.
 */
export async function receiveFile(req: IncomingMessage, tmpDir: string, maxBytes: number): Promise<ReceivedFile> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new MediaError('BAD_USER_INPUT', 'Send the file as multipart/form-data in a field named "file"');
  const declared = Number(req.headers['content-length']);
  // A body this much bigger than the limit cannot hold an acceptable file (multipart framing is small).
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw new MediaError('PAYLOAD_TOO_LARGE', tooLarge(maxBytes));
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `${randomUUID()}.upload`);

  return new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes + 1, fields: 10, parts: 12, fieldSize: 1024 } });
    } catch {
      reject(new MediaError('BAD_USER_INPUT', 'Malformed multipart request'));
      return;
    }
    let settled = false;
    let received: Promise<ReceivedFile> | null = null;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume(); // the rest of the body is read and thrown away, never stored
      void rm(path, { force: true }).finally(() => reject(error));
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || received) {
        stream.resume();
        return;
      }
      let size = 0;
      const out = createWriteStream(path, { mode: 0o600 });
      received = new Promise<ReceivedFile>((done, failed) => {
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
        });
        stream.on('limit', () => {
          stream.unpipe(out);
          out.destroy();
          failed(new MediaError('PAYLOAD_TOO_LARGE', tooLarge(maxBytes)));
        });
        out.on('error', failed);
        out.on('finish', () => done({ path, size, filename: info.filename }));
      });
      received.catch(fail);
      stream.pipe(out);
    });
    parser.on('filesLimit', () => fail(new MediaError('TOO_MANY_FILES', 'Send one file per upload')));
    parser.on('error', () => fail(new MediaError('BAD_USER_INPUT', 'Malformed multipart request')));
    parser.on('close', () => {
      if (settled) return;
      if (!received) return fail(new MediaError('BAD_USER_INPUT', 'No file: send it in a multipart field named "file"'));
      received.then(
        (file) => {
          if (settled) return;
          settled = true;
          resolve(file);
        },
        () => undefined,
      );
    });
    req.on('aborted', () => fail(new MediaError('BAD_USER_INPUT', 'The upload was interrupted')));
    req.pipe(parser);
  });
}

function tooLarge(maxBytes: number): string {
  return `The file is larger than the limit of ${formatBytes(maxBytes)} (UPLOAD_MAX_BYTES)`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
