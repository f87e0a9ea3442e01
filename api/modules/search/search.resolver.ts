import { Args, Authorized, Query, Resolver } from 'type-graphql';
import { CurrentUser } from '../../shared/auth';
import { MessageSearchResultConnection, SearchMessagesArgs } from './search.types';
import type { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Authorized()
  @Query(() => MessageSearchResultConnection, {
    description: 'Find messages by their words, across every conversation you can read (or one), with highlighted snippets: the newest 1,000 matches (the server\'s SEARCH_WINDOW), most relevant first. Older matches are found by narrowing: sentBefore, a conversation or a sender. Deleted messages and other people\'s conversations are never found.',
  })
  searchMessages(@CurrentUser() viewerId: string, @Args(() => SearchMessagesArgs) args: SearchMessagesArgs) {
    return this.searchService.search(viewerId, args);
  }
}
