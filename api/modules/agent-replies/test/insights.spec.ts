import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/factories';
import { agentChat, send, settled, startAgentApp } from './agent-kit';

let app: TestApp;
beforeAll(async () => {
  app = await startAgentApp();
});
afterAll(() => app.stop());

const INSIGHTS = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
  agentInsights(agentId: $id, from: $from, to: $to) {
    agentId conversations messages people takeovers humanRequests medianFirstTokenMs medianReplyMs
    replies { outcome count } busiestHours { hour messages }
  }
}`;

it('counts an agent\'s chats, messages, people, replies by outcome, reply times, takeovers and busy hours', async () => {
  const first = await agentChat(app);
  const second = await agentChat(app, { owner: first.owner, agentId: first.agent.id });
  const from = new Date(Date.now() - 60_000).toISOString();
  await send(app, first.person, first.chatId, 'Question one');
  await settled(app, first.chatId, 1);
  await send(app, first.person, first.chatId, 'Question two');
  await settled(app, first.chatId, 2);
  await send(app, second.person, second.chatId, 'Another question');
  await settled(app, second.chatId, 1);
  await send(app, second.person, second.chatId, '/human');
  ok(await app.gql(`mutation($id: ID!) { takeOverConversation(conversationId: $id) { id } }`, { id: second.chatId }, first.owner.token));
  await send(app, first.owner, second.chatId, 'I am here.');
  await new Promise((r) => setTimeout(r, 100));
  const to = new Date(Date.now() + 60_000).toISOString();

  const insights = ok<any>(await app.gql(INSIGHTS, { id: first.agent.id, from, to }, first.owner.token)).agentInsights;
  const [{ n: messages }] = await app.dataSource.query(
    `SELECT count(*)::int AS n FROM messages WHERE conversation_id = ANY($1::uuid[])`,
    [[first.chatId, second.chatId]],
  );
  expect(insights).toMatchObject({ agentId: first.agent.id, conversations: 2, messages, people: 2, takeovers: 1, humanRequests: 1 });
  expect(insights.replies).toEqual([
    { outcome: 'PENDING', count: 0 },
    { outcome: 'STREAMING', count: 0 },
    { outcome: 'COMPLETE', count: 3 },
    { outcome: 'FAILED', count: 0 },
  ]);
  expect(insights.medianFirstTokenMs).toBeGreaterThan(0);
  expect(insights.medianReplyMs).toBeGreaterThanOrEqual(insights.medianFirstTokenMs);
  expect(insights.busiestHours).toHaveLength(24);
  expect(insights.busiestHours.map((h: any) => h.hour)).toEqual([...Array(24).keys()]);
  expect(insights.busiestHours.reduce((sum: number, h: any) => sum + h.messages, 0)).toBe(messages);
  expect(insights.busiestHours[new Date().getUTCHours()].messages).toBeGreaterThan(0);

  // A period before any of it: zeros, no medians.
  const empty = ok<any>(await app.gql(INSIGHTS, { id: first.agent.id, from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' }, first.owner.token)).agentInsights;
  expect(empty).toMatchObject({ conversations: 0, messages: 0, people: 0, takeovers: 0, medianFirstTokenMs: null, medianReplyMs: null });
});

it('is for the agent\'s owner only, over a sensible period', async () => {
  const { owner, person, agent } = await agentChat(app);
  const period = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
  expect((await app.gql(INSIGHTS, { id: agent.id, ...period }, person.token)).errors?.[0]).toMatchObject({ message: 'No such agent of yours', extensions: { code: 'NOT_FOUND' } });
  expect((await app.gql(INSIGHTS, { id: agent.id, from: period.to, to: period.from }, owner.token)).errors?.[0]).toMatchObject({ message: 'from must be before to', extensions: { code: 'BAD_USER_INPUT' } });
  expect((await app.gql(INSIGHTS, { id: agent.id, from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, owner.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});
