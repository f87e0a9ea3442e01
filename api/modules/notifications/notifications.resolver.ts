import { Arg, Authorized, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CurrentUser } from '../../shared/auth';
import { Conversation } from '../conversations/conversations.types';
import type { ConversationsService } from '../conversations/conversations.service';
import { NotificationSettings, NotificationSettingsInput } from './notifications.types';
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
