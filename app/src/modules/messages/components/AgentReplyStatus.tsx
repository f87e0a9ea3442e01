import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { MessageFieldsFragment } from '../../../gql/graphql';
import { RetryAgentReplyMutation } from '../graphql/RetryAgentReply';
import { describeError } from '../../../apollo/describeError';

/** An agent reply the agent wrote itself (not its owner answering by hand as the agent). */
export function isGeneratedReply(message: MessageFieldsFragment): boolean {
  return message.senderType === 'AGENT' && (message.responder != null || message.state !== 'COMPLETE');
}

function responderLabel(responder: string): string {
  return responder === 'builtin' ? 'built-in responder (from notes)' : responder;
}

/**
 * Under an agent reply: "Generating…" while it is queued or being written (its text grows
 * above), the notice and a Retry button when it failed, and which responder wrote it once
 * it is complete. Nothing for other messages.
 */
export function AgentReplyStatus({ message }: { message: MessageFieldsFragment }) {
  if (message.senderType !== 'AGENT') return null;
  if (message.state === 'PENDING' || message.state === 'STREAMING') {
    return (
      <span className="reply-generating" role="status" data-testid="reply-generating">
        <span className="reply-dots" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        Generating…
      </span>
    );
  }
  if (message.state === 'FAILED') return <FailedReply message={message} />;
  if (message.responder) {
    return (
      <span className="reply-responder" data-testid="reply-responder">
        via {responderLabel(message.responder)}
      </span>
    );
  }
  return null;
}

function FailedReply({ message }: { message: MessageFieldsFragment }) {
  const [retry, { loading }] = useMutation(RetryAgentReplyMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setProblem(null);
    try {
      // The answer is the reply, PENDING again: it is written over the cached one by id.
      await retry({ variables: { messageId: message.id } });
    } catch (error) {
      setProblem(describeError(error, 'Could not try again.'));
    }
  };
  return (
    <span className="reply-failed" role="alert" data-testid="reply-failed">
      The agent could not answer.{' '}
      <button type="button" className="link-button" onClick={() => void run()} disabled={loading}>
        {loading ? 'Retrying…' : 'Retry'}
      </button>
      {problem ? <span className="reply-failed-problem"> {problem}</span> : null}
    </span>
  );
}
