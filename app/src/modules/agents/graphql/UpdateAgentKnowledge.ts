import { graphql } from '../../../gql';

export const UpdateAgentKnowledgeMutation = graphql(`
  mutation UpdateAgentKnowledge($input: UpdateAgentKnowledgeInput!) {
    updateAgentKnowledge(input: $input) {
      ...AgentKnowledgeFields
    }
  }
`);
