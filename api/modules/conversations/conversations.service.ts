import { validate as isUuid } from 'uuid';
import type { Db } from '../../database/db';
import { BadInputError, ForbiddenError, NotFoundError } from '../../shared/errors';
import { decodeCursor, encodeCursor, Page } from '../../shared/pagination';
import { assertRange, assertUuid } from '../../shared/validation';
import { AgentVisibility } from '../agents/agents.types';
import type { AgentsService } from '../agents/agents.service';
import type { ProfilesService } from '../profiles/profiles.service';
import { ChatType, Conversation, ParticipantRole } from './conversations.types';
import { UNREAD_SQL, VIEWER_CONVERSATION } from './conversations.loaders';
import { VIEWER_CONVERSATION_RELATED, type ConversationWithRelated } from './conversations.related';
import type { StartConversationInput } from './conversations.inputs';
import type { EventBus } from '../../shared/events';
import type { RateLimits } from '../../shared/rate-limits';
import { blocksBetween } from '../safety/blocks';

/** True when the viewer ($1) blocked the other person of conversation c. */
const BLOCKED_BY_VIEWER = `EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = $1 AND b.blocked_id IN (c.user_low_id, c.user_high_id) AND b.blocked_id <> $1)`;

export interface ListArgs {
  first: number;
  after?: string | null;
}

export class ConversationsService {
  constructor(
    private readonly db: Db,
    private readonly profiles: ProfilesService,
    private readonly agents: AgentsService,
    private readonly events: EventBus,
    private readonly limits?: RateLimits,
  ) {}

  private readonly startedListeners: ((conversationId: string, viewerId: string) => Promise<void>)[] = [];

  /** Runs after a new conversation commits, before start() returns (agents that answer post their notice). */
  onStarted(listener: (conversationId: string, viewerId: string) => Promise<void>): void {
    this.startedListeners.push(listener);
  }

  /** Start or get: the partial unique indexes make a second row impossible, so the insert just yields. */
  async start(viewerId: string, input: StartConversationInput): Promise<{ conversation: Conversation; isNew: boolean }> {
    const targetUserId = assertUuid(input.targetUserId, 'targetUserId');
    let agentId: string | null = null;
    if (input.chatType === ChatType.GROUP) throw new BadInputError('Groups are made with createGroup', 'chatType');
    if (input.chatType === ChatType.PROFILE) {
      if (input.targetAgentId) throw new BadInputError('targetAgentId is only for AGENT chats', 'targetAgentId');
      if (targetUserId === viewerId) throw new BadInputError('You cannot start a profile chat with yourself', 'targetUserId');
      await this.profiles.requireExists(targetUserId);
    } else {
      if (!input.targetAgentId) throw new BadInputError('targetAgentId is required for AGENT chats', 'targetAgentId');
      agentId = assertUuid(input.targetAgentId, 'targetAgentId');
      await this.profiles.requireExists(targetUserId);
      const agent = await this.agents.find(agentId);
      if (!agent) throw new NotFoundError('No such agent');
      if (agent.ownerId !== targetUserId) throw new BadInputError('That agent does not belong to targetUserId', 'targetAgentId');
      if (agent.visibility === AgentVisibility.PRIVATE && agent.ownerId !== viewerId) {
        throw new ForbiddenError('This agent is private: only its owner can chat with it');
      }
    }
    if (targetUserId !== viewerId) await this.refuseIfBlocked(viewerId, targetUserId);
    const [low, high] = viewerId < targetUserId ? [viewerId, targetUserId] : [targetUserId, viewerId];
    const people = [viewerId];
    const roles: ParticipantRole[] = [ParticipantRole.MEMBER];
    if (targetUserId !== viewerId) {
      people.push(targetUserId);
      roles.push(input.chatType === ChatType.AGENT ? ParticipantRole.AGENT_OWNER : ParticipantRole.MEMBER);
    }
    try {
      await this.limits?.check('start', viewerId);
    } catch (error) {
      // Over the limit for NEW conversations; getting an existing one is still fine.
      const existing = await this.existingId(input.chatType, low, high, viewerId, agentId);
      if (!existing) throw error;
      return { conversation: await this.getForViewer(viewerId, existing), isNew: false };
    }
    const inserted = await this.db.query<{ id: string }>(
      `WITH ins AS (
         INSERT INTO conversations (chat_type, initiator_id, user_low_id, user_high_id, target_agent_id)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id, created_at
       ), parts AS (
         INSERT INTO participants (conversation_id, profile_id, role, chat_type, agent_id, activity_at)
         SELECT ins.id, x.pid, x.role, $1, $5, ins.created_at FROM ins, unnest($6::uuid[], $7::text[]) AS x(pid, role)
       )
       SELECT id FROM ins`,
      [input.chatType, viewerId, low, high, agentId, people, roles],
    );
    let id: string | undefined = inserted[0]?.id;
    const isNew = Boolean(id);
    if (!id) {
      id = await this.existingId(input.chatType, low, high, viewerId, agentId);
      if (!id) throw new Error('start-or-get found neither a new nor an existing conversation');
    } else {
      await this.limits?.consume('start', viewerId).catch(() => undefined); // counted; the check above already refused past the limit
    }
    if (isNew) this.events.publish({ kind: 'conversation', conversationId: id, recipients: people, startedBy: viewerId });
    if (isNew) await Promise.allSettled(this.startedListeners.map((listener) => listener(id!, viewerId)));
    return { conversation: await this.getForViewer(viewerId, id!), isNew };
  }

