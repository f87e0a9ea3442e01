import { graphql } from '../../../gql';

/**
 * Messages I can read that match the words, most relevant first, with `snippet`: HTML-escaped
 * text whose only markup is <mark> around the matched words. Pages merge in the type policy of
 * Query.searchMessages.
 */
export const SearchMessagesQuery = graphql(`
  query SearchMessages($query: String!, $first: Int, $after: String, $conversationId: ID) {
    searchMessages(query: $query, first: $first, after: $after, conversationId: $conversationId) {
      nodes {
        snippet
        rank
        message {
          id
          conversationId
          seq
          createdAt
          senderType
          sender {
            ...ProfileFields
          }
          senderAgent {
            id
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
