import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { SearchMessagesQuery } from '../graphql/SearchMessages';
import type { SearchMessagesQuery as SearchResult } from '../../../gql/graphql';
import { describeError } from '../../../apollo/describeError';
import { personName, relativeTime } from '../../../ui/format';
import { useNow } from '../../../ui/RelativeTime';
import { Notice, Spinner } from '../../../ui/Notice';
import { SearchIcon } from '../../../ui/icons';
import { useViewer } from '../../auth/hooks/useSession';
import { Snippet } from './Snippet';
import '../search.css';

const PAGE = 20;
const DEBOUNCE_MS = 250;

type Hit = SearchResult['searchMessages']['nodes'][number];

/**
 * /search?q=…: every message I can read that matches, most relevant first, matched words
 * highlighted; a result opens its conversation scrolled to that message. The query follows
 * typing (the server also matches the last word as a prefix) and lives in the address, so a
 * search can be reloaded, shared with oneself, or returned to with Back.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const inputId = useId();

  useEffect(() => {
    const next = text.trim();
    if (next === q) return;
    const timer = setTimeout(() => setParams(next ? { q: next } : {}, { replace: true }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, setParams]);

  return (
    <div className="page search-page">
      <h1>Search messages</h1>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={inputId} className="visually-hidden">
          Search messages
        </label>
        <SearchIcon size={18} />
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
      {q ? <Results query={q} /> : <p className="muted">Find any message in your conversations by the words in it.</p>}
    </div>
  );
}

function Results({ query }: { query: string }) {
  const { data, previousData, loading, error, fetchMore } = useQuery(SearchMessagesQuery, { variables: { query, first: PAGE }, fetchPolicy: 'cache-and-network' });
  const [more, setMore] = useState(false);
  const shown = data ?? previousData;
  const page = shown?.searchMessages;
  if (error && !page) return <Notice>{describeError(error, 'Search failed. Try again.')}</Notice>;
  if (!page) return <Spinner label="Searching" />;
  const loadMore = () => {
    setMore(true);
    void fetchMore({ variables: { query, first: PAGE, after: page.pageInfo.endCursor } }).finally(() => setMore(false));
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
  return (
    <li>
      <Link to={`/messages/${message.conversationId}?at=${message.seq}`} className="search-hit" data-testid="search-hit">
        <span className="search-hit-head">
          <strong>{who}</strong>
          <time dateTime={message.createdAt}>{relativeTime(message.createdAt, now)}</time>
        </span>
        <Snippet snippet={hit.snippet} />
      </Link>
    </li>
  );
}
