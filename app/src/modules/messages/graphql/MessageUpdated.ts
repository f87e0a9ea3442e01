import { graphql } from '../../../gql';

/**
 * Changes to messages of the open conversation: agent replies as they are written (state and
 * the whole text so far), and edits, deletes and reaction changes. Each event carries the whole
 * message; `after` (Conversation.updatesCursor) replays what changed while we were away.
 */
export const MessageUpdatedSubscription = graphql(`
  subscription MessageUpdated($conversationId: ID, $after: String) {
    messageUpdated(conversationId: $conversationId, after: $after) {
      offset
      delta
      message {
        ...MessageFields
      }
    }
  }
`);
