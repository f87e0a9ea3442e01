import { graphql } from '../../../gql';

/** The notes one of my agents answers from (only its owner gets them). */
export const AgentKnowledgeQuery = graphql(`
  query AgentKnowledge($id: ID!) {
    agent(id: $id) {
      id
      knowledge {
        ...AgentKnowledgeFields
      }
    }
  }
`);
