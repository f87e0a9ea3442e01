import type { Db } from '../../database/db';
import type { AgentKnowledgeService } from './agent-knowledge.service';
import type { Claimed } from './reply-store';
import type { ChatTurn, KnowledgePassage, ReplyRequest } from './providers/responder';
import { isCommand } from './agent-commands';
import { messageTextSql } from '../media/attachment-preview';
import { withoutMentions } from './mentions';

/** Rough and safe: about four characters per token for the languages people mostly write. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 4) + 4;
const MAX_TURNS = 200;
const PASSAGES = 3;

interface Turn {
  senderType: 'USER' | 'AGENT' | 'SYSTEM';
  senderId: string | null;
  senderAgentId: string | null;
  /** Who wrote it, as the group sees them (group chats name every speaker). */
  name: string;
  content: string;
}

/**
 * What a responder is given for one reply: the persona as system prompt, the owner's notes that
 * match the question, and the recent turns of THIS conversation only (after its /reset marker,
 * before the reply), newest kept first until the token budget is spent. Nothing else is read.
 */
export class ReplyContext {
  constructor(
    private readonly db: Db,
    private readonly knowledge: AgentKnowledgeService,
    private readonly budgetTokens: number,
  ) {}

  async build(reply: Claimed, model: string | undefined): Promise<Omit<ReplyRequest, 'signal'>> {
    const rows = await this.db.query<Turn>(
      `SELECT m.sender_type AS "senderType", m.sender_id AS "senderId", m.sender_agent_id AS "senderAgentId", ${messageTextSql('m')} AS content,
              COALESCE(sa.display_name, sp.display_name, sp.handle, 'someone') AS name
         FROM messages m LEFT JOIN profiles sp ON sp.id = m.sender_id LEFT JOIN agents sa ON sa.id = m.sender_agent_id
        WHERE m.conversation_id = $1 AND m.seq > $2 AND m.seq < $3 AND m.state = 'COMPLETE' AND m.sender_type <> 'SYSTEM'
          AND m.deleted_at IS NULL
        ORDER BY m.seq DESC LIMIT $4`,
      [reply.message.conversationId, reply.resetSeq, reply.message.seq, MAX_TURNS],
    );
    const group = reply.chatType === 'GROUP';
    // Commands are read only in agent chats; in a group "/help" is just text.
    const spoken = group ? rows : rows.filter((r) => !(r.senderType === 'USER' && isCommand(r.content)));
    const question = await this.question(reply, spoken);
    const knowledge = question ? await this.knowledge.search(reply.agentId, question, PASSAGES) : [];

    const system = this.systemPrompt(reply, knowledge);
    let budget = this.budgetTokens - estimateTokens(system);
    const turns: ChatTurn[] = [];
    for (const row of spoken) {
      const turn = this.turn(reply, row);
      const cost = estimateTokens(turn.content);
      if (cost > budget) {
        // The newest turn always goes in, cut to what is left, so there is something to answer.
        if (turns.length === 0) turns.unshift({ ...turn, content: turn.content.slice(-Math.max(budget, 64) * 4) });
        break;
      }
      budget -= cost;
      turns.unshift(turn);
    }
    return { model, turns: [{ role: 'system', content: system }, ...turns], question, knowledge, agentName: reply.agentName, ownerName: reply.ownerName };
  }

  /** The message being answered (it may fall outside the window when /reset came after it: then the newest person turn). */
  private async question(reply: Claimed, spoken: Turn[]): Promise<string> {
    if (reply.replyToId) {
      const [row] = await this.db.query<{ content: string }>(
        `SELECT content FROM messages WHERE id = $1 AND conversation_id = $2`,
        [reply.replyToId, reply.message.conversationId],
      );
      if (row) return reply.chatType === 'GROUP' ? withoutMentions(row.content) : row.content;
    }
    return spoken.find((r) => r.senderType === 'USER' && r.senderId !== reply.ownerId)?.content ?? '';
  }

  private turn(reply: Claimed, row: Turn): ChatTurn {
    if (reply.chatType === 'GROUP') {
      // Many speakers: only this agent's own words are the assistant's; everyone else is named.
      if (row.senderType === 'AGENT' && row.senderAgentId === reply.agentId) return { role: 'assistant', content: row.content };
      return { role: 'user', content: `${row.name}: ${row.content}` };
    }
    if (row.senderType === 'AGENT') return { role: 'assistant', content: row.content };
    // The owner writing as themselves (a takeover) in someone else's chat with their agent.
    if (row.senderId === reply.ownerId && reply.requesterId !== reply.ownerId) {
      return { role: 'assistant', content: `(${reply.ownerName}, your owner, wrote this:) ${row.content}` };
    }
    return { role: 'user', content: row.content };
  }

  private systemPrompt(reply: Claimed, knowledge: KnowledgePassage[]): string {
    const lines =
      reply.chatType === 'GROUP'
        ? [
            `You are ${reply.agentName}, an AI agent that ${reply.ownerName} owns on Parley, in the group chat "${reply.groupTitle ?? ''}".`,
            `${reply.requesterName} mentioned you and you are answering them; everyone in the group reads your answer. Each message is prefixed with its writer's name.`,
          ]
        : [
            `You are ${reply.agentName}, an AI agent that ${reply.ownerName} owns on Parley, chatting with ${reply.requesterName}.`,
            `${reply.ownerName} can read this conversation.`,
          ];
    if (reply.persona) lines.push('', reply.persona);
    if (knowledge.length) {
      // Notes may take at most half of the budget; the rest is for the conversation.
      let room = Math.floor(this.budgetTokens / 2);
      const notes: string[] = [];
      for (const k of knowledge) {
        const note = `- ${k.title}: ${k.excerpt}`;
        if (estimateTokens(note) > room) break;
        room -= estimateTokens(note);
        notes.push(note);
      }
      if (notes.length) {
        lines.push('', `Notes from ${reply.ownerName} that may help. Rely on them; do not invent facts they do not state:`, ...notes);
      }
    }
    return lines.join('\n');
  }
}
