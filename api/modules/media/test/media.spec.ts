import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startTestApp, TestApp } from '../../../test/harness';
import { ok, registerUser, sendMessage, startChat, TestUser } from '../../../test/factories';
import { get, png, streamUpload, upload, webm } from './media-kit';
import { messageTextSql } from '../attachment-preview';

/** Attachments and voice messages (issue 7) through the real HTTP endpoints, GraphQL and the local store. */
const MEDIA_DIR = mkdtempSync(join(tmpdir(), 'parley-media-'));
const LIMIT = 200_000;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ MEDIA_DIR, UPLOAD_MAX_BYTES: String(LIMIT), ATTACHMENTS_PER_MESSAGE: '3', UPLOAD_MAX_PENDING: '5', MEDIA_SWEEP_INTERVAL_MS: '0', VOICE_MAX_DURATION_MS: '600000' });
});
afterAll(() => app.stop());

const ATTACHMENT = `id kind name contentType size width height durationMs url thumbnailUrl`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id content attachments { ${ATTACHMENT} } } }`;
const HISTORY = `query($id: ID!) { conversation(id: $id) { lastSeq lastMessagePreview messages(last: 20) { nodes { id content attachments { ${ATTACHMENT} } } } } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
const send = (u: TestUser, conversationId: string, attachmentIds: string[], content = '') => app.gql(SEND, { input: { conversationId, content, attachmentIds } }, u.token);
const history = async (u: TestUser, id: string) => ok<any>(await app.gql(HISTORY, { id }, u.token)).conversation;
const stored = () => (existsSync(join(MEDIA_DIR, 'attachments')) ? readdirSync(join(MEDIA_DIR, 'attachments')).filter((f) => !f.endsWith('.partial')) : []);
const incoming = () => (existsSync(join(MEDIA_DIR, 'incoming')) ? readdirSync(join(MEDIA_DIR, 'incoming')) : []);
const pair = async () => {
  const [a, b] = [await registerUser(app), await registerUser(app)];
  return { a, b, chat: await startChat(app, a, b) };
};

describe('images', () => {
  it('stores an image with its size and a thumbnail; the other person sees it inline through signed URLs', async () => {
    const { a, b, chat } = await pair();
    const image = await png(800, 600);
    const up = await upload(app, a, image, { name: 'holiday.png', type: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'IMAGE', name: 'holiday.png', contentType: 'image/png', size: image.length, width: 800, height: 600, durationMs: null });
    expect(stored()).toEqual(expect.arrayContaining([up.body.id, `${up.body.id}-thumb`]));

    const sent = ok<any>(await send(a, chat.id, [up.body.id])).sendMessage;
    expect(sent.content).toBe('');
    const seen = await history(b, chat.id);
    expect(seen.lastMessagePreview).toBe('📷 Photo');
    const [attachment] = seen.messages.nodes[0].attachments;
    expect(attachment).toMatchObject({ id: up.body.id, kind: 'IMAGE', width: 800, height: 600 });
    expect(attachment.url).toMatch(new RegExp(`^/attachments/${up.body.id}\\?t=`));

    const thumb = await get(app, attachment.thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(thumb.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 240]);

    const file = await get(app, attachment.url);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(image)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="holiday.png"/);
  });

  it('keeps text with the files, in the order given, and previews the text', async () => {
    const { a, b, chat } = await pair();
    const one = (await upload(app, a, await png(10, 20), { name: 'one.png' })).body;
    const two = (await upload(app, a, Buffer.from('%PDF-1.4\nhello'), { name: 'report.pdf' })).body;
    ok(await send(a, chat.id, [two.id, one.id], '  look  '));
    const seen = await history(b, chat.id);
    expect(seen.lastMessagePreview).toBe('look');
    expect(seen.messages.nodes[0].attachments.map((x: any) => [x.name, x.kind, x.contentType, x.thumbnailUrl === null])).toEqual([
      ['report.pdf', 'FILE', 'application/pdf', true],
      ['one.png', 'IMAGE', 'image/png', false],
    ]);
  });

  it('previews a file-only message by its file name, and reads attachments of a page in one statement', async () => {
    const { a, b, chat } = await pair();
    for (let i = 0; i < 3; i++) {
      const f = (await upload(app, a, Buffer.from(`plain text ${i}`), { name: `notes-${i}.txt` })).body;
      ok(await send(a, chat.id, [f.id]));
    }
    await sendMessage(app, a, chat.id, 'no files here');
    await history(b, chat.id); // b's session is checked (and cached) here, not in the measured requests
    const before = app.server.db.statementCount;
    const page = await history(b, chat.id);
    const used = app.server.db.statementCount - before;
    const withoutFiles = app.server.db.statementCount;
    await app.gql(`query($id: ID!) { conversation(id: $id) { lastSeq lastMessagePreview messages(last: 20) { nodes { id content } } } }`, { id: chat.id }, b.token);
    expect(used - (app.server.db.statementCount - withoutFiles)).toBe(1);
    expect(page.messages.nodes.map((n: any) => n.attachments.map((x: any) => x.name))).toEqual([['notes-0.txt'], ['notes-1.txt'], ['notes-2.txt'], []]);
    ok(await app.gql(`mutation($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: page.messages.nodes[3].id }, a.token));
    expect((await history(b, chat.id)).lastMessagePreview).toBe('notes-2.txt');
    // Emails and agents' context read text: a message with only files reads as its first file.
    const texts = await app.dataSource.query(`SELECT ${messageTextSql('m')} AS text FROM messages m WHERE m.conversation_id = $1 ORDER BY m.seq`, [chat.id]);
    expect(texts.map((r: any) => r.text)).toEqual(['notes-0.txt', 'notes-1.txt', 'notes-2.txt', '']);
  });
});

describe('content types come from the bytes', () => {
  it('stores a spoofed "image" (HTML named cat.png, sent as image/png) as a file to download, never as an image', async () => {
    const { a, b, chat } = await pair();
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    const up = await upload(app, a, html, { name: 'cat.png', type: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'FILE', contentType: 'application/octet-stream', name: 'cat.png', width: null });
    ok(await send(a, chat.id, [up.body.id]));
    const [attachment] = (await history(b, chat.id)).messages.nodes[0].attachments;
    expect(attachment.thumbnailUrl).toBeNull();
    const file = await get(app, attachment.url);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="cat.png"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('refuses a damaged image and a voice message that is not audio, storing nothing', async () => {
    const { a } = await pair();
    const before = stored().length;
    const broken = Buffer.concat([(await png(50, 50)).subarray(0, 40), Buffer.alloc(100)]);
    const bad = await upload(app, a, broken, { name: 'x.png' });
    expect([bad.status, bad.body.errors[0].extensions.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const notAudio = await upload(app, a, await png(5, 5), { name: 'voice.webm', type: 'audio/webm', query: 'kind=voice&durationMs=1000' });
    expect([notAudio.status, notAudio.body.errors[0].extensions.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(notAudio.body.errors[0].message).toBe('A voice message must be WebM, Ogg, MP4 or MP3 audio');
    expect(stored().length).toBe(before);
    expect(incoming()).toEqual([]);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM attachments WHERE uploader_id = $1`, [a.userId]);
    expect(count).toBe(0);
  });
});

describe('voice messages', () => {
  it('keeps audio with its duration; downloads answer byte ranges so players can seek', async () => {
    const { a, b, chat } = await pair();
    const audio = webm(5000);
    const up = await upload(app, a, audio, { name: 'blob', type: 'video/webm', query: 'kind=voice&durationMs=4200' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'VOICE', contentType: 'audio/webm', durationMs: 4200, size: 5000 });
    ok(await send(a, chat.id, [up.body.id]));
    const seen = await history(b, chat.id);
    expect(seen.lastMessagePreview).toBe('🎤 Voice message');
    const [attachment] = seen.messages.nodes[0].attachments;
    const part = await get(app, attachment.url, undefined, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/5000');
    expect(part.bytes.equals(audio.subarray(100, 200))).toBe(true);
    expect((await get(app, attachment.url, undefined, { range: 'bytes=9000-' })).status).toBe(416);
  });

  it('needs a duration within VOICE_MAX_DURATION_MS', async () => {
    const { a } = await pair();
    for (const query of ['kind=voice', 'kind=voice&durationMs=0', 'kind=voice&durationMs=600001', 'kind=voice&durationMs=12.5', 'kind=song']) {
      const answer = await upload(app, a, webm(), { query });
      expect([query, answer.status, answer.body.errors[0].extensions.code]).toEqual([query, 400, 'BAD_USER_INPUT']);
    }
  });
});

describe('limits', () => {
  it('stops a file over UPLOAD_MAX_BYTES while it streams in: 413, the partial file deleted, nothing recorded', async () => {
    const { a } = await pair();
    const before = stored().length;
    const total = 40 * 1024 * 1024;
    const answer = await streamUpload(app, a, total);
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0]).toEqual({ message: 'The file is larger than the limit of 195.3 KB (UPLOAD_MAX_BYTES)', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(answer.writtenWhenAnswered).toBeLessThan(total / 4);
    expect(incoming()).toEqual([]);
    expect(stored().length).toBe(before);
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM attachments WHERE uploader_id = $1`, [a.userId]);
    expect(count).toBe(0);
  });

  it('takes a file of exactly the limit, refuses one byte more (declared length or not)', async () => {
    const { a } = await pair();
    expect((await upload(app, a, Buffer.alloc(LIMIT, 3))).status).toBe(201);
    const over = await upload(app, a, Buffer.alloc(LIMIT + 1, 3));
    expect([over.status, over.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const huge = await upload(app, a, Buffer.alloc(LIMIT * 2, 3));
    expect(huge.status).toBe(413);
    expect(incoming()).toEqual([]);
  });

  it('one file per upload, at most ATTACHMENTS_PER_MESSAGE per message, at most UPLOAD_MAX_PENDING waiting', async () => {
    const { a, b, chat } = await pair();
    const two = await upload(app, a, Buffer.from('x'), { extraFile: true });
    expect([two.status, two.body.errors[0].extensions.code]).toEqual([400, 'TOO_MANY_FILES']);
    const none = await upload(app, a, Buffer.from('x'), { field: 'other' });
    expect([none.status, none.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(app, a, Buffer.from(`file ${i}`), { name: `${i}.txt` })).body.id);
    const sixth = await upload(app, a, Buffer.from('one too many'));
    expect([sixth.status, sixth.body.errors[0].extensions.code]).toEqual([429, 'TOO_MANY_UPLOADS']);

    const tooMany = await send(a, chat.id, ids.slice(0, 4));
    expect(code(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].message).toBe('A message may carry at most 3 attachments (ATTACHMENTS_PER_MESSAGE)');
    expect((await history(b, chat.id)).lastSeq).toBe(0);
    ok(await send(a, chat.id, ids.slice(0, 3)));
    expect((await upload(app, a, Buffer.from('room again'))).status).toBe(201);
  });

  it('simultaneous uploads never exceed UPLOAD_MAX_PENDING, and the refused ones leave no file behind', async () => {
    const { a } = await pair();
    const before = stored().length;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => upload(app, a, Buffer.from(`race ${i}`), { name: `${i}.txt` })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 429).every((r) => r.body.errors[0].extensions.code === 'TOO_MANY_UPLOADS')).toBe(true);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    const [{ pending }] = await app.dataSource.query(`SELECT count(*)::int AS pending FROM attachments WHERE uploader_id = $1 AND message_id IS NULL`, [a.userId]);
    expect(pending).toBe(5);
    expect(stored().length - before).toBe(5);
  });

  it('sends only your own unsent uploads, each once; a refused send writes nothing', async () => {
    const { a, b, chat } = await pair();
    const mine = (await upload(app, a, Buffer.from('mine'))).body.id;
    const theirs = (await upload(app, b, Buffer.from('theirs'))).body.id;
    for (const ids of [[theirs], [mine, mine], [mine, theirs], ['not-a-uuid'], ['00000000-0000-4000-8000-000000000000']]) {
      expect(code(await send(a, chat.id, ids))).toBe('BAD_USER_INPUT');
    }
    expect(code(await app.gql(SEND, { input: { conversationId: chat.id, content: '   ' } }, a.token))).toBe('BAD_USER_INPUT');
    expect((await history(b, chat.id)).lastSeq).toBe(0);
    ok(await send(a, chat.id, [mine]));
    expect(code(await send(a, chat.id, [mine]))).toBe('BAD_USER_INPUT'); // already sent
    expect((await history(b, chat.id)).lastSeq).toBe(1);
  });

  it('lets only one of two concurrent sends claim the same upload; the other writes nothing', async () => {
    const { a, b, chat } = await pair();
    const id = (await upload(app, a, Buffer.from('contested'))).body.id;
    const results = await Promise.all([send(a, chat.id, [id], 'first'), send(a, chat.id, [id], 'second')]);
    expect(results.map((r) => (r.errors ? code(r) : 'sent')).sort()).toEqual(['BAD_USER_INPUT', 'sent']);
    const seen = await history(b, chat.id);
    expect(seen.lastSeq).toBe(1);
    expect(seen.messages.nodes).toHaveLength(1);
    expect(seen.messages.nodes[0].attachments.map((x: any) => x.id)).toEqual([id]);
  });

  it('keeps the send without files to one statement; with files the claim is one more in the same transaction', async () => {
    const { a, chat } = await pair();
    let before = app.server.db.statementCount;
    await sendMessage(app, a, chat.id, 'plain');
    expect(app.server.db.statementCount - before).toBe(1);
    const id = (await upload(app, a, Buffer.from('f'))).body.id;
    before = app.server.db.statementCount;
    ok(await app.gql(`mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId: chat.id, content: '', attachmentIds: [id] } }, a.token));
    expect(app.server.db.statementCount - before).toBe(3); // check the ids, send, claim
  });
});

