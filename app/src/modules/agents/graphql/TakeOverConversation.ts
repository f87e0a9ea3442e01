import { graphql } from '../../../gql';

/** The owner steps into a chat with their agent: they write as themselves, the agent is silent. */
export const TakeOverConversationMutation = graphql(`
  mutation TakeOverConversation($conversationId: ID!) {
    takeOverConversation(conversationId: $conversationId) {
      id
      agentTakenOverAt
    }
  }
`);
