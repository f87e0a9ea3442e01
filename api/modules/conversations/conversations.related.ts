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
 * Timestamps travel as PostgreSQL text and are parsed by pg's own parser, so they come out to
 * the millisecond as the loaders' own rows do.
 */
const profileJson = (p: string) =>
  `json_build_object('userId', ${p}.id, 'handle', ${p}.handle, 'displayName', ${p}.display_name, 'avatarUrl', ${p}.avatar_url, 'createdAt', ${p}.created_at::text)`;
const agentJson = (a: string, owner: string) =>
  `json_build_object('id', ${a}.id, 'ownerId', ${a}.owner_id, 'handle', ${a}.handle, 'displayName', ${a}.display_name, 'avatarUrl', ${a}.avatar_url,
     'visibility', ${a}.visibility, 'persona', ${a}.persona, 'createdAt', ${a}.created_at::text, 'pausedAt', ${a}.paused_at::text, 'model', ${a}.model,
     'owner', ${profileJson(owner)})`;

const RELATED_COLUMN = `json_build_object(
    'participants', (SELECT json_agg(json_build_object('conversationId', rp.conversation_id, 'profileId', rp.profile_id, 'role', rp.role,
                            'lastReadSeq', rp.last_read_seq::int, 'lastReadAt', rp.last_read_at::text, 'isAdmin', rp.is_admin,
                            'unread', (${UNREAD_SQL.replaceAll('pa.', 'rp.')})::int, 'profile', ${profileJson('rpp')})
                            ORDER BY rp.joined_at, rp.profile_id)
                       FROM participants rp JOIN profiles rpp ON rpp.id = rp.profile_id WHERE rp.conversation_id = c.id),
    'agent', (SELECT ${agentJson('ra', 'rao')} FROM agents ra JOIN profiles rao ON rao.id = ra.owner_id WHERE ra.id = c.target_agent_id),
    'groupAgents', CASE WHEN c.chat_type = 'GROUP' THEN
                     (SELECT json_agg(${agentJson('ga', 'gao')} ORDER BY g.added_at, ga.id)
                        FROM group_agents g JOIN agents ga ON ga.id = g.agent_id JOIN profiles gao ON gao.id = ga.owner_id
                       WHERE g.conversation_id = c.id) END,
    'updateSeq', c.last_update_seq::int) AS related`;

/** VIEWER_CONVERSATION with each row's related rows. */
export const VIEWER_CONVERSATION_RELATED = `SELECT ${VIEWER_COLUMNS}, ${RELATED_COLUMN} ${VIEWER_FROM}`;

type Timestamps<T, K extends keyof T> = Omit<T, K> & { [P in K]: string | null };
type ProfileJson = Timestamps<ProfileRow, 'createdAt'>;
type AgentJson = Timestamps<Agent, 'createdAt' | 'pausedAt'> & { owner: ProfileJson };
interface RelatedJson {
  participants: (Timestamps<ParticipantRow, 'lastReadAt'> & { profile: ProfileJson })[] | null;
  agent: AgentJson | null;
  groupAgents: AgentJson[] | null;
  updateSeq: number;
}
export type ConversationWithRelated = Conversation & { related?: RelatedJson };

const timestamp = (text: string | null): Date | null => (text === null ? null : (types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text')(text) as Date));

/** Hands each row's related rows to the request's loaders (a key already loaded keeps its value). */
export function primeRelated(loaders: Loaders, rows: ConversationWithRelated[]): void {
  const profile = (json: ProfileJson) => loaders.profileById.prime(json.userId, { ...json, createdAt: timestamp(json.createdAt)! });
  const agent = ({ owner, ...json }: AgentJson): Agent => {
    profile(owner);
    const row = { ...json, createdAt: timestamp(json.createdAt)!, pausedAt: timestamp(json.pausedAt) };
    loaders.agentById.prime(row.id, row);
    return row;
  };
  for (const row of rows) {
    const related = row.related;
    if (!related) continue;
    row.related = undefined;
    const participants = (related.participants ?? []).map(({ profile: person, ...p }) => {
      profile(person);
      return { ...p, lastReadAt: timestamp(p.lastReadAt) };
    });
    loaders.participantsByConversation.prime(row.id, participants);
    if (related.agent) agent(related.agent);
    if (row.chatType === 'GROUP') loaders.agentsByGroup.prime(row.id, (related.groupAgents ?? []).map(agent));
    loaders.conversationUpdateSeq.prime(row.id, related.updateSeq);
  }
}
