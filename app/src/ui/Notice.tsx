import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

/** A message to the reader: errors are announced (role=alert), information politely. */
export function Notice({ tone = 'error', children, action }: { tone?: 'error' | 'info'; children: ReactNode; action?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'error' ? <AlertIcon size={18} /> : null}
      <span className="notice-text">{children}</span>
      {action}
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span className="spinner" role="status">
      <span className="spinner-dot" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function UnreadBadge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="unread-badge" aria-label={label} data-testid="unread-badge">
      {count > 99 ? '99+' : count}
    </span>
  );
}
