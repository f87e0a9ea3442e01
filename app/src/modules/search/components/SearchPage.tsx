import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { SearchMessagesQuery } from '../graphql/SearchMessages';
import { SearchScopeQuery } from '../graphql/SearchScope';
import type { SearchMessagesQuery as SearchResult } from '../../../gql/graphql';
import { describeError } from '../../../apollo/describeError';
import { personName, relativeTime } from '../../../ui/format';
import { useNow } from '../../../ui/RelativeTime';
import { Notice, Spinner } from '../../../ui/Notice';
import { SearchIcon } from '../../../ui/icons';
import { Avatar } from '../../../ui/Avatar';
import { useViewer } from '../../auth/hooks/useSession';
import { describeConversation } from '../../conversations/components/describeConversation';
import { Snippet } from './Snippet';
import '../search.css';

const PAGE = 20;
const DEBOUNCE_MS = 250;

type Hit = SearchResult['searchMessages']['nodes'][number];

/**
 * /search?q=…&in=…: every message I can read that matches, most relevant first, matched words
 * highlighted, each with the conversation it is from; a result opens its conversation scrolled
 * to that message. `in` limits the search to one conversation (the header of a conversation
 * links here with it) and shows as a removable "in: <name>" chip. The query follows typing (the
 * server also matches the last word as a prefix); both live in the address, so a search can be
 * reloaded, shared with oneself, or returned to with Back.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const scope = params.get('in') || null;
  const [text, setText] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  const inputId = useId();

  // The address changed under us (Back, the top bar's magnifier): show its query in the box.
  if (q !== seenQ) {
    setSeenQ(q);
    if (q !== text.trim()) setText(q);
  }

  useEffect(() => {
    const next = text.trim();
    if (next === q) return;
    const timer = setTimeout(
      () =>
        setParams(
          (current) => {
            const updated = new URLSearchParams(current);
            if (next) updated.set('q', next);
            else updated.delete('q');
            return updated;
          },
          { replace: true },
        ),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [text, q, setParams]);

  // Clearing the scope is a step of its own in history: Back brings the scope back.
  const clearScope = () => setParams(q ? { q } : {});

  return (
    <div className="page search-page">
      <h1>Search messages</h1>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId} className="visually-hidden">
          {scope ? 'Search messages in this conversation' : 'Search messages'}
        </label>
        <SearchIcon size={18} />
        {scope ? <ScopeChip conversationId={scope} onClear={clearScope} /> : null}
        <input
          id={inputId}
          type="search"
          value={text}
          autoFocus
          maxLength={200}
          placeholder='Words, "a phrase", -not'
          onChange={(e) => setText(e.target.value)}
          data-testid="search-input"
        />
      </form>
      {q ? (
        <Results query={q} conversationId={scope} />
      ) : (
        <p className="muted">{scope ? 'Find a message in this conversation by the words in it.' : 'Find any message in your conversations by the words in it.'}</p>
      )}
    </div>
  );
}

/** "in: <conversation name>" with a button that widens the search to every conversation. */
function ScopeChip({ conversationId, onClear }: { conversationId: string; onClear: () => void }) {
  const viewer = useViewer();
  const { data, error } = useQuery(SearchScopeQuery, { variables: { id: conversationId } });
  const name = data?.conversation ? describeConversation(data.conversation, viewer.userId).title : error ? 'a conversation you cannot see' : '…';
  return (
    <span className="search-scope" data-testid="search-scope">
      <span className="search-scope-label">
        in: <strong>{name}</strong>
      </span>
      <button type="button" className="search-scope-clear" onClick={onClear} aria-label="Search all conversations" title="Search all conversations" data-testid="search-scope-clear">
        ×
      </button>
    </span>
  );
}

function Results({ query, conversationId }: { query: string; conversationId: string | null }) {
  const { data, previousData, loading, error, fetchMore } = useQuery(SearchMessagesQuery, {
    variables: { query, first: PAGE, conversationId },
    fetchPolicy: 'cache-and-network',
  });
  const [more, setMore] = useState(false);
  const shown = data ?? previousData;
  const page = shown?.searchMessages;
  if (error && !page) return <Notice>{describeError(error, 'Search failed. Try again.')}</Notice>;
  if (!page) return <Spinner label="Searching" />;
  const loadMore = () => {
    setMore(true);
    void fetchMore({ variables: { query, first: PAGE, conversationId, after: page.pageInfo.endCursor } }).finally(() => setMore(false));
  };
  return (
    <section aria-label="Results" aria-busy={loading}>
      <p className="muted search-count" role="status">
        {page.nodes.length === 0
          ? `No messages match “${query}”.`
          : `${page.nodes.length}${page.pageInfo.hasNextPage ? '+' : ''} ${page.nodes.length === 1 ? 'message' : 'messages'}`}
      </p>
      <ol className="search-results" data-testid="search-results">
        {page.nodes.map((hit) => (
          <SearchHit key={hit.message.id} hit={hit} />
        ))}
      </ol>
      {page.pageInfo.hasNextPage ? (
        <button type="button" className="button button-small" onClick={loadMore} disabled={more}>
          {more ? 'Loading…' : 'More results'}
        </button>
      ) : null}
    </section>
  );
}

function SearchHit({ hit }: { hit: Hit }) {
  const viewer = useViewer();
  const now = useNow();
  const { message } = hit;
  const who =
    message.senderType === 'AGENT'
      ? (message.senderAgent?.displayName ?? 'Agent')
      : message.senderType === 'SYSTEM'
        ? 'Parley'
        : message.sender?.userId === viewer.userId
          ? 'You'
          : message.sender
            ? personName(message.sender)
            : 'Someone';
  const look = describeConversation(message.conversation, viewer.userId);
  return (
    <li>
      <Link to={`/messages/${message.conversationId}?at=${message.seq}`} className="search-hit" data-testid="search-hit">
        <Avatar name={look.avatarName} src={look.avatarUrl} agent={look.isAgentChat} group={look.isGroup} size={36} />
        <span className="search-hit-body">
          <span className="search-hit-head">
            <strong className="search-hit-conversation" data-testid="search-hit-conversation">
              {look.title}
            </strong>
            <time dateTime={message.createdAt} title={new Date(message.createdAt).toLocaleString()}>
              {relativeTime(message.createdAt, now)}
            </time>
          </span>
          <span className="search-hit-text">
            <span className="search-hit-sender" data-testid="search-hit-sender">
              {who}:
            </span>{' '}
            <Snippet snippet={hit.snippet} />
          </span>
        </span>
      </Link>
    </li>
  );
}
