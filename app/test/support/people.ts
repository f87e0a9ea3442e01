import type { BrowserContext, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../../api/test/harness';

export const PASSWORD = 'correct horse battery';

export function handle(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** Signs up through the app's own form, as a person would. */
export async function signUpInBrowser(page: Page, origin: string, who: { handle: string; displayName: string }): Promise<void> {
  await page.goto(`${origin}/signup`);
  await page.getByLabel('Handle').fill(who.handle);
  await page.getByLabel('Display name (optional)').fill(who.displayName);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL(/\/messages$/);
  await page.getByRole('button', { name: `Account menu for ${who.displayName}` }).waitFor();
}

export interface ApiPerson {
  token: string;
  userId: string;
  handle: string;
  displayName: string;
}

/** Makes an account through the API (for people a test only needs in the background). */
export async function registerViaApi(app: TestApp, who: { handle: string; displayName: string }): Promise<ApiPerson> {
  const result = await app.gql<{ register: { token: string; profile: { userId: string; handle: string } } }>(
    'mutation ($input: RegisterInput!) { register(input: $input) { token profile { userId handle } } }',
    { input: { handle: who.handle, password: PASSWORD, displayName: who.displayName } },
  );
  if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  return { token: result.data.register.token, userId: result.data.register.profile.userId, handle: who.handle, displayName: who.displayName };
}

/** Puts an API-made session into the browser, the way the app stores it after signing in. */
export async function useSessionIn(context: BrowserContext, person: ApiPerson): Promise<void> {
  const profile = { __typename: 'Profile', userId: person.userId, handle: person.handle, displayName: person.displayName, avatarUrl: null };
  await context.addInitScript(
    ({ token, profileJson }) => {
      const storage = (globalThis as any).localStorage;
      if (!storage.getItem('parley.token')) {
        storage.setItem('parley.token', token);
        storage.setItem('parley.profile', profileJson);
      }
    },
    { token: person.token, profileJson: JSON.stringify(profile) },
  );
}

export async function gqlOk<T>(app: TestApp, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await app.gql<T>(query, variables, token);
  if (!result.data || result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function startChatViaApi(app: TestApp, me: ApiPerson, targetUserId: string, targetAgentId?: string): Promise<string> {
  const data = await gqlOk<{ startConversation: { conversation: { id: string } } }>(
    app,
    'mutation ($input: StartConversationInput!) { startConversation(input: $input) { conversation { id } } }',
    { input: { targetUserId, chatType: targetAgentId ? 'AGENT' : 'PROFILE', targetAgentId: targetAgentId ?? null } },
    me.token,
  );
  return data.startConversation.conversation.id;
}

export async function sendViaApi(app: TestApp, me: ApiPerson, conversationId: string, content: string): Promise<void> {
  await gqlOk(app, 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }', { input: { conversationId, content } }, me.token);
}

export async function userIdOf(app: TestApp, handleOf: string): Promise<string> {
  const result = await app.gql<{ profile: { userId: string } | null }>('query ($h: String!) { profile(handle: $h) { userId } }', { h: handleOf });
  if (!result.data?.profile) throw new Error(`no profile @${handleOf}`);
  return result.data.profile.userId;
}
