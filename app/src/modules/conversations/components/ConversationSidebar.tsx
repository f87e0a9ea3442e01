import { useId, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { ConversationsQuery } from '../graphql/Conversations';
import { AgentConversationsQuery } from '../graphql/AgentConversations';
import { MyAgentsQuery } from '../../agents/graphql/MyAgents';
import type { ConversationFieldsFragment } from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/useSession';
import { describeError } from '../../../apollo/describeError';
import { Notice, Spinner } from '../../../ui/Notice';
import { PlusIcon, SearchIcon } from '../../../ui/icons';
import { ConversationListItem } from './ConversationListItem';
import { describeConversation } from './describeConversation';
import { NewConversationModal } from './NewConversationModal';

const PAGE = 30;
const TABS = [
  { value: 'chats', label: 'Chats' },
  { value: 'agents', label: 'Agent Chats' },
] as const;
type Kind = 'all' | 'PROFILE' | 'AGENT' | 'GROUP';

/**
 * The sidebar: "Chats" (my conversations, most recent first, searchable, filterable by
 * Profile/Agent/Group) and "Agent Chats" (chats others hold with my agents, filterable by agent).
 * Tab and filters live in the URL, so a reload or a shared link keeps them.
 */
export function ConversationSidebar() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const tab = params.get('tab') === 'agents' ? 'agents' : 'chats';
  const kind = (['PROFILE', 'AGENT', 'GROUP'].includes(params.get('type') ?? '') ? params.get('type') : 'all') as Kind;
  const agentId = params.get('agent');
  const [text, setText] = useState('');
  const [modalOpen, setModalOpen] = useState(false);
  const ids = { search: useId(), tabs: useId(), panel: useId() };

  // Tabs pattern: arrow keys move between the two tabs (and select, as the panel is cheap).
  const onTabKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.value === tab);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    setParam('tab', TABS[next].value === 'chats' ? null : TABS[next].value);
    document.getElementById(`${ids.tabs}-${TABS[next].value}`)?.focus();
  };

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <aside className="sidebar" aria-label="Conversations">
      <div className="sidebar-header">
        <h1>Messages</h1>
        <button type="button" className="icon-button icon-button-primary" aria-label="New conversation" title="New conversation" onClick={() => setModalOpen(true)} data-testid="new-conversation">
          <PlusIcon />
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label="Which conversations" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.value}
            type="button"
            role="tab"
            id={`${ids.tabs}-${t.value}`}
            aria-selected={tab === t.value}
            aria-controls={ids.panel}
            tabIndex={tab === t.value ? 0 : -1}
            className="tab"
            onClick={() => setParam('tab', t.value === 'chats' ? null : t.value)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="sidebar-panel" role="tabpanel" id={ids.panel} aria-labelledby={`${ids.tabs}-${tab}`}>
        <div className="sidebar-tools">
          <div className="search-field">
            <label htmlFor={ids.search} className="visually-hidden">
              Search conversations
            </label>
            <SearchIcon size={16} />
            <input id={ids.search} type="search" placeholder="Search" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          {tab === 'chats' ? (
            <fieldset className="field-group">
              <legend className="visually-hidden">Show</legend>
              <div className="segmented">
                {(['all', 'PROFILE', 'AGENT', 'GROUP'] as const).map((value) => (
                  <label key={value} className={kind === value ? 'is-checked' : undefined}>
                    <input type="radio" name="chat-kind" value={value} checked={kind === value} onChange={() => setParam('type', value === 'all' ? null : value)} />
                    {value === 'all' ? 'All' : value === 'PROFILE' ? 'Profile' : value === 'AGENT' ? 'Agent' : 'Group'}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : (
            <AgentFilter agentId={agentId} onChange={(id) => setParam('agent', id)} />
          )}
        </div>
        {tab === 'chats' ? <ChatsList kind={kind} text={text} search={location.search} /> : <AgentChatsList agentId={agentId} text={text} search={location.search} />}
      </div>
      <NewConversationModal open={modalOpen} onClose={() => setModalOpen(false)} />
    </aside>
  );
}

function matches(conversation: ConversationFieldsFragment, viewerId: string, text: string): boolean {
  const needle = text.trim().toLowerCase().replace(/^@/, '');
  if (!needle) return true;
  const look = describeConversation(conversation, viewerId);
  const hay = [look.title, look.subtitle, ...(look.isGroup ? conversation.participants.map((p) => p.profile.handle) : [conversation.otherParticipant.handle]), conversation.targetAgent?.handle, conversation.lastMessagePreview]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return hay.includes(needle);
}

function ChatsList({ kind, text, search }: { kind: Kind; text: string; search: string }) {
  const viewer = useViewer();
  const query = useQuery(ConversationsQuery, { variables: { first: PAGE } });
  const all = query.data?.conversations.nodes ?? [];
  const shown = all.filter((c) => (kind === 'all' || c.chatType === kind) && matches(c, viewer.userId, text));
  return (
    <ListBody
      label="Chats"
      loading={query.loading && !query.data}
      error={query.error}
      onRetry={() => void query.refetch()}
      items={shown}
      viewerId={viewer.userId}
      search={search}
      hasMore={Boolean(query.data?.conversations.pageInfo.hasNextPage)}
      onMore={() => void query.fetchMore({ variables: { first: PAGE, after: query.data?.conversations.pageInfo.endCursor } })}
      empty={
        all.length === 0 ? (
          <p className="sidebar-empty">No conversations yet. Use the + button to start one.</p>
        ) : (
          <p className="sidebar-empty">No conversation matches.</p>
        )
      }
    />
  );
}

function AgentChatsList({ agentId, text, search }: { agentId: string | null; text: string; search: string }) {
  const viewer = useViewer();
  const query = useQuery(AgentConversationsQuery, { variables: { first: PAGE, agentId } });
  const all = query.data?.agentConversations.nodes ?? [];
  const shown = all.filter((c) => matches(c, viewer.userId, text));
  return (
    <ListBody
      label="Agent chats"
      loading={query.loading && !query.data}
      error={query.error}
      onRetry={() => void query.refetch()}
      items={shown}
      viewerId={viewer.userId}
      search={search}
      hasMore={Boolean(query.data?.agentConversations.pageInfo.hasNextPage)}
      onMore={() => void query.fetchMore({ variables: { first: PAGE, agentId, after: query.data?.agentConversations.pageInfo.endCursor } })}
      empty={
        all.length === 0 ? (
          <p className="sidebar-empty">
            No one has chatted with {agentId ? 'this agent' : 'your agents'} yet. <Link to="/agents">Manage your agents</Link>
          </p>
        ) : (
          <p className="sidebar-empty">No conversation matches.</p>
        )
      }
    />
  );
}

function AgentFilter({ agentId, onChange }: { agentId: string | null; onChange(id: string | null): void }) {
  const id = useId();
  const { data } = useQuery(MyAgentsQuery);
  const agents = data?.myAgents ?? [];
  return (
    <div className="field field-inline">
      <label htmlFor={id}>Agent</label>
      <select id={id} value={agentId ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">All my agents</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.displayName} (@{agent.handle})
          </option>
        ))}
      </select>
    </div>
  );
}

function ListBody(props: {
  label: string;
  loading: boolean;
  error: unknown;
  onRetry(): void;
  items: ConversationFieldsFragment[];
  viewerId: string;
  search: string;
  hasMore: boolean;
  onMore(): void;
  empty: React.ReactNode;
}) {
  const ordered = props.items;
  if (props.loading) return <div className="sidebar-status"><Spinner label="Loading conversations" /></div>;
  return (
    <div className="sidebar-list">
      {props.error && !ordered.length ? (
        <Notice action={<button type="button" className="button button-small" onClick={props.onRetry}>Try again</button>}>
          {describeError(props.error, 'Your conversations could not be loaded.')}
        </Notice>
      ) : null}
      {ordered.length === 0 && !props.error ? props.empty : null}
      <ul className="conversation-list" aria-label={props.label} data-testid="conversation-list">
        {ordered.map((conversation) => (
          <ConversationListItem key={conversation.id} conversation={conversation} viewerId={props.viewerId} search={props.search} />
        ))}
      </ul>
      {props.hasMore ? (
        <button type="button" className="button button-ghost button-block" onClick={props.onMore}>
          Show older conversations
        </button>
      ) : null}
    </div>
  );
}
