import { useSyncExternalStore } from 'react';
import { fullDate, relativeTime } from './format';

// One shared minute ticker for every relative time on screen.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

export function RelativeTime({ iso }: { iso: string }) {
  const current = Math.max(useNow(), Date.now() - 30_000);
  return (
    <time dateTime={iso} title={fullDate(iso)}>
      {relativeTime(iso, current)}
    </time>
  );
}
