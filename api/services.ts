import type { Config } from './shared/config';
import type { Db } from './database/db';
import { TokenService } from './modules/auth/token.service';
import { AuthService } from './modules/auth/auth.service';
import { ProfilesService } from './modules/profiles/profiles.service';
import { AgentsService } from './modules/agents/agents.service';
import { ConversationsService } from './modules/conversations/conversations.service';
import { MessagesService } from './modules/messages/messages.service';

/** Every domain service, built once per process from the database and the configuration. */
export function createServices(db: Db, config: Config) {
  const tokens = new TokenService(config.tokenSecret, config.tokenTtlSeconds);
  const profiles = new ProfilesService(db);
  const agents = new AgentsService(db);
  return {
    tokens,
    auth: new AuthService(db, tokens),
    profiles,
    agents,
    conversations: new ConversationsService(db, profiles, agents),
    messages: new MessagesService(db, config.messageMaxLength),
  };
}

export type Services = ReturnType<typeof createServices>;
