import { startTestApp, TestApp } from './harness';
import { ok, registerUser, sendMessage, startChat } from './factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

// Each is stored and returned exactly as written: parameters keep SQL out, and nothing escapes HTML on the way in
// (the app renders text as text).
const HOSTILE = [
  `Robert'); DROP TABLE messages;--`,
  `' OR '1'='1`,
  `<script>alert("x")</script>`,
  `<img src=x onerror=alert(1)>`,
  `%_\\ $1 $$ ::text`,
  `emoji 👩🏽‍💻 and RTL \u202Eevil`,
];

describe('hostile strings in every text input are stored and returned verbatim', () => {
  it.each(HOSTILE.map((s) => [s]))('%s', async (text) => {
    const owner = await registerUser(app, { displayName: text });
    const other = await registerUser(app);
    const agent = ok<any>(
      await app.gql(
        `mutation($i: CreateAgentInput!) { createAgent(input: $i) { id displayName persona } }`,
        { i: { handle: `a_${Math.random().toString(36).slice(2, 12)}`, displayName: text, persona: text } },
        owner.token,
      ),
    ).createAgent;
    expect(agent).toMatchObject({ displayName: text, persona: text });
    const chat = await startChat(app, other, owner);
    const sent = await sendMessage(app, other, chat.id, text);
    expect(sent.content).toBe(text);
    const seen = ok<any>(
      await app.gql(
        `query($id: ID!) { conversation(id: $id) { lastMessagePreview otherParticipant { displayName } messages { nodes { content } } } }`,
        { id: chat.id },
        other.token,
      ),
    ).conversation;
    expect(seen.lastMessagePreview).toBe(text);
    expect(seen.otherParticipant.displayName).toBe(text);
    expect(seen.messages.nodes.map((m: any) => m.content)).toEqual([text]);
    const report = ok<any>(
      await app.gql(`mutation($i: ReportMessageInput!) { reportMessage(input: $i) { reason } }`, { i: { messageId: sent.id, reason: text } }, owner.token),
    ).reportMessage;
    expect(report.reason).toBe(text);
    // Searching with it finds nothing odd and breaks nothing.
    const found = await app.gql(`query($q: String!) { searchProfiles(query: $q, first: 5) { handle } }`, { q: text }, other.token);
    expect(found.errors).toBeUndefined();
    const [{ count }] = await app.dataSource.query(`SELECT count(*)::int AS count FROM messages WHERE id = $1 AND content = $2`, [sent.id, text]);
    expect(count).toBe(1);
  });
});
