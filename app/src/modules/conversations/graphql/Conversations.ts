import { graphql } from '../../../gql';

/** My chats, most recent first (pages are merged by the type policy of Query.conversations). */
export const ConversationsQuery = graphql(`
  query Conversations($first: Int, $after: String) {
    conversations(first: $first, after: $after) {
      nodes {
        ...ConversationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
