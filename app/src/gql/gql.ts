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
    "\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n": typeof types.AgentFieldsFragmentDoc,
    "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n": typeof types.CreateAgentDocument,
    "\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n": typeof types.DeleteAgentDocument,
    "\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n": typeof types.MyAgentsDocument,
    "\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n": typeof types.UpdateAgentDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me {\n      ...ProfileFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  query AgentConversations($agentId: ID, $first: Int, $after: String) {\n    agentConversations(agentId: $agentId, first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AgentConversationsDocument,
    "\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    participants {\n      role\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.ConversationFieldsFragmentDoc,
    "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n": typeof types.ConversationUpdatedDocument,
    "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  mutation MarkConversationRead($conversationId: ID!) {\n    markConversationRead(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": typeof types.MarkConversationReadDocument,
    "\n  subscription ReadReceipt($conversationId: ID) {\n    readReceipt(conversationId: $conversationId) {\n      conversationId\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.ReadReceiptDocument,
    "\n  mutation SetTyping($conversationId: ID!, $isTyping: Boolean) {\n    setTyping(conversationId: $conversationId, isTyping: $isTyping)\n  }\n": typeof types.SetTypingDocument,
    "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      isNew\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": typeof types.StartConversationDocument,
    "\n  subscription Typing($conversationId: ID) {\n    typing(conversationId: $conversationId) {\n      conversationId\n      isTyping\n      expiresAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": typeof types.TypingDocument,
    "\n  query UnreadTotal {\n    unreadTotal\n  }\n": typeof types.UnreadTotalDocument,
    "\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ConversationMessagesDocument,
    "\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n": typeof types.MessageAddedDocument,
    "\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MessagesAfterDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  fragment ProfileFields on Profile {\n    userId\n    handle\n    displayName\n    avatarUrl\n  }\n": typeof types.ProfileFieldsFragmentDoc,
    "\n  query PublicProfile($handle: String!) {\n    profile(handle: $handle) {\n      ...ProfileFields\n      createdAt\n      agents {\n        ...AgentFields\n      }\n    }\n  }\n": typeof types.PublicProfileDocument,
    "\n  query SearchProfiles($query: String!, $first: Int) {\n    searchProfiles(query: $query, first: $first) {\n      ...ProfileFields\n    }\n  }\n": typeof types.SearchProfilesDocument,
};
const documents: Documents = {
    "\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n": types.AgentFieldsFragmentDoc,
    "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n": types.CreateAgentDocument,
    "\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n": types.DeleteAgentDocument,
    "\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n": types.MyAgentsDocument,
    "\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n": types.UpdateAgentDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me {\n      ...ProfileFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.RegisterDocument,
    "\n  query AgentConversations($agentId: ID, $first: Int, $after: String) {\n    agentConversations(agentId: $agentId, first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AgentConversationsDocument,
    "\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    participants {\n      role\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.ConversationFieldsFragmentDoc,
    "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n": types.ConversationUpdatedDocument,
    "\n  query Conversations($first: Int, $after: String) {\n    conversations(first: $first, after: $after) {\n      nodes {\n        ...ConversationFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  mutation MarkConversationRead($conversationId: ID!) {\n    markConversationRead(conversationId: $conversationId) {\n      ...ConversationFields\n    }\n  }\n": types.MarkConversationReadDocument,
    "\n  subscription ReadReceipt($conversationId: ID) {\n    readReceipt(conversationId: $conversationId) {\n      conversationId\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.ReadReceiptDocument,
    "\n  mutation SetTyping($conversationId: ID!, $isTyping: Boolean) {\n    setTyping(conversationId: $conversationId, isTyping: $isTyping)\n  }\n": types.SetTypingDocument,
    "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      isNew\n      conversation {\n        ...ConversationFields\n      }\n    }\n  }\n": types.StartConversationDocument,
    "\n  subscription Typing($conversationId: ID) {\n    typing(conversationId: $conversationId) {\n      conversationId\n      isTyping\n      expiresAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n": types.TypingDocument,
    "\n  query UnreadTotal {\n    unreadTotal\n  }\n": types.UnreadTotalDocument,
    "\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.ConversationMessagesDocument,
    "\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n": types.MessageAddedDocument,
    "\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n": types.MessagesAfterDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n": types.SendMessageDocument,
    "\n  fragment ProfileFields on Profile {\n    userId\n    handle\n    displayName\n    avatarUrl\n  }\n": types.ProfileFieldsFragmentDoc,
    "\n  query PublicProfile($handle: String!) {\n    profile(handle: $handle) {\n      ...ProfileFields\n      createdAt\n      agents {\n        ...AgentFields\n      }\n    }\n  }\n": types.PublicProfileDocument,
    "\n  query SearchProfiles($query: String!, $first: Int) {\n    searchProfiles(query: $query, first: $first) {\n      ...ProfileFields\n    }\n  }\n": types.SearchProfilesDocument,
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
export function graphql(source: "\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n"): (typeof documents)["\n  fragment AgentFields on Agent {\n    id\n    handle\n    displayName\n    avatarUrl\n    visibility\n    owner {\n      ...ProfileFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAgent($input: CreateAgentInput!) {\n    createAgent(input: $input) {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAgent($id: ID!) {\n    deleteAgent(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query MyAgents {\n    myAgents {\n      ...AgentFields\n      persona\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAgent($input: UpdateAgentInput!) {\n    updateAgent(input: $input) {\n      ...AgentFields\n      persona\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    participants {\n      role\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationFields on Conversation {\n    id\n    chatType\n    createdAt\n    lastMessageAt\n    lastMessagePreview\n    lastSeq\n    unreadCount\n    otherParticipant {\n      ...ProfileFields\n    }\n    targetAgent {\n      ...AgentFields\n    }\n    participants {\n      role\n      lastReadSeq\n      lastReadAt\n      profile {\n        ...ProfileFields\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationMessages($id: ID!, $last: Int, $before: String) {\n    conversation(id: $id) {\n      ...ConversationFields\n      messages(last: $last, before: $before) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  subscription MessageAdded($conversationId: ID, $after: String) {\n    messageAdded(conversationId: $conversationId, after: $after) {\n      ...MessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    clientId\n    conversationId\n    content\n    createdAt\n    seq\n    senderType\n    sender {\n      ...ProfileFields\n    }\n    senderAgent {\n      id\n      handle\n      displayName\n      avatarUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessagesAfter($id: ID!, $after: String!, $first: Int) {\n    conversation(id: $id) {\n      id\n      messages(first: $first, after: $after) {\n        nodes {\n          ...MessageFields\n        }\n        pageInfo {\n          hasPreviousPage\n          hasNextPage\n          startCursor\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...MessageFields\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;