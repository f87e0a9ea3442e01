import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../../auth/hooks/useSession';

/** Pages for signed-in people: others go to sign in, and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { viewer } = useSession();
  const location = useLocation();
  if (!viewer) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
