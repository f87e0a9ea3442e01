import { useCallback, useEffect, useRef, useState } from 'react';

/** Older pages fetched to reach a message before giving up (up to 200 messages each). */
const MAX_PAGES = 10;
const JUMP_PAGE = 200;
const HIGHLIGHT_MS = 4000;
/** A page that came back without the window growing yet is looked at again this often, this many times. */
const SETTLE_MS = 250;
const MAX_SETTLES = 40;

/**
 * Scrolls the open conversation to one of its messages by seq (a quote clicked, a search
 * result opened): at once when it is loaded, otherwise after loading older pages before the
 * oldest message held (bigger ones than scrolling does, up to MAX_PAGES of them). The message is
 * highlighted for a moment. Returns a note for the reader when the message cannot be shown.
 */
export function useJumpToMessage(options: {
  messages: readonly { seq: number; cursor: string }[];
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailed: boolean;
  loadOlder: (pageSize?: number, before?: string) => Promise<void>;
  /** The list element holding the messages (each carries data-seq). */
  findElement: (seq: number) => HTMLElement | null;
}) {
  const { messages, hasOlder, loadingOlder, olderFailed, loadOlder, findElement } = options;
  const [target, setTarget] = useState<{ seq: number; pages: number; settles: number } | null>(null);
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const clearTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const settleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** The oldest seq held when the last page was asked for: until the window grows past it, wait. */
  const askedAt = useRef<number | null>(null);

  const jumpTo = useCallback((seq: number) => {
    setNote(null);
    askedAt.current = null;
    setTarget({ seq, pages: 0, settles: 0 });
  }, []);

  useEffect(() => {
    if (!target) return;
    const oldest = messages[0];
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
    const give = (text: string) => {
      setNote(text);
      setTarget(null);
    };
    if (oldest && target.seq > oldest.seq) return give('That message is not in this conversation.');
    if (loadingOlder) return;
    if (olderFailed) return give('Could not load older messages to show that message.');
    if (!hasOlder) return give('That message is not in this conversation.');
    if (oldest && askedAt.current === oldest.seq) {
      // The page we asked for has answered, but the window has not grown yet: look again shortly.
      if (target.settles >= MAX_SETTLES) return give('Could not load older messages to show that message.');
      clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => setTarget((t) => (t ? { ...t, settles: t.settles + 1 } : t)), SETTLE_MS);
      return;
    }
    if (target.pages >= MAX_PAGES) return give('That message is too far back to show here.');
    askedAt.current = oldest?.seq ?? null;
    setTarget({ ...target, pages: target.pages + 1, settles: 0 });
    void loadOlder(Math.min(JUMP_PAGE, oldest ? oldest.seq - target.seq + 10 : JUMP_PAGE), oldest?.cursor);
  }, [target, messages, hasOlder, loadingOlder, olderFailed, loadOlder, findElement]);

  useEffect(
    () => () => {
      clearTimeout(clearTimer.current);
      clearTimeout(settleTimer.current);
    },
    [],
  );

  return { jumpTo, highlightSeq, note, clearNote: () => setNote(null), jumping: target !== null };
}
