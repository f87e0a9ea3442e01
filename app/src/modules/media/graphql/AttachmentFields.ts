import { graphql } from '../../../gql';

/** What a message bubble needs to show a file: signed URLs for <img>, <audio> and downloads. */
export const AttachmentFieldsFragment = graphql(`
  fragment AttachmentFields on Attachment {
    id
    kind
    name
    contentType
    size
    width
    height
    durationMs
    url
    thumbnailUrl
  }
`);
