import { graphql } from '../../../gql';

/** One of my agents and what happened in its chats over a period. */
export const AgentInsightsQuery = graphql(`
  query AgentInsights($agentId: ID!, $from: DateTime!, $to: DateTime!) {
    agent(id: $agentId) {
      id
      handle
      displayName
      avatarUrl
      paused
      responder
    }
    agentInsights(agentId: $agentId, from: $from, to: $to) {
      agentId
      from
      to
      conversations
      messages
      people
      takeovers
      humanRequests
      medianFirstTokenMs
      medianReplyMs
      replies {
        outcome
        count
      }
      busiestHours {
        hour
        messages
      }
    }
  }
`);
