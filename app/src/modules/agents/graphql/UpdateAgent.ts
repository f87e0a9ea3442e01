import { graphql } from '../../../gql';

export const UpdateAgentMutation = graphql(`
  mutation UpdateAgent($input: UpdateAgentInput!) {
    updateAgent(input: $input) {
      ...AgentFields
      persona
    }
  }
`);
