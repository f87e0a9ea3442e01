import { Field, ID, InputType } from 'type-graphql';
import { IsUUID, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'A message to report, and why.' })
export class ReportMessageInput {
  @Field(() => ID, { description: 'A message in a conversation you can read, sent by someone else.' })
  @IsUUID('all', { message: 'messageId must be a UUID' })
  messageId: string;

  @Field(() => String, { description: 'Why (1–1000 characters).' })
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason: string;
}
