import { graphql } from '../../../gql';

/**
 * What edit, delete, reactions and replies add to a message on screen (spread into
 * MessageFields): whether and when it was edited with its earlier texts, the tombstone flag,
 * reaction chips with who reacted, the quoted original of a reply, the update cursor
 * messageUpdated resumes from, and the message's own page cursor (a jump loads older pages from it).
 */
export const RichMessageFieldsFragment = graphql(`
  fragment RichMessageFields on Message {
    cursor
    editedAt
    isDeleted
    updateCursor
    versions {
      content
      writtenAt
      replacedAt
    }
    reactions {
      emoji
      count
      reactedByMe
      reactors {
        ...ProfileFields
      }
    }
    replyToId
    replyTo {
      id
      seq
      isDeleted
      content
      senderType
      sender {
        ...ProfileFields
      }
      senderAgent {
        id
        displayName
      }
    }
  }
`);
