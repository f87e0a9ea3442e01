import { graphql } from '../../../gql';

/** Chats others hold with my agents (the Agent Chats tab), optionally for one agent. */
export const AgentConversationsQuery = graphql(`
  query AgentConversations($agentId: ID, $first: Int, $after: String) {
    agentConversations(agentId: $agentId, first: $first, after: $after) {
      nodes {
        ...ConversationFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
