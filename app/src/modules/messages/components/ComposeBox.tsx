import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SendIcon } from '../../../ui/icons';
import type { useAttachmentDrafts } from '../../media/hooks/useAttachmentDrafts';
import { AttachmentTray } from '../../media/components/AttachmentTray';
import { PaperclipIcon, VoiceRecorder } from '../../media/components/VoiceRecorder';
import type { OutboxEntry } from '../../../apollo/outbox';

const MAX_LENGTH = 4000;

/**
 * Enter sends, Shift+Enter adds a line (and so does Enter while an input method is composing);
 * a blank message cannot be sent (unless files go with it: they upload as soon as they are
 * chosen, and Send waits for them). The draft is kept per conversation while the page is open.
 */
export interface Mentionable {
  handle: string;
  displayName: string;
}

/** The `@partial` being typed at the end of the draft, if any. */
const MENTION_AT_END = /(^|\s)@([a-z0-9_]{0,30})$/i;

export function ComposeBox(props: {
  conversationId: string;
  placeholder: string;
  files: ReturnType<typeof useAttachmentDrafts>;
  onSend(text: string, attachments?: OutboxEntry['attachments']): void;
  onTyping(text: string): void;
  onStop(): void;
  /** Group chats: agents that answer when mentioned; typing "@" offers them (Tab or a click completes). */
  mentionable?: Mentionable[];
}) {
  const { files } = props;
  const picker = useRef<HTMLInputElement>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const text = drafts[props.conversationId] ?? '';
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const hintId = useId();
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_LENGTH;
  const filesOk = !files.uploading && files.drafts.every((d) => d.status === 'ready');
  const canSend = (trimmed.length > 0 || files.ready.length > 0) && !tooLong && filesOk;
  const partial = props.mentionable?.length ? MENTION_AT_END.exec(text)?.[2]?.toLowerCase() : undefined;
  const suggestions = partial === undefined ? [] : props.mentionable!.filter((m) => m.handle.startsWith(partial) && m.handle !== partial);

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
    const attachments = files.ready.map((d) => ({ id: d.uploaded!.id, name: d.name, previewUrl: d.previewUrl }));
    props.onSend(trimmed, attachments.length ? attachments : undefined);
    files.clear();
    props.onStop();
    setText('');
    area.current?.focus();
  };

  const complete = (mention: Mentionable) => {
    setText(text.replace(MENTION_AT_END, (_m, space: string) => `${space}@${mention.handle} `));
    area.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Tab' && suggestions.length) {
      event.preventDefault();
      complete(suggestions[0]);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="compose" onSubmit={submit} aria-label="Send a message">
      {suggestions.length ? (
        <ul className="mention-list" aria-label="Mention an agent" data-testid="mention-suggestions">
          {suggestions.map((m) => (
            <li key={m.handle}>
              <button type="button" className="button button-small button-ghost" onMouseDown={(e) => e.preventDefault()} onClick={() => complete(m)}>
                @{m.handle} <span className="muted">{m.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <AttachmentTray drafts={files.drafts} onRemove={files.remove} />
      <input
        ref={picker}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-input"
        onChange={(e) => {
          for (const file of Array.from(e.target.files ?? [])) files.add(file, file.name);
          e.target.value = '';
        }}
      />
      <button type="button" className="icon-button compose-tool" onClick={() => picker.current?.click()} aria-label="Attach files" title="Attach files (or drop them here)">
        <PaperclipIcon />
      </button>
      <VoiceRecorder onRecorded={(blob, name, durationMs) => files.add(blob, name, durationMs)} />
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
