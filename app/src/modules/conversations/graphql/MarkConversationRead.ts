import { graphql } from '../../../gql';

export const MarkConversationReadMutation = graphql(`
  mutation MarkConversationRead($conversationId: ID!) {
    markConversationRead(conversationId: $conversationId) {
      ...ConversationFields
    }
  }
`);
