import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { startTestApp, TestApp } from '../../../test/harness';
import { ok, registerUser, startChat } from '../../../test/factories';
import { get, png, upload, webm } from './media-kit';

// s3rver: an S3-compatible server in this process (path-style, SigV4), so the S3 store is tested over real HTTP.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

/** The same flows as media.spec, with MEDIA_STORAGE=s3 against an in-process S3-compatible server. */
const S3_DIR = mkdtempSync(join(tmpdir(), 'parley-s3-'));
let s3: { run(): Promise<{ port: number }>; close(): Promise<void> };
let client: S3Client;
let app: TestApp;

beforeAll(async () => {
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: S3_DIR, configureBuckets: [{ name: 'parley-media' }] });
  const { port } = await s3.run();
  const endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  app = await startTestApp({
    MEDIA_STORAGE: 's3',
    MEDIA_DIR: mkdtempSync(join(tmpdir(), 'parley-s3-incoming-')),
    S3_BUCKET: 'parley-media',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_PREFIX: 'test/',
    UPLOAD_MAX_BYTES: '100000',
    MEDIA_SWEEP_INTERVAL_MS: '0',
  });
});
afterAll(async () => {
  await app?.stop();
  client?.destroy();
  await s3?.close();
  rmSync(S3_DIR, { recursive: true, force: true });
});

const objects = async () => ((await client.send(new ListObjectsV2Command({ Bucket: 'parley-media' }))).Contents ?? []).map((o) => o.Key);

it('keeps uploads in the bucket, serves them (and byte ranges) to participants, and deletes them with the message', async () => {
  const [a, b] = [await registerUser(app), await registerUser(app)];
  const chat = await startChat(app, a, b);
  expect(app.server.services.media.store.kind).toBe('s3');
  const image = (await upload(app, a, await png(640, 320), { name: 'wide.png' })).body;
  const voice = (await upload(app, a, webm(3000), { query: 'kind=voice&durationMs=1500' })).body;
  expect(await objects()).toEqual(expect.arrayContaining([`test/attachments/${image.id}`, `test/attachments/${image.id}-thumb`, `test/attachments/${voice.id}`]));

  const sent = ok<any>(
    await app.gql(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id attachments { kind url thumbnailUrl } } }`,
      { input: { conversationId: chat.id, content: 'from the bucket', attachmentIds: [image.id, voice.id] } },
      a.token,
    ),
  ).sendMessage;
  const thumb = await get(app, sent.attachments[0].thumbnailUrl);
  expect(thumb.status).toBe(200);
  expect(await sharp(thumb.bytes).metadata()).toMatchObject({ width: 320, height: 160 });
  const part = await get(app, `/attachments/${voice.id}`, b.token, { range: 'bytes=0-3' });
  expect([part.status, [...part.bytes]]).toEqual([206, [0x1a, 0x45, 0xdf, 0xa3]]);

  const outsider = await registerUser(app);
  expect((await get(app, `/attachments/${voice.id}`, outsider.token)).status).toBe(404);

  ok(await app.gql(`mutation($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: sent.id }, a.token));
  const left = await objects();
  expect(left.filter((key) => key?.includes(image.id) || key?.includes(voice.id))).toEqual([]);
  expect((await get(app, sent.attachments[1].url)).status).toBe(404);
});

it('refuses a file over the limit without putting anything in the bucket', async () => {
  const a = await registerUser(app);
  const before = await objects();
  const answer = await upload(app, a, Buffer.alloc(150_000, 1));
  expect([answer.status, answer.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  expect(await objects()).toEqual(before);
});
