import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConversationEntity } from '../conversations/conversation.entity';
import { ProfileEntity } from '../profiles/profile.entity';
import { AgentEntity } from '../agents/agent.entity';

export type SenderTypeValue = 'USER' | 'AGENT' | 'SYSTEM';

/** A message; `seq` orders it inside its conversation (unique per conversation). */
@Entity({ name: 'messages' })
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ name: 'sender_type', type: 'text' })
  senderType: SenderTypeValue;

  @Column({ name: 'sender_id', type: 'uuid', nullable: true })
  senderId: string | null;

  @ManyToOne(() => ProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sender_id' })
  sender?: ProfileEntity | null;

  @Column({ name: 'sender_agent_id', type: 'uuid', nullable: true })
  senderAgentId: string | null;

  @ManyToOne(() => AgentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sender_agent_id' })
  senderAgent?: AgentEntity | null;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'client_id', type: 'text', nullable: true })
  clientId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
