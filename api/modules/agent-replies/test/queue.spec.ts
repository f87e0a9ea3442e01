import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { TestApp } from '../../../test/harness';
import { createAgent, ok, registerUser, startChat } from '../../../test/factories';
import { FakeModelServer } from './fake-model-server';
import { agentChat, messagesOf, replies, send, settled, startAgentApp, until } from './agent-kit';

let model: FakeModelServer;
beforeAll(async () => {
  model = await FakeModelServer.start();
});
afterAll(() => model.close());

const modelEnv = () => ({ AGENT_MODEL_BASE_URL: model.baseUrl, AGENT_MODEL: 'fake-model' });
const jobState = async (app: TestApp, queue: string, messageId: string): Promise<string[]> =>
  (await app.dataSource.query(`SELECT state::text FROM pgboss.job WHERE name = $1 AND data->>'messageId' = $2 ORDER BY created_on`, [queue, messageId])).map((r: any) => r.state);

describe('limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAgentApp({ ...modelEnv(), AGENT_CONCURRENCY_PER_AGENT: '1', AGENT_REPLIES_PER_HOUR: '2' });
  });
  afterAll(() => app.stop());

  it('answers one person at a time per agent when AGENT_CONCURRENCY_PER_AGENT=1, and two agents side by side', async () => {
    model.behave = () => ({ kind: 'stream', chunks: ['one ', 'moment ', 'please'], delayMs: 80 });
    const first = await agentChat(app);
    const second = await agentChat(app, { owner: first.owner, agentId: first.agent.id });
    model.maxInFlight = 0;
    await Promise.all([send(app, first.person, first.chatId, 'Hello?'), send(app, second.person, second.chatId, 'Hi?')]);
    const [a] = await settled(app, first.chatId);
    const [b] = await settled(app, second.chatId);
    expect([a.content, b.content]).toEqual(['one moment please', 'one moment please']);
    expect(model.maxInFlight).toBe(1);

    // The cap is per agent: another agent's chat runs alongside.
    const third = await agentChat(app);
    model.maxInFlight = 0;
    await Promise.all([send(app, first.person, first.chatId, 'Again?'), send(app, third.person, third.chatId, 'Hey?')]);
    await settled(app, first.chatId, 2);
    await settled(app, third.chatId);
    expect(model.maxInFlight).toBe(2);
  });

  it('stops answering a person after AGENT_REPLIES_PER_HOUR replies, with a clear message, keeping their messages', async () => {
    model.behave = () => ({ kind: 'stream', chunks: ['ok'] });
    const { person, chatId } = await agentChat(app);
    await send(app, person, chatId, 'one');
    await settled(app, chatId, 1);
    await send(app, person, chatId, 'two');
    await settled(app, chatId, 2);
    const third = await send(app, person, chatId, 'three');
    const notice = await until('the budget notice', async () => (await messagesOf(app, person, chatId)).find((m) => m.senderType === 'SYSTEM' && m.seq > third.seq));
    expect(notice.content).toMatch(/^You have used all 2 agent replies you can get in an hour\. Test Agent can answer again in about (60|59) minutes; Olivia Owner can still read your message\.$/);
    expect(await replies(app, chatId)).toHaveLength(2);
    expect((await messagesOf(app, person, chatId)).map((m) => m.content)).toEqual(expect.arrayContaining(['one', 'two', 'three']));
    // The budget is the person's, across agents.
    const other = await createAgent(app, await registerUser(app));
    const otherOwner = (await app.dataSource.query(`SELECT owner_id FROM agents WHERE id = $1`, [other.id]))[0].owner_id;
    const chat = await startChat(app, person, { userId: otherOwner, token: '', handle: '' }, other.id);
    await send(app, person, chat.id, 'anyone?');
    await until('the second notice', async () => (await messagesOf(app, person, chat.id)).some((m) => m.senderType === 'SYSTEM' && m.content.startsWith('You have used all 2')));
    expect(await replies(app, chat.id)).toHaveLength(0);
  });
});

