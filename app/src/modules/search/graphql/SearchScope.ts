import { graphql } from '../../../gql';

/**
 * The conversation a search is limited to (`/search?in=<id>`), for the "in: <name>" chip. Coming
 * from the conversation's header it is already in the cache (Query.conversation reads it by id).
 */
export const SearchScopeQuery = graphql(`
  query SearchScope($id: ID!) {
    conversation(id: $id) {
      ...ConversationFields
    }
  }
`);
