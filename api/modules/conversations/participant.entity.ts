import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProfileEntity } from '../profiles/profile.entity';
import { ConversationEntity } from './conversation.entity';

/**
 * How a person takes part: MEMBER (a side of a PROFILE chat, or the person chatting with an
 * agent) lists the chat in `conversations`; AGENT_OWNER (the owner of the chat's agent)
 * lists it in `agentConversations`.
 */
export type ParticipantRoleValue = 'MEMBER' | 'AGENT_OWNER';

/**
 * One row per person in a conversation, holding their read watermark (`last_read_seq`,
 * which only moves forward) and a copy of the conversation's sort key and last sequence
 * number, so a person's list and unread total are index scans over their own rows.
 */
@Entity({ name: 'participants' })
export class ParticipantEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @ManyToOne(() => ProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: ProfileEntity;

  @Column({ type: 'text' })
  role: ParticipantRoleValue;

  @Column({ name: 'chat_type', type: 'text' })
  chatType: string;

  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId: string | null;

  @Column({ name: 'last_seq', type: 'bigint', default: 0 })
  lastSeq: string;

  @Column({ name: 'last_read_seq', type: 'bigint', default: 0 })
  lastReadSeq: string;

  @Column({ name: 'last_read_at', type: 'timestamptz', nullable: true })
  lastReadAt: Date | null;

  /** Muted: still counted unread, never notified. */
  @Column({ type: 'boolean', default: false })
  muted: boolean;

  /** The last seq already included in a missed-message email. */
  @Column({ name: 'notified_seq', type: 'bigint', default: 0 })
  notifiedSeq: string;

  @Column({ name: 'activity_at', type: 'timestamptz' })
  activityAt: Date;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
