import 'reflect-metadata';
import { GraphQLScalarType, GraphQLSchema, isObjectType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, getMetadataStorage, ResolverData } from 'type-graphql';
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

/**
 * graphql-scalars' DateTime, answering with the ISO string instead of the Date object. Both
 * come out of JSON.stringify as the same text (Date's toJSON is toISOString), but a single Date
 * in a response takes V8's JSON.stringify off its fast path for the whole response: a list
 * page (~100 dates in 19 KB) serialized ~3 times slower. Everything else (name, description,
 * parsing, errors) is graphql-scalars'; an invalid Date, which only a number can give and
 * whose JSON is null, stays a Date.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize(value: unknown) {
    const date = DateTimeResolver.serialize(value);
    return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : date;
  },
});

/** The executable schema. With `services` null it is only good for printing (schema.graphql). */
export async function createSchema(services: Services | null): Promise<GraphQLSchema> {
  const instances = resolverInstances(services);
  // @Root() rows reach field resolvers as the services returned them: TypeGraphQL would otherwise
  // copy each row into a new instance of its class for every field resolver call (our object
  // types are plain data: no methods, no getters), hundreds of copies per list page.
  for (const param of getMetadataStorage().params) {
    if (param.kind === 'root') delete (param as { getType?: unknown }).getType;
  }
  const schema = await buildSchema({
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
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
  });
  useDefaultResolverForPlainFields(schema);
  callFieldResolversDirectly(schema, instances);
  return schema;
}

/**
 * TypeGraphQL gives every plain `@Field` a resolver that builds a middleware chain only to read
 * `root[name]`; graphql-js's default resolver does the same read without it. A list page resolves
 * hundreds of such fields. This is TypeGraphQL's `simpleResolvers` option, applied where it is
 * safe: fields with no field resolver, no `@Authorized`, no middleware, and the same name in the
 * schema as on the class. (Any such decorator on a field keeps TypeGraphQL's resolver.)
 */
function useDefaultResolverForPlainFields(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const classes = [...storage.objectTypes, ...storage.interfaceTypes];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const definition = storage.objectTypes.find((o) => o.name === type.name);
    if (!definition) continue;
    const implemented = classes.filter((c) => c === definition || definition.interfaceClasses?.includes(c.target));
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!field.resolve) continue;
      const meta = implemented.flatMap((c) => c.fields ?? []).find((f) => f.schemaName === name);
      if (!meta || meta.name !== meta.schemaName || meta.roles || meta.middlewares?.length) continue;
      const resolved = storage.fieldResolvers.some((r) => r.methodName === meta.name && r.getObjectType?.() === meta.target);
      if (!resolved) field.resolve = undefined;
    }
  }
}

/**
 * TypeGraphQL calls a `@FieldResolver` through a wrapper that, on every call, makes a resolver
 * data object, asks the container for the instance, runs the (empty) middleware chain, sorts the
 * parameter list and maps it to values, then checks each for a promise: a list page makes ~200
 * such calls. Where the method takes only `@Root()` (passed as is, see above) and `@Ctx()`, and
 * has no `@Authorized` or middleware (none is global), the wrapper amounts to
 * `instance.method(root, ctx)` in the parameters' order: synchronous, same value, same throw.
 * That call is made directly. Anything else (arguments, which TypeGraphQL validates
 * asynchronously, custom or `@Info()` parameters) keeps TypeGraphQL's resolver.
 */
function callFieldResolversDirectly(schema: GraphQLSchema, instances: Map<Function, object>): void {
  const storage = getMetadataStorage();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const definition = storage.objectTypes.find((o) => o.name === type.name);
    if (!definition) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const candidates = storage.fieldResolvers.filter((r) => r.schemaName === name && r.getObjectType?.() === definition.target);
      const meta = candidates.length === 1 ? candidates[0] : undefined;
      if (!meta || meta.kind !== 'external' || meta.roles || meta.middlewares?.length) continue;
      const instance = instances.get(meta.target) as Record<string, unknown> | undefined;
      const method = instance?.[meta.methodName];
      if (typeof method !== 'function') continue;
      const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
      const plain = params.every((p) => (p.kind === 'root' && !p.propertyName && !p.getType) || (p.kind === 'context' && !p.propertyName));
      if (!plain) continue;
      const order = params.map((p) => p.kind).join(',');
      if (order === 'root') field.resolve = (root) => method.call(instance, root);
      else if (order === 'root,context') field.resolve = (root, _args, context) => method.call(instance, root, context);
      else if (order === 'context,root') field.resolve = (root, _args, context) => method.call(instance, context, root);
    }
  }
}
