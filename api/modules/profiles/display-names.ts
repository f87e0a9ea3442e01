import type { Db } from '../../database/db';

/** The names Parley writes for these people in SYSTEM lines and notices (display name, else handle), by id, in one statement; people who do not exist are absent. */
export async function displayNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; name: string }>(`SELECT id, COALESCE(display_name, handle) AS name FROM profiles WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
