import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { Message } from '../messages/messages.types';

@ObjectType({ description: 'A message that matched a search, with the words that matched highlighted.' })
export class MessageSearchResult {
  @Field(() => Message, { description: 'The message (open its conversation at message.cursor).' })
  message: Message;

  @Field(() => String, {
    description: 'The matching part of the text, HTML-escaped, each matched word wrapped in <mark>…</mark> (nothing else is markup): up to 35 words around the best match. Tag-like text (<b>) is left out of snippets.',
  })
  snippet: string;

  @Field(() => Float, { description: 'Relevance (ts_rank) among the newest matches: results come highest first.' })
  rank: number;
}

export const MessageSearchResultConnection = Connection(MessageSearchResult, 'MessageSearchResult', 'search result');
export type MessageSearchResultConnection = InstanceType<typeof MessageSearchResultConnection>;

@ArgsType()
export class SearchMessagesArgs {
  @Field(() => String, {
    description: 'Words to find (1–200 characters), web-search style: "quoted phrase", -excluded, or. The last word also matches as a prefix, so results follow as people type.',
  })
  query: string;

  @Field(() => ID, { nullable: true, description: 'Only this conversation (one of yours; otherwise nothing is found).' })
  conversationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only messages this person (userId) sent.' })
  from?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only messages sent before this time.' })
  sentBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only messages sent after this time.' })
  sentAfter?: Date | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'How many results (1–50).' })
  first: number;

  @Field(() => String, {
    nullable: true,
    description: 'The endCursor of the previous page. Later pages rank the same newest matches as the first page did; a match sent in between may join them, none drops out.',
  })
  after?: string | null;
}
