import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A participant\'s read watermark moved: messages up to lastReadSeq are "seen" by them.' })
export class ReadReceipt {
  @Field(() => ID, { description: 'The conversation.' })
  conversationId: string;

  @Field(() => Int, { description: 'Messages with seq up to this one have been read by the participant.' })
  lastReadSeq: number;

  @Field(() => Date, { nullable: true, description: 'When they read it.' })
  lastReadAt: Date | null;

  profileId: string;
}

@ObjectType({ description: 'Someone started or stopped typing. Ephemeral: never stored; treat it as stopped after expiresAt.' })
export class TypingEvent {
  @Field(() => ID, { description: 'The conversation.' })
  conversationId: string;

  @Field(() => Boolean, { description: 'True while typing; false when they stopped (or sent).' })
  isTyping: boolean;

  @Field(() => Date, { description: 'When this signal lapses unless renewed.' })
  expiresAt: Date;

  profileId: string;
}
