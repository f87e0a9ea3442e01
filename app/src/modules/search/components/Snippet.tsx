import { Fragment } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/**
 * The server's snippet is HTML-escaped text whose only markup is <mark>…</mark>. It is never
 * handed to the browser as HTML: the marks are split out here and everything else becomes text
 * nodes (unescaped once, so "&lt;b&gt;" shows as "<b>", never as bold).
 */
export function parseSnippet(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let match = pattern.exec(snippet); match; match = pattern.exec(snippet)) {
    if (match.index > last) parts.push({ text: unescape(snippet.slice(last, match.index)), marked: false });
    parts.push({ text: unescape(match[1]), marked: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: unescape(snippet.slice(last)), marked: false });
  return parts;
}

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <span className="search-snippet" data-testid="search-snippet">
      {parseSnippet(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}
    </span>
  );
}
