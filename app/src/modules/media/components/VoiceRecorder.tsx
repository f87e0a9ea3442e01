import { useEffect, useRef, useState } from 'react';
import { formatDuration } from '../uploadFile';

/** The longest recording the app makes (the server allows VOICE_MAX_DURATION_MS, 15 minutes by default). */
const MAX_MS = 10 * 60_000;
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

/**
 * A record button: asks for the microphone, records with MediaRecorder while a timer runs,
 * and hands the recording (and its length, which WebM files do not carry) to `onRecorded`.
 * Cancel throws the recording away.
 */
export function VoiceRecorder({ onRecorded, disabled }: { onRecorded(blob: Blob, name: string, durationMs: number): void; disabled?: boolean }) {
  const [state, setState] = useState<'idle' | 'starting' | 'recording'>('idle');
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const startedAt = useRef(0);
  const keep = useRef(true);

  useEffect(() => {
    if (state !== 'recording') return;
    const timer = setInterval(() => {
      const ms = Date.now() - startedAt.current;
      setElapsed(ms);
      if (ms >= MAX_MS) recorder.current?.stop();
    }, 200);
    return () => clearInterval(timer);
  }, [state]);

  useEffect(() => () => {
    keep.current = false;
    recorder.current?.stop();
  }, []);

  const start = async () => {
    setError(null);
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      setError('This browser cannot record audio.');
      return;
    }
    setState('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
      const rec = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
      const chunks: Blob[] = [];
      rec.ondataavailable = (event) => {
        if (event.data.size) chunks.push(event.data);
      };
      rec.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        const durationMs = Date.now() - startedAt.current;
        setState('idle');
        setElapsed(0);
        recorder.current = null;
        if (!keep.current || !chunks.length) return;
        const type = rec.mimeType || mimeType || 'audio/webm';
        const extension = type.includes('ogg') ? 'ogg' : type.includes('mp4') ? 'm4a' : 'webm';
        onRecorded(new Blob(chunks, { type }), `voice-message.${extension}`, durationMs);
      };
      recorder.current = rec;
      keep.current = true;
      startedAt.current = Date.now();
      rec.start(250);
      setState('recording');
    } catch {
      setState('idle');
      setError('Could not use the microphone. Check the browser\'s permission for this site.');
    }
  };

  const stop = (save: boolean) => {
    keep.current = save;
    recorder.current?.stop();
  };

  if (state === 'recording') {
    return (
      <div className="voice-recording" role="group" aria-label="Recording a voice message">
        <span className="voice-dot" aria-hidden="true" />
        <span className="voice-timer" data-testid="voice-timer" aria-live="off">
          {formatDuration(elapsed)}
        </span>
        <button type="button" className="button button-ghost button-small" onClick={() => stop(false)}>
          Cancel
        </button>
        <button type="button" className="button button-primary button-small" onClick={() => stop(true)} aria-label="Stop and attach the voice message">
          Done
        </button>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="icon-button compose-tool" onClick={() => void start()} disabled={disabled || state === 'starting'} aria-label="Record a voice message" title="Record a voice message">
        <MicIcon />
      </button>
      {error ? (
        <span className="compose-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

function MicIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
    </svg>
  );
}

export function PaperclipIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M21 11.5l-8.5 8.5a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3" />
    </svg>
  );
}
