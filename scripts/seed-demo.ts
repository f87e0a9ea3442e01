import 'reflect-metadata';
import { loadConfig } from '../api/shared/config';
import { createLogger } from '../api/shared/logger';
import { openDatabase } from '../api/database/database';
import { createDb } from '../api/database/db';
import { noEvents } from '../api/shared/events';
import { AuthService } from '../api/modules/auth/auth.service';
import { TokenService } from '../api/modules/auth/token.service';
import { SessionsService } from '../api/modules/auth/sessions.service';
import { EventHub } from '../api/modules/realtime/event-hub';
import { ProfilesService } from '../api/modules/profiles/profiles.service';
import { AgentsService } from '../api/modules/agents/agents.service';
import { ConversationsService } from '../api/modules/conversations/conversations.service';
import { MessagesService } from '../api/modules/messages/messages.service';
import { AgentVisibility } from '../api/modules/agents/agents.types';
import { ChatType } from '../api/modules/conversations/conversations.types';
import { GroupsService } from '../api/modules/groups/groups.service';
import { AgentKnowledgeService } from '../api/modules/agent-replies/agent-knowledge.service';

export const DEMO_PASSWORD = 'parley-demo';

/**
 * `npm run seed:demo`: a few people, agents and conversations, written through the same
 * services the API uses (so the same rules hold). Running it twice changes nothing.
 */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  const db = createDb(database.dataSource);
  const hub = new EventHub(logger);
  const auth = new AuthService(db, new SessionsService(db, new TokenService(config.tokenSecret, config.tokenTtlSeconds), hub));
  const profiles = new ProfilesService(db);
  const agents = new AgentsService(db);
  const conversations = new ConversationsService(db, profiles, agents, noEvents);
  const messages = new MessagesService(db, noEvents, config.messageMaxLength);
  const groups = new GroupsService(db, noEvents, conversations, config.groupMaxMembers);
  const knowledge = new AgentKnowledgeService(db);

  if (await profiles.byHandle('alice')) {
    console.log('demo data is already there (users alice, bob, carol; password "parley-demo")');
    return database.close();
  }
  const people: Record<string, string> = {};
  for (const [handle, displayName] of [['alice', 'Alice Martin'], ['bob', 'Bob Okafor'], ['carol', 'Carol Nguyen']]) {
    people[handle] = (await auth.register({ handle, displayName, password: DEMO_PASSWORD })).profile.userId;
  }
  const helper = await agents.create(people.alice, {
    handle: 'alice_assistant',
    displayName: "Alice's Assistant",
    persona: 'You answer questions about Alice\'s design studio: opening hours, services and prices. Be brief and friendly.',
    visibility: AgentVisibility.PUBLIC,
  });
  // Notes the built-in responder answers from (no model server needed): ask the assistant about hours or prices.
  for (const [title, body] of [
    ['Opening hours', 'The studio is open Monday to Friday, 9am to 6pm, and Saturdays 10am to 2pm by appointment.'],
    ['Prices', 'A logo starts at 900 euros; a full brand identity (logo, colours, type, templates) starts at 3,500 euros.'],
    ['Where we are', 'The studio is at 12 Canal Street, second floor; the entrance is next to the bakery.'],
  ]) {
    await knowledge.add(people.alice, { agentId: helper.id, title, body });
  }
  await agents.create(people.alice, { handle: 'alice_notes', displayName: 'Private notes', visibility: AgentVisibility.PRIVATE, persona: null });

  const say = async (from: string, conversationId: string, content: string) => messages.send(people[from], { conversationId, content });
  const ab = (await conversations.start(people.alice, { targetUserId: people.bob, chatType: ChatType.PROFILE })).conversation.id;
  await say('alice', ab, 'Hi Bob! Are we still on for Thursday?');
  await say('bob', ab, 'Yes — 10am at the studio works for me.');
  await say('alice', ab, 'Perfect, see you then.');
  const cb = (await conversations.start(people.carol, { targetUserId: people.bob, chatType: ChatType.PROFILE })).conversation.id;
  await say('carol', cb, 'Bob, can you send me the slides from yesterday?');
  const agentChat = (await conversations.start(people.carol, { targetUserId: people.alice, chatType: ChatType.AGENT, targetAgentId: helper.id })).conversation.id;
  await say('carol', agentChat, 'Hello! What are the studio opening hours?');
  await say('alice', agentChat, 'Hi Carol, we are open Monday to Friday, 9am to 6pm.');

  const group = (await groups.create(people.alice, { title: 'Studio launch party', memberIds: [people.bob, people.carol] })).id;
  await say('alice', group, 'Launch party on Friday at 7pm, who is in?');
  await say('carol', group, 'Count me in! I will bring the speakers.');

  console.log('demo data created: users alice, bob, carol (password "parley-demo"); agents alice_assistant (public, with three notes), alice_notes (private); a group "Studio launch party"');
  await database.close();
}

main().catch((error) => {
  console.error('seeding failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
