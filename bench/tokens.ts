import jwt from 'jsonwebtoken';
import { benchId, profileId } from './layout';

/**
 * A bearer token for seeded person i, signed with the server's TOKEN_SECRET as login would
 * sign it (HS256, subject = profile id); jti names the person's seeded session, for schemas
 * where tokens are tied to session rows. Minting beats 10,000 argon2id logins.
 */
export function tokenFor(secret: string, person: number): string {
  return jwt.sign({}, secret, { algorithm: 'HS256', subject: profileId(person), jwtid: benchId(`s${person}`), expiresIn: 24 * 3600 });
}

export class TokenCache {
  private readonly cache = new Map<number, string>();
  constructor(private readonly secret: string) {}

  bearer(person: number): string {
    let token = this.cache.get(person);
    if (!token) this.cache.set(person, (token = `Bearer ${tokenFor(this.secret, person)}`));
    return token;
  }
}
