import { useCallback, useEffect, useRef, useState } from 'react';

/** Older pages fetched to reach a message before giving up (up to 200 messages each). */
const MAX_PAGES = 10;
const JUMP_PAGE = 200;
const HIGHLIGHT_MS = 4000;

/**
 * Scrolls the open conversation to one of its messages by seq (a quote clicked, a search
 * result opened): at once when it is loaded, otherwise after loading older pages (bigger
 * ones than scrolling does, up to MAX_PAGES of them). The message is highlighted for a moment.
 * Returns a note for the reader when the message cannot be shown.
 */
export function useJumpToMessage(options: {
  messages: readonly { seq: number }[];
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailed: boolean;
  loadOlder: (pageSize?: number) => Promise<void>;
  /** The list element holding the messages (each carries data-seq). */
  findElement: (seq: number) => HTMLElement | null;
}) {
  const { messages, hasOlder, loadingOlder, olderFailed, loadOlder, findElement } = options;
  const [target, setTarget] = useState<{ seq: number; pages: number } | null>(null);
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const clearTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const jumpTo = useCallback((seq: number) => {
    setNote(null);
    setTarget({ seq, pages: 0 });
  }, []);

  useEffect(() => {
    if (!target) return;
    const oldest = messages[0]?.seq;
    if (messages.some((m) => m.seq === target.seq)) {
      const el = findElement(target.seq);
      if (!el) return; // rendered on the next pass
      el.scrollIntoView({ block: 'center' });
      setHighlightSeq(target.seq);
      clearTimeout(clearTimer.current);
      clearTimer.current = setTimeout(() => setHighlightSeq(null), HIGHLIGHT_MS);
      setTarget(null);
      return;
    }
    if (oldest !== undefined && target.seq > oldest) {
      setNote('That message is not in this conversation.');
      setTarget(null);
      return;
    }
    if (loadingOlder) return;
    if (!hasOlder || olderFailed || target.pages >= MAX_PAGES) {
      setNote(
        olderFailed ? 'Could not load older messages to show that message.' : hasOlder ? 'That message is too far back to show here.' : 'That message is not in this conversation.',
      );
      setTarget(null);
      return;
    }
    const missing = oldest === undefined ? JUMP_PAGE : oldest - target.seq + 10;
    setTarget({ ...target, pages: target.pages + 1 });
    void loadOlder(Math.min(JUMP_PAGE, missing));
  }, [target, messages, hasOlder, loadingOlder, olderFailed, loadOlder, findElement]);

  useEffect(() => () => clearTimeout(clearTimer.current), []);

  return { jumpTo, highlightSeq, note, clearNote: () => setNote(null), jumping: target !== null };
}
