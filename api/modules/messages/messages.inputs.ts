import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length } from 'class-validator';

@InputType({ description: 'A message to send.' })
export class SendMessageInput {
  @Field(() => ID, { description: 'The conversation to send into.' })
  @IsUUID('all', { message: 'conversationId must be a UUID' })
  conversationId: string;

  @Field(() => String, { description: 'The text: trimmed, then 1–4000 characters (MESSAGE_MAX_LENGTH). May be empty when attachmentIds are given.' })
  content: string;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key chosen by the client (1–64 characters): a retry with the same clientId returns the first message, never a second one.',
  })
  @IsOptional()
  @Length(1, 64, { message: 'clientId must be 1–64 characters' })
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The message this one answers: a message of the same conversation, not deleted (otherwise BAD_USER_INPUT).' })
  @IsOptional()
  replyToId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Uploads to send with it (ids from POST /uploads): your own, not sent yet, each once, at most ATTACHMENTS_PER_MESSAGE (default 10). Otherwise BAD_USER_INPUT and nothing is sent.',
  })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'attachmentIds may hold at most 100 ids' })
  attachmentIds?: string[] | null;
}
