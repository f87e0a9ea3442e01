import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProfileEntity } from '../profiles/profile.entity';
import { AgentEntity } from '../agents/agent.entity';

export type ChatTypeValue = 'PROFILE' | 'AGENT';

/**
 * A chat. Start-or-get is enforced by partial unique indexes (see the initial migration):
 * one PROFILE chat per unordered pair (user_low_id, user_high_id), one AGENT chat per
 * (initiator, agent). `last_seq` numbers the messages; read watermarks refer to it.
 */
@Entity({ name: 'conversations' })
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'chat_type', type: 'text' })
  chatType: ChatTypeValue;

  /** Who started it: for an AGENT chat, the person chatting with the agent. */
  @Column({ name: 'initiator_id', type: 'uuid' })
  initiatorId: string;

  @Column({ name: 'user_low_id', type: 'uuid' })
  userLowId: string;

  @Column({ name: 'user_high_id', type: 'uuid' })
  userHighId: string;

  @ManyToOne(() => ProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_low_id' })
  userLow?: ProfileEntity;

  @ManyToOne(() => ProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_high_id' })
  userHigh?: ProfileEntity;

  @Column({ name: 'target_agent_id', type: 'uuid', nullable: true })
  targetAgentId: string | null;

  @ManyToOne(() => AgentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'target_agent_id' })
  targetAgent?: AgentEntity | null;

  @Column({ name: 'last_seq', type: 'bigint', default: 0 })
  lastSeq: string;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  @Column({ name: 'last_message_preview', type: 'text', nullable: true })
  lastMessagePreview: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
