import { graphql } from '../../../gql';

/** New messages of the open conversation; `after` replays what was missed, then goes live. */
export const MessageAddedSubscription = graphql(`
  subscription MessageAdded($conversationId: ID, $after: String) {
    messageAdded(conversationId: $conversationId, after: $after) {
      ...MessageFields
    }
  }
`);
