import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { PauseAgentMutation } from '../graphql/PauseAgent';
import { ResumeAgentMutation } from '../graphql/ResumeAgent';
import { describeError } from '../../../apollo/describeError';

/**
 * On: the agent answers. Off: paused — messages to it are kept and its owner sees them, each
 * chat is told once, and nobody gets an answer until it is switched on again.
 */
export function PauseSwitch({ agent }: { agent: { id: string; displayName: string; paused: boolean; model: string | null; responder: string | null } }) {
  const [pause, pauseState] = useMutation(PauseAgentMutation);
  const [resume, resumeState] = useMutation(ResumeAgentMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = pauseState.loading || resumeState.loading;

  const toggle = async (answering: boolean) => {
    setProblem(null);
    try {
      // The switch moves at once; a refusal puts it back (Apollo drops the optimistic copy).
      const optimistic = { __typename: 'Agent' as const, id: agent.id, paused: !answering, model: agent.model, responder: agent.responder };
      if (answering) await resume({ variables: { agentId: agent.id }, optimisticResponse: { resumeAgent: optimistic } });
      else await pause({ variables: { agentId: agent.id }, optimisticResponse: { pauseAgent: optimistic } });
    } catch (error) {
      setProblem(describeError(error, answering ? 'Could not resume the agent.' : 'Could not pause the agent.'));
    }
  };

  return (
    <div className="pause-switch">
      <label className={`switch${agent.paused ? '' : ' is-on'}`}>
        <input
          type="checkbox"
          role="switch"
          checked={!agent.paused}
          disabled={busy}
          onChange={(event) => void toggle(event.target.checked)}
          aria-label={`${agent.displayName} answers messages`}
        />
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-text" data-testid="pause-state">
          {agent.paused ? 'Paused' : 'Answering'}
        </span>
      </label>
      {problem ? (
        <span className="field-error" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
