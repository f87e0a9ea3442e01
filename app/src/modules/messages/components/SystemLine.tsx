import type { MessageFieldsFragment } from '../../../gql/graphql';
import { clockTime, fullDate } from '../../../ui/format';

/**
 * A message from Parley itself (senderType SYSTEM): who can read an agent chat, who joined or
 * is back, what a command did. A centred line across the chat, not a bubble from anyone.
 */
export function SystemLine({ message }: { message: MessageFieldsFragment }) {
  return (
    <li className="system-line" data-testid="system-message" data-seq={message.seq} data-sender-type="SYSTEM">
      <span className="visually-hidden">Parley: </span>
      <p className="system-line-text">{message.content}</p>
      <time className="system-line-time" dateTime={message.createdAt} title={fullDate(message.createdAt)}>
        {clockTime(message.createdAt)}
      </time>
    </li>
  );
}
