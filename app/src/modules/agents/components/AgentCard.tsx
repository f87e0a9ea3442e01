import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { MyAgentsQuery } from '../graphql/MyAgents';
import { DeleteAgentMutation } from '../graphql/DeleteAgent';
import type { MyAgentsQuery as MyAgentsResult } from '../../../gql/graphql';
import { describeError } from '../../../apollo/describeError';
import { Avatar } from '../../../ui/Avatar';
import { Notice } from '../../../ui/Notice';
import { PauseSwitch } from './PauseSwitch';
import { ModelChoice, responderSummary } from './ModelChoice';
import { KnowledgeEditor } from './KnowledgeEditor';

export type MyAgent = MyAgentsResult['myAgents'][number];

/** One of my agents: who it is, whether and with what it answers, and what I can do with it. */
export function AgentCard({ agent, onEdit, onDeleted }: { agent: MyAgent; onEdit(): void; onDeleted(name: string): void }) {
  const [remove, state] = useMutation(DeleteAgentMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [panel, setPanel] = useState<'notes' | 'model' | null>(null);
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
  const toggle = (which: 'notes' | 'model') => setPanel((open) => (open === which ? null : which));
  return (
    <li className={`card agent-card${agent.paused ? ' is-paused' : ''}`} data-testid="agent-card">
      <Avatar name={agent.displayName} src={agent.avatarUrl} agent size={52} />
      <div className="agent-card-body">
        <div className="agent-card-top">
          <h2>{agent.displayName}</h2>
          <PauseSwitch agent={agent} />
        </div>
        <p className="muted">
          @{agent.handle} · {agent.visibility === 'PUBLIC' ? 'Public: anyone signed in can chat with it' : 'Private: only you can chat with it'}
        </p>
        <p className="agent-responder" data-testid="agent-responder">
          {agent.paused ? 'Paused: messages are kept and you see them, but nobody gets an answer. ' : null}
          {responderSummary(agent)}
        </p>
        {agent.persona ? <p className="agent-persona">{agent.persona}</p> : <p className="muted">No persona yet.</p>}
        {problem ? <Notice>{problem}</Notice> : null}
        <div className="form-actions form-actions-start">
          <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${agent.displayName}`}>
            Edit
          </button>
          <button type="button" className="button" onClick={() => toggle('notes')} aria-expanded={panel === 'notes'} aria-label={`Notes of ${agent.displayName}`}>
            Notes
          </button>
          <button type="button" className="button" onClick={() => toggle('model')} aria-expanded={panel === 'model'} aria-label={`Model of ${agent.displayName}`}>
            Model
          </button>
          <Link className="button button-ghost" to={`/agents/${agent.id}/insights`} aria-label={`Insights for ${agent.displayName}`}>
            Insights
          </Link>
          <Link className="button button-ghost" to={`/messages?tab=agents&agent=${agent.id}`}>
            Chats with it
          </Link>
          <button type="button" className="button button-danger" onClick={() => void del()} disabled={state.loading} aria-label={`Delete ${agent.displayName}`}>
            Delete
          </button>
        </div>
        {panel === 'notes' ? <KnowledgeEditor agent={agent} onDone={() => setPanel(null)} /> : null}
        {panel === 'model' ? <ModelChoice agent={agent} onDone={() => setPanel(null)} /> : null}
      </div>
    </li>
  );
}
