import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { Agent } from '../agents/agents.types';
import { Conversation } from '../conversations/conversations.types';
import { Message } from '../messages/messages.types';
import { CreateGroupInput } from './groups.inputs';
import type { GroupsService } from './groups.service';

const GROUP_ID = { description: 'The group (a GROUP conversation you are a member of).' };

@Resolver(() => Conversation)
export class GroupsResolver {
  constructor(private readonly groups: GroupsService) {}

  @Authorized()
  @Mutation(() => Conversation, { description: 'Create a group chat with you as its admin. Counts against the same limit as starting conversations (RATE_LIMIT_START).' })
  createGroup(@CurrentUser() viewerId: string, @Arg('input', () => CreateGroupInput, { description: 'Title and members.' }) input: CreateGroupInput) {
    return this.groups.create(viewerId, input);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Rename a group (admins only).' })
  renameGroup(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, GROUP_ID) conversationId: string,
    @Arg('title', () => String, { description: 'The new name (1–100 characters, trimmed).' }) title: string,
  ) {
    return this.groups.rename(viewerId, conversationId, title);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Add people to a group (admins only). They can read its whole history.' })
  addGroupMembers(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, GROUP_ID) conversationId: string,
    @Arg('memberIds', () => [ID], { description: 'User ids to add (people already in it are skipped).' }) memberIds: string[],
  ) {
    return this.groups.addMembers(viewerId, conversationId, memberIds);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Remove someone from a group (admins only). They lose the group at once: its events, its messages and its history.' })
  removeGroupMember(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, GROUP_ID) conversationId: string,
    @Arg('userId', () => ID, { description: 'The member to remove (to leave yourself, use leaveGroup).' }) userId: string,
  ) {
    return this.groups.removeMember(viewerId, conversationId, userId);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Make a member an admin, or not (admins only; a group always keeps at least one admin).' })
  setGroupAdmin(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, GROUP_ID) conversationId: string,
    @Arg('userId', () => ID, { description: 'The member.' }) userId: string,
    @Arg('isAdmin', () => Boolean, { description: 'True to make them admin, false to take it away.' }) isAdmin: boolean,
  ) {
    return this.groups.setAdmin(viewerId, conversationId, userId, isAdmin);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Leave a group: you lose it at once, history included. If you were its last admin, the longest-standing member becomes admin; the last one out deletes the group.',
  })
  leaveGroup(@CurrentUser() viewerId: string, @Arg('conversationId', () => ID, GROUP_ID) conversationId: string) {
    return this.groups.leave(viewerId, conversationId);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Bring one of your PUBLIC agents into a group you are in: it answers messages that mention @its-handle.' })
  addAgentToGroup(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, GROUP_ID) conversationId: string,
    @Arg('agentId', () => ID, { description: 'Your agent.' }) agentId: string,
  ) {
    return this.groups.addAgent(viewerId, conversationId, agentId);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Take an agent out of a group (its owner or an admin).' })
  removeAgentFromGroup(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, GROUP_ID) conversationId: string,
    @Arg('agentId', () => ID, { description: 'The agent.' }) agentId: string,
  ) {
    return this.groups.removeAgent(viewerId, conversationId, agentId);
  }

  @FieldResolver(() => Int, { description: 'How many people take part (for a GROUP: its members).' })
  async memberCount(@Root() conversation: Conversation, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.participantsByConversation.load(conversation.id)).length;
  }

  @FieldResolver(() => [Agent], { description: 'GROUP chats: the agents their owners added; each answers when mentioned as @handle. Empty for other chats.' })
  groupAgents(@Root() conversation: Conversation, @Ctx() ctx: RequestContext): Promise<Agent[]> | Agent[] {
    return conversation.chatType === 'GROUP' ? ctx.loaders.agentsByGroup.load(conversation.id) : [];
  }
}

@Resolver(() => Message)
export class MessageReceiptsResolver {
  @FieldResolver(() => Int, {
    description: 'Read receipts: how many participants other than its sender have read up to this message ("seen by 3"), from their read watermarks.',
  })
  seenByCount(@Root() message: Message, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.seenByCount.load(message.id);
  }
}
