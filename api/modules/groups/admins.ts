import type { Db } from '../../database/db';

/**
 * A group always has an admin: in each of these groups that has none left (its last admin left or
 * deleted their account), the member who has been in it longest becomes one. Run inside the
 * transaction that removed the admin. Returns who was promoted where.
 */
export function promoteLongestStanding(tx: Db, conversationIds: string[]): Promise<{ conversationId: string; profileId: string }[]> {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return tx.query(
    `UPDATE participants p SET is_admin = true
       FROM (SELECT DISTINCT ON (o.conversation_id) o.conversation_id, o.profile_id
               FROM participants o
              WHERE o.conversation_id = ANY($1::uuid[])
                AND NOT EXISTS (SELECT 1 FROM participants a WHERE a.conversation_id = o.conversation_id AND a.is_admin)
              ORDER BY o.conversation_id, o.joined_at, o.profile_id) heir
      WHERE p.conversation_id = heir.conversation_id AND p.profile_id = heir.profile_id
      RETURNING p.conversation_id AS "conversationId", p.profile_id AS "profileId"`,
    [conversationIds],
  );
}
