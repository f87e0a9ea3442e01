import { graphql } from '../../../gql';

/** A FAILED agent reply is written again, in its place (it comes back PENDING). */
export const RetryAgentReplyMutation = graphql(`
  mutation RetryAgentReply($messageId: ID!) {
    retryAgentReply(messageId: $messageId) {
      ...MessageFields
    }
  }
`);
