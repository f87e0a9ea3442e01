/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AddAgentKnowledge($input: AddAgentKnowledgeInput!) {\n    addAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n": typeof types.AddAgentKnowledgeDocument,
    "\n  fragment AgentControlFields on Agent {\n    id\n    paused\n    model\n    responder\n  }\n": typeof types.AgentControlFieldsFragmentDoc,
    "\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n": typeof types.AgentFieldsFragmentDoc,
    "\n  query AgentInsights($agentId: ID!, $from: DateTime!, $to: DateTime!) {\n    agent(id: $agentId) {\n      id\n      handle\n      displayName\n      avatarUrl\n      paused\n      responder\n    }\n    agentInsights(agentId: $agentId, from: $from, to: $to) {\n      agentId\n      from\n      to\n      conversations\n      messages\n      people\n      takeovers\n      humanRequests\n      medianFirstTokenMs\n      medianReplyMs\n      replies {\n        outcome\n        count\n      }\n      busiestHours {\n        hour\n        messages\n      }\n    }\n  }\n": typeof types.AgentInsightsDocument,
    "\n  query AgentKnowledge($id: ID!) {\n    agent(id: $id) {\n      id\n      knowledge {\n        ...AgentKnowledgeFields\n      }\n    }\n  }\n": typeof types.AgentKnowledgeDocument,
    "\n  fragment AgentKnowledgeFields on AgentKnowledgeEntry {\n    id\n    agentId\n    title\n    body\n    createdAt\n    updatedAt\n  }\n": typeof types.AgentKnowledgeFieldsFragmentDoc,
    "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n": typeof types.CreateAgentDocument,
    "\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n": typeof types.DeleteAgentDocument,
    "\n  mutation DeleteAgentKnowledge($id: ID!) {\n    deleteAgentKnowledge(id: $id)\n  }\n": typeof types.DeleteAgentKnowledgeDocument,
    "\n  mutation HandBackConversation($conversationId: ID!) {\n    handBackConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n": typeof types.HandBackConversationDocument,
    "\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n": typeof types.MyAgentsDocument,
    "\n  mutation PauseAgent($agentId: ID!) {\n    pauseAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n": typeof types.PauseAgentDocument,
    "\n  mutation ResumeAgent($agentId: ID!) {\n    resumeAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n": typeof types.ResumeAgentDocument,
    "\n  mutation SetAgentModel($agentId: ID!, $model: String) {\n    setAgentModel(agentId: $agentId, model: $model) {\n      ...AgentControlFields\n    }\n  }\n": typeof types.SetAgentModelDocument,
    "\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n": typeof types.TakeOverConversationDocument,
    "\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n": typeof types.UpdateAgentDocument,
    "\n  mutation UpdateAgentKnowledge($input: UpdateAgentKnowledgeInput!) {\n    updateAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n": typeof types.UpdateAgentKnowledgeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      ...ProfileFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  query AgentConversations($agentId: ID, $first: Int, $after: String) {\n    agentConversations(agentId: $agentId, first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AgentConversationsDocument,
    "\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    title\n    memberCount\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    agentTakenOverAt\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    groupAgents {\n      ...AgentFields\n    }\n    participants {\n      role\n      isAdmin\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.ConversationFieldsFragmentDoc,
    "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n": typeof types.ConversationUpdatedDocument,
    "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  mutation MarkConversationRead($conversationId: ID!) {\n    markConversationRead(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.MarkConversationReadDocument,
    "\n  subscription ReadReceipt($conversationId: ID) {\n    readReceipt(conversationId: $conversationId) {\n      conversationId\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.ReadReceiptDocument,
    "\n  mutation SetTyping($conversationId: ID!, $isTyping: Boolean) {\n    setTyping(conversationId: $conversationId, isTyping: $isTyping)\n  }\n": typeof types.SetTypingDocument,
    "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      isNew\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": typeof types.StartConversationDocument,
    "\n  subscription Typing($conversationId: ID) {\n    typing(conversationId: $conversationId) {\n      conversationId\n      isTyping\n      expiresAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.TypingDocument,
    "\n  query UnreadTotal {\n    unreadTotal\n  }\n": typeof types.UnreadTotalDocument,
    "\n  mutation AddAgentToGroup($conversationId: ID!, $agentId: ID!) {\n    addAgentToGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.AddAgentToGroupDocument,
    "\n  mutation AddGroupMembers($conversationId: ID!, $memberIds: [ID!]!) {\n    addGroupMembers(conversationId: $conversationId, memberIds: $memberIds) {\n      ...ConversationFields\n    }\n  }\n": typeof types.AddGroupMembersDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      ...ConversationFields\n    }\n  }\n": typeof types.CreateGroupDocument,
    "\n  subscription GroupRemoved {\n    notifications(kinds: [GROUP_REMOVED]) {\n      kind\n      conversationId\n    }\n  }\n": typeof types.GroupRemovedDocument,
    "\n  mutation LeaveGroup($conversationId: ID!) {\n    leaveGroup(conversationId: $conversationId)\n  }\n": typeof types.LeaveGroupDocument,
    "\n  mutation RemoveAgentFromGroup($conversationId: ID!, $agentId: ID!) {\n    removeAgentFromGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.RemoveAgentFromGroupDocument,
    "\n  mutation RemoveGroupMember($conversationId: ID!, $userId: ID!) {\n    removeGroupMember(conversationId: $conversationId, userId: $userId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.RemoveGroupMemberDocument,
    "\n  mutation RenameGroup($conversationId: ID!, $title: String!) {\n    renameGroup(conversationId: $conversationId, title: $title) {\n      ...ConversationFields\n    }\n  }\n": typeof types.RenameGroupDocument,
    "\n  mutation SetGroupAdmin($conversationId: ID!, $userId: ID!, $isAdmin: Boolean!) {\n    setGroupAdmin(conversationId: $conversationId, userId: $userId, isAdmin: $isAdmin) {\n      ...ConversationFields\n    }\n  }\n": typeof types.SetGroupAdminDocument,
    "\n  fragment AttachmentFields on Attachment {\n    id\n    kind\n    name\n    contentType\n    size\n    width\n    height\n    durationMs\n    url\n    thumbnailUrl\n  }\n": typeof types.AttachmentFieldsFragmentDoc,
    "\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      updatesCursor\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ConversationMessagesDocument,
    "\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n": typeof types.DeleteMessageDocument,
    "\n  mutation EditMessage($messageId: ID!, $content: String!) {\n    editMessage(messageId: $messageId, content: $content) {\n      ...MessageFields\n    }\n  }\n": typeof types.EditMessageDocument,
    "\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n": typeof types.MessageAddedDocument,
    "\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    state\n    responder\n    updateCursor\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    ...RichMessageFields\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  subscription MessageUpdated($conversationId: ID, $after: String) {\n    messageUpdated(conversationId: $conversationId, after: $after) {\n      offset\n      delta\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.MessageUpdatedDocument,
    "\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MessagesAfterDocument,
    "\n  mutation RetryAgentReply($messageId: ID!) {\n    retryAgentReply(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n": typeof types.RetryAgentReplyDocument,
    "\n  fragment RichMessageFields on Message {\n    cursor\n    editedAt\n    isDeleted\n    updateCursor\n    versions {\n      content\n      writtenAt\n      replacedAt\n    }\n    reactions {\n      emoji\n      count\n      reactedByMe\n      reactors {\n        ...ProfileFields\n      }\n    }\n    replyToId\n    replyTo {\n      id\n      seq\n      isDeleted\n      content\n      senderType\n      sender {\n        ...ProfileFields\n      }\n      senderAgent {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.RichMessageFieldsFragmentDoc,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation ToggleReaction($messageId: ID!, $emoji: String!, $on: Boolean) {\n    toggleReaction(messageId: $messageId, emoji: $emoji, on: $on) {\n      ...MessageFields\n    }\n  }\n": typeof types.ToggleReactionDocument,
    "\n  fragment ProfileFields on Profile {\n    userId\n    handle\n    displayName\n    avatarUrl\n  }\n": typeof types.ProfileFieldsFragmentDoc,
    "\n  query PublicProfile($handle: String!) {\n    profile(handle: $handle) {\n      ...ProfileFields\n      createdAt\n      agents {\n        ...AgentFields\n      }\n    }\n  }\n": typeof types.PublicProfileDocument,
    "\n  query SearchProfiles($query: String!, $first: Int) {\n    searchProfiles(query: $query, first: $first) {\n      ...ProfileFields\n    }\n  }\n": typeof types.SearchProfilesDocument,
    "\n  query SearchMessages($query: String!, $first: Int, $after: String, $conversationId: ID) {\n    searchMessages(query: $query, first: $first, after: $after, conversationId: $conversationId) {\n      nodes {\n        snippet\n        rank\n        message {\n          id\n          conversationId\n          seq\n          createdAt\n          senderType\n          sender {\n            ...ProfileFields\n          }\n          senderAgent {\n            id\n            displayName\n          }\n          conversation {\n            ...ConversationFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchMessagesDocument,
    "\n  query SearchScope($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n": typeof types.SearchScopeDocument,
};
const documents: Documents = {
    "\n  mutation AddAgentKnowledge($input: AddAgentKnowledgeInput!) {\n    addAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n": types.AddAgentKnowledgeDocument,
    "\n  fragment AgentControlFields on Agent {\n    id\n    paused\n    model\n    responder\n  }\n": types.AgentControlFieldsFragmentDoc,
    "\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n": types.AgentFieldsFragmentDoc,
    "\n  query AgentInsights($agentId: ID!, $from: DateTime!, $to: DateTime!) {\n    agent(id: $agentId) {\n      id\n      handle\n      displayName\n      avatarUrl\n      paused\n      responder\n    }\n    agentInsights(agentId: $agentId, from: $from, to: $to) {\n      agentId\n      from\n      to\n      conversations\n      messages\n      people\n      takeovers\n      humanRequests\n      medianFirstTokenMs\n      medianReplyMs\n      replies {\n        outcome\n        count\n      }\n      busiestHours {\n        hour\n        messages\n      }\n    }\n  }\n": types.AgentInsightsDocument,
    "\n  query AgentKnowledge($id: ID!) {\n    agent(id: $id) {\n      id\n      knowledge {\n        ...AgentKnowledgeFields\n      }\n    }\n  }\n": types.AgentKnowledgeDocument,
    "\n  fragment AgentKnowledgeFields on AgentKnowledgeEntry {\n    id\n    agentId\n    title\n    body\n    createdAt\n    updatedAt\n  }\n": types.AgentKnowledgeFieldsFragmentDoc,
    "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n": types.CreateAgentDocument,
    "\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n": types.DeleteAgentDocument,
    "\n  mutation DeleteAgentKnowledge($id: ID!) {\n    deleteAgentKnowledge(id: $id)\n  }\n": types.DeleteAgentKnowledgeDocument,
    "\n  mutation HandBackConversation($conversationId: ID!) {\n    handBackConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n": types.HandBackConversationDocument,
    "\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n": types.MyAgentsDocument,
    "\n  mutation PauseAgent($agentId: ID!) {\n    pauseAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n": types.PauseAgentDocument,
    "\n  mutation ResumeAgent($agentId: ID!) {\n    resumeAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n": types.ResumeAgentDocument,
    "\n  mutation SetAgentModel($agentId: ID!, $model: String) {\n    setAgentModel(agentId: $agentId, model: $model) {\n      ...AgentControlFields\n    }\n  }\n": types.SetAgentModelDocument,
    "\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n": types.TakeOverConversationDocument,
    "\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n": types.UpdateAgentDocument,
    "\n  mutation UpdateAgentKnowledge($input: UpdateAgentKnowledgeInput!) {\n    updateAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n": types.UpdateAgentKnowledgeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      ...ProfileFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  query AgentConversations($agentId: ID, $first: Int, $after: String) {\n    agentConversations(agentId: $agentId, first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AgentConversationsDocument,
    "\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    title\n    memberCount\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    agentTakenOverAt\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    groupAgents {\n      ...AgentFields\n    }\n    participants {\n      role\n      isAdmin\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.ConversationFieldsFragmentDoc,
    "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n": types.ConversationUpdatedDocument,
    "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  mutation MarkConversationRead($conversationId: ID!) {\n    markConversationRead(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": types.MarkConversationReadDocument,
    "\n  subscription ReadReceipt($conversationId: ID) {\n    readReceipt(conversationId: $conversationId) {\n      conversationId\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.ReadReceiptDocument,
    "\n  mutation SetTyping($conversationId: ID!, $isTyping: Boolean) {\n    setTyping(conversationId: $conversationId, isTyping: $isTyping)\n  }\n": types.SetTypingDocument,
    "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      isNew\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": types.StartConversationDocument,
    "\n  subscription Typing($conversationId: ID) {\n    typing(conversationId: $conversationId) {\n      conversationId\n      isTyping\n      expiresAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.TypingDocument,
    "\n  query UnreadTotal {\n    unreadTotal\n  }\n": types.UnreadTotalDocument,
    "\n  mutation AddAgentToGroup($conversationId: ID!, $agentId: ID!) {\n    addAgentToGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n": types.AddAgentToGroupDocument,
    "\n  mutation AddGroupMembers($conversationId: ID!, $memberIds: [ID!]!) {\n    addGroupMembers(conversationId: $conversationId, memberIds: $memberIds) {\n      ...ConversationFields\n    }\n  }\n": types.AddGroupMembersDocument,
    "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      ...ConversationFields\n    }\n  }\n": types.CreateGroupDocument,
    "\n  subscription GroupRemoved {\n    notifications(kinds: [GROUP_REMOVED]) {\n      kind\n      conversationId\n    }\n  }\n": types.GroupRemovedDocument,
    "\n  mutation LeaveGroup($conversationId: ID!) {\n    leaveGroup(conversationId: $conversationId)\n  }\n": types.LeaveGroupDocument,
    "\n  mutation RemoveAgentFromGroup($conversationId: ID!, $agentId: ID!) {\n    removeAgentFromGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n": types.RemoveAgentFromGroupDocument,
    "\n  mutation RemoveGroupMember($conversationId: ID!, $userId: ID!) {\n    removeGroupMember(conversationId: $conversationId, userId: $userId) {\n      ...ConversationFields\n    }\n  }\n": types.RemoveGroupMemberDocument,
    "\n  mutation RenameGroup($conversationId: ID!, $title: String!) {\n    renameGroup(conversationId: $conversationId, title: $title) {\n      ...ConversationFields\n    }\n  }\n": types.RenameGroupDocument,
    "\n  mutation SetGroupAdmin($conversationId: ID!, $userId: ID!, $isAdmin: Boolean!) {\n    setGroupAdmin(conversationId: $conversationId, userId: $userId, isAdmin: $isAdmin) {\n      ...ConversationFields\n    }\n  }\n": types.SetGroupAdminDocument,
    "\n  fragment AttachmentFields on Attachment {\n    id\n    kind\n    name\n    contentType\n    size\n    width\n    height\n    durationMs\n    url\n    thumbnailUrl\n  }\n": types.AttachmentFieldsFragmentDoc,
    "\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      updatesCursor\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.ConversationMessagesDocument,
    "\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n": types.DeleteMessageDocument,
    "\n  mutation EditMessage($messageId: ID!, $content: String!) {\n    editMessage(messageId: $messageId, content: $content) {\n      ...MessageFields\n    }\n  }\n": types.EditMessageDocument,
    "\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n": types.MessageAddedDocument,
    "\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    state\n    responder\n    updateCursor\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    ...RichMessageFields\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  subscription MessageUpdated($conversationId: ID, $after: String) {\n    messageUpdated(conversationId: $conversationId, after: $after) {\n      offset\n      delta\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": types.MessageUpdatedDocument,
    "\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.MessagesAfterDocument,
    "\n  mutation RetryAgentReply($messageId: ID!) {\n    retryAgentReply(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n": types.RetryAgentReplyDocument,
    "\n  fragment RichMessageFields on Message {\n    cursor\n    editedAt\n    isDeleted\n    updateCursor\n    versions {\n      content\n      writtenAt\n      replacedAt\n    }\n    reactions {\n      emoji\n      count\n      reactedByMe\n      reactors {\n        ...ProfileFields\n      }\n    }\n    replyToId\n    replyTo {\n      id\n      seq\n      isDeleted\n      content\n      senderType\n      sender {\n        ...ProfileFields\n      }\n      senderAgent {\n        id\n        displayName\n      }\n    }\n  }\n": types.RichMessageFieldsFragmentDoc,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation ToggleReaction($messageId: ID!, $emoji: String!, $on: Boolean) {\n    toggleReaction(messageId: $messageId, emoji: $emoji, on: $on) {\n      ...MessageFields\n    }\n  }\n": types.ToggleReactionDocument,
    "\n  fragment ProfileFields on Profile {\n    userId\n    handle\n    displayName\n    avatarUrl\n  }\n": types.ProfileFieldsFragmentDoc,
    "\n  query PublicProfile($handle: String!) {\n    profile(handle: $handle) {\n      ...ProfileFields\n      createdAt\n      agents {\n        ...AgentFields\n      }\n    }\n  }\n": types.PublicProfileDocument,
    "\n  query SearchProfiles($query: String!, $first: Int) {\n    searchProfiles(query: $query, first: $first) {\n      ...ProfileFields\n    }\n  }\n": types.SearchProfilesDocument,
    "\n  query SearchMessages($query: String!, $first: Int, $after: String, $conversationId: ID) {\n    searchMessages(query: $query, first: $first, after: $after, conversationId: $conversationId) {\n      nodes {\n        snippet\n        rank\n        message {\n          id\n          conversationId\n          seq\n          createdAt\n          senderType\n          sender {\n            ...ProfileFields\n          }\n          senderAgent {\n            id\n            displayName\n          }\n          conversation {\n            ...ConversationFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchMessagesDocument,
    "\n  query SearchScope($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n": types.SearchScopeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAgentKnowledge($input: AddAgentKnowledgeInput!) {\n    addAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddAgentKnowledge($input: AddAgentKnowledgeInput!) {\n    addAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentControlFields on Agent {\n    id\n    paused\n    model\n    responder\n  }\n"): (typeof documents)["\n  fragment AgentControlFields on Agent {\n    id\n    paused\n    model\n    responder\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentInsights($agentId: ID!, $from: DateTime!, $to: DateTime!) {\n    agent(id: $agentId) {\n      id\n      handle\n      displayName\n      avatarUrl\n      paused\n      responder\n    }\n    agentInsights(agentId: $agentId, from: $from, to: $to) {\n      agentId\n      from\n      to\n      conversations\n      messages\n      people\n      takeovers\n      humanRequests\n      medianFirstTokenMs\n      medianReplyMs\n      replies {\n        outcome\n        count\n      }\n      busiestHours {\n        hour\n        messages\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgentInsights($agentId: ID!, $from: DateTime!, $to: DateTime!) {\n    agent(id: $agentId) {\n      id\n      handle\n      displayName\n      avatarUrl\n      paused\n      responder\n    }\n    agentInsights(agentId: $agentId, from: $from, to: $to) {\n      agentId\n      from\n      to\n      conversations\n      messages\n      people\n      takeovers\n      humanRequests\n      medianFirstTokenMs\n      medianReplyMs\n      replies {\n        outcome\n        count\n      }\n      busiestHours {\n        hour\n        messages\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentKnowledge($id: ID!) {\n    agent(id: $id) {\n      id\n      knowledge {\n        ...AgentKnowledgeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgentKnowledge($id: ID!) {\n    agent(id: $id) {\n      id\n      knowledge {\n        ...AgentKnowledgeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgentKnowledgeFields on AgentKnowledgeEntry {\n    id\n    agentId\n    title\n    body\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment AgentKnowledgeFields on AgentKnowledgeEntry {\n    id\n    agentId\n    title\n    body\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAgentKnowledge($id: ID!) {\n    deleteAgentKnowledge(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAgentKnowledge($id: ID!) {\n    deleteAgentKnowledge(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HandBackConversation($conversationId: ID!) {\n    handBackConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n"): (typeof documents)["\n  mutation HandBackConversation($conversationId: ID!) {\n    handBackConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n"): (typeof documents)["\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n      ...AgentControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseAgent($agentId: ID!) {\n    pauseAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n"): (typeof documents)["\n  mutation PauseAgent($agentId: ID!) {\n    pauseAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeAgent($agentId: ID!) {\n    resumeAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeAgent($agentId: ID!) {\n    resumeAgent(agentId: $agentId) {\n      ...AgentControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAgentModel($agentId: ID!, $model: String) {\n    setAgentModel(agentId: $agentId, model: $model) {\n      ...AgentControlFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetAgentModel($agentId: ID!, $model: String) {\n    setAgentModel(agentId: $agentId, model: $model) {\n      ...AgentControlFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n"): (typeof documents)["\n  mutation TakeOverConversation($conversationId: ID!) {\n    takeOverConversation(conversationId: $conversationId) {\n      id\n      agentTakenOverAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgentKnowledge($input: UpdateAgentKnowledgeInput!) {\n    updateAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAgentKnowledge($input: UpdateAgentKnowledgeInput!) {\n    updateAgentKnowledge(input: $input) {\n      ...AgentKnowledgeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentConversations($agentId: ID, $first: Int, $after: String) {\n    agentConversations(agentId: $agentId, first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AgentConversations($agentId: ID, $first: Int, $after: String) {\n    agentConversations(agentId: $agentId, first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    title\n    memberCount\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    agentTakenOverAt\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    groupAgents {\n      ...AgentFields\n    }\n    participants {\n      role\n      isAdmin\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    title\n    memberCount\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    agentTakenOverAt\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    groupAgents {\n      ...AgentFields\n    }\n    participants {\n      role\n      isAdmin\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkConversationRead($conversationId: ID!) {\n    markConversationRead(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkConversationRead($conversationId: ID!) {\n    markConversationRead(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReadReceipt($conversationId: ID) {\n    readReceipt(conversationId: $conversationId) {\n      conversationId\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReadReceipt($conversationId: ID) {\n    readReceipt(conversationId: $conversationId) {\n      conversationId\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTyping($conversationId: ID!, $isTyping: Boolean) {\n    setTyping(conversationId: $conversationId, isTyping: $isTyping)\n  }\n"): (typeof documents)["\n  mutation SetTyping($conversationId: ID!, $isTyping: Boolean) {\n    setTyping(conversationId: $conversationId, isTyping: $isTyping)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      isNew\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      isNew\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Typing($conversationId: ID) {\n    typing(conversationId: $conversationId) {\n      conversationId\n      isTyping\n      expiresAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription Typing($conversationId: ID) {\n    typing(conversationId: $conversationId) {\n      conversationId\n      isTyping\n      expiresAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadTotal {\n    unreadTotal\n  }\n"): (typeof documents)["\n  query UnreadTotal {\n    unreadTotal\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAgentToGroup($conversationId: ID!, $agentId: ID!) {\n    addAgentToGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddAgentToGroup($conversationId: ID!, $agentId: ID!) {\n    addAgentToGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupMembers($conversationId: ID!, $memberIds: [ID!]!) {\n    addGroupMembers(conversationId: $conversationId, memberIds: $memberIds) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddGroupMembers($conversationId: ID!, $memberIds: [ID!]!) {\n    addGroupMembers(conversationId: $conversationId, memberIds: $memberIds) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GroupRemoved {\n    notifications(kinds: [GROUP_REMOVED]) {\n      kind\n      conversationId\n    }\n  }\n"): (typeof documents)["\n  subscription GroupRemoved {\n    notifications(kinds: [GROUP_REMOVED]) {\n      kind\n      conversationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveGroup($conversationId: ID!) {\n    leaveGroup(conversationId: $conversationId)\n  }\n"): (typeof documents)["\n  mutation LeaveGroup($conversationId: ID!) {\n    leaveGroup(conversationId: $conversationId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAgentFromGroup($conversationId: ID!, $agentId: ID!) {\n    removeAgentFromGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveAgentFromGroup($conversationId: ID!, $agentId: ID!) {\n    removeAgentFromGroup(conversationId: $conversationId, agentId: $agentId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveGroupMember($conversationId: ID!, $userId: ID!) {\n    removeGroupMember(conversationId: $conversationId, userId: $userId) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveGroupMember($conversationId: ID!, $userId: ID!) {\n    removeGroupMember(conversationId: $conversationId, userId: $userId) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameGroup($conversationId: ID!, $title: String!) {\n    renameGroup(conversationId: $conversationId, title: $title) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation RenameGroup($conversationId: ID!, $title: String!) {\n    renameGroup(conversationId: $conversationId, title: $title) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroupAdmin($conversationId: ID!, $userId: ID!, $isAdmin: Boolean!) {\n    setGroupAdmin(conversationId: $conversationId, userId: $userId, isAdmin: $isAdmin) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetGroupAdmin($conversationId: ID!, $userId: ID!, $isAdmin: Boolean!) {\n    setGroupAdmin(conversationId: $conversationId, userId: $userId, isAdmin: $isAdmin) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttachmentFields on Attachment {\n    id\n    kind\n    name\n    contentType\n    size\n    width\n    height\n    durationMs\n    url\n    thumbnailUrl\n  }\n"): (typeof documents)["\n  fragment AttachmentFields on Attachment {\n    id\n    kind\n    name\n    contentType\n    size\n    width\n    height\n    durationMs\n    url\n    thumbnailUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      updatesCursor\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      updatesCursor\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditMessage($messageId: ID!, $content: String!) {\n    editMessage(messageId: $messageId, content: $content) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation EditMessage($messageId: ID!, $content: String!) {\n    editMessage(messageId: $messageId, content: $content) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    state\n    responder\n    updateCursor\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    ...RichMessageFields\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    state\n    responder\n    updateCursor\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    ...RichMessageFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageUpdated($conversationId: ID, $after: String) {\n    messageUpdated(conversationId: $conversationId, after: $after) {\n      offset\n      delta\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MessageUpdated($conversationId: ID, $after: String) {\n    messageUpdated(conversationId: $conversationId, after: $after) {\n      offset\n      delta\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryAgentReply($messageId: ID!) {\n    retryAgentReply(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetryAgentReply($messageId: ID!) {\n    retryAgentReply(messageId: $messageId) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RichMessageFields on Message {\n    cursor\n    editedAt\n    isDeleted\n    updateCursor\n    versions {\n      content\n      writtenAt\n      replacedAt\n    }\n    reactions {\n      emoji\n      count\n      reactedByMe\n      reactors {\n        ...ProfileFields\n      }\n    }\n    replyToId\n    replyTo {\n      id\n      seq\n      isDeleted\n      content\n      senderType\n      sender {\n        ...ProfileFields\n      }\n      senderAgent {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RichMessageFields on Message {\n    cursor\n    editedAt\n    isDeleted\n    updateCursor\n    versions {\n      content\n      writtenAt\n      replacedAt\n    }\n    reactions {\n      emoji\n      count\n      reactedByMe\n      reactors {\n        ...ProfileFields\n      }\n    }\n    replyToId\n    replyTo {\n      id\n      seq\n      isDeleted\n      content\n      senderType\n      sender {\n        ...ProfileFields\n      }\n      senderAgent {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ToggleReaction($messageId: ID!, $emoji: String!, $on: Boolean) {\n    toggleReaction(messageId: $messageId, emoji: $emoji, on: $on) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation ToggleReaction($messageId: ID!, $emoji: String!, $on: Boolean) {\n    toggleReaction(messageId: $messageId, emoji: $emoji, on: $on) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileFields on Profile {\n    userId\n    handle\n    displayName\n    avatarUrl\n  }\n"): (typeof documents)["\n  fragment ProfileFields on Profile {\n    userId\n    handle\n    displayName\n    avatarUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicProfile($handle: String!) {\n    profile(handle: $handle) {\n      ...ProfileFields\n      createdAt\n      agents {\n        ...AgentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicProfile($handle: String!) {\n    profile(handle: $handle) {\n      ...ProfileFields\n      createdAt\n      agents {\n        ...AgentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchProfiles($query: String!, $first: Int) {\n    searchProfiles(query: $query, first: $first) {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  query SearchProfiles($query: String!, $first: Int) {\n    searchProfiles(query: $query, first: $first) {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchMessages($query: String!, $first: Int, $after: String, $conversationId: ID) {\n    searchMessages(query: $query, first: $first, after: $after, conversationId: $conversationId) {\n      nodes {\n        snippet\n        rank\n        message {\n          id\n          conversationId\n          seq\n          createdAt\n          senderType\n          sender {\n            ...ProfileFields\n          }\n          senderAgent {\n            id\n            displayName\n          }\n          conversation {\n            ...ConversationFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchMessages($query: String!, $first: Int, $after: String, $conversationId: ID) {\n    searchMessages(query: $query, first: $first, after: $after, conversationId: $conversationId) {\n      nodes {\n        snippet\n        rank\n        message {\n          id\n          conversationId\n          seq\n          createdAt\n          senderType\n          sender {\n            ...ProfileFields\n          }\n          senderAgent {\n            id\n            displayName\n          }\n          conversation {\n            ...ConversationFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchScope($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  query SearchScope($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;