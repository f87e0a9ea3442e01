import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { SearchProfilesQuery } from '../../profiles/graphql/SearchProfiles';
import { PublicProfileQuery } from '../../profiles/graphql/PublicProfile';
import { StartConversationMutation } from '../graphql/StartConversation';
import type { ChatType, ProfileFieldsFragment } from '../../../gql/graphql';
import { upsertConversation } from '../../../apollo/liveCache';
import { describeError } from '../../../apollo/describeError';
import { useViewer } from '../../auth/hooks/useSession';
import { Modal } from '../../../ui/Modal';
import { Notice } from '../../../ui/Notice';
import { personName } from '../../../ui/format';
import { ProfileOptions } from '../../../ui/ProfileOptions';
import { useDebounced } from '../../../ui/useDebounced';
import { NewGroupForm } from '../../groups/components/NewGroupForm';

const cleanHandle = (text: string) => text.trim().replace(/^@/, '').toLowerCase();

/**
 * The "+" modal ("Chat", or "New group": see NewGroupForm). For a chat: type a handle (suggestions come from searchProfiles, keyboard-selectable as a
 * combobox), choose Profile or Agent, pick which of that person's agents, then Start Chat.
 */
export function NewConversationModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const [mode, setMode] = useState<'chat' | 'group'>('chat');
  const close = () => {
    setMode('chat');
    onClose();
  };
  return (
    <Modal open={open} title={mode === 'group' ? 'New group' : 'New conversation'} onClose={close}>
      {open ? (
        <>
          <div className="segmented modal-mode" role="group" aria-label="What to start">
            {(['chat', 'group'] as const).map((value) => (
              <button key={value} type="button" className={`segmented-button${mode === value ? ' is-checked' : ''}`} aria-pressed={mode === value} onClick={() => setMode(value)} data-testid={`mode-${value}`}>
                {value === 'chat' ? 'Chat' : 'New group'}
              </button>
            ))}
          </div>
          {mode === 'group' ? <NewGroupForm onDone={close} /> : <NewConversationForm onDone={close} />}
        </>
      ) : null}
    </Modal>
  );
}

export function NewConversationForm({ onDone }: { onDone(): void }) {
  const viewer = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const ids = { handle: useId(), list: useId(), agent: useId(), kind: useId() };
  const [text, setText] = useState('');
  const [listOpen, setListOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chatType, setChatType] = useState<ChatType>('PROFILE');
  const [chosenAgentId, setAgentId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const handle = cleanHandle(text);
  const searchText = useDebounced(handle, 200);
  const suggestions = useQuery(SearchProfilesQuery, { variables: { query: searchText, first: 8 }, skip: searchText.length < 1, fetchPolicy: 'cache-first' });
  const options: ProfileFieldsFragment[] = (searchText ? (suggestions.data?.searchProfiles ?? []) : []).filter((p) => p.userId !== viewer.userId || chatType === 'AGENT');

  const lookupHandle = useDebounced(handle, 250);
  const target = useQuery(PublicProfileQuery, { variables: { handle: lookupHandle }, skip: lookupHandle.length < 3, fetchPolicy: 'cache-first' });
  const found = lookupHandle === handle && handle.length >= 3 ? (target.data?.profile ?? null) : null;
  const agents = found?.agents ?? [];
  const lookupDone = lookupHandle === handle && handle.length >= 3 && !target.loading;

  useEffect(() => {
    if (chatType === 'AGENT' && agents.length && !agents.some((a) => a.id === chosenAgentId)) setAgentId(agents[0].id);
  }, [chatType, agents, chosenAgentId]);

  const [start, startState] = useMutation(StartConversationMutation);

  const choose = (profile: ProfileFieldsFragment) => {
    setText(profile.handle);
    setListOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!options.length) return;
    if (event.key === 'ArrowDown') {
      setListOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      setListOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === 'Enter' && listOpen && active >= 0) {
      choose(options[active]);
    } else if (event.key === 'Escape' && listOpen) {
      setListOpen(false);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!handle) return setProblem('Type the handle of the person you want to talk to.');
    let person = found;
    if (!person) {
      // Typed faster than the lookup: ask now rather than make the person wait and click again.
      try {
        const { data } = await client.query({ query: PublicProfileQuery, variables: { handle } });
        person = data?.profile ?? null;
      } catch (error) {
        return setProblem(describeError(error));
      }
    }
    if (!person) return setProblem(`No one on Parley has the handle @${handle}.`);
    const agents = person.agents;
    const agentId = agents.some((a) => a.id === chosenAgentId) ? chosenAgentId : (agents[0]?.id ?? '');
    if (chatType === 'PROFILE' && person.userId === viewer.userId) return setProblem('You cannot start a chat with yourself. Choose one of your agents instead.');
    if (chatType === 'AGENT' && !agentId) return setProblem(`${personName(person)} has no agents you can chat with.`);
    try {
      const { data } = await start({
        variables: { input: { targetUserId: person.userId, chatType, targetAgentId: chatType === 'AGENT' ? agentId : null } },
        update: (cache, { data: result }) => {
          if (result) upsertConversation(cache, result.startConversation.conversation, viewer.userId);
        },
      });
      if (data) {
        onDone();
        navigate(`/messages/${data.startConversation.conversation.id}`);
      }
    } catch (error) {
      setProblem(describeError(error, 'The conversation could not be started. Please try again.'));
    }
  };

  const showList = listOpen && options.length > 0;
  return (
    <form className="new-conversation" onSubmit={submit} noValidate>
      <div className="field combobox">
        <label htmlFor={ids.handle}>Handle</label>
        <input
          id={ids.handle}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={ids.list}
          aria-activedescendant={showList && active >= 0 ? `${ids.list}-${active}` : undefined}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="@handle"
          value={text}
          autoFocus
          onChange={(e) => {
            setText(e.target.value);
            setListOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setListOpen(false), 150)}
          data-testid="handle-input"
        />
        <ProfileOptions listId={ids.list} label="Suggestions" options={options} active={active} hidden={!showList} onPick={choose} />
        {found ? (
          <p className="field-hint" data-testid="target-found">
            {personName(found)} (@{found.handle})
          </p>
        ) : lookupDone && handle ? (
          <p className="field-hint">No one has the handle @{handle} yet.</p>
        ) : null}
      </div>

      <fieldset className="field-group">
        <legend>Chat with</legend>
        <div className="segmented">
          {(['PROFILE', 'AGENT'] as const).map((value) => (
            <label key={value} className={chatType === value ? 'is-checked' : undefined}>
              <input type="radio" name="chat-type" value={value} checked={chatType === value} onChange={() => setChatType(value)} />
              {value === 'PROFILE' ? 'Profile' : 'Agent'}
            </label>
          ))}
        </div>
      </fieldset>

      {chatType === 'AGENT' ? (
        <div className="field">
          <label htmlFor={ids.agent}>Which agent</label>
          <select id={ids.agent} value={chosenAgentId} onChange={(e) => setAgentId(e.target.value)} disabled={!agents.length} data-testid="agent-select">
            {agents.length === 0 ? <option value="">{found ? 'No agents to chat with' : 'Choose a person first'}</option> : null}
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.displayName} (@{agent.handle}){agent.visibility === 'PRIVATE' ? ' — private' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {problem ? <Notice>{problem}</Notice> : null}
      <div className="form-actions">
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={startState.loading}>
          {startState.loading ? 'Starting…' : 'Start Chat'}
        </button>
      </div>
    </form>
  );
}
