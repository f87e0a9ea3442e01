import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { MyAgentsQuery } from '../graphql/MyAgents';
import { DeleteAgentMutation } from '../graphql/DeleteAgent';
import type { MyAgentsQuery as MyAgentsResult } from '../../../gql/graphql';
import { describeError } from '../../../apollo/describeError';
import { Avatar } from '../../../ui/Avatar';
import { Notice, Spinner } from '../../../ui/Notice';
import { AgentForm } from './AgentForm';

type MyAgent = MyAgentsResult['myAgents'][number];

/** /agents — create, edit and delete my agents; each links to the chats held with it. */
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
        Agents are AI personas others can chat with. You see every chat held with them under{' '}
        <Link to="/messages?tab=agents">Messages → Agent Chats</Link>, and you can answer as them.
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

function AgentCard({ agent, onEdit, onDeleted }: { agent: MyAgent; onEdit(): void; onDeleted(name: string): void }) {
  const [remove, state] = useMutation(DeleteAgentMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const del = async () => {
    if (!window.confirm(`Delete ${agent.displayName}? People will no longer be able to chat with it. Existing chats stay readable.`)) return;
    setProblem(null);
    try {
      await remove({
        variables: { id: agent.id },
        // Out of my list; chats held with it keep showing it until they are fetched again
        // (then without the agent), so nothing on screen points at a hole in the cache.
        update: (cache) => {
          cache.updateQuery({ query: MyAgentsQuery }, (current) => (current ? { myAgents: current.myAgents.filter((a) => a.id !== agent.id) } : current));
        },
      });
      onDeleted(agent.displayName);
    } catch (error) {
      setProblem(describeError(error, 'The agent could not be deleted.'));
    }
  };
  return (
    <li className="card agent-card" data-testid="agent-card">
      <Avatar name={agent.displayName} src={agent.avatarUrl} agent size={52} />
      <div className="agent-card-body">
        <h2>{agent.displayName}</h2>
        <p className="muted">
          @{agent.handle} · {agent.visibility === 'PUBLIC' ? 'Public: anyone signed in can chat with it' : 'Private: only you can chat with it'}
        </p>
        {agent.persona ? <p className="agent-persona">{agent.persona}</p> : <p className="muted">No persona yet.</p>}
        {problem ? <Notice>{problem}</Notice> : null}
        <div className="form-actions form-actions-start">
          <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${agent.displayName}`}>
            Edit
          </button>
          <Link className="button button-ghost" to={`/messages?tab=agents&agent=${agent.id}`}>
            Chats with it
          </Link>
          <button type="button" className="button button-danger" onClick={() => void del()} disabled={state.loading} aria-label={`Delete ${agent.displayName}`}>
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
