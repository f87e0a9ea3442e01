import { graphql } from '../../../gql';

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      token
      profile {
        ...ProfileFields
      }
    }
  }
`);
