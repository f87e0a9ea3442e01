import { graphql } from '../../../gql';

export const AgentKnowledgeFieldsFragment = graphql(`
  fragment AgentKnowledgeFields on AgentKnowledgeEntry {
    id
    agentId
    title
    body
    createdAt
    updatedAt
  }
`);
