import { useEffect, useSyncExternalStore } from 'react';
import { Outlet } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { MeQuery } from '../../auth/graphql/Me';
import { useSession } from '../../auth/hooks/useSession';
import { TopBar } from './TopBar';
import { LiveUpdates } from './LiveUpdates';

/** Every page: the top bar, then the page; live streams run while someone is signed in. */
export function AppShell() {
  const { viewer } = useSession();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <TopBar />
      {viewer ? (
        <>
          <LiveUpdates />
          <ViewerRefresh />
          <ConnectionBanner />
        </>
      ) : null}
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/** Confirms the stored session with the server once per load (an expired token signs out). */
function ViewerRefresh() {
  const { viewer, updateViewer } = useSession();
  const { data } = useQuery(MeQuery, { fetchPolicy: 'network-only' });
  useEffect(() => {
    const me = data?.me;
    if (me && viewer && (me.displayName !== viewer.displayName || me.avatarUrl !== viewer.avatarUrl || me.handle !== viewer.handle)) updateViewer(me);
  }, [data, viewer, updateViewer]);
  return null;
}

function ConnectionBanner() {
  const { live } = useSession();
  const status = useSyncExternalStore(live.subscribe, live.getStatus);
  if (status !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="status">
      Connection lost. Reconnecting… messages sent to you meanwhile will appear when it is back.
    </div>
  );
}
