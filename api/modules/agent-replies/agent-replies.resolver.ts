import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver, Root, Subscription, SubscribeResolverData } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { Agent } from '../agents/agents.types';
import { Conversation } from '../conversations/conversations.types';
import { Message } from '../messages/messages.types';
import { AddAgentKnowledgeInput, UpdateAgentKnowledgeInput } from './agent-replies.inputs';
import { AgentInsights, AgentKnowledgeEntry, MessageUpdate } from './agent-replies.types';
import type { AgentReplies } from './agent-replies';

@ArgsType()
class MessageUpdatedArgs {
  @Field(() => ID, { nullable: true, description: 'One conversation; without it, every conversation you may read.' })
  conversationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Resume (needs conversationId): the newest Message.updateCursor you saw, or Conversation.updatesCursor when you loaded it. You first get every message edited, deleted or reacted to since, in its latest state, then live updates. Too far back: BAD_USER_INPUT with extensions.reason RESYNC_REQUIRED.',
  })
  after?: string | null;
}

type Data<A> = SubscribeResolverData<unknown, A, RequestContext>;

@Resolver()
export class AgentRepliesResolver {
  constructor(private readonly agentReplies: AgentReplies) {}

  @Authorized()
  @Subscription(() => MessageUpdate, {
    description: 'Agent replies as they are written: first every reply still in flight as it is now (whole content so far), then each change in order — new text (delta at offset) and state changes (STREAMING, COMPLETE, FAILED, or PENDING again on a retry).',
    subscribe: ({ args, context }: Data<MessageUpdatedArgs>) => {
      if (!context.realtime) throw new Error('subscriptions are served over WebSocket only');
      return context.realtime.messageUpdates(context.viewerId!, args.conversationId ?? null, args.after ?? null);
    },
  })
  messageUpdated(@Root() update: MessageUpdate, @Args(() => MessageUpdatedArgs) _args: MessageUpdatedArgs, @Ctx() ctx: RequestContext): MessageUpdate {
    ctx.renewLoaders?.();
    return update;
  }

  @Authorized()
  @Mutation(() => Message, { description: 'Try a FAILED agent reply again (the person who asked, or the agent\'s owner). It becomes PENDING and is written again in place.' })
  retryAgentReply(@CurrentUser() viewerId: string, @Arg('messageId', () => ID, { description: 'The FAILED reply.' }) messageId: string) {
    return this.agentReplies.chats.retry(viewerId, messageId);
  }

  @Authorized()
  @Mutation(() => Agent, { description: 'Stop one of your agents from answering anyone. Messages to it are kept and you see them; each chat is told once that it is paused.' })
  pauseAgent(@CurrentUser() viewerId: string, @Arg('agentId', () => ID, { description: 'Your agent.' }) agentId: string) {
    return this.agentReplies.controls.setPaused(viewerId, agentId, true);
  }

  @Authorized()
  @Mutation(() => Agent, { description: 'Let a paused agent of yours answer again (from the next message on).' })
  resumeAgent(@CurrentUser() viewerId: string, @Arg('agentId', () => ID, { description: 'Your agent.' }) agentId: string) {
    return this.agentReplies.controls.setPaused(viewerId, agentId, false);
  }

  @Authorized()
  @Mutation(() => Agent, { description: 'Choose the model one of your agents answers with (when the server has a model configured). Null or "" goes back to the server\'s default.' })
  setAgentModel(
    @CurrentUser() viewerId: string,
    @Arg('agentId', () => ID, { description: 'Your agent.' }) agentId: string,
    @Arg('model', () => String, { nullable: true, description: 'A model name the server\'s model endpoint knows, e.g. "llama3.1:8b".' }) model: string | null,
  ) {
    return this.agentReplies.controls.setModel(viewerId, agentId, model);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Step into a chat someone holds with your agent: your messages there are labelled as yours (senderType USER) and the agent is silent until you hand it back. The chat shows "<you> joined".' })
  takeOverConversation(@CurrentUser() viewerId: string, @Arg('conversationId', () => ID, { description: 'A chat with one of your agents.' }) conversationId: string) {
    return this.agentReplies.controls.takeOver(viewerId, conversationId);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Give a chat you took over back to your agent. The chat shows "<agent> is back".' })
  handBackConversation(@CurrentUser() viewerId: string, @Arg('conversationId', () => ID, { description: 'A chat you took over.' }) conversationId: string) {
    return this.agentReplies.controls.handBack(viewerId, conversationId);
  }

  @Authorized()
  @Mutation(() => AgentKnowledgeEntry, { description: 'Add a note to one of your agents (at most 500 per agent).' })
  addAgentKnowledge(@CurrentUser() viewerId: string, @Arg('input', () => AddAgentKnowledgeInput, { description: 'The note.' }) input: AddAgentKnowledgeInput) {
    return this.agentReplies.knowledge.add(viewerId, input);
  }

  @Authorized()
  @Mutation(() => AgentKnowledgeEntry, { description: 'Change a note of one of your agents.' })
  updateAgentKnowledge(@CurrentUser() viewerId: string, @Arg('input', () => UpdateAgentKnowledgeInput, { description: 'What to change.' }) input: UpdateAgentKnowledgeInput) {
    return this.agentReplies.knowledge.update(viewerId, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Delete a note of one of your agents.' })
  deleteAgentKnowledge(@CurrentUser() viewerId: string, @Arg('id', () => ID, { description: 'The note.' }) id: string) {
    return this.agentReplies.knowledge.delete(viewerId, id);
  }

  @Authorized()
  @Query(() => AgentInsights, { description: 'What happened in the chats with one of your agents over a period (at most 366 days).' })
  agentInsights(
    @CurrentUser() viewerId: string,
    @Arg('agentId', () => ID, { description: 'Your agent.' }) agentId: string,
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive).' }) to: Date,
  ) {
    return this.agentReplies.insights.forAgent(viewerId, agentId, from, to);
  }
}
