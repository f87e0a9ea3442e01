import DataLoader from 'dataloader';
import type { Db } from '../../database/db';
import { PROFILE_COLUMNS, ProfileRow } from './profiles.types';

export function createProfileLoaders(db: Db) {
  return {
    profileById: new DataLoader<string, ProfileRow | null>(async (ids) => {
      const rows = await db.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.id = ANY($1::uuid[])`, [ids], { prepare: true });
      const byId = new Map(rows.map((r) => [r.userId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
