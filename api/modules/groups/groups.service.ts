import type { Db } from '../../database/db';
import { BadInputError, ForbiddenError, NotFoundError } from '../../shared/errors';
import type { EventBus } from '../../shared/events';
import type { RateLimits } from '../../shared/rate-limits';
import { assertText, assertUuid } from '../../shared/validation';
import type { Addressed } from '../agent-replies/reply-store';
import { SystemMessages } from '../agent-replies/system-messages';
import type { Conversation } from '../conversations/conversations.types';
import type { ConversationsService } from '../conversations/conversations.service';
import { promoteLongestStanding } from './admins';
import { displayNames } from '../profiles/display-names';
import { blocksBetween } from '../safety/blocks';

/** A group is its creator and at least two others. */
export const GROUP_MIN_MEMBERS = 3;
export const GROUP_TITLE_MAX = 100;
/** Agents one group may hold (each answers only when mentioned). */
export const GROUP_MAX_AGENTS = 10;

interface LockedGroup {
  id: string;
  chatType: string;
  title: string;
  isAdmin: boolean;
  members: number;
  lastSeq: string;
}

/** "bob", "bob and carol", "bob, carol and dave". */
export function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Group chats: who is in them and who may change that. Every change runs in one transaction
 * that first locks the conversation row (the row every send locks too), so changes and sends
 * are applied one at a time; each writes its SYSTEM message ("alice added bob") in the same
 * transaction and tells people only after it commits. Members are participant rows: removing
 * one deletes the row, and with it every read of the group and every event addressed later.
 */
export class GroupsService {
  private readonly system: SystemMessages;

  constructor(
    private readonly db: Db,
    private readonly events: EventBus,
    private readonly conversations: ConversationsService,
    private readonly maxMembers: number,
    private readonly limits?: RateLimits,
  ) {
    this.system = new SystemMessages(db, events);
  }

