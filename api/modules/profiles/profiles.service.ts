import type { Db } from '../../database/db';
import { BadInputError, NotFoundError, UnauthenticatedError } from '../../shared/errors';
import { assertRange } from '../../shared/validation';
import { PROFILE_COLUMNS, ProfileRow } from './profiles.types';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export class ProfilesService {
  constructor(private readonly db: Db) {}

  async me(viewerId: string): Promise<ProfileRow> {
    const [row] = await this.db.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.id = $1`, [viewerId]);
    // A valid token for an account that no longer exists is no session at all.
    if (!row) throw new UnauthenticatedError('This account no longer exists');
    return row;
  }

  async byHandle(handle: string): Promise<ProfileRow | null> {
    if (handle.length > 100) return null;
    const [row] = await this.db.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.handle = $1`, [
      handle.trim().replace(/^@/, '').toLowerCase(),
    ]);
    return row ?? null;
  }

  async requireExists(userId: string): Promise<ProfileRow> {
    const [row] = await this.db.query<ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles p WHERE p.id = $1`, [userId]);
    if (!row) throw new NotFoundError('No such user');
    return row;
  }

  /** Handle or display name, prefix or substring; exact and prefix handle matches first. */
  async search(query: string, first: number): Promise<ProfileRow[]> {
    assertRange(first, 'first', 1, 50);
    const q = query.trim().replace(/^@/, '').toLowerCase();
    if (q.length === 0) throw new BadInputError('query must not be empty', 'query');
    if (q.length > 100) throw new BadInputError('query must be at most 100 characters', 'query');
    const like = escapeLike(q);
    return this.db.query<ProfileRow>(
      `SELECT ${PROFILE_COLUMNS} FROM profiles p
        WHERE p.handle LIKE '%' || $1 || '%' OR lower(p.display_name) LIKE '%' || $1 || '%'
        ORDER BY (p.handle = $2) DESC, (p.handle LIKE $1 || '%') DESC, (lower(p.display_name) LIKE $1 || '%') DESC, p.handle
        LIMIT $3`,
      [like, q, first],
    );
  }
}
