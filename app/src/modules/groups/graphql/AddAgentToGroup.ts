import { graphql } from '../../../gql';

export const AddAgentToGroupMutation = graphql(`
  mutation AddAgentToGroup($conversationId: ID!, $agentId: ID!) {
    addAgentToGroup(conversationId: $conversationId, agentId: $agentId) {
      ...ConversationFields
    }
  }
`);