describe('restarts', () => {
  it('finishes a reply after the server is stopped mid-reply and another starts on the same database: same message, no duplicate', async () => {
    const queue = `agent_test_${randomBytes(5).toString('hex')}`;
    let calls = 0;
    // The first node gets two pieces, then the model goes quiet; the second node gets the whole answer.
    model.behave = (request) =>
      request.body.messages.at(-1)?.content !== 'Long question' ? { kind: 'stream', chunks: ['?'] }
        : calls++ === 0 ? { kind: 'stream', chunks: ['Part ', 'one ', 'never sent'], stallAfter: 2 }
        : { kind: 'stream', chunks: ['Whole ', 'answer.'], delayMs: 5 };
    const nodeA = await startAgentApp({ ...modelEnv(), AGENT_QUEUE_NAME: queue, AGENT_IDLE_TIMEOUT_MS: '20000' });
    let streaming, person, chatId: string;
    try {
      ({ person, chatId } = await agentChat(nodeA));
      await send(nodeA, person, chatId, 'Long question');
      streaming = await until('the first node to stream', async () => (await replies(nodeA, chatId)).find((r) => r.content === 'Part one '));
      expect(streaming).toMatchObject({ state: 'STREAMING', attempt: 1 });
    } finally {
      await nodeA.stop();
    }

    const db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    try {
      const [left] = (await db.query(`SELECT state, content FROM messages WHERE id = $1`, [streaming.id])).rows;
      expect(left).toEqual({ state: 'STREAMING', content: 'Part one ' });
      const jobs = (await db.query(`SELECT state::text FROM pgboss.job WHERE name = $1 AND data->>'messageId' = $2`, [queue, streaming.id])).rows;
      expect(jobs).toEqual([{ state: 'retry' }]);
    } finally {
      await db.end();
    }

    const nodeB = await startAgentApp({ ...modelEnv(), AGENT_QUEUE_NAME: queue });
    try {
      const [done] = await settled(nodeB, chatId, 1, 20_000);
      expect(done).toMatchObject({ id: streaming.id, seq: streaming.seq, state: 'COMPLETE', content: 'Whole answer.' });
      expect(done.attempt).toBeGreaterThan(streaming.attempt);
      expect(await replies(nodeB, chatId)).toHaveLength(1);
      expect((await messagesOf(nodeB, person, chatId)).filter((m) => m.senderType === 'AGENT')).toHaveLength(1);
      expect(await jobState(nodeB, queue, streaming.id)).toEqual(['completed']);
      expect(calls).toBe(2);
    } finally {
      await nodeB.stop();
    }
  }, 40_000);

  it('takes back the job of a worker that vanished (its job expired); the lost worker can no longer write', async () => {
    const queue = `agent_test_${randomBytes(5).toString('hex')}`;
    let release!: () => void;
    const stuck = new Promise((r) => (release = () => r(undefined)));
    let calls = 0;
    model.behave = (request) =>
      request.body.messages.at(-1)?.content !== 'Where did you go?' ? { kind: 'stream', chunks: ['?'] }
        : calls++ === 0 ? { kind: 'stream', chunks: ['I ', 'was ', 'lost ', 'forever'], stallAfter: 1, resume: stuck, delayMs: 5 }
        : { kind: 'stream', chunks: ['Right ', 'here.'] };
    const app = await startAgentApp({ ...modelEnv(), AGENT_QUEUE_NAME: queue, AGENT_IDLE_TIMEOUT_MS: '20000' });
    try {
      const { person, chatId } = await agentChat(app);
      await send(app, person, chatId, 'Where did you go?');
      const lost = await until('the first worker to stream', async () => (await replies(app, chatId)).find((r) => r.content === 'I '));
      // As if its node had died long ago: the job's time is up; pg-boss's maintenance puts it back.
      await app.dataSource.query(`UPDATE pgboss.job SET started_on = now() - interval '2 hours' WHERE name = $1 AND state = 'active'`, [queue]);
      await app.server.services.agentReplies.queue.maintain();
      const [done] = await settled(app, chatId, 1, 20_000);
      expect(done).toMatchObject({ id: lost.id, state: 'COMPLETE', content: 'Right here.' });
      expect(done.attempt).toBeGreaterThan(lost.attempt);
      // The lost worker comes back to life: its next write finds another attempt owns the reply, and it stops.
      release();
      await until('the lost stream to end', async () => model.inFlight === 0);
      await new Promise((r) => setTimeout(r, 200));
      expect(await replies(app, chatId)).toEqual([expect.objectContaining({ id: lost.id, state: 'COMPLETE', content: 'Right here.' })]);
      expect(calls).toBe(2);
    } finally {
      await app.stop();
    }
  }, 40_000);

  it('fails a queued reply whose agent was deleted while it waited, instead of leaving it pending', async () => {
    const queue = `agent_test_${randomBytes(5).toString('hex')}`;
    const apiOnly = await startAgentApp({ AGENT_QUEUE_NAME: queue, AGENT_WORKER_CONCURRENCY: '0' });
    let chatId: string;
    try {
      const chat = await agentChat(apiOnly);
      chatId = chat.chatId;
      await send(apiOnly, chat.person, chatId, 'Still there?');
      await new Promise((r) => setTimeout(r, 700));
      expect(await replies(apiOnly, chatId)).toEqual([expect.objectContaining({ state: 'PENDING' })]); // no worker on this node
      ok(await apiOnly.gql(`mutation($id: ID!) { deleteAgent(id: $id) }`, { id: chat.agent.id }, chat.owner.token));
    } finally {
      await apiOnly.stop();
    }
    const worker = await startAgentApp({ AGENT_QUEUE_NAME: queue });
    try {
      const [reply] = await settled(worker, chatId);
      expect(reply).toMatchObject({ state: 'FAILED', content: 'This agent was deleted before it could answer.' });
    } finally {
      await worker.stop();
    }
  }, 30_000);
});
