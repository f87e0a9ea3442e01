import { graphql } from '../../../gql';

/** The owner gives a chat they took over back to their agent. */
export const HandBackConversationMutation = graphql(`
  mutation HandBackConversation($conversationId: ID!) {
    handBackConversation(conversationId: $conversationId) {
      id
      agentTakenOverAt
    }
  }
`);
