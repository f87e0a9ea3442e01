import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../shared/pagination';

export enum ChatType {
  PROFILE = 'PROFILE',
  AGENT = 'AGENT',
  GROUP = 'GROUP',
}

registerEnumType(ChatType, {
  name: 'ChatType',
  description: 'What a conversation is with.',
  valuesConfig: {
    PROFILE: { description: 'Two people, directly (a message to the other person\'s inbox).' },
    AGENT: { description: 'A person chatting with another person\'s AI agent; the agent\'s owner can watch.' },
    GROUP: { description: 'A group chat: a title and 3 or more members (GROUP_MAX_MEMBERS at most); agents added by their owners answer when @mentioned.' },
  },
});

export enum ParticipantRole {
  MEMBER = 'MEMBER',
  AGENT_OWNER = 'AGENT_OWNER',
}

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'How a person takes part in a conversation.',
  valuesConfig: {
    MEMBER: { description: 'A side of a profile chat, or the person chatting with an agent.' },
    AGENT_OWNER: { description: 'The owner of the agent in an agent chat: watches it and can answer as the agent.' },
  },
});

@ObjectType({ description: 'A person in a conversation, with their read state.' })
export class Participant {
  @Field(() => Date, { nullable: true, description: 'When this participant last marked the conversation read.' })
  lastReadAt: Date | null;

  @Field(() => Int, { description: 'Sequence number (`Message.seq`) of the last message this participant has read: messages up to it are "seen".' })
  lastReadSeq: number;

  @Field(() => ParticipantRole, { description: 'MEMBER, or AGENT_OWNER for the owner of an agent chat\'s agent.' })
  role: ParticipantRole;

  @Field(() => Boolean, { description: 'GROUP chats: this member may rename the group, add and remove members and make others admin. Always false elsewhere.' })
  isAdmin: boolean;

  profileId: string;
  conversationId: string;
}

@ObjectType({ description: 'A chat between two people, between a person and another person\'s agent, or a group chat.' })
export class Conversation {
  @Field(() => ID, { description: 'The conversation id (a UUID).' })
  id: string;

  @Field(() => ChatType, { description: 'PROFILE, AGENT or GROUP.' })
  chatType: ChatType;

  @Field(() => String, { nullable: true, description: 'GROUP chats: the group\'s name. Null for PROFILE and AGENT chats.' })
  title: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last message was sent; null before the first.' })
  lastMessageAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The start of the last message (at most 140 characters).' })
  lastMessagePreview: string | null;

  @Field(() => Date, { description: 'When the conversation was started.' })
  createdAt: Date;

  @Field(() => Int, { description: 'Sequence number of the newest message (0 when there is none).' })
  lastSeq: number;

  @Field(() => Boolean, { description: 'You muted it: it still counts as unread but never notifies you.' })
  muted: boolean;

  initiatorId: string;
  /** Null for GROUP chats. */
  userLowId: string | null;
  userHighId: string | null;
  targetAgentId: string | null;
  /** AGENT chats: set while the agent's owner has taken it over (see agent-replies). */
  agentTakenOverAt?: Date | null;
  /** Who this object is resolved for: unreadCount and otherParticipant depend on it. */
  viewerId: string;
  /** The viewer's unread count when the query that loaded this row computed it. */
  viewerUnread?: number;
  /** The list's sort key, kept as PostgreSQL text so cursors keep microseconds. */
  sortKey?: string;
}

export const ConversationConnection = Connection(Conversation, 'Conversation', 'conversation');
export type ConversationConnection = InstanceType<typeof ConversationConnection>;

@ObjectType({ description: 'The result of startConversation.' })
export class StartConversationPayload {
  @Field(() => Conversation, { description: 'The conversation, new or existing.' })
  conversation: Conversation;

  @Field(() => Boolean, { description: 'True when this call created it.' })
  isNew: boolean;
}

export const CONVERSATION_COLUMNS = `c.id, c.chat_type AS "chatType", c.initiator_id AS "initiatorId", c.user_low_id AS "userLowId",
  c.user_high_id AS "userHighId", c.target_agent_id AS "targetAgentId", c.last_message_at AS "lastMessageAt",
  c.last_message_preview AS "lastMessagePreview", c.created_at AS "createdAt", c.last_seq::int AS "lastSeq",
  c.agent_taken_over_at AS "agentTakenOverAt", c.title`;
