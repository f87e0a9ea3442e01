import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { SetAgentModelMutation } from '../graphql/SetAgentModel';
import { describeError } from '../../../apollo/describeError';
import { Notice } from '../../../ui/Notice';

/** The server's rule for model names (setAgentModel), checked here first to say it plainly. */
const MODEL_NAME = /^[\w.:/@+-]{1,200}$/;

interface ModelAgent {
  id: string;
  displayName: string;
  model: string | null;
  responder: string | null;
}

/** Says what writes the agent's answers now (the API's Agent.responder) and why. */
export function responderSummary(agent: ModelAgent): string {
  if (agent.responder === 'builtin' || !agent.responder) {
    const base = 'Answers with the built-in responder, from your notes.';
    return agent.model ? `${base} Your model choice “${agent.model}” is not used: this server has no model configured (AGENT_MODEL).` : base;
  }
  return `Answers with the model ${agent.responder}${agent.model ? ' (your choice).' : ' (the server’s default).'}`;
}

/**
 * The model one agent answers with, by name (whatever the server's OpenAI-compatible endpoint
 * knows: "gpt-4o-mini", "llama3.1:8b"…), or the server's default. A server without a model
 * ignores the choice and uses the built-in responder; the choice is kept for when it has one.
 */
export function ModelChoice({ agent, onDone }: { agent: ModelAgent; onDone(): void }) {
  const id = useId();
  const hint = useId();
  const [model, setModel] = useState(agent.model ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [setAgentModel, { loading }] = useMutation(SetAgentModelMutation);

  const save = async (value: string | null) => {
    setProblem(null);
    setSaved(null);
    const clean = value?.trim() || null;
    if (clean && !MODEL_NAME.test(clean)) return setProblem('A model name is up to 200 letters, digits and . : / @ + - _ (no spaces).');
    try {
      await setAgentModel({ variables: { agentId: agent.id, model: clean } });
      setModel(clean ?? '');
      setSaved(clean ? `${agent.displayName} will use ${clean}.` : `${agent.displayName} uses the server’s default.`);
    } catch (error) {
      setProblem(describeError(error, 'The model could not be saved.'));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(model);
  };

  return (
    <form className="agent-panel" onSubmit={submit} aria-label={`Model of ${agent.displayName}`} noValidate>
      <h3>Model</h3>
      <div className="field">
        <label htmlFor={id}>Model name</label>
        <input id={id} value={model} onChange={(e) => setModel(e.target.value)} placeholder="The server’s default" aria-describedby={hint} spellCheck={false} autoCapitalize="none" />
        <p className="field-hint" id={hint}>
          A model the server’s model endpoint knows, e.g. gpt-4o-mini or llama3.1:8b. Empty: the server’s default.
          {agent.responder === 'builtin' ? ' This server has no model configured, so the built-in responder answers whatever you choose here.' : ''}
        </p>
      </div>
      {problem ? <Notice>{problem}</Notice> : null}
      {saved ? <Notice tone="info">{saved}</Notice> : null}
      <div className="form-actions form-actions-start">
        <button type="submit" className="button button-primary button-small" disabled={loading}>
          {loading ? 'Saving…' : 'Save model'}
        </button>
        {agent.model ? (
          <button type="button" className="button button-small" onClick={() => void save(null)} disabled={loading}>
            Use the server’s default
          </button>
        ) : null}
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
