import { useCallback } from 'react';
import { useMutation } from '@apollo/client/react';
import type { MessageFieldsFragment, ProfileFieldsFragment } from '../../../gql/graphql';
import { EditMessageMutation } from '../graphql/EditMessage';
import { DeleteMessageMutation } from '../graphql/DeleteMessage';
import { ToggleReactionMutation } from '../graphql/ToggleReaction';

/**
 * Edit, delete and react. Each answer is the whole message, which Apollo writes over the cached
 * one (the other side gets the same message over messageUpdated). A reaction is sent as the
 * state we want (`on`), not as a toggle, so a retry or a double click cannot undo it; it shows
 * at once (optimistic) and falls back to the server's state if refused.
 */
export function useMessageActions() {
  const [editMutation] = useMutation(EditMessageMutation);
  const [deleteMutation] = useMutation(DeleteMessageMutation);
  const [reactMutation] = useMutation(ToggleReactionMutation);

  const edit = useCallback((messageId: string, content: string) => editMutation({ variables: { messageId, content } }), [editMutation]);
  const remove = useCallback((messageId: string) => deleteMutation({ variables: { messageId } }), [deleteMutation]);

  const react = useCallback(
    (message: MessageFieldsFragment, emoji: string, viewer: ProfileFieldsFragment) => {
      const group = message.reactions.find((r) => r.emoji === emoji);
      const on = !group?.reactedByMe;
      const others = (group?.reactors ?? []).filter((p) => p.userId !== viewer.userId);
      const reactors = on ? [...others, { ...viewer, __typename: 'Profile' as const }] : others;
      const changed = { __typename: 'ReactionGroup' as const, emoji, count: reactors.length, reactedByMe: on, reactors };
      const reactions = group ? message.reactions.map((r) => (r.emoji === emoji ? changed : r)).filter((r) => r.count > 0) : [...message.reactions, changed];
      return reactMutation({
        variables: { messageId: message.id, emoji, on },
        optimisticResponse: { toggleReaction: { ...message, reactions } },
      });
    },
    [reactMutation],
  );

  return { edit, remove, react };
}
