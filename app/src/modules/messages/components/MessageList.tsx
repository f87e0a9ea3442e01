import { useEffect, useLayoutEffect, useRef } from 'react';
import type { MessageFieldsFragment } from '../../../gql/graphql';
import type { OutboxEntry } from '../../../apollo/outbox';
import { clockTime, dayKey, dayLabel, fullDate, personName } from '../../../ui/format';
import { useNow } from '../../../ui/RelativeTime';
import { Spinner } from '../../../ui/Notice';
import { AgentReplyStatus, isGeneratedReply } from './AgentReplyStatus';
import { SystemLine } from './SystemLine';
import { MessageAttachments } from '../../media/components/MessageAttachments';
import { useLongPress } from '../hooks/useLongPress';
import { useRichMessage } from './richMessageContext';
import { MessageActions } from './MessageActions';
import { MessageBody, EditedMark } from './MessageBody';
import { Reactions } from './Reactions';
import { ReplyQuote } from './ReplyQuote';

interface MessageListProps {
  conversationId: string;
  label: string;
  viewerId: string;
  messages: MessageFieldsFragment[];
  pending: OutboxEntry[];
  /** Highest seq the other side has read ("seen"). */
  seenSeq: number;
  /** Groups only (null elsewhere): the members who have read the newest message ("Seen by N"). */
  seenBy?: string[] | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailed: boolean;
  onLoadOlder(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

type Row =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'message'; key: string; message: MessageFieldsFragment; own: boolean; status?: 'seen' | 'sent' }
  | { kind: 'pending'; key: string; entry: OutboxEntry };

const NEAR_BOTTOM_PX = 150;

/**
 * The history: day separators, own messages on the right, others on the left, agent messages
 * labelled with the agent's name, "Seen" under my newest message the other side has read, and
 * my unconfirmed or failed messages at the end. Scrolling near the top loads older messages
 * without moving what is on screen; new messages scroll into view when we were at the bottom.
 */
export function MessageList(props: MessageListProps) {
  const { viewerId, messages, pending, seenSeq } = props;
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const wasNearBottom = useRef(true);
  const anchor = useRef<{ firstId: string | undefined; height: number; top: number } | null>(null);
  const opened = useRef<string | null>(null);

  const confirmed = new Set(messages.map((m) => m.clientId).filter(Boolean));
  const unconfirmed = pending.filter((e) => !confirmed.has(e.clientId));
  // In a group an AGENT message is always the agent's own answer (its owner cannot write as it
  // there), even though its sender is the owner: it is never shown as the viewer's.
  const isOwn = (m: MessageFieldsFragment) => m.sender?.userId === viewerId && !(props.seenBy != null && m.senderType === 'AGENT');
  const ownMessages = messages.filter(isOwn);
  const newestOwn = ownMessages[ownMessages.length - 1];
  const newestSeenOwn = [...ownMessages].reverse().find((m) => m.seq <= seenSeq);

  const rows: Row[] = [];
  let lastDay = '';
  const pushDay = (iso: string) => {
    const key = dayKey(iso);
    if (key !== lastDay) {
      lastDay = key;
      rows.push({ kind: 'day', key: `day-${key}`, label: dayLabel(iso, now) });
    }
  };
  for (const message of messages) {
    pushDay(message.createdAt);
    const own = isOwn(message);
    const status = message === newestSeenOwn ? 'seen' : message === newestOwn ? 'sent' : undefined;
    rows.push({ kind: 'message', key: message.id, message, own, status });
  }
  for (const entry of unconfirmed) {
    pushDay(entry.createdAt);
    rows.push({ kind: 'pending', key: `pending-${entry.clientId}`, entry });
  }

  const lastKey = rows[rows.length - 1]?.key;
  // A pending message turning "failed" grows the list at the bottom too (its error line).
  const pendingState = unconfirmed.map((e) => e.status).join();
  const firstId = messages[0]?.id;
  // An agent reply grows in place: follow it down as it does.
  const lastGrowth = `${messages[messages.length - 1]?.state}:${messages[messages.length - 1]?.content.length}`;

  // Keep the reader's place when older messages are put above; follow new ones at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (opened.current !== props.conversationId) {
      opened.current = props.conversationId;
      el.scrollTop = el.scrollHeight;
      return;
    }
    const saved = anchor.current;
    if (saved && saved.firstId !== firstId) {
      el.scrollTop = el.scrollHeight - saved.height + saved.top;
      anchor.current = null;
      return;
    }
    const last = rows[rows.length - 1];
    const mineJustSent = last?.kind === 'pending' || (last?.kind === 'message' && last.own);
    if (wasNearBottom.current || mineJustSent) el.scrollTop = el.scrollHeight;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastKey, firstId, props.conversationId, rows.length, pendingState, lastGrowth]);

  const loadOlder = () => {
    const el = scroller.current;
    if (el) anchor.current = { firstId, height: el.scrollHeight, top: el.scrollTop };
    props.onLoadOlder();
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    wasNearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (el.scrollTop < 80 && props.hasOlder && !props.loadingOlder && !props.olderFailed) loadOlder();
  };

  // Content shorter than the pane cannot be scrolled up: fetch older messages until it fills.
  useEffect(() => {
    const el = scroller.current;
    if (el && props.hasOlder && !props.loadingOlder && !props.olderFailed && el.scrollHeight <= el.clientHeight) loadOlder();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.hasOlder, props.loadingOlder, firstId]);

  return (
    <div className="thread-scroll" ref={scroller} onScroll={onScroll} data-testid="message-list">
      <div className="thread-older">
        {props.loadingOlder ? (
          <Spinner label="Loading older messages" />
        ) : props.hasOlder ? (
          <button type="button" className="button button-ghost button-small" onClick={loadOlder}>
            {props.olderFailed ? 'Could not load older messages. Try again' : 'Load older messages'}
          </button>
        ) : messages.length ? (
          <p className="thread-start">This is the start of the conversation.</p>
        ) : null}
      </div>
      <ol className="thread-messages" role="log" aria-live="polite" aria-relevant="additions" aria-label={props.label}>
        {rows.length === 0 ? <li className="thread-empty">No messages yet. Say hello!</li> : null}
        {rows.map((row) => {
          if (row.kind === 'day') {
            return (
              <li key={row.key} className="day-separator" role="separator" aria-label={row.label}>
                <span>{row.label}</span>
              </li>
            );
          }
          if (row.kind === 'pending') return <PendingBubble key={row.key} entry={row.entry} onRetry={props.onRetry} onDiscard={props.onDiscard} />;
          if (row.message.senderType === 'SYSTEM') return <SystemLine key={row.key} message={row.message} />;
          return <MessageBubble key={row.key} message={row.message} own={row.own} status={row.status} />;
        })}
        {props.seenBy?.length && messages.length && !unconfirmed.length ? (
          <li className="seen-by" data-testid="seen-by" title={props.seenBy.join(', ')}>
            Seen by {props.seenBy.length}
          </li>
        ) : null}
      </ol>
    </div>
  );
}

