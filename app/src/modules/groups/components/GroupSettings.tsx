import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import type { ConversationFieldsFragment, ProfileFieldsFragment } from '../../../gql/graphql';
import { MyAgentsQuery } from '../../agents/graphql/MyAgents';
import { RenameGroupMutation } from '../graphql/RenameGroup';
import { AddGroupMembersMutation } from '../graphql/AddGroupMembers';
import { RemoveGroupMemberMutation } from '../graphql/RemoveGroupMember';
import { SetGroupAdminMutation } from '../graphql/SetGroupAdmin';
import { LeaveGroupMutation } from '../graphql/LeaveGroup';
import { AddAgentToGroupMutation } from '../graphql/AddAgentToGroup';
import { RemoveAgentFromGroupMutation } from '../graphql/RemoveAgentFromGroup';
import { refreshUnreadTotal } from '../../conversations/hooks/unreadTotal';
import { describeError } from '../../../apollo/describeError';
import { Avatar } from '../../../ui/Avatar';
import { Modal } from '../../../ui/Modal';
import { Notice } from '../../../ui/Notice';
import { personName } from '../../../ui/format';
import { MemberPicker } from './MemberPicker';

/**
 * The group panel: members (with admins marked), and for admins renaming, adding, removing and
 * making admins; agents (an owner adds their own; the owner or an admin removes one); leaving.
 * Every mutation answers with the conversation, which the cache merges by id.
 */
export function GroupSettings({ conversation, viewerId, open, onClose }: { conversation: ConversationFieldsFragment; viewerId: string; open: boolean; onClose(): void }) {
  return (
    <Modal open={open} title="Group settings" onClose={onClose}>
      {open ? <GroupSettingsBody conversation={conversation} viewerId={viewerId} onClose={onClose} /> : null}
    </Modal>
  );
}

