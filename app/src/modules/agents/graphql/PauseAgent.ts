import { graphql } from '../../../gql';

export const PauseAgentMutation = graphql(`
  mutation PauseAgent($agentId: ID!) {
    pauseAgent(agentId: $agentId) {
      ...AgentControlFields
    }
  }
`);
