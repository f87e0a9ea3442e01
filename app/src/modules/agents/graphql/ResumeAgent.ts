import { graphql } from '../../../gql';

export const ResumeAgentMutation = graphql(`
  mutation ResumeAgent($agentId: ID!) {
    resumeAgent(agentId: $agentId) {
      ...AgentControlFields
    }
  }
`);
