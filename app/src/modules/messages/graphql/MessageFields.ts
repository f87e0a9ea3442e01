import { graphql } from '../../../gql';

export const MessageFieldsFragment = graphql(`
  fragment MessageFields on Message {
    id
    clientId
    conversationId
    content
    createdAt
    seq
    state
    responder
    updateCursor
    senderType
    sender {
      ...ProfileFields
    }
    senderAgent {
      id
      handle
      displayName
      avatarUrl
    }
    attachments {
      ...AttachmentFields
    }
    ...RichMessageFields
  }
`);
