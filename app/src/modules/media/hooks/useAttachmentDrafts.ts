import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../../auth/hooks/useSession';
import { uploadFile, type UploadedAttachment, type UploadHandle } from '../uploadFile';

/** A file chosen for the next message: uploading (with progress), ready (has an id) or failed. */
export interface AttachmentDraft {
  localId: string;
  name: string;
  size: number;
  /** An object URL of the chosen image, for its preview; null for other files. */
  previewUrl: string | null;
  voiceDurationMs: number | null;
  progress: number;
  status: 'uploading' | 'ready' | 'failed';
  error?: string;
  uploaded?: UploadedAttachment;
}

let counter = 0;

/**
 * The files attached to the message being written: each starts uploading as soon as it is
 * chosen, so sending only has to name their ids. Removing one cancels its upload.
 */
export function useAttachmentDrafts(conversationId: string) {
  const { token } = useSession();
  const [drafts, setDrafts] = useState<AttachmentDraft[]>([]);
  const uploads = useRef(new Map<string, UploadHandle>());

  const patch = (localId: string, change: Partial<AttachmentDraft>) => setDrafts((all) => all.map((d) => (d.localId === localId ? { ...d, ...change } : d)));

  const add = useCallback(
    (file: Blob, name: string, voiceDurationMs?: number) => {
      if (!token) return;
      const localId = `draft-${++counter}`;
      const previewUrl = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      setDrafts((all) => [...all, { localId, name, size: file.size, previewUrl, voiceDurationMs: voiceDurationMs ?? null, progress: 0, status: 'uploading' }]);
      const handle = uploadFile(file, { token, name, voiceDurationMs, onProgress: (progress) => patch(localId, { progress }) });
      uploads.current.set(localId, handle);
      handle.done.then(
        (uploaded) => patch(localId, { status: 'ready', progress: 1, uploaded }),
        (error: Error) => patch(localId, { status: 'failed', error: error.message }),
      );
    },
    [token],
  );

  const remove = useCallback((localId: string) => {
    uploads.current.get(localId)?.abort();
    uploads.current.delete(localId);
    setDrafts((all) => {
      const gone = all.find((d) => d.localId === localId);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      return all.filter((d) => d.localId !== localId);
    });
  }, []);

  /** After a send: the drafts now belong to the message (their previews stay alive for its pending bubble). */
  const clear = useCallback(() => {
    uploads.current.clear();
    setDrafts([]);
  }, []);

  // Another conversation opened: what was chosen here is not meant for it.
  useEffect(
    () => () => {
      uploads.current.forEach((u) => u.abort());
      uploads.current.clear();
      setDrafts([]);
    },
    [conversationId],
  );

  return {
    drafts,
    add,
    remove,
    clear,
    uploading: drafts.some((d) => d.status === 'uploading'),
    ready: drafts.filter((d) => d.status === 'ready'),
  };
}