function GroupSettingsBody({ conversation, viewerId, onClose }: { conversation: ConversationFieldsFragment; viewerId: string; onClose(): void }) {
  const navigate = useNavigate();
  const client = useApolloClient();
  const ids = { title: useId(), agent: useId() };
  const me = conversation.participants.find((p) => p.profile.userId === viewerId);
  const isAdmin = Boolean(me?.isAdmin);
  const [title, setTitle] = useState(conversation.title ?? '');
  const [adding, setAdding] = useState<ProfileFieldsFragment[]>([]);
  const [agentId, setAgentId] = useState('');
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const myAgents = useQuery(MyAgentsQuery);
  const inGroup = new Set(conversation.groupAgents.map((a) => a.id));
  const addable = (myAgents.data?.myAgents ?? []).filter((a) => a.visibility === 'PUBLIC' && !inGroup.has(a.id));

  const [rename, renameState] = useMutation(RenameGroupMutation);
  const [addMembers, addState] = useMutation(AddGroupMembersMutation);
  const [removeMember] = useMutation(RemoveGroupMemberMutation);
  const [setAdmin] = useMutation(SetGroupAdminMutation);
  const [leave, leaveState] = useMutation(LeaveGroupMutation);
  const [addAgent, addAgentState] = useMutation(AddAgentToGroupMutation);
  const [removeAgent] = useMutation(RemoveAgentFromGroupMutation);
  const conversationId = conversation.id;

  const run = async (action: () => Promise<unknown>, fallback: string) => {
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(describeError(error, fallback));
      return false;
    }
  };

  const onRename = (event: FormEvent) => {
    event.preventDefault();
    void run(() => rename({ variables: { conversationId, title: title.trim() } }), 'The group could not be renamed.');
  };
  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    if (!adding.length) return;
    if (await run(() => addMembers({ variables: { conversationId, memberIds: adding.map((p) => p.userId) } }), 'Those people could not be added.')) setAdding([]);
  };
  const onAddAgent = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = agentId || addable[0]?.id;
    if (chosen && (await run(() => addAgent({ variables: { conversationId, agentId: chosen } }), 'The agent could not be added.'))) setAgentId('');
  };
  const onLeave = () =>
    void run(async () => {
      await leave({
        variables: { conversationId },
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'Conversation', id: conversationId }) });
          cache.gc();
        },
      });
      refreshUnreadTotal(client);
      onClose();
      navigate('/messages');
    }, 'You could not leave the group.');

  return (
    <div className="group-settings" data-testid="group-settings">
      {isAdmin ? (
        <section>
          <form className="inline-form" onSubmit={onRename}>
            <div className="field">
              <label htmlFor={ids.title}>Group name</label>
              <input id={ids.title} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} data-testid="rename-input" />
            </div>
            <button type="submit" className="button button-small" disabled={renameState.loading || !title.trim() || title.trim() === conversation.title}>
              Rename
            </button>
          </form>
        </section>
      ) : null}

      <section>
        <h3>
          {conversation.memberCount} member{conversation.memberCount === 1 ? '' : 's'}
        </h3>
        <ul className="member-list" data-testid="member-list">
          {conversation.participants.map((p) => {
            const name = personName(p.profile);
            const self = p.profile.userId === viewerId;
            return (
              <li key={p.profile.userId} data-testid="member">
                <Avatar name={name} src={p.profile.avatarUrl} size={28} />
                <span className="member-name">
                  {self ? `${name} (you)` : name} <span className="muted">@{p.profile.handle}</span>
                </span>
                {p.isAdmin ? <span className="admin-tag">Admin</span> : null}
                {isAdmin && !self ? (
                  <>
                    <button type="button" className="button button-small button-ghost" onClick={() => void run(() => setAdmin({ variables: { conversationId, userId: p.profile.userId, isAdmin: !p.isAdmin } }), 'That did not work.')}>
                      {p.isAdmin ? 'Remove admin' : 'Make admin'}
                    </button>
                    <button type="button" className="button button-small button-danger" aria-label={`Remove ${name}`} onClick={() => void run(() => removeMember({ variables: { conversationId, userId: p.profile.userId } }), `${name} could not be removed.`)}>
                      Remove
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
        {isAdmin ? (
          <form onSubmit={onAdd}>
            <MemberPicker chosen={adding} onChange={setAdding} exclude={conversation.participants.map((p) => p.profile.userId)} />
            <button type="submit" className="button button-small" disabled={!adding.length || addState.loading} data-testid="add-members">
              Add to group
            </button>
          </form>
        ) : (
          <p className="muted">Only admins can rename the group and add or remove people.</p>
        )}
      </section>

      <section>
        <h3>Agents</h3>
        {conversation.groupAgents.length ? (
          <ul className="member-list">
            {conversation.groupAgents.map((agent) => (
              <li key={agent.id}>
                <Avatar name={agent.displayName} src={agent.avatarUrl} size={28} agent />
                <span className="member-name">
                  {agent.displayName} <span className="muted">@{agent.handle} · answers when mentioned</span>
                </span>
                {isAdmin || agent.owner.userId === viewerId ? (
                  <button type="button" className="button button-small button-ghost" onClick={() => void run(() => removeAgent({ variables: { conversationId, agentId: agent.id } }), 'The agent could not be removed.')}>
                    Remove
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No agents yet. Owners can add their agents; write @handle to ask one.</p>
        )}
        {addable.length ? (
          <form className="inline-form" onSubmit={onAddAgent}>
            <div className="field">
              <label htmlFor={ids.agent}>Add one of your agents</label>
              <select id={ids.agent} value={agentId || addable[0].id} onChange={(e) => setAgentId(e.target.value)} data-testid="agent-to-add">
                {addable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName} (@{a.handle})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-small" disabled={addAgentState.loading} data-testid="add-agent">
              Add agent
            </button>
          </form>
        ) : null}
      </section>

      {problem ? <Notice>{problem}</Notice> : null}
      <div className="form-actions">
        {confirmLeave ? (
          <>
            <span className="muted">You will lose this group and its history.</span>
            <button type="button" className="button button-ghost" onClick={() => setConfirmLeave(false)}>
              Stay
            </button>
            <button type="button" className="button button-danger" onClick={onLeave} disabled={leaveState.loading} data-testid="confirm-leave">
              Leave
            </button>
          </>
        ) : (
          <button type="button" className="button button-danger" onClick={() => setConfirmLeave(true)} data-testid="leave-group">
            Leave group
          </button>
        )}
      </div>
    </div>
  );
}
