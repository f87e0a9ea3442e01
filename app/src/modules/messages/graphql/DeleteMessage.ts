import { graphql } from '../../../gql';

/** Deletes one of my messages: the answer is the tombstone, which takes its place in the cache. */
export const DeleteMessageMutation = graphql(`
  mutation DeleteMessage($messageId: ID!) {
    deleteMessage(messageId: $messageId) {
      ...MessageFields
    }
  }
`);
