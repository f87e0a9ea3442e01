import type { MessageFieldsFragment } from '../../gql/graphql';

/** The sidebar preview of a message, as the server words it: the text, or for files alone what the first one is. */
export function messagePreview(message: Pick<MessageFieldsFragment, 'content' | 'attachments'>): string {
  if (message.content) return [...message.content.replace(/\s+/g, ' ')].slice(0, 140).join('');
  const first = message.attachments?.[0];
  if (!first) return '';
  return first.kind === 'IMAGE' ? '📷 Photo' : first.kind === 'VOICE' ? '🎤 Voice message' : first.name;
}
