import { graphql } from '../../../gql';

export const RemoveAgentFromGroupMutation = graphql(`
  mutation RemoveAgentFromGroup($conversationId: ID!, $agentId: ID!) {
    removeAgentFromGroup(conversationId: $conversationId, agentId: $agentId) {
      ...ConversationFields
    }
  }
`);
