import { graphql } from '../../../gql';

/** Any of my conversations changed (new message, read state): resolved for me, so unreadCount is mine. */
export const ConversationUpdatedSubscription = graphql(`
  subscription ConversationUpdated {
    conversationUpdated {
      ...ConversationFields
    }
  }
`);
