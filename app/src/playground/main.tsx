import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
// GraphiQL 5 edits with Monaco, whose language services run in web workers, bundled with the
// page (no CDN, works offline): graphiql's Vite setup, in our sources (see the file for why).
import './monacoWorkers';
import 'graphiql/style.css';
import './playground.css';

const { protocol, host } = window.location;
const url = `${protocol}//${host}/graphql`;
const subscriptionUrl = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;

const base = createGraphiQLFetcher({ url, subscriptionUrl });

/**
 * Headers from the header editor go on HTTP requests and, for subscriptions, into graphql-ws's
 * connection_init payload. The server reads `authorization` there, so names are lower-cased
 * (HTTP header names are case-insensitive anyway).
 */
const fetcher: Fetcher = (params, options) => {
  const headers = Object.fromEntries(Object.entries(options?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return base(params, { ...options, headers });
};

const storedToken = (() => {
  try {
    return localStorage.getItem('parley.token');
  } catch {
    return null;
  }
})();

const defaultQuery = `# Parley GraphQL playground
#
# Queries and mutations: HTTP POST /graphql.
# Subscriptions: graphql-ws on the same path.
#
# 1. Run SignIn (with your handle and password).
# 2. Put the token in the Headers tab below:
#    { "Authorization": "Bearer <token>" }
# 3. Run MyConversations, or subscribe with Live.
#
# The book icon (top left) opens the docs.

mutation SignIn {
  login(input: { handle: "your_handle", password: "your password" }) {
    token
    profile { userId handle displayName }
  }
}

query MyConversations {
  me { handle displayName }
  unreadTotal
  conversations(first: 10) {
    nodes {
      id
      chatType
      lastMessagePreview
      unreadCount
      otherParticipant { handle }
    }
  }
}

subscription Live {
  conversationUpdated { id lastMessagePreview unreadCount }
}
`;

// Signed in to the app in this browser: start with that session's token in the headers.
const defaultHeaders = storedToken ? JSON.stringify({ Authorization: `Bearer ${storedToken}` }, null, 2) : '{\n  "Authorization": "Bearer <token>"\n}';

createRoot(document.getElementById('playground')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultHeaders={defaultHeaders} defaultEditorToolsVisibility="headers" isHeadersEditorEnabled shouldPersistHeaders={false}>
      <GraphiQL.Logo>
        <a href="/messages" className="parley-playground-logo">
          Parley
        </a>{' '}
        GraphQL
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
