import type { Message } from '../modules/messages/messages.types';

/**
 * Domain events: plain JSON (they cross Redis between nodes), each addressed to the people
 * who may see it at the moment the change committed. Services publish them only after
 * their transaction commits; the realtime module delivers them.
 */
export type DomainEvent =
  | { kind: 'message'; conversationId: string; recipients: string[]; message: Message }
  | { kind: 'conversation'; conversationId: string; recipients: string[]; /** set when this event is the chat being started */ startedBy?: string; /** set (for the agent's owner) when the person typed /human */ humanRequestedBy?: string }
  | { kind: 'read'; conversationId: string; recipients: string[]; profileId: string; lastReadSeq: number; lastReadAt: string | null }
  | { kind: 'typing'; conversationId: string; recipients: string[]; profileId: string; isTyping: boolean; expiresAt: string }
  /** An agent reply grew or changed state: `message` holds its whole content so far, `delta` what was added at `offset`. */
  | { kind: 'message_updated'; conversationId: string; recipients: string[]; message: Message; delta: string; offset: number; /** the one update that completes an agent reply */ completed?: true }
  /**
   * A group's members changed (committed). Addressed to the members after the change AND those
   * who were removed or left, so every open stream of a removed person drops the group at once,
   * including events already addressed to them before the change (an agent reply still streaming).
   */
  | { kind: 'membership'; conversationId: string; recipients: string[]; removed: string[]; added: string[]; /** who made the change */ actorId: string }
  /** Sessions ended (sign-out, password change, account deletion): every node forgets them and closes their sockets. */
  | { kind: 'session'; conversationId?: undefined; recipients: string[]; sessionIds: string[] | 'all' };

export interface EventBus {
  publish(event: DomainEvent): void;
}

/** For code paths (scripts, the schema printer) that have nobody to tell. */
export const noEvents: EventBus = { publish: () => undefined };
