import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An earlier text of an edited message, kept for the participants to read.' })
export class MessageVersion {
  @Field(() => String, { description: 'The text as it was.' })
  content: string;

  @Field(() => Date, { description: 'When this text was written (sent, or the edit that wrote it).' })
  writtenAt: Date;

  @Field(() => Date, { description: 'When an edit replaced it.' })
  replacedAt: Date;

  messageId: string;
}

@ObjectType({ description: 'One emoji on a message: how many people reacted with it, and who.' })
export class ReactionGroup {
  @Field(() => String, { description: 'The emoji.' })
  emoji: string;

  @Field(() => Int, { description: 'How many people reacted with it.' })
  count: number;

  @Field(() => Boolean, { description: 'Whether you are one of them.' })
  reactedByMe: boolean;

  /** Who reacted, first first (resolved to profiles by `reactors`). */
  profileIds: string[];
}

/** One row of message_reactions as the loaders read it. */
export interface ReactionRow {
  messageId: string;
  emoji: string;
  profileId: string;
}
