import jwt from 'jsonwebtoken';

export type TokenCheck = { userId: string } | { error: 'invalid' | 'expired' };

/** Signed bearer tokens (HS256 JWTs) that carry the user id and expire after TOKEN_TTL_SECONDS. */
export class TokenService {
  constructor(private readonly secret: string, private readonly ttlSeconds: number) {}

  issue(userId: string): string {
    return jwt.sign({}, this.secret, { algorithm: 'HS256', subject: userId, expiresIn: this.ttlSeconds });
  }

  verify(token: string): TokenCheck {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
      if (typeof payload === 'string' || typeof payload.sub !== 'string') return { error: 'invalid' };
      return { userId: payload.sub };
    } catch (error) {
      return { error: error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
    }
  }

  /** Reads `Bearer <token>`; undefined when no credentials were sent at all. */
  fromAuthorization(header: string | undefined | null): TokenCheck | undefined {
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return { error: 'invalid' };
    return this.verify(match[1]);
  }

  /** Seconds until a token expires (for closing subscriptions when it does). */
  expiresInMs(token: string): number | undefined {
    const decoded = jwt.decode(token);
    if (!decoded || typeof decoded === 'string' || typeof decoded.exp !== 'number') return undefined;
    return decoded.exp * 1000 - Date.now();
  }
}
