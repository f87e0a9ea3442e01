import type { Config } from './shared/config';
import type { RateLimits } from './shared/rate-limits';
import type { Db } from './database/db';
import type { EventHub } from './modules/realtime/event-hub';
import { TokenService } from './modules/auth/token.service';
import { AuthService } from './modules/auth/auth.service';
import { SessionsService } from './modules/auth/sessions.service';
import { ProfilesService } from './modules/profiles/profiles.service';
import { AgentsService } from './modules/agents/agents.service';
import { ConversationsService } from './modules/conversations/conversations.service';
import { MessagesService } from './modules/messages/messages.service';
import { RealtimeService } from './modules/realtime/realtime.service';
import { SafetyService } from './modules/safety/safety.service';
import { ExportService } from './modules/account/export.service';
import { NotificationsService } from './modules/notifications/notifications.service';
import { AgentReplies } from './modules/agent-replies/agent-replies';
import { MessageEditsService } from './modules/messages/message-edits.service';
import { ReactionsService } from './modules/messages/reactions.service';
import { SearchService } from './modules/search/search.service';
import { MediaService, mediaTmpDir } from './modules/media/media.service';
import { createBlobStore } from './modules/media/blob-store';
import type { Logger } from './shared/logger';
import { GroupsService } from './modules/groups/groups.service';

/** Every domain service, built once per process from the database, the event hub and the configuration. */
export function createServices(db: Db, hub: EventHub, config: Config, limits?: RateLimits, logger?: Logger) {
  const tokens = new TokenService(config.tokenSecret, config.tokenTtlSeconds);
  const sessions = new SessionsService(db, tokens, hub);
  const profiles = new ProfilesService(db);
  const agents = new AgentsService(db);
  const conversations = new ConversationsService(db, profiles, agents, hub, limits);
  const media = new MediaService(db, createBlobStore(config.media), config.media, config.tokenSecret, mediaTmpDir(config.media), logger);
  const messages = new MessagesService(db, hub, config.messageMaxLength, limits, media);
  return {
    tokens,
    sessions,
    auth: new AuthService(db, sessions, limits),
    profiles,
    agents,
    conversations,
    groups: new GroupsService(db, hub, conversations, config.groupMaxMembers, limits),
    messages,
    messageEdits: new MessageEditsService(db, hub, (raw) => messages.validContent(raw), config.messageEditWindowSeconds, media),
    media,
    reactions: new ReactionsService(db, hub),
    search: new SearchService(db, { window: config.searchWindow, indexBelow: config.searchIndexBelow }),
    realtime: new RealtimeService(db, hub, conversations),
    safety: new SafetyService(db),
    exporter: new ExportService(db),
    notifications: new NotificationsService(db),
    agentReplies: new AgentReplies(db, hub, config, conversations),
  };
}

export type Services = ReturnType<typeof createServices>;
