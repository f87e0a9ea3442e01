import { graphql } from '../../../gql';

export const SetGroupAdminMutation = graphql(`
  mutation SetGroupAdmin($conversationId: ID!, $userId: ID!, $isAdmin: Boolean!) {
    setGroupAdmin(conversationId: $conversationId, userId: $userId, isAdmin: $isAdmin) {
      ...ConversationFields
    }
  }
`);
