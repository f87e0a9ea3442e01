import { graphql } from '../../../gql';

export const CreateGroupMutation = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      ...ConversationFields
    }
  }
`);
