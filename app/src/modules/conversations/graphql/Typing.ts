import { graphql } from '../../../gql';

export const TypingSubscription = graphql(`
  subscription Typing($conversationId: ID) {
    typing(conversationId: $conversationId) {
      conversationId
      isTyping
      expiresAt
      profile {
        ...ProfileFields
      }
    }
  }
`);
