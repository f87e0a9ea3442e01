import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { Agent } from '../agents/agents.types';
import { Profile, ProfileRow } from '../profiles/profiles.types';
import { MessageConnection } from '../messages/messages.types';
import type { MessagesService } from '../messages/messages.service';
import { ChatType, Conversation, ConversationConnection, Participant, StartConversationPayload } from './conversations.types';
import { StartConversationInput } from './conversations.inputs';
import type { ConversationsService } from './conversations.service';
import { primeRelated } from './conversations.related';

@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(
    private readonly conversationService: ConversationsService,
    private readonly messageService: MessagesService,
  ) {}

  @Authorized()
  @Query(() => ConversationConnection, {
    description: 'Your own chats, most recent first: PROFILE chats, AGENT chats you started and GROUP chats you are in (chats others hold with your agents are in agentConversations).',
  })
  async conversations(
    @CurrentUser() viewerId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
    @Arg('chatType', () => ChatType, { nullable: true, description: 'Only PROFILE, only AGENT or only GROUP chats.' }) chatType: ChatType | null,
  ) {
    const page = await this.conversationService.list(viewerId, { first: first ?? 20, after, chatType });
    primeRelated(ctx.loaders, page.nodes);
    return page;
  }

  @Authorized()
  @Query(() => Conversation, {
    nullable: true,
    description: 'One conversation: for its participants and, for an AGENT chat, the agent\'s owner. Anyone else gets NOT_FOUND.',
  })
  async conversation(@CurrentUser() viewerId: string, @Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The conversation id.' }) id: string) {
    const conversation = await this.conversationService.getForViewer(viewerId, id, true);
    primeRelated(ctx.loaders, [conversation]);
    return conversation;
  }

  @Authorized()
  @Query(() => ConversationConnection, { description: 'Chats others hold with your agents (one agent, or all), most recent first.' })
  async agentConversations(
    @CurrentUser() viewerId: string,
    @Ctx() ctx: RequestContext,
    @Arg('agentId', () => ID, { nullable: true, description: 'Only chats with this agent of yours.' }) agentId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page.' }) after: string | null,
  ) {
    const page = await this.conversationService.listAgentChats(viewerId, { agentId, first: first ?? 20, after });
    primeRelated(ctx.loaders, page.nodes);
    return page;
  }

  @Authorized()
  @Query(() => Int, { description: 'The sum of unreadCount over the chats that `conversations` lists.' })
  unreadTotal(@CurrentUser() viewerId: string) {
    return this.conversationService.unreadTotal(viewerId);
  }

  @Authorized()
  @Mutation(() => StartConversationPayload, { description: 'Start or get: the same pair, type and agent always give the same conversation.' })
  startConversation(
    @CurrentUser() viewerId: string,
    @Arg('input', () => StartConversationInput, { description: 'Who to talk to.' }) input: StartConversationInput,
  ) {
    return this.conversationService.start(viewerId, input);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Mark everything in the conversation read: unreadCount becomes 0 for you.' })
  markConversationRead(@CurrentUser() viewerId: string, @Arg('conversationId', () => ID, { description: 'The conversation.' }) conversationId: string) {
    return this.conversationService.markRead(viewerId, conversationId);
  }

  @FieldResolver(() => [Participant], { description: 'Everyone in the conversation, with their read state.' })
  participants(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.participantsByConversation.load(conversation.id);
  }

  @FieldResolver(() => Profile, {
    description:
      'The participant who is not the viewer (for an agent\'s owner viewing an agent chat: the person chatting with the agent). GROUP chats have no single other side: the longest-standing other member (the viewer when alone); use `participants` and `title`.',
  })
  async otherParticipant(@Root() conversation: Conversation, @Ctx() ctx: RequestContext): Promise<ProfileRow> {
    let otherId: string;
    if (conversation.chatType === ChatType.GROUP) {
      const members = await ctx.loaders.participantsByConversation.load(conversation.id);
      otherId = members.find((m) => m.profileId !== conversation.viewerId)?.profileId ?? conversation.viewerId;
    } else {
      otherId = (conversation.userLowId === conversation.viewerId ? conversation.userHighId : conversation.userLowId)!;
    }
    const profile = await ctx.loaders.profileById.load(otherId);
    if (!profile) throw new Error(`conversation ${conversation.id} references a missing profile`);
    return profile;
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The agent, when chatType is AGENT (null once the agent is deleted).' })
  targetAgent(@Root() conversation: Conversation, @Ctx() ctx: RequestContext) {
    return conversation.targetAgentId ? ctx.loaders.agentById.load(conversation.targetAgentId) : null;
  }

  @FieldResolver(() => Int, { description: 'Messages not sent by the viewer that the viewer has not read.' })
  async unreadCount(@Root() conversation: Conversation, @Ctx() ctx: RequestContext): Promise<number> {
    if (conversation.viewerUnread !== undefined) return conversation.viewerUnread;
    const row = await ctx.loaders.participant.load(`${conversation.id}:${conversation.viewerId}`);
    return row?.unread ?? 0;
  }

  @FieldResolver(() => MessageConnection, {
    description: 'Messages, oldest first inside a page. `last`/`before` page backwards in time (Relay); `first`/`after` page forwards.',
  })
  async messages(
    @Root() conversation: Conversation,
    @Ctx() ctx: RequestContext,
    @Arg('last', () => Int, { nullable: true, defaultValue: 50, description: 'How many of the newest messages (before `before`) to return (1–200).' }) last: number | null,
    @Arg('before', () => String, { nullable: true, description: 'Cursor: only messages older than this one.' }) before: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page forwards instead: how many messages after `after` (1–200).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor: only messages newer than this one (forward paging, or catching up after a reconnect).' }) after: string | null,
  ) {
    const page = await ctx.loaders.messagePage.load(this.messageService.pageQuery(conversation.id, { last: last ?? 50, before, first, after }));
    // A reply quotes a message that is usually on the same page: replyTo needs no statement for it.
    for (const message of page.nodes) ctx.loaders.messageById.prime(message.id, message);
    return page;
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => Profile, { description: 'The person.' })
  async profile(@Root() participant: Participant, @Ctx() ctx: RequestContext): Promise<ProfileRow> {
    const profile = await ctx.loaders.profileById.load(participant.profileId);
    if (!profile) throw new Error(`participant ${participant.profileId} has no profile row`);
    return profile;
  }
}
