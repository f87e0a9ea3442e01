import { graphql } from '../../../gql';

/** An agent as chats and profiles show it (its persona is only fetched by its owner). */
export const AgentFieldsFragment = graphql(`
  fragment AgentFields on Agent {
    id
    handle
    displayName
    avatarUrl
    visibility
    owner {
      ...ProfileFields
    }
  }
`);
