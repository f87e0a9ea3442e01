import { graphql } from '../../../gql';

export const CreateAgentMutation = graphql(`
  mutation CreateAgent($input: CreateAgentInput!) {
    createAgent(input: $input) {
      ...AgentFields
      persona
      createdAt
      ...AgentControlFields
    }
  }
`);
