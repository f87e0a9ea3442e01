import { serverAudits } from 'graphql-http';
import { startTestApp, TestApp } from './harness';

/**
 * The GraphQL-over-HTTP spec, checked by the reference audit suite of the `graphql-http`
 * package against the real server: every MUST audit passes (SHOULD/MAY are advice).
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('/graphql follows the GraphQL-over-HTTP spec', () => {
  const audits = serverAudits({ url: () => app.url, fetchFn: fetch });
  const must = audits.filter((audit) => audit.name.startsWith('MUST'));

  it('has MUST audits to run', () => {
    expect(must.length).toBeGreaterThan(10);
  });

  it.each(must.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
  });
});
