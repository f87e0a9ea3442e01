import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { CreateAgentMutation } from '../graphql/CreateAgent';
import { UpdateAgentMutation } from '../graphql/UpdateAgent';
import { MyAgentsQuery } from '../graphql/MyAgents';
import type { AgentVisibility, MyAgentsQuery as MyAgentsResult } from '../../../gql/graphql';
import { describeError } from '../../../apollo/describeError';
import { Notice } from '../../../ui/Notice';

type MyAgent = MyAgentsResult['myAgents'][number];
const HANDLE_RULE = /^[a-z0-9_]{3,30}$/;

/** Create (no agent given) or edit an agent: handle (fixed once made), name, avatar URL, persona, visibility. */
export function AgentForm({ agent, onSaved, onCancel }: { agent?: MyAgent; onSaved(name: string): void; onCancel(): void }) {
  const ids = { handle: useId(), name: useId(), avatar: useId(), persona: useId(), visibility: useId(), handleHint: useId() };
  const [handle, setHandle] = useState(agent?.handle ?? '');
  const [displayName, setDisplayName] = useState(agent?.displayName ?? '');
  const [avatarUrl, setAvatarUrl] = useState(agent?.avatarUrl ?? '');
  const [persona, setPersona] = useState(agent?.persona ?? '');
  const [visibility, setVisibility] = useState<AgentVisibility>(agent?.visibility ?? 'PUBLIC');
  const [problem, setProblem] = useState<string | null>(null);
  const [create, createState] = useMutation(CreateAgentMutation);
  const [update, updateState] = useMutation(UpdateAgentMutation);
  const busy = createState.loading || updateState.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const cleanHandle = handle.trim().replace(/^@/, '').toLowerCase();
    const name = displayName.trim();
    const url = avatarUrl.trim();
    if (!agent && !HANDLE_RULE.test(cleanHandle)) return setProblem('An agent handle is 3 to 30 characters: letters a–z, digits and _.');
    if (!name) return setProblem('Give the agent a name.');
    if (url && !/^https?:\/\/\S+$/i.test(url)) return setProblem('The avatar URL must start with http:// or https://.');
    try {
      if (agent) {
        await update({ variables: { input: { id: agent.id, displayName: name, avatarUrl: url, persona: persona.trim(), visibility } } });
      } else {
        await create({
          variables: { input: { handle: cleanHandle, displayName: name, avatarUrl: url || null, persona: persona.trim() || null, visibility } },
          update: (cache, { data }) => {
            const created = data?.createAgent;
            if (!created) return;
            cache.updateQuery({ query: MyAgentsQuery }, (current) => (current ? { myAgents: [...current.myAgents.filter((a) => a.id !== created.id), created] } : current));
          },
        });
      }
      onSaved(name);
    } catch (error) {
      setProblem(describeError(error, 'The agent could not be saved. Please try again.'));
    }
  };

  return (
    <form className="agent-form" onSubmit={submit} noValidate aria-label={agent ? `Edit ${agent.displayName}` : 'New agent'}>
      <div className="field">
        <label htmlFor={ids.handle}>Handle</label>
        <input
          id={ids.handle}
          value={handle}
          onChange={(e) => setHandle(e.target.value)}
          readOnly={Boolean(agent)}
          aria-describedby={ids.handleHint}
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <p className="field-hint" id={ids.handleHint}>
          {agent ? 'A handle cannot be changed.' : '3–30 characters: a–z, 0–9 and _. Unique among agents.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={80} required />
      </div>
      <div className="field">
        <label htmlFor={ids.avatar}>Avatar URL (optional)</label>
        <input id={ids.avatar} type="url" inputMode="url" value={avatarUrl} onChange={(e) => setAvatarUrl(e.target.value)} placeholder="https://…" />
      </div>
      <div className="field">
        <label htmlFor={ids.persona}>Persona (optional)</label>
        <textarea id={ids.persona} rows={4} value={persona} onChange={(e) => setPersona(e.target.value)} maxLength={8000} placeholder="How the agent talks and what it knows. Only you see this." />
      </div>
      <div className="field">
        <label htmlFor={ids.visibility}>Visibility</label>
        <select id={ids.visibility} value={visibility} onChange={(e) => setVisibility(e.target.value as AgentVisibility)}>
          <option value="PUBLIC">Public — anyone signed in can chat with it</option>
          <option value="PRIVATE">Private — only you can chat with it</option>
        </select>
      </div>
      {problem ? <Notice>{problem}</Notice> : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : agent ? 'Save changes' : 'Create agent'}
        </button>
      </div>
    </form>
  );
}
