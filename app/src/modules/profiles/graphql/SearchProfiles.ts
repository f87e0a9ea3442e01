import { graphql } from '../../../gql';

/** Handle suggestions in the new-conversation modal. */
export const SearchProfilesQuery = graphql(`
  query SearchProfiles($query: String!, $first: Int) {
    searchProfiles(query: $query, first: $first) {
      ...ProfileFields
    }
  }
`);
