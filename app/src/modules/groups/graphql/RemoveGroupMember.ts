import { graphql } from '../../../gql';

export const RemoveGroupMemberMutation = graphql(`
  mutation RemoveGroupMember($conversationId: ID!, $userId: ID!) {
    removeGroupMember(conversationId: $conversationId, userId: $userId) {
      ...ConversationFields
    }
  }
`);
