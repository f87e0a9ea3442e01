import { graphql } from '../../../gql';

/** Sets (on: true) or removes (on: false) my emoji on a message; a retry changes nothing. */
export const ToggleReactionMutation = graphql(`
  mutation ToggleReaction($messageId: ID!, $emoji: String!, $on: Boolean) {
    toggleReaction(messageId: $messageId, emoji: $emoji, on: $on) {
      ...MessageFields
    }
  }
`);
