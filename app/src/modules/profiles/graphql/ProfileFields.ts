import { graphql } from '../../../gql';

/** What the app shows of a person anywhere: avatar, name and handle. */
export const ProfileFieldsFragment = graphql(`
  fragment ProfileFields on Profile {
    userId
    handle
    displayName
    avatarUrl
  }
`);
