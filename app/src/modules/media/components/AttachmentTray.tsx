import type { AttachmentDraft } from '../hooks/useAttachmentDrafts';
import { formatDuration, formatSize } from '../uploadFile';
import { CloseIcon } from '../../../ui/icons';

/** The files chosen for the next message, above the text box: preview, progress, errors, remove. */
export function AttachmentTray({ drafts, onRemove }: { drafts: AttachmentDraft[]; onRemove(localId: string): void }) {
  if (!drafts.length) return null;
  return (
    <ul className="attachment-tray" aria-label="Attachments">
      {drafts.map((d) => (
        <li key={d.localId} className={`attachment-draft attachment-draft-${d.status}`} data-testid="attachment-draft" data-status={d.status}>
          {d.previewUrl ? (
            <img src={d.previewUrl} alt="" className="attachment-draft-thumb" />
          ) : (
            <span className="attachment-draft-icon" aria-hidden="true">
              {d.voiceDurationMs !== null ? '🎤' : '📄'}
            </span>
          )}
          <span className="attachment-draft-text">
            <span className="attachment-draft-name">{d.voiceDurationMs !== null ? `Voice message ${formatDuration(d.voiceDurationMs)}` : d.name}</span>
            {d.status === 'failed' ? (
              <span className="attachment-draft-error" role="alert">
                {d.error}
              </span>
            ) : d.status === 'uploading' ? (
              <progress max={1} value={d.progress} aria-label={`Uploading ${d.name}`} />
            ) : (
              <span className="attachment-draft-size">{formatSize(d.size)}</span>
            )}
          </span>
          <button type="button" className="icon-button attachment-draft-remove" onClick={() => onRemove(d.localId)} aria-label={`Remove ${d.name}`}>
            <CloseIcon size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}
