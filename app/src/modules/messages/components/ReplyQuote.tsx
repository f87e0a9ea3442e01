import type { MessageFieldsFragment } from '../../../gql/graphql';
import { personName } from '../../../ui/format';
import { useRichMessage } from './richMessageContext';
import { isGeneratedReply } from './AgentReplyStatus';

type Quoted = NonNullable<MessageFieldsFragment['replyTo']>;

export function quotedAuthor(quoted: Pick<Quoted, 'senderType' | 'sender' | 'senderAgent'>, viewerId: string): string {
  if (quoted.senderType === 'AGENT') return quoted.senderAgent?.displayName ?? 'Agent';
  if (quoted.senderType === 'SYSTEM') return 'Parley';
  if (quoted.sender?.userId === viewerId) return 'You';
  return quoted.sender ? personName(quoted.sender) : 'Someone';
}

/**
 * The message a reply answers, quoted above the reply's text. Clicking it scrolls to the
 * original (older pages are loaded when it is not on screen yet); a deleted original shows as
 * a tombstone and goes nowhere. Generated agent replies are not quoted.
 */
export function ReplyQuote({ message }: { message: MessageFieldsFragment }) {
  const { viewerId, jumpTo } = useRichMessage();
  const quoted = message.replyTo;
  // An agent's generated answer points at the question it answers; quoting it every time would
  // only repeat the message just above.
  if (!message.replyToId || isGeneratedReply(message)) return null;
  if (!quoted || quoted.isDeleted) {
    return (
      <span className="reply-quote reply-quote-deleted" data-testid="reply-quote">
        <span className="reply-quote-text">Original message deleted</span>
      </span>
    );
  }
  const author = quotedAuthor(quoted, viewerId);
  return (
    <button
      type="button"
      className="reply-quote"
      data-testid="reply-quote"
      onClick={() => jumpTo(quoted.seq)}
      aria-label={`Reply to ${author}: ${quoted.content}. Show the original message`}
    >
      <span className="reply-quote-author">{author}</span>
      <span className="reply-quote-text">{quoted.content}</span>
    </button>
  );
}

/** Above the compose box while writing a reply: what it answers, and a way to cancel. */
export function ReplyComposerPreview({ quoted, viewerId, onCancel }: { quoted: MessageFieldsFragment; viewerId: string; onCancel(): void }) {
  const author = quotedAuthor(quoted, viewerId);
  return (
    <div className="reply-preview" data-testid="reply-preview" role="status">
      <div className="reply-preview-body">
        <span className="reply-preview-label">Replying to {author}</span>
        <span className="reply-quote-text">{quoted.isDeleted ? 'Original message deleted' : quoted.content}</span>
      </div>
      <button type="button" className="icon-button" onClick={onCancel} aria-label="Cancel reply">
        ×
      </button>
    </div>
  );
}
