import type { Db } from '../../database/db';

/**
 * Whether the viewer blocked any of `otherIds`, and whether any of them blocked the viewer: the
 * one question starting a chat and putting people in a group both ask before they write.
 */
export async function blocksBetween(db: Db, viewerId: string, otherIds: string[]): Promise<{ byViewer: boolean; byOther: boolean }> {
  const [row] = await db.query<{ byViewer: boolean | null; byOther: boolean | null }>(
    `SELECT bool_or(blocker_id = $1) AS "byViewer", bool_or(blocked_id = $1) AS "byOther" FROM blocks
      WHERE (blocker_id = $1 AND blocked_id = ANY($2::uuid[])) OR (blocked_id = $1 AND blocker_id = ANY($2::uuid[]))`,
    [viewerId, otherIds],
  );
  return { byViewer: row?.byViewer === true, byOther: row?.byOther === true };
}
