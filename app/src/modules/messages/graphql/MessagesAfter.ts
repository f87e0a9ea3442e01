import { graphql } from '../../../gql';

/** Catching up forwards from the newest message we hold (after a gap or a dropped connection). */
export const MessagesAfterQuery = graphql(`
  query MessagesAfter($id: ID!, $after: String!, $first: Int) {
    conversation(id: $id) {
      id
      messages(first: $first, after: $after) {
        nodes {
          ...MessageFields
        }
        pageInfo {
          hasPreviousPage
          hasNextPage
          startCursor
          endCursor
        }
      }
    }
  }
`);
