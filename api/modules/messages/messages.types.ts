import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import type { ProfileRow } from '../profiles/profiles.types';

export enum MessageState {
  PENDING = 'PENDING',
  STREAMING = 'STREAMING',
  COMPLETE = 'COMPLETE',
  FAILED = 'FAILED',
}

registerEnumType(MessageState, {
  name: 'MessageState',
  description: 'Where a message is in its life. Only agent replies are ever anything but COMPLETE.',
  valuesConfig: {
    PENDING: { description: 'An agent reply that is queued: its place (seq) is fixed, its text is not written yet.' },
    STREAMING: { description: 'An agent reply being written: content grows (see the messageUpdated subscription).' },
    COMPLETE: { description: 'Final. Every message from a person, and every finished reply.' },
    FAILED: { description: 'An agent reply that could not be produced; content is a short notice. retryAgentReply tries again.' },
  },
});

export enum SenderType {
  USER = 'USER',
  AGENT = 'AGENT',
  SYSTEM = 'SYSTEM',
}

registerEnumType(SenderType, {
  name: 'SenderType',
  description: 'Who wrote a message.',
  valuesConfig: {
    USER: { description: 'A person, as themselves.' },
    AGENT: { description: 'An agent (or its owner answering as the agent).' },
    SYSTEM: { description: 'Parley itself.' },
  },
});

@ObjectType({ description: 'A message in a conversation.' })
export class Message {
  @Field(() => ID, { description: 'The message id (a UUID).' })
  id: string;

  @Field(() => ID, { description: 'The conversation it belongs to.' })
  conversationId: string;

  @Field(() => Int, { description: 'Position in its conversation: 1, 2, 3… in the order everyone sees.' })
  seq: number;

  @Field(() => SenderType, { description: 'USER, AGENT or SYSTEM.' })
  senderType: SenderType;

  @Field(() => String, { description: 'The text, trimmed.' })
  content: string;

  @Field(() => String, { nullable: true, description: 'The idempotency key the sender chose, echoed back.' })
  clientId: string | null;

  @Field(() => Date, { description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => MessageState, { description: 'COMPLETE, or for an agent reply still being written: PENDING or STREAMING; FAILED when it could not be.' })
  state: MessageState;

  @Field(() => String, { nullable: true, description: 'For an agent reply: what produced it ("builtin", or the model name). Null for anything written by a person.' })
  responder: string | null;

  /** Fences writers of an agent reply (see the AgentReplies migration); orders its updates. */
  attempt?: number;

  @Field(() => Date, { nullable: true, description: 'When its sender last edited it (null: never edited). Earlier texts: `versions`.' })
  editedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its sender deleted it. A deleted message is a tombstone: it keeps its place (seq) and content is "".' })
  deletedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The message this one answers (same conversation); see `replyTo` for the quoted original.' })
  replyToId?: string | null;

  /**
   * Grows with every edit, delete and reaction change: orders live updates of one message. 0: it
   * has never had an earlier text or a reaction (both bump it in the same transaction), so
   * `versions` and `reactions` answer [] without a read.
   */
  revision?: number;

  /**
   * False when the message is known to carry no files (sent without attachmentIds: they are
   * attached only in the sending transaction; or read in a page, which checks), so `attachments`
   * answers [] without a read. Unset on other rows read back from the database.
   */
  hasAttachments?: boolean;

  /**
   * The sender's profile row as of the send (returned by the sending statement), so `sender`
   * needs no lookup for a new message; unset on rows read back from the database.
   */
  senderProfile?: ProfileRow;

  /** The conversation's update number of this message's latest edit, delete or reaction change (resume point for messageUpdated). */
  updateSeq?: number | null;

  senderId: string | null;
  senderAgentId: string | null;
}

export const MessageConnection = Connection(Message, 'Message', 'message');
export type MessageConnection = InstanceType<typeof MessageConnection>;

export const MESSAGE_COLUMNS = `m.id, m.conversation_id AS "conversationId", m.seq::int AS seq, m.sender_type AS "senderType",
  m.sender_id AS "senderId", m.sender_agent_id AS "senderAgentId", m.content, m.client_id AS "clientId", m.created_at AS "createdAt",
  m.state, m.responder, m.attempt, m.edited_at AS "editedAt", m.deleted_at AS "deletedAt", m.reply_to_id AS "replyToId", m.revision,
  m.update_seq::int AS "updateSeq"`;
