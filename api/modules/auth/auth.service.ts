import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../database/db';
import { isUniqueViolation } from '../../database/db';
import { BadInputError, UnauthenticatedError } from '../../shared/errors';
import { PROFILE_COLUMNS, ProfileRow } from '../profiles/profiles.types';
import type { TokenService } from './token.service';
import type { LoginInput, RegisterInput } from './auth.inputs';

// A real argon2id hash of a random password: verifying against it when the handle is unknown
// makes "no such user" take as long as "wrong password", so timing does not reveal handles.
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$gG3uwZ5Tk3uzRlUyWMK2Kg$dVLn3rpLTRPp9AR+TEIUTfxzAQCtKiyZF98CfLnTdic';

export class AuthService {
  constructor(private readonly db: Db, private readonly tokens: TokenService) {}

  async register(input: RegisterInput): Promise<{ token: string; profile: ProfileRow }> {
    const handle = input.handle.toLowerCase();
    const displayName = input.displayName?.trim() || null;
    const passwordHash = await hash(input.password); // argon2id with the library's OWASP-level defaults
    try {
      const [profile] = await this.db.query<ProfileRow>(
        `INSERT INTO profiles AS p (handle, display_name, password_hash) VALUES ($1, $2, $3) RETURNING ${PROFILE_COLUMNS}`,
        [handle, displayName, passwordHash],
      );
      return { token: this.tokens.issue(profile.userId), profile };
    } catch (error) {
      if (isUniqueViolation(error, 'profiles_handle_key')) throw new BadInputError('That handle is taken', 'handle');
      throw error;
    }
  }

  async login(input: LoginInput): Promise<{ token: string; profile: ProfileRow }> {
    const [row] = await this.db.query<ProfileRow & { passwordHash: string }>(
      `SELECT ${PROFILE_COLUMNS}, p.password_hash AS "passwordHash" FROM profiles p WHERE p.handle = $1`,
      [input.handle.trim().toLowerCase()],
    );
    const ok = await verify(row?.passwordHash ?? DECOY_HASH, input.password).catch(() => false);
    if (!row || !ok) throw new UnauthenticatedError('Wrong handle or password');
    const { passwordHash: _omit, ...profile } = row;
    return { token: this.tokens.issue(profile.userId), profile };
  }
}
