import { graphql } from '../../../gql';

/** Groups the signed-in person is no longer in (removed, or left on another device). */
export const GroupRemovedSubscription = graphql(`
  subscription GroupRemoved {
    notifications(kinds: [GROUP_REMOVED]) {
      kind
      conversationId
    }
  }
`);
