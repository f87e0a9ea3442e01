import { graphql } from '../../../gql';

export const AddAgentKnowledgeMutation = graphql(`
  mutation AddAgentKnowledge($input: AddAgentKnowledgeInput!) {
    addAgentKnowledge(input: $input) {
      ...AgentKnowledgeFields
    }
  }
`);
