import { types } from 'pg';
import type { Loaders } from '../../shared/loaders';
import type { Agent } from '../agents/agents.types';
import type { ProfileRow } from '../profiles/profiles.types';
import type { Conversation } from './conversations.types';
import { UNREAD_SQL, VIEWER_COLUMNS, VIEWER_FROM, type ParticipantRow } from './conversations.loaders';

/**
 * The rows a conversation's field resolvers read (participants and their profiles, the target
 * agent, a group's agents, each agent's owner, the update cursor), fetched as JSON with the
 * conversation itself: a page of conversations, or the conversation a messages page opens, is
 * then one statement instead of four to six, and the loaders are primed from it, so the field
 * resolvers answer from their cache. Other callers still reach the same loaders by their keys.
 * JSON arrays, not objects, and the viewer's own profile once (an InitPlan on $1, which must be
 * the viewer), because building JSON is what this costs PostgreSQL: with objects and a viewer
 * profile per row a heavy user's page cost 387 µs of backend CPU, this way 280 µs.
 * Timestamps travel as PostgreSQL text and are parsed by pg's own parser, so they come out to
 * the millisecond as the loaders' own rows do.
 */
const profileFields = (p: string) => `${p}.handle, ${p}.display_name, ${p}.avatar_url, ${p}.created_at::text`;
const agentTuple = (a: string, owner: string) =>
  `json_build_array(${a}.id, ${a}.owner_id, ${a}.handle, ${a}.display_name, ${a}.avatar_url, ${a}.visibility, ${a}.persona,
     ${a}.created_at::text, ${a}.paused_at::text, ${a}.model, ${profileFields(owner)})`;

const RELATED_COLUMN = `json_build_array(
    (SELECT json_agg(json_build_array(rp.profile_id, rp.role, rp.last_read_seq::int, rp.last_read_at::text, rp.is_admin,
                                      (${UNREAD_SQL.replaceAll('pa.', 'rp.')})::int, ${profileFields('rpp')})
                     ORDER BY rp.joined_at, rp.profile_id)
       FROM participants rp LEFT JOIN profiles rpp ON rpp.id = rp.profile_id AND rp.profile_id <> $1
      WHERE rp.conversation_id = c.id),
    (SELECT json_build_array(${profileFields('v')}) FROM profiles v WHERE v.id = $1),
    (SELECT ${agentTuple('ra', 'rao')} FROM agents ra JOIN profiles rao ON rao.id = ra.owner_id WHERE ra.id = c.target_agent_id),
    CASE WHEN c.chat_type = 'GROUP' THEN
      (SELECT json_agg(${agentTuple('ga', 'gao')} ORDER BY g.added_at, ga.id)
         FROM group_agents g JOIN agents ga ON ga.id = g.agent_id JOIN profiles gao ON gao.id = ga.owner_id
        WHERE g.conversation_id = c.id) END,
    c.last_update_seq::int) AS related`;

/** VIEWER_CONVERSATION with each row's related rows ($1 is the viewer). */
export const VIEWER_CONVERSATION_RELATED = `SELECT ${VIEWER_COLUMNS}, ${RELATED_COLUMN} ${VIEWER_FROM}`;

type Text = string | null;
type ProfileTuple = [handle: string, displayName: Text, avatarUrl: Text, createdAt: string];
type ParticipantTuple = [profileId: string, role: ParticipantRow['role'], lastReadSeq: number, lastReadAt: Text, isAdmin: boolean, unread: number, ...profile: ProfileTuple | [null, null, null, null]];
type AgentTuple = [id: string, ownerId: string, handle: string, displayName: string, avatarUrl: Text, visibility: Agent['visibility'], persona: Text,
  createdAt: string, pausedAt: Text, model: Text, ...owner: ProfileTuple];
type RelatedJson = [participants: ParticipantTuple[] | null, viewer: ProfileTuple, agent: AgentTuple | null, groupAgents: AgentTuple[] | null, updateSeq: number];
export type ConversationWithRelated = Conversation & { related?: RelatedJson };

const timestamp = (text: string | null): Date | null => (text === null ? null : (types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text')(text) as Date));
const profileRow = (userId: string, [handle, displayName, avatarUrl, createdAt]: ProfileTuple): ProfileRow =>
  ({ userId, handle, displayName, avatarUrl, createdAt: timestamp(createdAt)! });

/** Hands each row's related rows to the request's loaders (a key already loaded keeps its value). */
export function primeRelated(loaders: Loaders, rows: ConversationWithRelated[]): void {
  const profile = (row: ProfileRow) => loaders.profileById.prime(row.userId, row);
  const agent = ([id, ownerId, handle, displayName, avatarUrl, visibility, persona, createdAt, pausedAt, model, ...owner]: AgentTuple): Agent => {
    profile(profileRow(ownerId, owner));
    const row = { id, ownerId, handle, displayName, avatarUrl, visibility, persona, createdAt: timestamp(createdAt)!, pausedAt: timestamp(pausedAt), model };
    loaders.agentById.prime(id, row);
    return row;
  };
  for (const row of rows) {
    const related = row.related;
    if (!related) continue;
    row.related = undefined;
    const [participants, viewer, targetAgent, groupAgents, updateSeq] = related;
    profile(profileRow(row.viewerId, viewer));
    const members: ParticipantRow[] = (participants ?? []).map(([profileId, role, lastReadSeq, lastReadAt, isAdmin, unread, ...person]) => {
      if (person[0] !== null) profile(profileRow(profileId, person as ProfileTuple));
      return { conversationId: row.id, profileId, role, lastReadSeq, lastReadAt: timestamp(lastReadAt), isAdmin, unread };
    });
    loaders.participantsByConversation.prime(row.id, members);
    if (targetAgent) agent(targetAgent);
    if (row.chatType === 'GROUP') loaders.agentsByGroup.prime(row.id, (groupAgents ?? []).map(agent));
    loaders.conversationUpdateSeq.prime(row.id, updateSeq);
  }
}
