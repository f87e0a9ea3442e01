import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ConversationFieldsFragment } from '../../../gql/graphql';
import { TakeOverConversationMutation } from '../graphql/TakeOverConversation';
import { HandBackConversationMutation } from '../graphql/HandBackConversation';
import { describeError } from '../../../apollo/describeError';
import { Notice } from '../../../ui/Notice';

/** What the owner's compose box says: who their next message will be from. */
export function ownerPlaceholder(conversation: Pick<ConversationFieldsFragment, 'agentTakenOverAt' | 'targetAgent'>): string {
  const agent = conversation.targetAgent?.displayName ?? 'your agent';
  return conversation.agentTakenOverAt ? 'Write as yourself' : `Reply as ${agent}`;
}

/**
 * The owner's view of a chat with their agent: who is speaking for them here, and the switch.
 * Take over: the owner writes as themselves and the agent is silent; Hand back: the agent
 * answers again. Both moments also appear in the chat as lines from Parley, for both sides.
 */
export function TakeOverBar({ conversation }: { conversation: ConversationFieldsFragment }) {
  const [takeOver, takeOverState] = useMutation(TakeOverConversationMutation);
  const [handBack, handBackState] = useMutation(HandBackConversationMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const agent = conversation.targetAgent;
  if (!agent) return null;
  const takenOver = Boolean(conversation.agentTakenOverAt);
  const busy = takeOverState.loading || handBackState.loading;

  const run = async () => {
    setProblem(null);
    try {
      const variables = { conversationId: conversation.id };
      if (takenOver) await handBack({ variables });
      else await takeOver({ variables });
    } catch (error) {
      setProblem(describeError(error, takenOver ? 'Could not hand the chat back.' : 'Could not take the chat over.'));
    }
  };

  return (
    <div className={`takeover-bar${takenOver ? ' is-taken-over' : ''}`} role="region" aria-label="Who answers this chat" data-testid="takeover-bar">
      <p className="takeover-text" data-testid="takeover-mode">
        {takenOver ? (
          <>
            <strong>You took over.</strong> You write as yourself; {agent.displayName} is silent here until you hand it back.
          </>
        ) : (
          <>
            <strong>{agent.displayName} answers this chat.</strong> What you write here is sent as {agent.displayName}.
          </>
        )}
      </p>
      <button type="button" className={`button button-small${takenOver ? '' : ' button-primary'}`} onClick={() => void run()} disabled={busy}>
        {takenOver ? `Hand back to ${agent.displayName}` : 'Take over'}
      </button>
      {problem ? <Notice>{problem}</Notice> : null}
    </div>
  );
}