  private async existingId(chatType: ChatType, low: string, high: string, viewerId: string, agentId: string | null): Promise<string | undefined> {
    const rows = await this.db.query<{ id: string }>(
      chatType === ChatType.PROFILE
        ? `SELECT id FROM conversations WHERE chat_type = 'PROFILE' AND user_low_id = $1 AND user_high_id = $2`
        : `SELECT id FROM conversations WHERE chat_type = 'AGENT' AND initiator_id = $1 AND target_agent_id = $2`,
      chatType === ChatType.PROFILE ? [low, high] : [viewerId, agentId],
    );
    return rows[0]?.id;
  }

  /** A block, either way, stops two people from starting chats with each other. */
  private async refuseIfBlocked(viewerId: string, otherId: string): Promise<void> {
    const row = await blocksBetween(this.db, viewerId, [otherId]);
    if (row.byViewer) throw new ForbiddenError('You blocked this person: unblock them to chat');
    if (row.byOther) throw new ForbiddenError('This person is not accepting messages from you');
  }

  /**
   * A conversation as one viewer sees it; NOT_FOUND for anyone who is not in it. With `related`,
   * the row also carries what its field resolvers read, for primeRelated (the `conversation` query).
   */
  async getForViewer(viewerId: string, conversationId: string, related = false): Promise<ConversationWithRelated> {
    const id = assertUuid(conversationId, 'id');
    const [row] = await this.db.query<ConversationWithRelated>(
      `${related ? VIEWER_CONVERSATION_RELATED : VIEWER_CONVERSATION} WHERE pa.profile_id = $1 AND pa.conversation_id = $2`,
      [viewerId, id],
      { prepare: true },
    );
    if (!row) throw new NotFoundError('No such conversation');
    return row;
  }

  /** The viewer's role in a conversation, or NOT_FOUND: the one authorization check for reads and writes. */
  async requireParticipant(viewerId: string, conversationId: string): Promise<ParticipantRole> {
    const id = assertUuid(conversationId, 'conversationId');
    const [row] = await this.db.query<{ role: ParticipantRole }>(
      `SELECT role FROM participants WHERE conversation_id = $1 AND profile_id = $2`,
      [id, viewerId],
      { prepare: true },
    );
    if (!row) throw new NotFoundError('No such conversation');
    return row.role;
  }

  /** `conversations`: the viewer's own chats (role MEMBER), most recent first. */
  list(viewerId: string, args: ListArgs & { chatType?: ChatType | null }): Promise<Page<ConversationWithRelated>> {
    return this.page(viewerId, args, ParticipantRole.MEMBER, args.chatType ? ['pa.chat_type = ', args.chatType] : null);
  }

  /** `agentConversations`: chats others hold with the viewer's agents (role AGENT_OWNER). */
  async listAgentChats(viewerId: string, args: ListArgs & { agentId?: string | null }): Promise<Page<ConversationWithRelated>> {
    let filter: [string, string] | null = null;
    if (args.agentId) {
      const agentId = assertUuid(args.agentId, 'agentId');
      const agent = await this.agents.find(agentId);
      if (!agent || agent.ownerId !== viewerId) throw new NotFoundError('No such agent of yours');
      filter = ['pa.agent_id = ', agentId];
    }
    return this.page(viewerId, args, ParticipantRole.AGENT_OWNER, filter);
  }

