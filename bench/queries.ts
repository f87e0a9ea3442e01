/**
 * The documents the web app sends (app/src/modules/*\/graphql), fragments inlined, so the bench
 * costs what a real client costs: a list page also resolves the other person, the agent and
 * the participants; a message also resolves its sender.
 */
const PROFILE_FIELDS = `fragment ProfileFields on Profile { userId handle displayName avatarUrl }`;
const AGENT_FIELDS = `fragment AgentFields on Agent { id handle displayName avatarUrl visibility owner { ...ProfileFields } }`;
const CONVERSATION_FIELDS = `fragment ConversationFields on Conversation {
  id chatType title memberCount createdAt lastMessageAt lastMessagePreview lastSeq unreadCount agentTakenOverAt
  otherParticipant { ...ProfileFields }
  targetAgent { ...AgentFields }
  groupAgents { ...AgentFields }
  participants { role isAdmin lastReadSeq lastReadAt profile { ...ProfileFields } }
}`;
const MESSAGE_FIELDS = `fragment MessageFields on Message {
  id clientId conversationId content createdAt seq state responder updateCursor senderType
  sender { ...ProfileFields }
  senderAgent { id handle displayName avatarUrl }
  attachments { id kind name contentType size width height durationMs url thumbnailUrl }
  ...RichMessageFields
}
fragment RichMessageFields on Message {
  cursor editedAt isDeleted updateCursor
  versions { content writtenAt replacedAt }
  reactions { emoji count reactedByMe reactors { ...ProfileFields } }
  replyToId
  replyTo { id seq isDeleted content senderType sender { ...ProfileFields } senderAgent { id displayName } }
}`;

export const CONVERSATIONS = `query Conversations($first: Int, $after: String) {
  conversations(first: $first, after: $after) { nodes { ...ConversationFields } pageInfo { hasNextPage endCursor } }
}
${CONVERSATION_FIELDS}
${AGENT_FIELDS}
${PROFILE_FIELDS}`;

export const CONVERSATION_MESSAGES = `query ConversationMessages($id: ID!, $last: Int, $before: String) {
  conversation(id: $id) {
    ...ConversationFields
    updatesCursor
    messages(last: $last, before: $before) { nodes { ...MessageFields } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } }
  }
}
${CONVERSATION_FIELDS}
${AGENT_FIELDS}
${MESSAGE_FIELDS}
${PROFILE_FIELDS}`;

export const UNREAD_TOTAL = `query UnreadTotal { unreadTotal }`;

export const SEND_MESSAGE = `mutation SendMessage($input: SendMessageInput!) { sendMessage(input: $input) { ...MessageFields } }
${MESSAGE_FIELDS}
${PROFILE_FIELDS}`;

export const MESSAGE_ADDED = `subscription MessageAdded($conversationId: ID, $after: String) {
  messageAdded(conversationId: $conversationId, after: $after) { ...MessageFields }
}
${MESSAGE_FIELDS}
${PROFILE_FIELDS}`;

export const SEARCH_MESSAGES = `query SearchMessages($query: String!, $first: Int, $after: String, $conversationId: ID) {
  searchMessages(query: $query, first: $first, after: $after, conversationId: $conversationId) {
    nodes { snippet rank message { id conversationId seq createdAt senderType sender { ...ProfileFields } senderAgent { id displayName }
      conversation { ...ConversationFields } } }
    pageInfo { hasNextPage endCursor }
  }
}
${CONVERSATION_FIELDS}
${AGENT_FIELDS}
${PROFILE_FIELDS}`;
