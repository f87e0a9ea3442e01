import { graphql } from '../../../gql';

/** A conversation as the sidebar and the chat header show it, with everyone's read state. */
export const ConversationFieldsFragment = graphql(`
  fragment ConversationFields on Conversation {
    id
    chatType
    title
    memberCount
    createdAt
    lastMessageAt
    lastMessagePreview
    lastSeq
    unreadCount
    agentTakenOverAt
    otherParticipant {
      ...ProfileFields
    }
    targetAgent {
      ...AgentFields
    }
    groupAgents {
      ...AgentFields
    }
    participants {
      role
      isAdmin
      lastReadSeq
      lastReadAt
      profile {
        ...ProfileFields
      }
    }
  }
`);
