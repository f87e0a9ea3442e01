import { Arg, Args, ArgsType, Authorized, Field, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription, SubscribeResolverData } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { Profile } from '../profiles/profiles.types';
import { CurrentUser } from '../../shared/auth';
import { Conversation } from '../conversations/conversations.types';
import type { ConversationsService } from '../conversations/conversations.service';
import { Notification, NotificationKind, NotificationSettings, NotificationSettingsInput } from './notifications.types';
import type { NotificationsService } from './notifications.service';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly conversations: ConversationsService,
  ) {}

  @Authorized()
  @Query(() => NotificationSettings, { description: 'Your email address and whether missed-message emails are on.' })
  notificationSettings(@CurrentUser() viewerId: string) {
    return this.notifications.settings(viewerId);
  }

  @Authorized()
  @Mutation(() => NotificationSettings, { description: 'Set your email address and turn missed-message emails on or off.' })
  updateNotificationSettings(
    @CurrentUser() viewerId: string,
    @Arg('input', () => NotificationSettingsInput, { description: 'What to change.' }) input: NotificationSettingsInput,
  ) {
    return this.notifications.update(viewerId, input);
  }

  @Authorized()
  @Mutation(() => Conversation, { description: 'Mute or unmute a conversation: a muted one still counts as unread but never notifies you.' })
  async setConversationMuted(
    @CurrentUser() viewerId: string,
    @Arg('conversationId', () => ID, { description: 'The conversation.' }) conversationId: string,
    @Arg('muted', () => Boolean, { description: 'True to mute, false to unmute.' }) muted: boolean,
  ) {
    await this.notifications.setMuted(viewerId, conversationId, muted);
    return this.conversations.getForViewer(viewerId, conversationId);
  }
}

@ArgsType()
class NotificationArgs {
  @Field(() => [NotificationKind], { nullable: true, description: 'Only these kinds (default: all).' })
  kinds?: NotificationKind[] | null;
}

@Resolver(() => Notification)
export class NotificationStreamResolver {
  @Authorized()
  @Subscription(() => Notification, {
    description: 'In-app notifications as they happen: chats started with you, new messages in your chats that are not muted, groups you are no longer in.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, NotificationArgs, RequestContext>) => {
      if (!context.realtime) throw new Error('subscriptions are served over WebSocket only');
      return context.realtime.notifications(context.viewerId!, args.kinds ?? null);
    },
  })
  notifications(@Root() notification: Notification, @Args(() => NotificationArgs) _args: NotificationArgs, @Ctx() ctx: RequestContext): Notification {
    ctx.renewLoaders?.();
    return notification;
  }

  @FieldResolver(() => Profile, { nullable: true, description: 'Who did it.' })
  from(@Root() notification: Notification, @Ctx() ctx: RequestContext) {
    return notification.actorId ? ctx.loaders.profileById.load(notification.actorId) : null;
  }
}
