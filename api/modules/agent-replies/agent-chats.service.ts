import type { Db } from '../../database/db';
import type { AgentReplyConfig } from '../../shared/config';
import { BadInputError, NotFoundError } from '../../shared/errors';
import type { EventBus } from '../../shared/events';
import type { Logger } from '../../shared/logger';
import { assertUuid } from '../../shared/validation';
import type { Message } from '../messages/messages.types';
import type { SentContext } from '../messages/messages.service';
import { helpText, parseCommand } from './agent-commands';
import { mentionedHandles } from './mentions';
import { displayNames } from '../profiles/display-names';
import type { ReplyQueue } from './reply-queue';
import type { ReplyStore } from './reply-store';
import type { SystemMessages } from './system-messages';

/** An agent and its owner as the reply machinery needs them (with `a` agents and `p` the owner's profile). */
const AGENT_STATE = `a.id AS "agentId", a.display_name AS "agentName", a.owner_id AS "ownerId", COALESCE(p.display_name, p.handle) AS "ownerName", a.paused_at AS "pausedAt"`;
/** An agent added to a group (a group chat is never taken over). */
const GROUP_AGENT_STATE = `SELECT ${AGENT_STATE}, false AS "takenOver", true AS "inGroup"`;
const GROUP_AGENT_FROM = `FROM group_agents g JOIN agents a ON a.id = g.agent_id JOIN profiles p ON p.id = a.owner_id`;

interface ChatState {
  agentId: string;
  agentName: string;
  ownerId: string;
  ownerName: string;
  pausedAt: Date | null;
  takenOver: boolean;
  /** An agent added to a group chat (answers @mentions), rather than the agent of an AGENT chat. */
  inGroup: boolean;
}

/**
 * What happens after a person writes to an agent: a command is answered by Parley; otherwise,
 * unless the agent is paused or its owner has taken the chat over, a PENDING reply is created
 * and its job queued, in one transaction, within the person's hourly budget.
 */
