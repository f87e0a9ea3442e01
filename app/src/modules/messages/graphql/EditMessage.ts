import { graphql } from '../../../gql';

/** Changes the text of one of my messages (within the edit window); the answer replaces it in the cache. */
export const EditMessageMutation = graphql(`
  mutation EditMessage($messageId: ID!, $content: String!) {
    editMessage(messageId: $messageId, content: $content) {
      ...MessageFields
    }
  }
`);
