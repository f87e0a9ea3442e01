import { graphql } from '../../../gql';

export const RenameGroupMutation = graphql(`
  mutation RenameGroup($conversationId: ID!, $title: String!) {
    renameGroup(conversationId: $conversationId, title: $title) {
      ...ConversationFields
    }
  }
`);
