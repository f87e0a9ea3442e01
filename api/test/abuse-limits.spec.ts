import { startTestApp, TestApp } from './harness';
import { registerUser } from './factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_TOKENS: '400', GRAPHQL_MAX_COST: '2000', REQUEST_BODY_LIMIT_BYTES: '20000' });
});
afterAll(async () => {
  await app.stop();
});

const post = (body: unknown, token?: string) =>
  fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('hostile GraphQL documents are refused before they run', () => {
  it('too deep', async () => {
    const user = await registerUser(app);
    const deep = `{ me { agents { owner { agents { owner { agents { owner { agents { owner { handle } } } } } } } } } }`;
    const result = await app.gql(deep, {}, user.token);
    expect(result.data).toBeUndefined();
    expect(result.errors![0].message).toMatch(/depth/i);
    expect(result.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('too many aliases', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: profile(handle: "x") { handle }`).join(' ');
    const result = await app.gql(`{ ${aliases} }`);
    expect(result.errors![0].message).toMatch(/alias/i);
  });

  it('too many tokens', async () => {
    const fields = Array.from({ length: 450 }, () => 'handle').join(' ');
    const result = await app.gql(`{ profile(handle: "x") { ${fields} } }`);
    expect(result.errors![0].message).toMatch(/token/i);
  });

  it('too costly', async () => {
    const user = await registerUser(app);
    const wide = `{ conversations(first: 100) { nodes { messages(last: 200) { nodes { id content sender { handle displayName avatarUrl agents { id handle displayName } } senderAgent { id handle owner { handle } } } } } } }`;
    const result = await app.gql(wide, {}, user.token);
    expect(result.data).toBeUndefined();
    expect(result.errors![0].message).toMatch(/cost/i);
  });

  it('batched operations', async () => {
    const response = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/at .*\.js:\d+/);
  });

  it('oversized bodies, with a JSON error', async () => {
    const response = await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(30_000) } });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].message).toBe('Request body too large');
  });

  it('and the server keeps serving', async () => {
    expect((await app.gql(`{ profile(handle: "nobody_at_all") { handle } }`)).data).toEqual({ profile: null });
  });
});

describe('operations endpoints', () => {
  const base = () => app.url.replace(/\/graphql$/, '');

  it('/healthz and /readyz answer', async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: true, redis: 'not used' });
  });

  it('/metrics exposes operation latency and errors by code', async () => {
    await app.gql(`{ me { handle } }`); // UNAUTHENTICATED
    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toMatch(/parley_graphql_operation_duration_seconds_count\{type="query",field="me"\} \d+/);
    expect(text).toMatch(/parley_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
    expect(text).toMatch(/parley_websocket_connections \d+/);
    expect(text).toMatch(/parley_agent_reply_queue_depth \d+/);
    expect(text).toMatch(/parley_messages_sent_total \d+/);
  });

  it('every response carries a request id, the caller\'s when it is sane', async () => {
    const given = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123' }, body: '{"query":"{ __typename }"}' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad id <script>' }, body: '{"query":"{ __typename }"}' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
