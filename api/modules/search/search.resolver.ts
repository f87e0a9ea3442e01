import { Args, Authorized, Query, Resolver } from 'type-graphql';
import { CurrentUser } from '../../shared/auth';
import { MessageSearchResultConnection, SearchMessagesArgs } from './search.types';
import type { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Authorized()
  @Query(() => MessageSearchResultConnection, {
    description: 'Find messages by their words, across every conversation you can read (or one), most relevant first, with highlighted snippets. Deleted messages and other people\'s conversations are never found.',
  })
  searchMessages(@CurrentUser() viewerId: string, @Args(() => SearchMessagesArgs) args: SearchMessagesArgs) {
    return this.searchService.search(viewerId, args);
  }
}
