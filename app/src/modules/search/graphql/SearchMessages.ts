import { graphql } from '../../../gql';

/**
 * Messages I can read that match the words, most relevant first, with `snippet`: HTML-escaped
 * text whose only markup is <mark> around the matched words, and each message's conversation
 * (name and picture of the result; the server loads them for the whole page at once). Pages
 * merge in the type policy of Query.searchMessages.
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
          conversation {
            ...ConversationFields
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
