import { graphql } from '../../../gql';

/** The public profile page /u/:handle: the person and the agents one can chat with. */
export const PublicProfileQuery = graphql(`
  query PublicProfile($handle: String!) {
    profile(handle: $handle) {
      ...ProfileFields
      createdAt
      agents {
        ...AgentFields
      }
    }
  }
`);
