import { graphql } from '../../../gql';

/**
 * The open conversation and a page of its history: the newest page first, then older pages
 * with `before`. Pages are merged by the type policy of Conversation.messages.
 */
export const ConversationMessagesQuery = graphql(`
  query ConversationMessages($id: ID!, $last: Int, $before: String) {
    conversation(id: $id) {
      ...ConversationFields
      updatesCursor
      messages(last: $last, before: $before) {
        nodes {
          ...MessageFields
        }
        pageInfo {
          hasPreviousPage
          hasNextPage
          startCursor
          endCursor
        }
      }
    }
  }
`);
