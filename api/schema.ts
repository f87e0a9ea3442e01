import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, ResolverData } from 'type-graphql';
import { authChecker } from './shared/auth';
import type { Services } from './services';
import { AuthResolver } from './modules/auth/auth.resolver';
import { ProfilesResolver } from './modules/profiles/profiles.resolver';
import { AgentsResolver } from './modules/agents/agents.resolver';
import { ConversationsResolver, ParticipantResolver } from './modules/conversations/conversations.resolver';
import { MessagesResolver } from './modules/messages/messages.resolver';
import { ConversationUpdatesResolver, ReactionGroupResolver, RichMessagesResolver } from './modules/messages/rich-messages.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { ReadReceiptResolver, RealtimeResolver, TypingEventResolver } from './modules/realtime/realtime.resolver';
import { SafetyResolver } from './modules/safety/safety.resolver';
import { AgentRepliesResolver } from './modules/agent-replies/agent-replies.resolver';
import { AgentReplyFieldsResolver, ConversationAgentFieldsResolver } from './modules/agent-replies/agent-reply-fields.resolver';
import { NotificationsResolver, NotificationStreamResolver } from './modules/notifications/notifications.resolver';
import { AttachmentResolver, MessageAttachmentsResolver } from './modules/media/media.resolver';
import { GroupsResolver, MessageReceiptsResolver } from './modules/groups/groups.resolver';

export const resolvers = [
  AuthResolver,
  ProfilesResolver,
  AgentsResolver,
  ConversationsResolver,
  ParticipantResolver,
  MessagesResolver,
  RichMessagesResolver,
  ReactionGroupResolver,
  ConversationUpdatesResolver,
  SearchResolver,
  RealtimeResolver,
  ReadReceiptResolver,
  TypingEventResolver,
  SafetyResolver,
  AgentRepliesResolver,
  AgentReplyFieldsResolver,
  ConversationAgentFieldsResolver,
  NotificationsResolver,
  NotificationStreamResolver,
  MessageAttachmentsResolver,
  AttachmentResolver,
  GroupsResolver,
  MessageReceiptsResolver,
] as const;

/** Resolvers are built by hand from the services: no DI container, the wiring is all here. */
function resolverInstances(services: Services | null): Map<Function, object> {
  const s = services ?? ({} as Services);
  return new Map<Function, object>([
    [AuthResolver, new AuthResolver(s.auth)],
    [ProfilesResolver, new ProfilesResolver(s.profiles)],
    [AgentsResolver, new AgentsResolver(s.agents)],
    [ConversationsResolver, new ConversationsResolver(s.conversations, s.messages)],
    [ParticipantResolver, new ParticipantResolver()],
    [MessagesResolver, new MessagesResolver(s.messages)],
    [RichMessagesResolver, new RichMessagesResolver(s.messageEdits, s.reactions)],
    [ReactionGroupResolver, new ReactionGroupResolver()],
    [ConversationUpdatesResolver, new ConversationUpdatesResolver()],
    [SearchResolver, new SearchResolver(s.search)],
    [RealtimeResolver, new RealtimeResolver(s.realtime, s.conversations)],
    [ReadReceiptResolver, new ReadReceiptResolver()],
    [TypingEventResolver, new TypingEventResolver()],
    [SafetyResolver, new SafetyResolver(s.safety)],
    [AgentRepliesResolver, new AgentRepliesResolver(s.agentReplies)],
    [AgentReplyFieldsResolver, new AgentReplyFieldsResolver(s.agentReplies)],
    [ConversationAgentFieldsResolver, new ConversationAgentFieldsResolver()],
    [NotificationsResolver, new NotificationsResolver(s.notifications, s.conversations)],
    [NotificationStreamResolver, new NotificationStreamResolver()],
    [MessageAttachmentsResolver, new MessageAttachmentsResolver()],
    [AttachmentResolver, new AttachmentResolver(s.media)],
    [GroupsResolver, new GroupsResolver(s.groups)],
    [MessageReceiptsResolver, new MessageReceiptsResolver()],
  ]);
}

/** The executable schema. With `services` null it is only good for printing (schema.graphql). */
export async function createSchema(services: Services | null): Promise<GraphQLSchema> {
  const instances = resolverInstances(services);
  return buildSchema({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    container: { get: (cls: Function, _data: ResolverData<any>) => instances.get(cls) },
    authChecker,
    // Every subscription brings its own stream (RealtimeService); TypeGraphQL's topic pub/sub is unused.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('topic subscriptions are not used: see RealtimeService');
      },
    },
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
  });
}
