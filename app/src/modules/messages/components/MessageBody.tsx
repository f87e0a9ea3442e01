import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MessageFieldsFragment } from '../../../gql/graphql';
import { describeError } from '../../../apollo/describeError';
import { fullDate } from '../../../ui/format';
import { Modal } from '../../../ui/Modal';
import { useMessageActions } from '../hooks/useMessageActions';
import { useRichMessage } from './richMessageContext';

const MAX_LENGTH = 4000;

/**
 * The text of a message: as sent, "message deleted" for a tombstone, or the inline editor
 * while its sender edits it (Enter saves, Shift+Enter adds a line, Escape cancels).
 */
export function MessageBody({ message }: { message: MessageFieldsFragment }) {
  const { editingId } = useRichMessage();
  if (message.isDeleted) {
    return (
      <p className="message-text message-tombstone" data-testid="message-tombstone">
        message deleted
      </p>
    );
  }
  if (editingId === message.id) return <InlineEditor message={message} />;
  return <p className="message-text">{message.content}</p>;
}

/** "edited" beside the time: its title says when; clicking it shows the earlier texts. */
export function EditedMark({ message }: { message: MessageFieldsFragment }) {
  const [open, setOpen] = useState(false);
  if (!message.editedAt || message.isDeleted) return null;
  return (
    <>
      <button
        type="button"
        className="message-edited"
        data-testid="message-edited"
        title={`Edited ${fullDate(message.editedAt)}. Show earlier versions`}
        onClick={() => setOpen(true)}
      >
        edited
      </button>
      {open ? (
        <Modal open title="Edit history" onClose={() => setOpen(false)}>
          <ol className="versions" data-testid="versions">
            {message.versions.map((version) => (
              <li key={version.replacedAt}>
                <time dateTime={version.writtenAt}>{fullDate(version.writtenAt)}</time>
                <p>{version.content}</p>
              </li>
            ))}
            <li className="versions-current">
              <time dateTime={message.editedAt}>{fullDate(message.editedAt)} (current)</time>
              <p>{message.content}</p>
            </li>
          </ol>
        </Modal>
      ) : null}
    </>
  );
}

function InlineEditor({ message }: { message: MessageFieldsFragment }) {
  const { setEditingId } = useRichMessage();
  const { edit } = useMessageActions();
  const [text, setText] = useState(message.content);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const trimmed = text.trim();
  const canSave = trimmed.length > 0 && trimmed.length <= MAX_LENGTH && !saving;

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const save = () => {
    if (!canSave) return;
    if (trimmed === message.content) return setEditingId(null);
    setSaving(true);
    setError(null);
    edit(message.id, trimmed)
      .then(() => setEditingId(null))
      .catch((e: unknown) => setError(describeError(e, 'Not saved. Try again.')))
      .finally(() => setSaving(false));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setEditingId(null);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return (
    <form
      className="message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      aria-label="Edit message"
    >
      <textarea
        ref={area}
        value={text}
        rows={Math.min(6, Math.max(1, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-label="Message text"
        data-testid="edit-input"
      />
      {error ? (
        <span className="message-editor-error" role="alert">
          {error}
        </span>
      ) : null}
      <span className="message-editor-buttons">
        <button type="button" className="button button-small" onClick={() => setEditingId(null)}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary" disabled={!canSave}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </span>
    </form>
  );
}
