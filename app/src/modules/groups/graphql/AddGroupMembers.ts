import { graphql } from '../../../gql';

export const AddGroupMembersMutation = graphql(`
  mutation AddGroupMembers($conversationId: ID!, $memberIds: [ID!]!) {
    addGroupMembers(conversationId: $conversationId, memberIds: $memberIds) {
      ...ConversationFields
    }
  }
`);
