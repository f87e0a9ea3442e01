import { lazy, Suspense, useState } from 'react';
import type { MessageFieldsFragment } from '../../../gql/graphql';
import { describeError } from '../../../apollo/describeError';
import { Modal } from '../../../ui/Modal';
import { Spinner } from '../../../ui/Notice';
import { useViewer } from '../../auth/hooks/useSession';
import { useMessageActions } from '../hooks/useMessageActions';
import { canDelete, canEdit, useRichMessage } from './richMessageContext';
import './rich-messages.css';

const EmojiPickerPanel = lazy(() => import('./EmojiPickerPanel'));

/** One tap for the reactions people use most; everything else is in the full picker. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

type Dialog = 'react' | 'delete' | null;

/**
 * What can be done with a message: on hover (or keyboard focus) a small toolbar — react,
 * reply, edit and delete for one's own — and a "…" button, always visible on touch screens and
 * the phone layout, which opens the same actions in a sheet (as a long press on the message
 * does). Deleting asks first. Tombstones have no actions.
 */
export function MessageActions({ message }: { message: MessageFieldsFragment }) {
  const rich = useRichMessage();
  const viewer = useViewer();
  const { remove, react } = useMessageActions();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (message.isDeleted) return null;

  const editable = canEdit(message, rich.viewerId);
  const deletable = canDelete(message, rich.viewerId);
  const menuOpen = rich.menuFor === message.id;
  const closeMenu = () => rich.setMenuFor(null);

  const startEdit = () => {
    closeMenu();
    rich.setEditingId(message.id);
  };
  const startReply = () => {
    closeMenu();
    rich.replyTo(message);
  };
  const open = (next: Dialog) => {
    closeMenu();
    setError(null);
    setDialog(next);
  };
  const pick = (emoji: string) => {
    setDialog(null);
    closeMenu();
    void react(message, emoji, viewer).catch(() => undefined);
  };
  const confirmDelete = () => {
    setBusy(true);
    setError(null);
    remove(message.id)
      .then(() => setDialog(null))
      .catch((e: unknown) => setError(describeError(e, 'Not deleted. Try again.')))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <div className="message-actions" role="toolbar" aria-label="Message actions" data-testid="message-actions">
        <button type="button" className="message-action message-action-hover" onClick={() => open('react')} aria-label="React" title="React">
          <span aria-hidden="true">☺</span>
        </button>
        <button type="button" className="message-action message-action-hover" onClick={startReply} aria-label="Reply" title="Reply">
          <span aria-hidden="true">↩</span>
        </button>
        {editable ? (
          <button type="button" className="message-action message-action-hover" onClick={startEdit} aria-label="Edit" title="Edit">
            <span aria-hidden="true">✎</span>
          </button>
        ) : null}
        {deletable ? (
          <button type="button" className="message-action message-action-hover" onClick={() => open('delete')} aria-label="Delete" title="Delete">
            <span aria-hidden="true">🗑</span>
          </button>
        ) : null}
        <button
          type="button"
          className="message-action message-action-more"
          onClick={() => rich.setMenuFor(message.id)}
          aria-label="More actions"
          title="More actions"
          data-testid="message-more"
        >
          <span aria-hidden="true">…</span>
        </button>
      </div>

      {menuOpen ? (
        <Modal open title="Message" onClose={closeMenu}>
          <div className="quick-reactions" role="group" aria-label="React">
            {QUICK_REACTIONS.map((emoji) => (
              <button key={emoji} type="button" className="quick-reaction" onClick={() => pick(emoji)} aria-label={`React with ${emoji}`}>
                {emoji}
              </button>
            ))}
            <button type="button" className="quick-reaction" onClick={() => open('react')} aria-label="More emoji">
              +
            </button>
          </div>
          <ul className="action-sheet">
            <li>
              <button type="button" className="button button-block" onClick={startReply}>
                Reply
              </button>
            </li>
            {editable ? (
              <li>
                <button type="button" className="button button-block" onClick={startEdit}>
                  Edit
                </button>
              </li>
            ) : null}
            {deletable ? (
              <li>
                <button type="button" className="button button-block button-danger" onClick={() => open('delete')}>
                  Delete
                </button>
              </li>
            ) : null}
          </ul>
        </Modal>
      ) : null}

      {dialog === 'react' ? (
        <Modal open title="React" onClose={() => setDialog(null)}>
          <div className="quick-reactions" role="group" aria-label="Frequent reactions">
            {QUICK_REACTIONS.map((emoji) => (
              <button key={emoji} type="button" className="quick-reaction" onClick={() => pick(emoji)} aria-label={`React with ${emoji}`}>
                {emoji}
              </button>
            ))}
          </div>
          <div className="emoji-picker-slot" data-testid="emoji-picker">
            <Suspense fallback={<Spinner label="Loading emoji" />}>
              <EmojiPickerPanel onPick={pick} />
            </Suspense>
          </div>
        </Modal>
      ) : null}

      {dialog === 'delete' ? (
        <Modal open title="Delete this message?" onClose={() => setDialog(null)}>
          <p>Everyone in this conversation will see “message deleted” in its place. This cannot be undone.</p>
          <blockquote className="delete-preview">{message.content}</blockquote>
          {error ? (
            <p className="form-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="modal-actions">
            <button type="button" className="button" onClick={() => setDialog(null)}>
              Cancel
            </button>
            <button type="button" className="button button-primary button-danger-solid" onClick={confirmDelete} disabled={busy} data-testid="confirm-delete">
              {busy ? 'Deleting…' : 'Delete'}
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