  /** A page of the viewer's conversations; each row carries what its field resolvers read (see primeRelated). */
  private async page(viewerId: string, args: ListArgs, role: ParticipantRole, filter: [string, string] | null): Promise<Page<ConversationWithRelated>> {
    const first = assertRange(args.first, 'first', 1, 100);
    const params: unknown[] = [viewerId, role, first + 1];
    // Chats with people the viewer blocked leave the viewer's lists (and come back on unblock).
    const where = ['pa.profile_id = $1', 'pa.role = $2', `NOT ${BLOCKED_BY_VIEWER}`];
    if (filter) {
      params.push(filter[1]);
      where.push(`${filter[0]}$${params.length}`);
    }
    const badCursor = () => new BadInputError('after is not a valid cursor', 'after');
    if (args.after) {
      const [sortKey, id] = decodeCursor(args.after, 'after', ['string', 'string']);
      if (!isUuid(id) || Number.isNaN(Date.parse(sortKey))) throw badCursor();
      params.push(sortKey, id);
      where.push(`(pa.activity_at, pa.conversation_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await this.db
      .query<ConversationWithRelated>(
        `${VIEWER_CONVERSATION_RELATED} WHERE ${where.join(' AND ')} ORDER BY pa.activity_at DESC, pa.conversation_id DESC LIMIT $3`,
        params,
        // A handful of texts (role, filter, cursor or not), each planned once per connection.
        { prepare: true },
      )
      .catch((error: { code?: string }) => {
        // Date.parse accepts sort keys PostgreSQL refuses ("1", February 31st): a data exception (class 22) here can only come from the cursor.
        throw args.after && error?.code?.startsWith('22') ? badCursor() : error;
      });
    const more = rows.length > first;
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor([node.sortKey, node.id]), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: more,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  async unreadTotal(viewerId: string): Promise<number> {
    const [row] = await this.db.query<{ total: number }>(
      // Most people block no one: then the per-conversation block check (a conversations lookup
      // for every unread chat) is skipped; the uncorrelated NOT EXISTS runs once per statement.
      `SELECT COALESCE(SUM(${UNREAD_SQL}), 0)::int AS total
         FROM participants pa
        WHERE pa.profile_id = $1 AND pa.role = 'MEMBER' AND pa.last_seq > pa.last_read_seq
          AND (NOT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = $1)
               OR NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = pa.conversation_id AND ${BLOCKED_BY_VIEWER}))`,
      [viewerId],
      { prepare: true },
    );
    return row.total;
  }

  /** Moves the viewer's watermark to the newest message; it never moves backwards. */
  async markRead(viewerId: string, conversationId: string): Promise<Conversation> {
    const id = assertUuid(conversationId, 'conversationId');
    const [row] = await this.db.query<{ lastReadSeq: number; lastReadAt: Date; oldSeq: number; recipients: string[] }>(
      `UPDATE participants pa SET last_read_seq = GREATEST(pa.last_read_seq, pa.last_seq), last_read_at = now()
         FROM (SELECT last_read_seq FROM participants WHERE conversation_id = $1 AND profile_id = $2) old
        WHERE pa.conversation_id = $1 AND pa.profile_id = $2
        RETURNING pa.last_read_seq::int AS "lastReadSeq", pa.last_read_at AS "lastReadAt", old.last_read_seq::int AS "oldSeq",
          (SELECT array_agg(profile_id) FROM participants WHERE conversation_id = $1) AS recipients`,
      [id, viewerId],
    );
    if (!row) throw new NotFoundError('No such conversation');
    if (row.lastReadSeq > row.oldSeq) {
      const lastReadAt = row.lastReadAt.toISOString();
      this.events.publish({ kind: 'read', conversationId: id, recipients: row.recipients, profileId: viewerId, lastReadSeq: row.lastReadSeq, lastReadAt });
      this.events.publish({ kind: 'conversation', conversationId: id, recipients: [viewerId] });
    }
    return this.getForViewer(viewerId, id);
  }
}
