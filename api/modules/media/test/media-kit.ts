import { request } from 'node:http';
import sharp from 'sharp';
import type { TestApp } from '../../../test/harness';
import type { TestUser } from '../../../test/factories';

export interface UploadAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** POST /uploads as a browser or curl would (multipart field `file`). */
export async function upload(
  app: TestApp,
  user: TestUser | null,
  bytes: Buffer,
  opts: { name?: string; type?: string; query?: string; field?: string; extraFile?: boolean } = {},
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append(opts.field ?? 'file', new Blob([bytes], { type: opts.type ?? 'application/octet-stream' }), opts.name ?? 'file.bin');
  if (opts.extraFile) form.append('file', new Blob([bytes]), 'second.bin');
  const response = await fetch(`${origin(app)}/uploads${opts.query ? `?${opts.query}` : ''}`, {
    method: 'POST',
    headers: user ? { authorization: `Bearer ${user.token}` } : {},
    body: form,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export function origin(app: TestApp): string {
  return app.url.replace(/\/graphql$/, '');
}

/** GET a path on the server (a signed attachment URL, or with a Bearer token). */
export async function get(app: TestApp, path: string, token?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin(app)}${path}`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

export function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
}

/** The start of a WebM file (EBML header, DocType "webm"), as MediaRecorder writes it, then filler. */
export function webm(size = 4096): Buffer {
  const header = Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84]),
    Buffer.from('webm'),
    Buffer.from([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]),
  ]);
  return Buffer.concat([header, Buffer.alloc(size - header.length, 7)]);
}

/**
 * Streams a multipart body of `total` file bytes in chunks, without Content-Length (chunked),
 * and notes how many bytes had been written when the server answered: the answer to a file
 * over the limit must come long before the body ends.
 */
export function streamUpload(app: TestApp, user: TestUser, total: number): Promise<{ status: number; body: any; writtenWhenAnswered: number }> {
  const boundary = 'parleyboundary42';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 1);
  const { port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request({ host: '127.0.0.1', port, path: '/uploads', method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } }, (res) => {
      answered = true;
      const writtenWhenAnswered = written;
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: JSON.parse(text), writtenWhenAnswered });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = async () => {
      req.write(head);
      while (written < total && !answered) {
        const ok = req.write(chunk);
        written += chunk.length;
        if (!ok) await new Promise((r) => req.once('drain', r));
        await new Promise((r) => setTimeout(r, 1));
      }
      if (!answered) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump().catch(() => undefined);
  });
}
