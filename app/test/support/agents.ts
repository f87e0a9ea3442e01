import type { Locator, Page } from 'playwright-core';
import type { TestApp } from '../../../api/test/harness';
import { gqlOk, handle, type ApiPerson } from './people';

export interface ApiAgent {
  id: string;
  handle: string;
  displayName: string;
}

/** An agent made through the API, for tests whose subject is what happens after. */
export async function createAgentViaApi(app: TestApp, owner: ApiPerson, who: { displayName: string; persona?: string }): Promise<ApiAgent> {
  const data = await gqlOk<{ createAgent: { id: string; handle: string } }>(
    app,
    'mutation ($input: CreateAgentInput!) { createAgent(input: $input) { id handle } }',
    { input: { handle: handle('agent'), displayName: who.displayName, persona: who.persona ?? null, visibility: 'PUBLIC' } },
    owner.token,
  );
  return { ...data.createAgent, displayName: who.displayName };
}

/** The agent replies on screen, oldest first. */
export function agentReplies(page: Page): Locator {
  return page.locator('[data-testid="message"][data-sender-type="AGENT"]');
}

/** Lines from Parley (SYSTEM messages) containing `text`. */
export function systemLine(page: Page, text: string): Locator {
  return page.getByTestId('system-message').filter({ hasText: text });
}

/** Types into the open conversation's compose box and sends with Enter. */
export async function sendInBrowser(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

/** Agent replies of a conversation, straight from the database, oldest first. */
export async function repliesInDb(app: TestApp, conversationId: string): Promise<{ state: string; content: string; responder: string | null }[]> {
  return app.dataSource.query(
    `SELECT state, content, responder FROM messages WHERE conversation_id = $1 AND sender_type = 'AGENT' AND requester_id IS NOT NULL ORDER BY seq`,
    [conversationId],
  );
}
