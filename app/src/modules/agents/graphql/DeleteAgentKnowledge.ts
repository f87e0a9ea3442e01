import { graphql } from '../../../gql';

export const DeleteAgentKnowledgeMutation = graphql(`
  mutation DeleteAgentKnowledge($id: ID!) {
    deleteAgentKnowledge(id: $id)
  }
`);
