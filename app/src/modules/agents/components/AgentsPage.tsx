import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { MyAgentsQuery } from '../graphql/MyAgents';
import { describeError } from '../../../apollo/describeError';
import { Notice, Spinner } from '../../../ui/Notice';
import { AgentForm } from './AgentForm';
import { AgentCard } from './AgentCard';

/**
 * /agents — create, edit and delete my agents; for each: pause switch, what answers for it,
 * its notes (knowledge), its model, and links to its chats and its insights.
 */
export function AgentsPage() {
  const { data, loading, error, refetch } = useQuery(MyAgentsQuery);
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const agents = data?.myAgents ?? [];

  return (
    <div className="page agents-page">
      <div className="page-header">
        <h1>My agents</h1>
        {!creating ? (
          <button type="button" className="button button-primary" onClick={() => { setCreating(true); setEditing(null); setNotice(null); }}>
            New agent
          </button>
        ) : null}
      </div>
      <p className="muted">
        Agents are AI personas others can chat with: they answer on their own, from your notes or a model. You see every
        chat held with them under <Link to="/messages?tab=agents">Messages → Agent Chats</Link>, where you can answer as
        them or take a chat over.
      </p>
      {notice ? <Notice tone="info">{notice}</Notice> : null}
      {creating ? (
        <section className="card" aria-labelledby="new-agent-title">
          <h2 id="new-agent-title">New agent</h2>
          <AgentForm
            onCancel={() => setCreating(false)}
            onSaved={(name) => {
              setCreating(false);
              setNotice(`${name} was created.`);
            }}
          />
        </section>
      ) : null}
      {loading && !data ? <Spinner label="Loading your agents" /> : null}
      {error && !data ? (
        <Notice action={<button type="button" className="button button-small" onClick={() => void refetch()}>Try again</button>}>
          {describeError(error, 'Your agents could not be loaded.')}
        </Notice>
      ) : null}
      {data && agents.length === 0 && !creating ? <p>You have no agents yet. Create one to let others chat with it.</p> : null}
      <ul className="agent-cards" aria-label="Your agents">
        {agents.map((agent) =>
          editing === agent.id ? (
            <li key={agent.id} className="card">
              <h2>Edit {agent.displayName}</h2>
              <AgentForm
                agent={agent}
                onCancel={() => setEditing(null)}
                onSaved={(name) => {
                  setEditing(null);
                  setNotice(`${name} was saved.`);
                }}
              />
            </li>
          ) : (
            <AgentCard key={agent.id} agent={agent} onEdit={() => { setEditing(agent.id); setCreating(false); setNotice(null); }} onDeleted={(name) => setNotice(`${name} was deleted. Chats held with it stay readable.`)} />
          ),
        )}
      </ul>
    </div>
  );
}
