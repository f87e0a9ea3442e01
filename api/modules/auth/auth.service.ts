import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../database/db';
import { isUniqueViolation } from '../../database/db';
import { BadInputError, UnauthenticatedError } from '../../shared/errors';
import { PROFILE_COLUMNS, ProfileRow } from '../profiles/profiles.types';
import type { SessionsService } from './sessions.service';
import type { RateLimits } from '../../shared/rate-limits';
import type { LoginInput, RegisterInput } from './auth.inputs';
import { promoteLongestStanding } from '../groups/admins';

// A real argon2id hash of a random password: verifying against it when the handle is unknown
// makes "no such user" take as long as "wrong password", so timing does not reveal handles.
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$gG3uwZ5Tk3uzRlUyWMK2Kg$dVLn3rpLTRPp9AR+TEIUTfxzAQCtKiyZF98CfLnTdic';

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionsService,
    private readonly limits?: RateLimits,
  ) {}

  async register(input: RegisterInput, clientIp = 'unknown'): Promise<{ token: string; profile: ProfileRow }> {
    await this.limits?.consume('registerAddress', clientIp);
    const handle = input.handle.toLowerCase();
    const displayName = input.displayName?.trim() || null;
    const passwordHash = await hash(input.password); // argon2id with the library's OWASP-level defaults
    try {
      const [profile] = await this.db.query<ProfileRow>(
        `INSERT INTO profiles AS p (handle, display_name, password_hash) VALUES ($1, $2, $3) RETURNING ${PROFILE_COLUMNS}`,
        [handle, displayName, passwordHash],
      );
      return { token: await this.sessions.create(profile.userId), profile };
    } catch (error) {
      if (isUniqueViolation(error, 'profiles_handle_key')) throw new BadInputError('That handle is taken', 'handle');
      throw error;
    }
  }

  async login(input: LoginInput, clientIp = 'unknown'): Promise<{ token: string; profile: ProfileRow }> {
    const handle = input.handle.trim().toLowerCase();
    await this.limits?.consume('loginAddress', clientIp);
    await this.limits?.consume('loginHandle', handle);
    const row = await this.withPassword(`p.handle = $1`, handle, input.password);
    if (!row) throw new UnauthenticatedError('Wrong handle or password');
    return { token: await this.sessions.create(row.userId), profile: row };
  }

  async signOut(userId: string, sessionId: string): Promise<boolean> {
    await this.sessions.revoke(userId, [sessionId]);
    return true;
  }

  /** Needs the current password; every other session of the person ends. */
  async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<boolean> {
    if (!(await this.withPassword(`p.id = $1`, userId, current))) throw new BadInputError('The current password is wrong', 'currentPassword');
    await this.db.query(`UPDATE profiles SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, await hash(next)]);
    await this.sessions.revokeAll(userId, sessionId);
    return true;
  }

  /**
   * Deletes the account with the seed's cascade: their agents, conversations (for both sides),
   * messages and sessions go with it. Needs the password. Group chats they were in stay, without
   * them; in one where they were the only admin, the longest-standing other member becomes admin
   * (as when the last admin leaves).
   */
  async deleteAccount(userId: string, password: string): Promise<boolean> {
    if (!(await this.withPassword(`p.id = $1`, userId, password))) throw new BadInputError('The password is wrong', 'password');
    await this.db.transaction(async (tx) => {
      const ruled = await tx.query<{ id: string }>(`SELECT conversation_id AS id FROM participants WHERE profile_id = $1 AND is_admin`, [userId]);
      await tx.query(`DELETE FROM profiles WHERE id = $1`, [userId]);
      await promoteLongestStanding(tx, ruled.map((g) => g.id));
    });
    this.sessions.forgetAllOf(userId);
    return true;
  }

  /** The profile when the password matches, else null; constant work whether or not it exists. */
  private async withPassword(where: string, key: string, password: string): Promise<ProfileRow | null> {
    const [row] = await this.db.query<ProfileRow & { passwordHash: string }>(
      `SELECT ${PROFILE_COLUMNS}, p.password_hash AS "passwordHash" FROM profiles p WHERE ${where}`,
      [key],
    );
    const ok = await verify(row?.passwordHash ?? DECOY_HASH, password).catch(() => false);
    if (!row || !ok) return null;
    const { passwordHash: _omit, ...profile } = row;
    return profile;
  }
}