export class AgentChatsService {
  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly store: ReplyStore,
    private readonly queue: ReplyQueue,
    private readonly system: SystemMessages,
    private readonly config: AgentReplyConfig,
    private readonly logger: Logger,
  ) {}

  /** Hooked into MessagesService.send: runs after the message committed; never fails the send. */
  readonly afterSend = async (message: Message, sent: SentContext): Promise<void> => {
    if (!this.config.enabled || message.senderType !== 'USER') return;
    try {
      if (sent.chatType === 'GROUP') return await this.answerMentions(message);
      if (!sent.targetAgentId || sent.senderRole !== 'MEMBER') return;
      await this.answer(message, sent.targetAgentId);
    } catch (error) {
      this.logger.error({ err: error, messageId: message.id }, 'could not queue an agent reply');
    }
  };

  /** Hooked into ConversationsService.start: the person is told, first thing, that the owner can read the chat. */
  readonly afterStart = async (conversationId: string, viewerId: string): Promise<void> => {
    if (!this.config.enabled) return;
    try {
      const state = await this.chatState(conversationId);
      if (!state || state.ownerId === viewerId) return;
      await this.system.post(conversationId, `${state.ownerName} owns ${state.agentName} and can read this conversation. Type /help for commands.`, viewerId);
    } catch (error) {
      this.logger.error({ err: error, conversationId }, 'could not post the agent chat notice');
    }
  };

  private async answer(message: Message, agentId: string): Promise<void> {
    const state = await this.chatState(message.conversationId);
    if (!state || state.agentId !== agentId) return;
    const command = parseCommand(message.content);
    if (command) return this.runCommand(command, message, state);
    if (state.takenOver) return; // the owner answers; they see the message like any other
    if (state.pausedAt) return this.pausedNotice(message, state);
    await this.queueReply(message, state);
  }

  /**
   * In a group, an agent answers only a message that mentions it (`@handle`): no mention, no
   * query at all. Commands are not read in groups; a paused agent stays silent there.
   */
  private async answerMentions(message: Message): Promise<void> {
    const handles = mentionedHandles(message.content);
    if (handles.length === 0) return;
    const agents = await this.db.query<ChatState & { handle: string }>(
      `${GROUP_AGENT_STATE}, a.handle ${GROUP_AGENT_FROM} WHERE g.conversation_id = $1 AND a.handle = ANY($2::text[])`,
      [message.conversationId, handles],
    );
    agents.sort((x, y) => handles.indexOf(x.handle) - handles.indexOf(y.handle));
    for (const state of agents) if (!state.pausedAt) await this.queueReply(message, state);
  }

  /** A PENDING reply and its job, in one transaction, within the person's hourly budget. */
  private async queueReply(message: Message, state: ChatState): Promise<void> {
    const agentId = state.agentId;
    const personId = message.senderId!;
    const queued = await this.db.transaction(async (tx) => {
      // One person's sends are counted one at a time, so concurrent sends cannot overspend the budget.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('agent-budget:' || $1, 0))`, [personId]);
      const [used] = await tx.query<{ count: number; oldest: Date | null }>(
        `SELECT count(*)::int AS count, min(created_at) AS oldest FROM messages
          WHERE requester_id = $1 AND created_at > now() - interval '1 hour'`,
        [personId],
      );
      if (used.count >= this.config.repliesPerHour) return { reply: null, oldest: used.oldest };
      const reply = await this.store.createPending(tx, message.conversationId, agentId, state.ownerId, message.id, personId);
      await this.queue.enqueue(tx, reply.id);
      return { reply, oldest: null };
    });
    if (!queued.reply) return this.budgetNotice(message, state, queued.oldest);
    const { recipients, ...reply } = queued.reply;
    this.events.publish({ kind: 'message', conversationId: reply.conversationId, recipients, message: reply });
    this.queue.poke();
  }

  private async runCommand(command: 'help' | 'reset' | 'human', message: Message, state: ChatState): Promise<void> {
    const personId = message.senderId!;
    if (command === 'help') {
      await this.system.post(message.conversationId, helpText(state.agentName, state.ownerName), personId);
      return;
    }
    const notice =
      command === 'reset'
        ? `${state.agentName} has forgotten this conversation so far. The messages stay here for you to read.`
        : `You asked for ${state.ownerName}. They have been notified and can join this conversation.`;
    const posted = await this.db.transaction(async (tx) => {
      if (command === 'reset') {
        await tx.query(`UPDATE conversations SET agent_reset_seq = GREATEST(agent_reset_seq, $2) WHERE id = $1`, [message.conversationId, message.seq]);
      }
      await tx.query(`INSERT INTO agent_events (agent_id, conversation_id, kind, actor_id) VALUES ($1, $2, $3, $4)`, [
        state.agentId, message.conversationId, command === 'reset' ? 'RESET' : 'HUMAN_REQUESTED', personId,
      ]);
      return this.system.write(message.conversationId, notice, personId, tx);
    });
    this.system.publish(posted);
    // /human: besides the notice (conversationUpdated, unread +1), an in-app notification for the owner.
    if (command === 'human') this.events.publish({ kind: 'conversation', conversationId: message.conversationId, recipients: [state.ownerId], humanRequestedBy: personId });
  }

  /** Once per pause and chat, so the person knows why nobody answers. */
  private async pausedNotice(message: Message, state: ChatState): Promise<void> {
    const notice = `${state.agentName} is paused right now and won't answer. ${state.ownerName} will see your message.`;
    const [seen] = await this.db.query(
      `SELECT 1 FROM messages WHERE conversation_id = $1 AND sender_type = 'SYSTEM' AND created_at >= $2 AND content = $3 LIMIT 1`,
      [message.conversationId, state.pausedAt, notice],
    );
    if (!seen) await this.system.post(message.conversationId, notice, message.senderId);
  }

  /**
   * The person asked for more replies than their hourly budget. In an agent chat the notice speaks
   * to them; in a group everyone reads it, so it names them and gives no count.
   */
  private async budgetNotice(message: Message, state: ChatState, oldest: Date | null): Promise<void> {
    const minutes = oldest ? Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - Date.now()) / 60_000)) : 60;
    const wait = `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
    let notice = `You have used all ${this.config.repliesPerHour} agent replies you can get in an hour. ${state.agentName} can answer again in ${wait}; ${state.ownerName} can still read your message.`;
    if (state.inGroup) {
      const name = (await displayNames(this.db, [message.senderId!])).get(message.senderId!) ?? 'Someone';
      notice = `${name} has reached the hourly limit of agent replies: ${state.agentName} can answer them again in ${wait}.`;
    }
    await this.system.post(message.conversationId, notice, message.senderId);
  }

  /** retryAgentReply: the person who asked (or the owner) tries a FAILED reply again. */
  async retry(viewerId: string, messageId: string): Promise<Message> {
    const id = assertUuid(messageId, 'messageId');
    const [row] = await this.db.query<{ state: string; conversationId: string; requesterId: string | null; ownerId: string; agentId: string }>(
      `SELECT m.state, m.conversation_id AS "conversationId", m.requester_id AS "requesterId", a.owner_id AS "ownerId", a.id AS "agentId"
         FROM messages m JOIN participants pa ON pa.conversation_id = m.conversation_id AND pa.profile_id = $2
         JOIN agents a ON a.id = m.sender_agent_id
        WHERE m.id = $1`,
      [id, viewerId],
    );
    if (!row || !row.requesterId) throw new NotFoundError('No such agent reply');
    if (viewerId !== row.requesterId && viewerId !== row.ownerId) throw new NotFoundError('No such agent reply');
    if (row.state !== 'FAILED') throw new BadInputError('Only a failed reply can be retried', 'messageId');
    const state = (await this.chatState(row.conversationId)) ?? (await this.groupAgentState(row.conversationId, row.agentId));
    if (!this.config.enabled || !state) throw new BadInputError('This agent is not answering right now', 'messageId');
    if (state.pausedAt) throw new BadInputError(`${state.agentName} is paused`, 'messageId');
    if (state.takenOver) throw new BadInputError(`${state.ownerName} is answering in this chat now`, 'messageId');
    const reopened = await this.db.transaction(async (tx) => {
      const message = await this.store.reopen(tx, id);
      if (message) await this.queue.enqueue(tx, id);
      return message;
    });
    if (!reopened) throw new BadInputError('Only a failed reply can be retried', 'messageId');
    const recipients = await this.store.recipients(row.conversationId);
    this.events.publish({ kind: 'message_updated', conversationId: row.conversationId, recipients, message: reopened, delta: '', offset: 0 });
    this.queue.poke();
    return reopened;
  }

  /** An agent that is (still) in a group, as chatState describes an agent chat. */
  private async groupAgentState(conversationId: string, agentId: string): Promise<ChatState | null> {
    const [row] = await this.db.query<ChatState>(
      `${GROUP_AGENT_STATE} ${GROUP_AGENT_FROM} WHERE g.conversation_id = $1 AND g.agent_id = $2`,
      [conversationId, agentId],
    );
    return row ?? null;
  }

  private async chatState(conversationId: string): Promise<ChatState | null> {
    const [row] = await this.db.query<ChatState>(
      `SELECT ${AGENT_STATE}, c.agent_taken_over_at IS NOT NULL AS "takenOver", false AS "inGroup"
         FROM conversations c JOIN agents a ON a.id = c.target_agent_id JOIN profiles p ON p.id = a.owner_id
        WHERE c.id = $1 AND c.chat_type = 'AGENT'`,
      [conversationId],
    );
    return row ?? null;
  }
}
