import { graphql } from '../../../gql';

/** Someone's read watermark moved in the open conversation: "seen". */
export const ReadReceiptSubscription = graphql(`
  subscription ReadReceipt($conversationId: ID) {
    readReceipt(conversationId: $conversationId) {
      conversationId
      lastReadSeq
      lastReadAt
      profile {
        ...ProfileFields
      }
    }
  }
`);
