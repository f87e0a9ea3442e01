import { useEffect, useRef, useState } from 'react';
import type { AttachmentFieldsFragment } from '../../../gql/graphql';
import { Modal } from '../../../ui/Modal';
import { formatDuration, formatSize } from '../uploadFile';

/** A message's files: images inline (click for the lightbox), voice messages with a player, other files as cards. */
export function MessageAttachments({ attachments }: { attachments: readonly AttachmentFieldsFragment[] }) {
  const [open, setOpen] = useState<AttachmentFieldsFragment | null>(null);
  if (!attachments.length) return null;
  return (
    <div className="message-attachments">
      {attachments.map((a) =>
        a.kind === 'IMAGE' ? (
          <button key={a.id} type="button" className="attachment-image" onClick={() => setOpen(a)} aria-label={`Open image ${a.name}`}>
            <img
              src={a.thumbnailUrl ?? a.url}
              alt={a.name}
              width={a.width ? Math.min(a.width, 320) : undefined}
              style={a.width && a.height ? { aspectRatio: `${a.width} / ${a.height}` } : undefined}
              loading="lazy"
              data-testid="attachment-image"
            />
          </button>
        ) : a.kind === 'VOICE' ? (
          <VoicePlayer key={a.id} attachment={a} />
        ) : (
          <a key={a.id} className="attachment-file" href={a.url} download={a.name} data-testid="attachment-file">
            <span className="attachment-file-icon" aria-hidden="true">
              📄
            </span>
            <span className="attachment-file-text">
              <span className="attachment-file-name">{a.name}</span>
              <span className="attachment-file-size">
                {formatSize(a.size)} · Download
              </span>
            </span>
          </a>
        ),
      )}
      <Modal open={open !== null} title={open?.name ?? 'Image'} onClose={() => setOpen(null)}>
        {open ? (
          <figure className="lightbox" data-testid="lightbox">
            <img src={open.url} alt={open.name} />
            <figcaption>
              {open.width}×{open.height} · {formatSize(open.size)} ·{' '}
              <a href={open.url} download={open.name}>
                Download
              </a>
            </figcaption>
          </figure>
        ) : null}
      </Modal>
    </div>
  );
}

/**
 * Play/pause, a seek bar and the time. The length comes from the server (durationMs): a WebM
 * recorded by MediaRecorder has none in its header, so <audio> would report Infinity.
 */
function VoicePlayer({ attachment }: { attachment: AttachmentFieldsFragment }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const total = (attachment.durationMs ?? 0) / 1000;

  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    const onTime = () => setPosition(el.currentTime);
    const onEnd = () => {
      setPlaying(false);
      setPosition(0);
    };
    const onPause = () => setPlaying(false);
    const onPlay = () => setPlaying(true);
    el.addEventListener('timeupdate', onTime);
    el.addEventListener('ended', onEnd);
    el.addEventListener('pause', onPause);
    el.addEventListener('play', onPlay);
    return () => {
      el.removeEventListener('timeupdate', onTime);
      el.removeEventListener('ended', onEnd);
      el.removeEventListener('pause', onPause);
      el.removeEventListener('play', onPlay);
    };
  }, []);

  const toggle = () => {
    const el = audio.current;
    if (!el) return;
    if (el.paused) void el.play().catch(() => setPlaying(false));
    else el.pause();
  };

  return (
    <div className="voice-player" data-testid="voice-player" role="group" aria-label={`Voice message, ${formatDuration(total * 1000)}`}>
      <audio ref={audio} src={attachment.url} preload="metadata" />
      <button type="button" className="voice-play" onClick={toggle} aria-label={playing ? 'Pause voice message' : 'Play voice message'} data-testid="voice-play">
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        type="range"
        className="voice-seek"
        min={0}
        max={total || 1}
        step={0.1}
        value={Math.min(position, total || 1)}
        onChange={(e) => {
          const el = audio.current;
          const to = Number(e.target.value);
          if (el) el.currentTime = to;
          setPosition(to);
        }}
        aria-label="Seek"
      />
      <span className="voice-time" data-testid="voice-time">
        {formatDuration((playing || position > 0 ? position : total) * 1000)}
      </span>
    </div>
  );
}
