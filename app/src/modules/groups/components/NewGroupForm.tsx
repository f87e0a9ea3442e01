import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { CreateGroupMutation } from '../graphql/CreateGroup';
import type { ProfileFieldsFragment } from '../../../gql/graphql';
import { upsertConversation } from '../../../apollo/liveCache';
import { describeError } from '../../../apollo/describeError';
import { useViewer } from '../../auth/hooks/useSession';
import { Notice } from '../../../ui/Notice';
import { MemberPicker } from './MemberPicker';

/** "New group": a title and at least two other people; you become its admin. */
export function NewGroupForm({ onDone }: { onDone(): void }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const titleId = useId();
  const [title, setTitle] = useState('');
  const [members, setMembers] = useState<ProfileFieldsFragment[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [create, state] = useMutation(CreateGroupMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!title.trim()) return setProblem('Give the group a name.');
    if (members.length < 2) return setProblem('Choose at least two people: a group has three members or more.');
    try {
      const { data } = await create({
        variables: { input: { title: title.trim(), memberIds: members.map((m) => m.userId) } },
        update: (cache, { data: result }) => {
          if (result) upsertConversation(cache, result.createGroup, viewer.userId);
        },
      });
      if (data) {
        onDone();
        navigate(`/messages/${data.createGroup.id}`);
      }
    } catch (error) {
      setProblem(describeError(error, 'The group could not be created. Please try again.'));
    }
  };

  return (
    <form className="new-conversation" onSubmit={submit} noValidate data-testid="new-group-form">
      <div className="field">
        <label htmlFor={titleId}>Group name</label>
        <input id={titleId} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Trip to Lisbon" autoFocus data-testid="group-title-input" />
      </div>
      <MemberPicker chosen={members} onChange={setMembers} exclude={[viewer.userId]} label="Members" />
      {problem ? <Notice>{problem}</Notice> : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={state.loading} data-testid="create-group">
          {state.loading ? 'Creating…' : 'Create group'}
        </button>
      </div>
    </form>
  );
}
