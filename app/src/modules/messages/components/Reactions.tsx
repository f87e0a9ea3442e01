import { useId } from 'react';
import type { MessageFieldsFragment } from '../../../gql/graphql';
import { personName } from '../../../ui/format';
import { useViewer } from '../../auth/hooks/useSession';
import { useMessageActions } from '../hooks/useMessageActions';
import { useRichMessage } from './richMessageContext';

/**
 * Reaction chips under a message: the emoji and how many, mine highlighted; clicking one sets
 * or takes back my reaction; hovering (or focusing) a chip says who reacted.
 */
export function Reactions({ message }: { message: MessageFieldsFragment }) {
  if (message.isDeleted || message.reactions.length === 0) return null;
  return (
    <ul className="reactions" aria-label="Reactions" data-testid="reactions">
      {message.reactions.map((group) => (
        <ReactionChip key={group.emoji} message={message} group={group} />
      ))}
    </ul>
  );
}

function ReactionChip({ message, group }: { message: MessageFieldsFragment; group: MessageFieldsFragment['reactions'][number] }) {
  const viewer = useViewer();
  const { viewerId } = useRichMessage();
  const { react } = useMessageActions();
  const whoId = useId();
  const names = group.reactors.map((p) => (p.userId === viewerId ? 'You' : personName(p)));
  return (
    <li>
      <button
        type="button"
        className={`reaction-chip${group.reactedByMe ? ' reaction-chip-mine' : ''}`}
        aria-pressed={group.reactedByMe}
        aria-label={`${group.emoji} ${group.count}`}
        aria-describedby={whoId}
        data-testid="reaction-chip"
        data-emoji={group.emoji}
        onClick={() => void react(message, group.emoji, viewer).catch(() => undefined)}
      >
        <span className="reaction-emoji" aria-hidden="true">
          {group.emoji}
        </span>
        <span className="reaction-count" data-testid="reaction-count">
          {group.count}
        </span>
        <span className="reaction-who" role="tooltip" id={whoId} data-testid="reaction-who">
          {names.join(', ')} reacted with {group.emoji}
        </span>
      </button>
    </li>
  );
}