describe('downloads are authorized', () => {
  it('401 without credentials, 404 for outsiders, 403 for a forged or expired link; the uploader alone before sending', async () => {
    const { a, b, chat } = await pair();
    const outsider = await registerUser(app);
    const up = (await upload(app, a, await png(30, 30))).body;
    const path = `/attachments/${up.id}`;
    expect((await get(app, path)).status).toBe(401);
    expect((await get(app, path, 'not-a-token')).status).toBe(401);
    expect((await get(app, path, a.token)).status).toBe(200); // the uploader, before sending
    expect((await get(app, path, b.token)).status).toBe(404); // not sent yet: nobody else
    expect((await get(app, `${path}/thumbnail`, b.token)).status).toBe(404);
    ok(await send(a, chat.id, [up.id]));
    expect((await get(app, path, b.token)).status).toBe(200);
    expect((await get(app, `${path}/thumbnail`, b.token)).status).toBe(200);
    const outside = await get(app, path, outsider.token);
    expect(outside.status).toBe(404);
    expect(JSON.parse(outside.bytes.toString()).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await get(app, '/attachments/..%2F..%2Fetc%2Fpasswd', a.token)).status).toBe(404);

    // Signed links: bound to the viewer, the attachment and the variant.
    const signed = app.server.services.media.signedPath(b.userId, up.id, 'file');
    expect((await get(app, signed)).status).toBe(200);
    const forOutsider = signed.replace(b.userId, outsider.userId);
    expect((await get(app, forOutsider)).status).toBe(403);
    expect((await get(app, signed.replace(`/attachments/${up.id}`, `/attachments/${up.id}/thumbnail`))).status).toBe(403);
    const outsiders = app.server.services.media.signedPath(outsider.userId, up.id, 'file');
    expect((await get(app, outsiders)).status).toBe(404); // a valid signature does not make an outsider a participant
    const old = app.server.services.media.signedPath(b.userId, up.id, 'file', Date.now() - 3 * 3600_000);
    const expired = await get(app, old);
    expect(expired.status).toBe(403);
    expect(JSON.parse(expired.bytes.toString()).errors[0].message).toBe('This link has expired: reload to get a new one');
  });
});

