import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SendIcon } from '../../../ui/icons';

const MAX_LENGTH = 4000;

/**
 * Enter sends, Shift+Enter adds a line (and so does Enter while an input method is composing);
 * a blank message cannot be sent. The draft is kept per conversation while the page is open.
 */
export function ComposeBox(props: { conversationId: string; placeholder: string; onSend(text: string): void; onTyping(text: string): void; onStop(): void }) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const text = drafts[props.conversationId] ?? '';
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const hintId = useId();
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_LENGTH;
  const canSend = trimmed.length > 0 && !tooLong;

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 160)}px`;
  }, [text]);

  const setText = (value: string) => setDrafts((d) => ({ ...d, [props.conversationId]: value }));

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    props.onSend(trimmed);
    props.onStop();
    setText('');
    area.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="compose" onSubmit={submit} aria-label="Send a message">
      <label htmlFor={id} className="visually-hidden">
        Message
      </label>
      <textarea
        id={id}
        ref={area}
        rows={1}
        value={text}
        placeholder={props.placeholder}
        aria-describedby={hintId}
        onChange={(e) => {
          setText(e.target.value);
          props.onTyping(e.target.value);
        }}
        onBlur={props.onStop}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        Enter sends. Shift and Enter adds a new line.
      </span>
      {trimmed.length > MAX_LENGTH - 500 ? (
        <span className={`compose-count${tooLong ? ' compose-count-over' : ''}`} aria-live="polite">
          {tooLong ? `${trimmed.length - MAX_LENGTH} characters too long` : `${MAX_LENGTH - trimmed.length} left`}
        </span>
      ) : null}
      <button type="submit" className="button button-primary compose-send" disabled={!canSend} aria-label="Send message" title="Send (Enter)">
        <SendIcon size={18} />
      </button>
    </form>
  );
}