  async create(viewerId: string, input: { title: string; memberIds: string[] }): Promise<Conversation> {
    const title = this.validTitle(input.title);
    const others = this.validIds(input.memberIds, 'memberIds').filter((id) => id !== viewerId);
    if (others.length + 1 < GROUP_MIN_MEMBERS) {
      throw new BadInputError(`A group needs at least ${GROUP_MIN_MEMBERS} members: you and ${GROUP_MIN_MEMBERS - 1} others`, 'memberIds');
    }
    if (others.length + 1 > this.maxMembers) throw new BadInputError(`A group can have at most ${this.maxMembers} members`, 'memberIds');
    const people = await this.people(others);
    await this.refuseBlocked(viewerId, others);
    // Like starting a conversation: creating groups counts against RATE_LIMIT_START.
    await this.limits?.check('start', viewerId);
    const { id, posted } = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `WITH ins AS (
           INSERT INTO conversations (chat_type, initiator_id, title) VALUES ('GROUP', $1, $2) RETURNING id, created_at
         ), parts AS (
           INSERT INTO participants (conversation_id, profile_id, role, chat_type, activity_at, is_admin, joined_at)
           SELECT ins.id, x.pid, 'MEMBER', 'GROUP', ins.created_at, x.pid = $1, ins.created_at + x.n * interval '1 microsecond'
             FROM ins, unnest($3::uuid[]) WITH ORDINALITY AS x(pid, n)
         )
         SELECT id FROM ins`,
        [viewerId, title, [viewerId, ...others]],
      );
      const me = await this.nameOf(tx, viewerId);
      const posted = await this.system.write(row.id, `${me} created the group "${title}" with ${listNames(others.map((o) => people.get(o)!))}`, viewerId, tx);
      return { id: row.id, posted };
    });
    await this.limits?.consume('start', viewerId).catch(() => undefined);
    const { recipients, ...message } = posted;
    this.events.publish({ kind: 'message', conversationId: id, recipients, message });
    this.events.publish({ kind: 'conversation', conversationId: id, recipients, startedBy: viewerId });
    return this.conversations.getForViewer(viewerId, id);
  }

  async rename(viewerId: string, conversationId: string, rawTitle: string): Promise<Conversation> {
    const title = this.validTitle(rawTitle);
    const posted = await this.db.transaction(async (tx) => {
      const group = await this.lock(tx, viewerId, conversationId);
      this.requireAdmin(group, 'rename the group');
      if (group.title === title) return null;
      await tx.query(`UPDATE conversations SET title = $2 WHERE id = $1`, [group.id, title]);
      return this.system.write(group.id, `${await this.nameOf(tx, viewerId)} renamed the group to "${title}"`, viewerId, tx);
    });
    if (posted) this.system.publish(posted);
    return this.conversations.getForViewer(viewerId, conversationId);
  }

  async addMembers(viewerId: string, conversationId: string, memberIds: string[]): Promise<Conversation> {
    const ids = this.validIds(memberIds, 'memberIds');
    if (ids.length === 0) throw new BadInputError('memberIds must name at least one person', 'memberIds');
    const people = await this.people(ids);
    // A person who blocked you (or whom you blocked) cannot be put in a group by you.
    await this.refuseBlocked(viewerId, ids);
    const { posted, added } = await this.db.transaction(async (tx) => {
      const group = await this.lock(tx, viewerId, conversationId);
      this.requireAdmin(group, 'add members');
      const present = new Set(
        (await tx.query<{ id: string }>(`SELECT profile_id AS id FROM participants WHERE conversation_id = $1 AND profile_id = ANY($2::uuid[])`, [group.id, ids])).map((r) => r.id),
      );
      const added = ids.filter((id) => !present.has(id));
      if (added.length === 0) throw new BadInputError('Everyone named is already a member', 'memberIds');
      if (group.members + added.length > this.maxMembers) throw new BadInputError(`A group can have at most ${this.maxMembers} members`, 'memberIds');
      // New members start with nothing unread (the history is theirs to read) but the notice that they were added.
      await tx.query(
        `INSERT INTO participants (conversation_id, profile_id, role, chat_type, last_seq, last_read_seq, activity_at, joined_at)
         SELECT $1, x.pid, 'MEMBER', 'GROUP', $3, $3, now(), clock_timestamp() + x.n * interval '1 microsecond'
           FROM unnest($2::uuid[]) WITH ORDINALITY AS x(pid, n)`,
        [group.id, added, group.lastSeq],
      );
      await this.bumpEpoch(tx, group.id);
      const text = `${await this.nameOf(tx, viewerId)} added ${listNames(added.map((id) => people.get(id)!))}`;
      return { posted: await this.system.write(group.id, text, viewerId, tx), added };
    });
    this.publishMembership(posted, viewerId, [], added);
    // The people added hear of it as of a chat started with them.
    this.events.publish({ kind: 'conversation', conversationId: posted.conversationId, recipients: added, startedBy: viewerId });
    return this.conversations.getForViewer(viewerId, conversationId);
  }

  async removeMember(viewerId: string, conversationId: string, userId: string): Promise<Conversation> {
    const targetId = assertUuid(userId, 'userId');
    if (targetId === viewerId) throw new BadInputError('To leave the group use leaveGroup', 'userId');
    const posted = await this.db.transaction(async (tx) => {
      const group = await this.lock(tx, viewerId, conversationId);
      this.requireAdmin(group, 'remove members');
      const [me, target] = await this.namesOf(tx, [viewerId, targetId]);
      const gone = await this.dropMember(tx, group.id, targetId);
      if (!gone) throw new NotFoundError('That person is not a member of this group');
      return this.system.write(group.id, `${me} removed ${target}`, viewerId, tx);
    });
    this.publishMembership(posted, viewerId, [targetId], []);
    return this.conversations.getForViewer(viewerId, conversationId);
  }

  /**
   * Leaving: the row goes. When the last admin leaves, the member who has been in the group
   * longest becomes admin; when the last member leaves, the group is deleted.
   */
  async leave(viewerId: string, conversationId: string): Promise<boolean> {
    const posted = await this.db.transaction(async (tx) => {
      const group = await this.lock(tx, viewerId, conversationId);
      const me = await this.nameOf(tx, viewerId);
      await this.dropMember(tx, group.id, viewerId);
      if (group.members === 1) {
        await tx.query(`DELETE FROM conversations WHERE id = $1`, [group.id]);
        return null;
      }
      const [promoted] = await promoteLongestStanding(tx, [group.id]);
      const text = promoted ? `${me} left; ${await this.nameOf(tx, promoted.profileId)} is now an admin` : `${me} left`;
      return this.system.write(group.id, text, null, tx);
    });
    if (posted) this.publishMembership(posted, viewerId, [viewerId], []);
    // The last one out deleted the group: their other tabs and devices still hear of it.
    else this.events.publish({ kind: 'membership', conversationId: assertUuid(conversationId, 'conversationId'), recipients: [viewerId], removed: [viewerId], added: [], actorId: viewerId });
    return true;
  }

  async setAdmin(viewerId: string, conversationId: string, userId: string, isAdmin: boolean): Promise<Conversation> {
    const targetId = assertUuid(userId, 'userId');
    const posted = await this.db.transaction(async (tx) => {
      const group = await this.lock(tx, viewerId, conversationId);
      this.requireAdmin(group, 'change who is admin');
      const [row] = await tx.query<{ was: boolean; admins: number }>(
        `SELECT is_admin AS was, (SELECT count(*) FROM participants WHERE conversation_id = $1 AND is_admin)::int AS admins
           FROM participants WHERE conversation_id = $1 AND profile_id = $2`,
        [group.id, targetId],
      );
      if (!row) throw new NotFoundError('That person is not a member of this group');
      if (row.was === isAdmin) return null;
      if (!isAdmin && row.admins === 1) throw new BadInputError('A group needs an admin: make someone else admin first', 'isAdmin');
      await tx.query(`UPDATE participants SET is_admin = $3 WHERE conversation_id = $1 AND profile_id = $2`, [group.id, targetId, isAdmin]);
      const [me, name] = await this.namesOf(tx, [viewerId, targetId]);
      const target = targetId === viewerId ? 'themselves' : name;
      return this.system.write(group.id, isAdmin ? `${me} made ${target} an admin` : `${me} removed ${target} as admin`, viewerId, tx);
    });
    if (posted) this.system.publish(posted);
    return this.conversations.getForViewer(viewerId, conversationId);
  }

  /** An agent's owner, a member, brings their agent in; it answers when @mentioned. */
  async addAgent(viewerId: string, conversationId: string, agentId: string): Promise<Conversation> {
    const id = assertUuid(agentId, 'agentId');
    const posted = await this.db.transaction(async (tx) => {
      const group = await this.lock(tx, viewerId, conversationId);
      const [agent] = await tx.query<{ name: string; handle: string; visibility: string }>(
        `SELECT display_name AS name, handle, visibility FROM agents WHERE id = $1 AND owner_id = $2`,
        [id, viewerId],
      );
      if (!agent) throw new NotFoundError('No such agent of yours');
      // Only its owner may talk to a PRIVATE agent; everyone in a group could mention it.
      if (agent.visibility !== 'PUBLIC') throw new BadInputError('A private agent cannot join a group: make it public first', 'agentId');
      const [count] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM group_agents WHERE conversation_id = $1`, [group.id]);
      const inserted = await tx.query(
        `INSERT INTO group_agents (conversation_id, agent_id, added_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [group.id, id, viewerId],
      );
      if (inserted.length === 0) return null;
      if (count.n >= GROUP_MAX_AGENTS) throw new BadInputError(`A group can have at most ${GROUP_MAX_AGENTS} agents`, 'agentId');
      const text = `${await this.nameOf(tx, viewerId)} added their agent ${agent.name} (@${agent.handle}): mention @${agent.handle} to ask it something`;
      return this.system.write(group.id, text, viewerId, tx);
    });
    if (posted) this.system.publish(posted);
    return this.conversations.getForViewer(viewerId, conversationId);
  }

  /** The agent's owner or an admin takes an agent out of the group. */
  async removeAgent(viewerId: string, conversationId: string, agentId: string): Promise<Conversation> {
    const id = assertUuid(agentId, 'agentId');
    const posted = await this.db.transaction(async (tx) => {
      const group = await this.lock(tx, viewerId, conversationId);
      const [agent] = await tx.query<{ name: string; ownerId: string }>(
        `SELECT a.display_name AS name, a.owner_id AS "ownerId" FROM group_agents g JOIN agents a ON a.id = g.agent_id WHERE g.conversation_id = $1 AND g.agent_id = $2`,
        [group.id, id],
      );
      if (!agent) throw new NotFoundError('That agent is not in this group');
      if (agent.ownerId !== viewerId && !group.isAdmin) throw new ForbiddenError('Only its owner or an admin can remove an agent');
      await tx.query(`DELETE FROM group_agents WHERE conversation_id = $1 AND agent_id = $2`, [group.id, id]);
      return this.system.write(group.id, `${await this.nameOf(tx, viewerId)} removed the agent ${agent.name}`, viewerId, tx);
    });
    this.system.publish(posted);
    return this.conversations.getForViewer(viewerId, conversationId);
  }

  /**
   * Locks the group's row (sends and other membership changes wait) and reads the viewer's
   * place in it. NOT_FOUND for anyone who is not a member, as for every conversation.
   */
  private async lock(tx: Db, viewerId: string, conversationId: string): Promise<LockedGroup> {
    const id = assertUuid(conversationId, 'conversationId');
    const [row] = await tx.query<LockedGroup>(
      `SELECT c.id, c.chat_type AS "chatType", c.title, c.last_seq AS "lastSeq", pa.is_admin AS "isAdmin",
              (SELECT count(*) FROM participants o WHERE o.conversation_id = c.id)::int AS members
         FROM conversations c JOIN participants pa ON pa.conversation_id = c.id AND pa.profile_id = $2
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id, viewerId],
    );
    if (!row) throw new NotFoundError('No such conversation');
    if (row.chatType !== 'GROUP') throw new BadInputError('This conversation is not a group', 'conversationId');
    return row;
  }

  private requireAdmin(group: LockedGroup, what: string): void {
    if (!group.isAdmin) throw new ForbiddenError(`Only an admin can ${what}`);
  }

  /** Deletes a member's row and takes their agents out with them. */
  private async dropMember(tx: Db, conversationId: string, profileId: string): Promise<boolean> {
    const gone = await tx.query(`DELETE FROM participants WHERE conversation_id = $1 AND profile_id = $2 RETURNING 1`, [conversationId, profileId]);
    if (gone.length === 0) return false;
    await tx.query(`DELETE FROM group_agents g USING agents a WHERE g.conversation_id = $1 AND a.id = g.agent_id AND a.owner_id = $2`, [conversationId, profileId]);
    await this.bumpEpoch(tx, conversationId);
    return true;
  }

  private async bumpEpoch(tx: Db, conversationId: string): Promise<void> {
    await tx.query(`UPDATE conversations SET member_epoch = member_epoch + 1 WHERE id = $1`, [conversationId]);
  }

  /** After commit: first the membership (streams of the removed drop the group), then the notice. */
  private publishMembership(posted: Addressed, actorId: string, removed: string[], added: string[]): void {
    const conversationId = posted.conversationId;
    this.events.publish({ kind: 'membership', conversationId, recipients: [...posted.recipients, ...removed], removed, added, actorId });
    this.system.publish(posted);
  }

  /** Their names in the order asked; "someone" for a person gone meanwhile. */
  private async namesOf(tx: Db, ids: string[]): Promise<string[]> {
    const byId = await displayNames(tx, ids);
    return ids.map((id) => byId.get(id) ?? 'someone');
  }

  private async nameOf(tx: Db, profileId: string): Promise<string> {
    return (await this.namesOf(tx, [profileId]))[0];
  }

  /** Names of the people, or NOT_FOUND when one does not exist. */
  private async people(ids: string[]): Promise<Map<string, string>> {
    const byId = await displayNames(this.db, ids);
    if (byId.size !== ids.length) throw new NotFoundError('No such user');
    return byId;
  }

  /** Blocks do not apply inside a group, but nobody can be put in one with a person they blocked, or who blocked them, by that person. */
  private async refuseBlocked(viewerId: string, ids: string[]): Promise<void> {
    const row = await blocksBetween(this.db, viewerId, ids);
    if (row.byViewer) throw new ForbiddenError('You blocked someone you named: unblock them to add them');
    if (row.byOther) throw new ForbiddenError('Someone you named is not accepting messages from you');
  }

  private validTitle(raw: string): string {
    return assertText(raw, 'title', { max: GROUP_TITLE_MAX });
  }

  private validIds(ids: string[], field: string): string[] {
    if (!Array.isArray(ids)) throw new BadInputError(`${field} must be a list of user ids`, field);
    if (ids.length > this.maxMembers) throw new BadInputError(`A group can have at most ${this.maxMembers} members`, field);
    return [...new Set(ids.map((id) => assertUuid(id, field)))];
  }
}
