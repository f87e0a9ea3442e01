import type { ConversationFieldsFragment } from '../../../gql/graphql';
import { personName } from '../../../ui/format';

export interface ConversationLook {
  title: string;
  subtitle: string;
  avatarName: string;
  avatarUrl: string | null;
  isAgentChat: boolean;
  isGroup: boolean;
  /** The viewer watches this chat as the owner of its agent. */
  ownerView: boolean;
}

/** How a conversation is named and pictured for the person looking at it. */
export function describeConversation(conversation: ConversationFieldsFragment, viewerId: string): ConversationLook {
  const other = conversation.otherParticipant;
  const agent = conversation.targetAgent;
  if (conversation.chatType === 'GROUP') {
    const title = conversation.title ?? 'Group';
    const count = conversation.memberCount;
    return { title, subtitle: `${count} member${count === 1 ? '' : 's'}`, avatarName: title, avatarUrl: null, isAgentChat: false, isGroup: true, ownerView: false };
  }
  if (conversation.chatType === 'PROFILE') {
    return { title: personName(other), subtitle: `@${other.handle}`, avatarName: personName(other), avatarUrl: other.avatarUrl, isAgentChat: false, isGroup: false, ownerView: false };
  }
  const viewerIsMember = conversation.participants.some((p) => p.profile.userId === viewerId && p.role === 'MEMBER');
  const ownerView = !viewerIsMember && agent?.owner.userId === viewerId;
  const agentName = agent?.displayName ?? 'a deleted agent';
  if (ownerView) {
    return { title: personName(other), subtitle: `with your agent ${agentName}`, avatarName: personName(other), avatarUrl: other.avatarUrl, isAgentChat: true, isGroup: false, ownerView };
  }
  return {
    title: agent?.displayName ?? 'Deleted agent',
    subtitle: `Agent of ${personName(agent?.owner ?? other)}`,
    avatarName: agent?.displayName ?? 'Agent',
    avatarUrl: agent?.avatarUrl ?? null,
    isAgentChat: true,
    isGroup: false,
    ownerView,
  };
}
