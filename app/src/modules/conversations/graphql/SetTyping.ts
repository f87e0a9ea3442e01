import { graphql } from '../../../gql';

export const SetTypingMutation = graphql(`
  mutation SetTyping($conversationId: ID!, $isTyping: Boolean) {
    setTyping(conversationId: $conversationId, isTyping: $isTyping)
  }
`);
