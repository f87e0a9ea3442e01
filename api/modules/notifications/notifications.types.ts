import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsBoolean, IsEmail, IsOptional, MaxLength, ValidateIf } from 'class-validator';

@ObjectType({ description: 'How Parley tells you about messages you missed.' })
export class NotificationSettings {
  @Field(() => String, { nullable: true, description: 'Where missed-message emails go; only you see it.' })
  email: string | null;

  @Field(() => Boolean, { description: 'Email me about messages that stay unread while I am away.' })
  emailNotifications: boolean;
}

@InputType({ description: 'Changes to your notification settings; fields left out stay as they are.' })
export class NotificationSettingsInput {
  @Field(() => String, { nullable: true, description: 'An email address, or an empty string to remove it.' })
  @IsOptional()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @ValidateIf((o) => o.email !== '')
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Turn missed-message emails on or off.' })
  @IsOptional()
  @IsBoolean()
  emailNotifications?: boolean | null;
}

export enum NotificationKind {
  NEW_CONVERSATION = 'NEW_CONVERSATION',
  NEW_MESSAGE = 'NEW_MESSAGE',
  HUMAN_REQUESTED = 'HUMAN_REQUESTED',
  GROUP_REMOVED = 'GROUP_REMOVED',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    NEW_CONVERSATION: { description: 'Someone started a chat with you.' },
    NEW_MESSAGE: { description: 'A new message in one of your chats (never for muted chats, your own messages, or chats held with your agents).' },
    HUMAN_REQUESTED: { description: 'Someone chatting with your agent typed /human: they ask you to join (takeOverConversation).' },
    GROUP_REMOVED: { description: 'You are no longer in this group: an admin removed you (`from`), or you left it (`from` is you, e.g. in another tab). Drop it from what you show: it answers NOT_FOUND from now on.' },
  },
});

@ObjectType({ description: 'Something to tell you about, as it happens.' })
export class Notification {
  @Field(() => NotificationKind, { description: 'What happened.' })
  kind: NotificationKind;

  @Field(() => ID, { description: 'The conversation it happened in.' })
  conversationId: string;

  @Field(() => String, { nullable: true, description: 'The start of the message, for NEW_MESSAGE (at most 140 characters).' })
  preview: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  createdAt: Date;

  /** Who did it: resolved to `from`. */
  actorId: string | null;
}
