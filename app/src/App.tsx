import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './modules/auth/hooks/useSession';
import { AuthPage } from './modules/auth/components/AuthPage';
import { AppShell } from './modules/shell/components/AppShell';
import { RequireAuth } from './modules/shell/components/RequireAuth';
import { MessagesPage } from './modules/conversations/components/MessagesPage';
import { ProfilePage } from './modules/profiles/components/ProfilePage';
import { AgentsPage } from './modules/agents/components/AgentsPage';
import { Spinner } from './ui/Notice';
import { SearchPage } from './modules/search/components/SearchPage';

// The insights page brings the chart library: loaded (from this server) when first opened.
const AgentInsightsPage = lazy(() => import('./modules/agents/components/AgentInsightsPage').then((m) => ({ default: m.AgentInsightsPage })));

/**
 * Routes: /messages and /messages/:conversationId (the seed's Messages page), /u/:handle
 * (public profile), /agents (my agents), /agents/:agentId/insights, /search (message search), /login and /signup. The server answers every one of
 * these paths with index.html, so deep links and reloads work.
 */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<Home />} />
            <Route path="login" element={<AuthPage mode="signin" />} />
            <Route path="signup" element={<AuthPage mode="signup" />} />
            <Route path="messages" element={<RequireAuth><MessagesPage /></RequireAuth>} />
            <Route path="messages/:conversationId" element={<RequireAuth><MessagesPage /></RequireAuth>} />
            <Route path="search" element={<RequireAuth><SearchPage /></RequireAuth>} />
            <Route path="agents" element={<RequireAuth><AgentsPage /></RequireAuth>} />
            <Route
              path="agents/:agentId/insights"
              element={
                <RequireAuth>
                  <Suspense fallback={<Spinner label="Loading insights" />}>
                    <AgentInsightsPage />
                  </Suspense>
                </RequireAuth>
              }
            />
            <Route path="u/:handle" element={<ProfilePage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}

function Home() {
  const { viewer } = useSession();
  return <Navigate to={viewer ? '/messages' : '/login'} replace />;
}

function NotFound() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/messages">Go to your messages</Link>.
      </p>
    </div>
  );
}
