import { NavLink } from 'react-router';
import type { ConversationFieldsFragment } from '../../../gql/graphql';
import { Avatar } from '../../../ui/Avatar';
import { RelativeTime } from '../../../ui/RelativeTime';
import { UnreadBadge } from '../../../ui/Notice';
import { useTypists } from '../hooks/typingStore';
import { describeConversation } from './describeConversation';

/** One row of the sidebar: avatar (with the agent badge), name, preview, time, unread count. */
export function ConversationListItem({ conversation, viewerId, search }: { conversation: ConversationFieldsFragment; viewerId: string; search: string }) {
  const look = describeConversation(conversation, viewerId);
  const typists = useTypists(conversation.id);
  const when = conversation.lastMessageAt ?? conversation.createdAt;
  const preview = typists.length ? 'typing…' : (conversation.lastMessagePreview ?? 'No messages yet');
  const unread = conversation.unreadCount;
  return (
    <li>
      <NavLink
        to={`/messages/${conversation.id}${search}`}
        className={({ isActive }) => `conversation-item${isActive ? ' is-active' : ''}${unread ? ' has-unread' : ''}`}
        data-testid="conversation-item"
        data-conversation-id={conversation.id}
        data-chat-type={conversation.chatType}
      >
        <Avatar name={look.avatarName} src={look.avatarUrl} agent={look.isAgentChat} group={look.isGroup} />
        <span className="conversation-item-body">
          <span className="conversation-item-top">
            <span className="conversation-item-title" data-testid="conversation-title">
              {look.title}
            </span>
            <span className="conversation-item-time">
              <RelativeTime iso={when} />
            </span>
          </span>
          <span className="conversation-item-bottom">
            <span className={`conversation-item-preview${typists.length ? ' is-typing' : ''}`}>
              {look.isAgentChat ? <span className="visually-hidden">{look.subtitle}. </span> : null}
              {look.isGroup ? <span className="conversation-item-members" data-testid="member-count">{look.subtitle} · </span> : null}
              {preview}
            </span>
            <UnreadBadge count={unread} label={`${unread} unread`} />
          </span>
        </span>
      </NavLink>
    </li>
  );
}
