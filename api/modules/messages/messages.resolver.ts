import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { Agent } from '../agents/agents.types';
import { Profile } from '../profiles/profiles.types';
import { Conversation } from '../conversations/conversations.types';
import { NotFoundError } from '../../shared/errors';
import { Message } from './messages.types';
import { messageCursor } from './messages.loaders';
import { SendMessageInput } from './messages.inputs';
import type { MessagesService } from './messages.service';

@Resolver(() => Message)
export class MessagesResolver {
  constructor(private readonly messages: MessagesService) {}

  @Authorized()
  @Mutation(() => Message, {
    description: 'Send a message. Participants only (others: NOT_FOUND). The owner of an agent chat\'s agent answers as the agent.',
  })
  sendMessage(@CurrentUser() viewerId: string, @Arg('input', () => SendMessageInput, { description: 'What to send, and where.' }) input: SendMessageInput) {
    return this.messages.send(viewerId, input);
  }

  @FieldResolver(() => Profile, { nullable: true, description: 'The user who sent it (for AGENT messages: the agent\'s owner).' })
  sender(@Root() message: Message, @Ctx() ctx: RequestContext) {
    if (!message.senderId) return null;
    if (message.senderProfile?.userId === message.senderId) return message.senderProfile;
    return ctx.loaders.profileById.load(message.senderId);
  }

  @FieldResolver(() => String, {
    description: 'This message\'s position as a cursor: the same value its edge has in `messages`, usable as `before`/`after` there and as `after` in messageAdded to resume.',
  })
  cursor(@Root() message: Message): string {
    return messageCursor(message.seq);
  }

  @FieldResolver(() => Conversation, {
    description: 'The conversation it belongs to, as you see it (name, picture, unread count): what a search result shows beside the message.',
  })
  async conversation(@Root() message: Message, @Ctx() ctx: RequestContext): Promise<Conversation> {
    // Every message a viewer can be handed is in one of their conversations; the check keeps it so.
    const row = ctx.viewerId ? await ctx.loaders.viewerConversation.load(`${message.conversationId}:${ctx.viewerId}`) : null;
    if (!row) throw new NotFoundError('No such conversation');
    return row;
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The agent, when senderType is AGENT.' })
  senderAgent(@Root() message: Message, @Ctx() ctx: RequestContext) {
    return message.senderAgentId ? ctx.loaders.agentById.load(message.senderAgentId) : null;
  }
}
