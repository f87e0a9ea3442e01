/** What POST /uploads answers. */
export interface UploadedAttachment {
  id: string;
  kind: 'IMAGE' | 'FILE' | 'VOICE';
  name: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
}

export interface UploadHandle {
  done: Promise<UploadedAttachment>;
  abort(): void;
}

/**
 * Sends one file to POST /uploads. XMLHttpRequest rather than fetch because only it reports
 * upload progress. Errors carry the server's message (size limit, unsupported type...).
 */
export function uploadFile(
  file: Blob,
  options: { token: string; name: string; voiceDurationMs?: number; onProgress?(fraction: number): void },
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedAttachment>((resolve, reject) => {
    const query = options.voiceDurationMs !== undefined ? `?kind=voice&durationMs=${Math.max(1, Math.round(options.voiceDurationMs))}` : '';
    xhr.open('POST', `/uploads${query}`);
    xhr.setRequestHeader('Authorization', `Bearer ${options.token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { errors?: { message: string }[] } & UploadedAttachment;
      if (xhr.status === 201) resolve(body);
      else reject(new Error(body?.errors?.[0]?.message ?? (xhr.status === 413 ? 'The file is too large.' : `Upload failed (${xhr.status}).`)));
    };
    xhr.onerror = () => reject(new Error('Upload failed. Check your connection and try again.'));
    xhr.onabort = () => reject(new Error('Upload cancelled.'));
    const form = new FormData();
    form.append('file', file, options.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
