import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ChatType } from './conversations.types';

@InputType({ description: 'Who to talk to: a person (PROFILE) or one of their agents (AGENT).' })
export class StartConversationInput {
  @Field(() => ID, { description: 'The person; for AGENT chats, the agent\'s owner.' })
  @IsUUID('all', { message: 'targetUserId must be a UUID' })
  targetUserId: string;

  @Field(() => ChatType, { description: 'PROFILE or AGENT.' })
  @IsEnum(ChatType)
  chatType: ChatType;

  @Field(() => ID, { nullable: true, description: 'Required when chatType is AGENT; must belong to targetUserId.' })
  @IsOptional()
  @IsUUID('all', { message: 'targetAgentId must be a UUID' })
  targetAgentId?: string | null;
}
