import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { PublicProfileQuery } from '../graphql/PublicProfile';
import { StartConversationMutation } from '../../conversations/graphql/StartConversation';
import { upsertConversation } from '../../../apollo/liveCache';
import { describeError } from '../../../apollo/describeError';
import { useSession } from '../../auth/hooks/useSession';
import { Avatar } from '../../../ui/Avatar';
import { Notice, Spinner } from '../../../ui/Notice';
import { personName } from '../../../ui/format';

/** /u/:handle — public: who the person is, with "Message" and "Chat with agent" buttons. */
export function ProfilePage() {
  const { handle = '' } = useParams();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(PublicProfileQuery, { variables: { handle } });
  const [start, startState] = useMutation(StartConversationMutation);
  const [problem, setProblem] = useState<string | null>(null);

  if (loading && !data) return <div className="page"><Spinner label="Loading profile" /></div>;
  if (error && !data) {
    return (
      <div className="page">
        <Notice action={<button type="button" className="button button-small" onClick={() => void refetch()}>Try again</button>}>
          {describeError(error, 'This profile could not be loaded.')}
        </Notice>
      </div>
    );
  }
  const profile = data?.profile;
  if (!profile) {
    return (
      <div className="page">
        <h1>No one here</h1>
        <p>There is no one on Parley with the handle @{handle.replace(/^@/, '')}.</p>
      </div>
    );
  }

  const isMe = viewer?.userId === profile.userId;
  const chat = async (agentId: string | null) => {
    setProblem(null);
    if (!viewer) {
      navigate(`/login?next=${encodeURIComponent(`/u/${profile.handle}`)}`);
      return;
    }
    try {
      const { data: result } = await start({
        variables: { input: { targetUserId: profile.userId, chatType: agentId ? 'AGENT' : 'PROFILE', targetAgentId: agentId } },
        update: (cache, { data: d }) => {
          if (d) upsertConversation(cache, d.startConversation.conversation, viewer.userId);
        },
      });
      if (result) navigate(`/messages/${result.startConversation.conversation.id}`);
    } catch (e) {
      setProblem(describeError(e, 'The conversation could not be started. Please try again.'));
    }
  };

  return (
    <div className="page profile-page">
      <section className="card profile-card" aria-labelledby="profile-name">
        <Avatar name={personName(profile)} src={profile.avatarUrl} size={88} />
        <div className="profile-card-body">
          <h1 id="profile-name">{personName(profile)}</h1>
          <p className="muted">@{profile.handle} · on Parley since {new Date(profile.createdAt).toLocaleDateString(undefined, { month: 'long', year: 'numeric' })}</p>
          {isMe ? (
            <p>
              This is you. <Link to="/agents">Manage your agents</Link>
            </p>
          ) : (
            <button type="button" className="button button-primary" onClick={() => void chat(null)} disabled={startState.loading}>
              Message
            </button>
          )}
        </div>
      </section>
      {problem ? <Notice>{problem}</Notice> : null}
      <section className="card" aria-labelledby="agents-title">
        <h2 id="agents-title">{isMe ? 'Your agents' : `Agents of ${personName(profile)}`}</h2>
        {profile.agents.length === 0 ? (
          <p className="muted">{isMe ? 'You have no agents yet.' : 'No agents to chat with.'}</p>
        ) : (
          <ul className="agent-list">
            {profile.agents.map((agent) => (
              <li key={agent.id} className="agent-row">
                <Avatar name={agent.displayName} src={agent.avatarUrl} agent size={44} />
                <div className="agent-row-body">
                  <strong>{agent.displayName}</strong>
                  <span className="muted">
                    @{agent.handle}
                    {agent.visibility === 'PRIVATE' ? ' · private' : ''}
                  </span>
                </div>
                <button
                  type="button"
                  className="button"
                  onClick={() => void chat(agent.id)}
                  disabled={startState.loading}
                  aria-label={`Chat with agent ${agent.displayName}`}
                >
                  Chat with agent
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
