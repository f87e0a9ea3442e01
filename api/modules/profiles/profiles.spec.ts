import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp, uniqueHandle } from '../../test/harness';
import { createAgent, ok, registerUser } from '../../test/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const PROFILE = `query($handle: String!) { profile(handle: $handle) { userId handle displayName agents { id handle visibility } } }`;
const SEARCH = `query($query: String!, $first: Int) { searchProfiles(query: $query, first: $first) { userId handle displayName } }`;
const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
/** A random lower-case tag no other test's handles or names contain. */
const tag = () => randomBytes(5).toString('hex').replace(/^\d/, 'k');

describe('profile(handle)', () => {
  it('is public: answers without a token', async () => {
    const user = await registerUser(app, { displayName: 'Public Person' });
    const data = ok<any>(await app.gql(PROFILE, { handle: user.handle }));
    expect(data.profile).toEqual({ userId: user.userId, handle: user.handle, displayName: 'Public Person', agents: [] });
  });

  it('accepts any letter case and a leading @', async () => {
    const user = await registerUser(app);
    for (const handle of [user.handle.toUpperCase(), `@${user.handle}`]) {
      expect(ok<any>(await app.gql(PROFILE, { handle })).profile.userId).toBe(user.userId);
    }
  });

  it('is null, not an error, when the handle is unknown', async () => {
    const result = await app.gql(PROFILE, { handle: uniqueHandle('ghost') });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ profile: null });
  });
});

describe('Profile.agents', () => {
  it('shows PUBLIC agents to others and PRIVATE ones only to the owner', async () => {
    const owner = await registerUser(app);
    const other = await registerUser(app);
    const pub = await createAgent(app, owner, { visibility: 'PUBLIC' });
    const priv = await createAgent(app, owner, { visibility: 'PRIVATE' });
    const ids = (result: any) => ok<any>(result).profile.agents.map((a: { id: string }) => a.id);

    expect(ids(await app.gql(PROFILE, { handle: owner.handle }))).toEqual([pub.id]);
    expect(ids(await app.gql(PROFILE, { handle: owner.handle }, other.token))).toEqual([pub.id]);
    expect(ids(await app.gql(PROFILE, { handle: owner.handle }, owner.token))).toEqual([pub.id, priv.id]);
    expect(ok<any>(await app.gql(`{ me { agents { id visibility } } }`, {}, owner.token)).me.agents).toEqual([
      { id: pub.id, visibility: 'PUBLIC' },
      { id: priv.id, visibility: 'PRIVATE' },
    ]);
  });

  it('lists several profiles\' agents each under their own owner (search results)', async () => {
    const t = tag();
    const a = await registerUser(app, { handle: `${t}_a` });
    const b = await registerUser(app, { handle: `${t}_b` });
    const agentA = await createAgent(app, a);
    const agentB = await createAgent(app, b);
    await createAgent(app, b, { visibility: 'PRIVATE' });
    const data = ok<any>(await app.gql(`query($q: String!) { searchProfiles(query: $q) { handle agents { id } } }`, { q: t }, a.token));
    expect(data.searchProfiles).toEqual([
      { handle: a.handle, agents: [{ id: agentA.id }] },
      { handle: b.handle, agents: [{ id: agentB.id }] },
    ]);
  });
});

describe('searchProfiles', () => {
  it('needs a token', async () => {
    const result = await app.gql(SEARCH, { query: 'abc' });
    expect(code(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeFalsy();
  });

  it('finds handles by prefix and by substring, prefix matches first', async () => {
    const t = tag();
    const viewer = await registerUser(app);
    const prefix = await registerUser(app, { handle: `${t}_zz` });
    const middle = await registerUser(app, { handle: `aa_${t}` });
    const exact = await registerUser(app, { handle: t });
    const found = ok<any>(await app.gql(SEARCH, { query: t }, viewer.token)).searchProfiles.map((p: { handle: string }) => p.handle);
    expect(found).toEqual([exact.handle, prefix.handle, middle.handle]);
    const byPrefix = ok<any>(await app.gql(SEARCH, { query: `@${t.toUpperCase()}_Z` }, viewer.token)).searchProfiles;
    expect(byPrefix.map((p: { userId: string }) => p.userId)).toEqual([prefix.userId]);
  });

  it('finds display names by prefix and substring, ignoring letter case', async () => {
    const t = tag();
    const viewer = await registerUser(app);
    const starts = await registerUser(app, { displayName: `${t.toUpperCase()} Starts` });
    const contains = await registerUser(app, { displayName: `Has ${t} Inside` });
    const found = ok<any>(await app.gql(SEARCH, { query: t }, viewer.token)).searchProfiles.map((p: { userId: string }) => p.userId);
    expect(found).toEqual([starts.userId, contains.userId]);
    const bySubstring = ok<any>(await app.gql(SEARCH, { query: `${t} insi` }, viewer.token)).searchProfiles;
    expect(bySubstring.map((p: { displayName: string }) => p.displayName)).toEqual([`Has ${t} Inside`]);
  });

  it('treats _ and % in the query literally, not as wildcards', async () => {
    const t = tag();
    const viewer = await registerUser(app);
    const underscored = await registerUser(app, { handle: `${t}_x` });
    await registerUser(app, { handle: `${t}ax` });
    await registerUser(app, { displayName: `${t} 50 off` });
    const percent = await registerUser(app, { displayName: `${t} 50% off` });
    const under = ok<any>(await app.gql(SEARCH, { query: `${t}_` }, viewer.token)).searchProfiles;
    expect(under.map((p: { userId: string }) => p.userId)).toEqual([underscored.userId]);
    const pct = ok<any>(await app.gql(SEARCH, { query: `${t} 50%` }, viewer.token)).searchProfiles;
    expect(pct.map((p: { userId: string }) => p.userId)).toEqual([percent.userId]);
    const bare = ok<any>(await app.gql(SEARCH, { query: '%' }, viewer.token)).searchProfiles;
    expect(bare.length).toBeGreaterThan(0);
    expect(bare.every((p: { handle: string; displayName: string | null }) => p.displayName?.includes('%'))).toBe(true);
  });

  it('returns at most `first` results and defaults to 10', async () => {
    const t = tag();
    const viewer = await registerUser(app);
    for (let i = 0; i < 12; i++) await registerUser(app, { handle: `${t}_${String(i).padStart(2, '0')}` });
    expect(ok<any>(await app.gql(SEARCH, { query: t, first: 3 }, viewer.token)).searchProfiles.map((p: any) => p.handle)).toEqual([
      `${t}_00`, `${t}_01`, `${t}_02`,
    ]);
    expect(ok<any>(await app.gql(SEARCH, { query: t }, viewer.token)).searchProfiles).toHaveLength(10);
    expect(ok<any>(await app.gql(SEARCH, { query: t, first: 50 }, viewer.token)).searchProfiles).toHaveLength(12);
  });

  it.each([0, -1, 51])('rejects first: %d with BAD_USER_INPUT', async (first) => {
    const viewer = await registerUser(app);
    const result = await app.gql(SEARCH, { query: 'abc', first }, viewer.token);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe('first must be between 1 and 50');
    expect(result.data).toBeFalsy();
  });

  it.each([
    ['empty', '', 'query must not be empty'],
    ['whitespace only', '   ', 'query must not be empty'],
    ['over 100 characters', 'a'.repeat(101), 'query must be at most 100 characters'],
  ])('rejects a query that is %s with BAD_USER_INPUT', async (_what, query, message) => {
    const viewer = await registerUser(app);
    const result = await app.gql(SEARCH, { query }, viewer.token);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe(message);
  });
});
