import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Message, MessageState } from '../messages/messages.types';

@ObjectType({ description: 'An agent reply changed: it grew (delta appended at offset), or its state changed. `message.content` is always the whole text so far.' })
export class MessageUpdate {
  @Field(() => Message, { description: 'The reply as it is now (state, whole content so far).' })
  message: Message;

  @Field(() => String, { description: 'Text added by this update ("" for a change of state only). The first update a subscriber gets for a reply carries its whole content so far.' })
  delta: string;

  @Field(() => Int, { description: 'Where delta goes: the length of the content before it. If it is not the length you have, use message.content.' })
  offset: number;
}

@ObjectType({ description: 'A note an agent answers from, written by its owner.' })
export class AgentKnowledgeEntry {
  @Field(() => ID, { description: 'The note id.' })
  id: string;

  @Field(() => ID, { description: 'The agent it belongs to.' })
  agentId: string;

  @Field(() => String, { description: 'Short title or question.' })
  title: string;

  @Field(() => String, { description: 'The note.' })
  body: string;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed.' })
  updatedAt: Date;
}

@ObjectType({ description: 'How many agent replies ended one way.' })
export class ReplyOutcomeCount {
  @Field(() => MessageState, { description: 'COMPLETE, FAILED, or still PENDING / STREAMING.' })
  outcome: MessageState;

  @Field(() => Int, { description: 'Replies in the period with this outcome.' })
  count: number;
}

@ObjectType({ description: 'Messages in one hour of the day (UTC), over the period.' })
export class HourCount {
  @Field(() => Int, { description: 'Hour of the day, 0–23, UTC.' })
  hour: number;

  @Field(() => Int, { description: 'Messages sent in that hour of the day, over the whole period.' })
  messages: number;
}

@ObjectType({ description: 'What happened in the chats with one of your agents over a period.' })
export class AgentInsights {
  @Field(() => ID, { description: 'The agent.' })
  agentId: string;

  @Field(() => Date, { description: 'Start of the period (inclusive).' })
  from: Date;

  @Field(() => Date, { description: 'End of the period (exclusive).' })
  to: Date;

  @Field(() => Int, { description: 'Chats with at least one message in the period.' })
  conversations: number;

  @Field(() => Int, { description: 'Messages in the period, from everyone (people, the agent, you, Parley).' })
  messages: number;

  @Field(() => Int, { description: 'Distinct people who wrote to the agent in the period.' })
  people: number;

  @Field(() => [ReplyOutcomeCount], { description: 'Agent replies started in the period, by outcome (every state, zeros included).' })
  replies: ReplyOutcomeCount[];

  @Field(() => Float, { nullable: true, description: 'Median milliseconds from a person\'s message to the first text of the reply (null without replies).' })
  medianFirstTokenMs: number | null;

  @Field(() => Float, { nullable: true, description: 'Median milliseconds from a person\'s message to the complete reply (null without complete replies).' })
  medianReplyMs: number | null;

  @Field(() => Int, { description: 'Times you took over a chat.' })
  takeovers: number;

  @Field(() => Int, { description: 'Times someone asked for you with /human.' })
  humanRequests: number;

  @Field(() => [HourCount], { description: 'Messages by hour of the day (UTC), all 24 hours in order: for a chart of the busiest hours.' })
  busiestHours: HourCount[];
}
