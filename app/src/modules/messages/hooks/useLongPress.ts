import { useCallback, useRef, type TouchEvent } from 'react';

const HOLD_MS = 500;
const MOVE_PX = 10;

/**
 * A long press on a touch screen (held for half a second without scrolling) calls `onLongPress`;
 * the context menu the browser would show there is suppressed. Mouse users have the hover toolbar.
 */
export function useLongPress(onLongPress: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const start = useRef<{ x: number; y: number } | null>(null);
  const fired = useRef(false);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    start.current = null;
  }, []);

  const onTouchStart = useCallback(
    (event: TouchEvent) => {
      if (event.touches.length !== 1) return cancel();
      const touch = event.touches[0];
      start.current = { x: touch.clientX, y: touch.clientY };
      fired.current = false;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        fired.current = true;
        onLongPress();
      }, HOLD_MS);
    },
    [onLongPress, cancel],
  );

  const onTouchMove = useCallback(
    (event: TouchEvent) => {
      const from = start.current;
      const touch = event.touches[0];
      if (from && touch && Math.hypot(touch.clientX - from.x, touch.clientY - from.y) > MOVE_PX) cancel();
    },
    [cancel],
  );

  const onContextMenu = useCallback((event: { preventDefault(): void }) => {
    if (fired.current) event.preventDefault();
  }, []);

  return { onTouchStart, onTouchMove, onTouchEnd: cancel, onTouchCancel: cancel, onContextMenu };
}
