import { graphql } from '../../../gql';

export const UnreadTotalQuery = graphql(`
  query UnreadTotal {
    unreadTotal
  }
`);