describe('deleting', () => {
  it('deleting a message deletes its files and rows; its links stop working', async () => {
    const { a, b, chat } = await pair();
    const image = (await upload(app, a, await png(64, 64))).body;
    const doc = (await upload(app, a, Buffer.from('%PDF-1.4 doc'))).body;
    const sent = ok<any>(await send(a, chat.id, [image.id, doc.id])).sendMessage;
    const url = sent.attachments[0].url;
    expect(stored()).toEqual(expect.arrayContaining([image.id, `${image.id}-thumb`, doc.id]));
    const deleted = ok<any>(await app.gql(`mutation($id: ID!) { deleteMessage(messageId: $id) { id attachments { id } } }`, { id: sent.id }, a.token)).deleteMessage;
    expect(deleted.attachments).toEqual([]);
    expect(stored()).not.toEqual(expect.arrayContaining([image.id]));
    expect(stored().filter((f) => [image.id, `${image.id}-thumb`, doc.id].includes(f))).toEqual([]);
    expect(await app.dataSource.query(`SELECT id FROM attachments WHERE id = ANY($1::uuid[])`, [[image.id, doc.id]])).toEqual([]);
    expect(await app.dataSource.query(`SELECT id FROM blob_deletions`)).toEqual([]);
    expect((await get(app, url)).status).toBe(404);
    expect((await get(app, `/attachments/${image.id}`, b.token)).status).toBe(404);
  });

  it('the sweep deletes unsent uploads older than UPLOAD_UNSENT_TTL_SECONDS, and the files of a deleted account', async () => {
    const { a, b, chat } = await pair();
    const old = (await upload(app, a, Buffer.from('forgotten'))).body;
    const fresh = (await upload(app, a, Buffer.from('just now'))).body;
    const sentOld = (await upload(app, a, Buffer.from('sent long ago'))).body;
    ok(await send(a, chat.id, [sentOld.id]));
    await app.dataSource.query(`UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [[old.id, sentOld.id]]);
    const leaver = await registerUser(app);
    const leaverFile = (await upload(app, leaver, Buffer.from('mine alone'))).body;

    ok(await app.gql(`mutation { deleteAccount(password: "correct horse battery") }`, {}, leaver.token));
    const result = await app.server.services.media.sweep();
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const left = stored();
    expect(left).toEqual(expect.arrayContaining([fresh.id, sentOld.id]));
    expect(left).not.toContain(old.id);
    expect(left).not.toContain(leaverFile.id);
    expect((await get(app, `/attachments/${sentOld.id}`, b.token)).status).toBe(200);
  });
});
