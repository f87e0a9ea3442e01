import { useCallback, useEffect, useRef } from 'react';
import { useMutation } from '@apollo/client/react';
import { SetTypingMutation } from '../../conversations/graphql/SetTyping';

const RENEW_MS = 3000;

/**
 * Tells the others we are typing: once when we start, again every few seconds while we keep
 * typing (the server lets a signal lapse after a few seconds), and "stopped" when the box empties,
 * a message goes out or we leave. Failures are ignored: typing is a courtesy, not data.
 */
export function useTypingSignal(conversationId: string) {
  const [setTyping] = useMutation(SetTypingMutation);
  const lastSent = useRef(0);

  const signal = useCallback(
    (isTyping: boolean) => {
      setTyping({ variables: { conversationId, isTyping } }).catch(() => undefined);
    },
    [setTyping, conversationId],
  );

  const stop = useCallback(() => {
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    signal(false);
  }, [signal]);

  const onInput = useCallback(
    (text: string) => {
      if (!text.trim()) return stop();
      const now = Date.now();
      if (now - lastSent.current < RENEW_MS) return;
      lastSent.current = now;
      signal(true);
    },
    [signal, stop],
  );

  useEffect(() => stop, [stop]);
  return { onInput, stop };
}
