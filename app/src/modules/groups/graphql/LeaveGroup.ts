import { graphql } from '../../../gql';

export const LeaveGroupMutation = graphql(`
  mutation LeaveGroup($conversationId: ID!) {
    leaveGroup(conversationId: $conversationId)
  }
`);
