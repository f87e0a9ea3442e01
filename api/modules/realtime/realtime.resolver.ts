import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Resolver, Root, Subscription, SubscribeResolverData } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { Profile, ProfileRow } from '../profiles/profiles.types';
import { Message } from '../messages/messages.types';
import { Conversation } from '../conversations/conversations.types';
import type { ConversationsService } from '../conversations/conversations.service';
import { ReadReceipt, TypingEvent } from './realtime.types';
import type { RealtimeService } from './realtime.service';

@ArgsType()
class MessageAddedArgs {
  @Field(() => ID, { nullable: true, description: 'One conversation; without it, every conversation you may read (including chats with your agents).' })
  conversationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Resume: the cursor of the last message you saw (needs conversationId). You get every message after it, in order, then live ones — no gap, no repeat. Too far back: BAD_USER_INPUT with extensions.reason RESYNC_REQUIRED (reload, then subscribe again).',
  })
  after?: string | null;
}

@ArgsType()
class ConversationFilterArgs {
  @Field(() => ID, { nullable: true, description: 'One conversation; without it, all of yours.' })
  conversationId?: string | null;
}

type Data<A> = SubscribeResolverData<unknown, A, RequestContext>;

function realtime(context: RequestContext): RealtimeService {
  if (!context.realtime) throw new Error('subscriptions are served over WebSocket only');
  return context.realtime;
}

function fresh(context: RequestContext): void {
  context.renewLoaders?.();
}

@Resolver()
export class RealtimeResolver {
  constructor(
    private readonly realtimeService: RealtimeService,
    private readonly conversations: ConversationsService,
  ) {}

  @Authorized()
  @Subscription(() => Message, {
    description: 'New messages, in the order `messages` returns them. Without conversationId: every conversation you may read.',
    subscribe: ({ args, context }: Data<MessageAddedArgs>) =>
      realtime(context).messages(context.viewerId!, args.conversationId ?? null, args.after ?? null),
  })
  messageAdded(@Root() message: Message, @Args(() => MessageAddedArgs) _args: MessageAddedArgs, @Ctx() ctx: RequestContext): Message {
    // A live message is one object for all its subscribers on this node: they share its loaders.
    ctx.renewLoaders?.(message);
    return message;
  }

  @Authorized()
  @Subscription(() => Conversation, {
    description: 'A conversation of yours changed: new message, read state, or it was started with you. Resolved as you see it (your unreadCount).',
    subscribe: ({ context }: Data<object>) => realtime(context).conversationChanges(context.viewerId!),
  })
  async conversationUpdated(@Root() conversationId: string, @Ctx() ctx: RequestContext): Promise<Conversation> {
    fresh(ctx);
    return this.conversations.getForViewer(ctx.viewerId!, conversationId);
  }

  @Authorized()
  @Subscription(() => ReadReceipt, {
    description: 'Someone\'s read watermark moved ("seen"), in one conversation or all of yours.',
    subscribe: ({ args, context }: Data<ConversationFilterArgs>) => realtime(context).readReceipts(context.viewerId!, args.conversationId ?? null),
  })
  readReceipt(@Root() receipt: ReadReceipt, @Args(() => ConversationFilterArgs) _args: ConversationFilterArgs, @Ctx() ctx: RequestContext): ReadReceipt {
    fresh(ctx);
    return receipt;
  }

  @Authorized()
  @Subscription(() => TypingEvent, {
    description: 'Others typing, in one conversation or all of yours. Signals lapse at expiresAt unless renewed.',
    subscribe: ({ args, context }: Data<ConversationFilterArgs>) => realtime(context).typing(context.viewerId!, args.conversationId ?? null),
  })
  typing(@Root() event: TypingEvent, @Args(() => ConversationFilterArgs) _args: ConversationFilterArgs, @Ctx() ctx: RequestContext): TypingEvent {
    fresh(ctx);
    return event;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Tell the others you are typing (send again every few seconds while you are) or that you stopped. Never stored.' })
  setTyping(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, { description: 'The conversation.' }) conversationId: string,
    @Arg('isTyping', () => Boolean, { nullable: true, defaultValue: true, description: 'False when you stopped.' }) isTyping: boolean | null,
  ) {
    return this.realtimeService.setTyping(viewerId, conversationId, isTyping ?? true);
  }
}

@Resolver(() => ReadReceipt)
export class ReadReceiptResolver {
  @FieldResolver(() => Profile, { description: 'Whose watermark moved.' })
  profile(@Root() receipt: ReadReceipt, @Ctx() ctx: RequestContext): Promise<ProfileRow | null> {
    return ctx.loaders.profileById.load(receipt.profileId);
  }
}

@Resolver(() => TypingEvent)
export class TypingEventResolver {
  @FieldResolver(() => Profile, { description: 'Who is typing.' })
  profile(@Root() event: TypingEvent, @Ctx() ctx: RequestContext): Promise<ProfileRow | null> {
    return ctx.loaders.profileById.load(event.profileId);
  }
}