function senderLabel(message: MessageFieldsFragment, own: boolean): string {
  if (message.senderType === 'AGENT') {
    const agent = message.senderAgent?.displayName ?? 'Agent';
    return own && !isGeneratedReply(message) ? `You, as ${agent}` : agent;
  }
  if (message.senderType === 'SYSTEM') return 'Parley';
  if (own) return 'You';
  return message.sender ? personName(message.sender) : 'Someone';
}

function MessageBubble({ message, own, status }: { message: MessageFieldsFragment; own: boolean; status?: 'seen' | 'sent' }) {
  const label = senderLabel(message, own);
  const rich = useRichMessage();
  const press = useLongPress(() => rich.setMenuFor(message.id));
  const highlighted = rich.highlightSeq === message.seq;
  return (
    <li
      className={`message ${own ? 'message-own' : 'message-other'}${highlighted ? ' message-highlight' : ''}`}
      data-sender-type={message.senderType}
      data-state={message.state}
      data-testid="message"
      data-seq={message.seq}
      data-message-id={message.id}
      {...press}
    >
      <div className="message-bubble">
        <span className={own && message.senderType !== 'AGENT' ? 'visually-hidden' : 'message-sender'}>
          {message.senderType === 'AGENT' ? <span className="agent-tag">Agent</span> : null}
          {label}
        </span>
        <ReplyQuote message={message} />
        {message.isDeleted ? null : <MessageAttachments attachments={message.attachments} />}
        {message.isDeleted || message.content || !message.attachments.length || rich.editingId === message.id ? <MessageBody message={message} /> : null}
        <AgentReplyStatus message={message} />
        <span className="message-meta">
          <EditedMark message={message} />
          <time className="message-time" dateTime={message.createdAt} title={fullDate(message.createdAt)}>
            {clockTime(message.createdAt)}
          </time>
        </span>
        {message.state === 'COMPLETE' ? <MessageActions message={message} /> : null}
      </div>
      <Reactions message={message} />
      {status ? (
        <span className={`message-status message-status-${status}`} data-testid={`status-${status}`}>
          {status === 'seen' ? 'Seen' : 'Sent'}
        </span>
      ) : null}
    </li>
  );
}

function PendingBubble({ entry, onRetry, onDiscard }: { entry: OutboxEntry; onRetry(id: string): void; onDiscard(id: string): void }) {
  const failed = entry.status === 'failed';
  return (
    <li className={`message message-own ${failed ? 'message-failed' : 'message-sending'}`} data-testid="pending-message">
      <div className="message-bubble">
        <span className="visually-hidden">You</span>
        {entry.attachments?.length ? (
          <div className="message-attachments">
            {entry.attachments.map((a) =>
              a.previewUrl ? <img key={a.id} className="attachment-pending-image" src={a.previewUrl} alt={a.name} /> : <span key={a.id} className="attachment-file">{a.name}</span>,
            )}
          </div>
        ) : null}
        {entry.content ? <p className="message-text">{entry.content}</p> : null}
      </div>
      {failed ? (
        <span className="message-status message-status-failed" role="alert">
          {entry.error ?? 'Not sent.'}{' '}
          <button type="button" className="link-button" onClick={() => onRetry(entry.clientId)}>
            Retry
          </button>{' '}
          <button type="button" className="link-button" onClick={() => onDiscard(entry.clientId)}>
            Discard
          </button>
        </span>
      ) : (
        <span className="message-status">Sending…</span>
      )}
    </li>
  );
}
