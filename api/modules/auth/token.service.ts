import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export type TokenCheck = { userId: string; sessionId: string } | { error: 'invalid' | 'expired' };

/**
 * Signed bearer tokens (HS256 JWTs): subject = user id, jti = session id, and an expiry after
 * TOKEN_TTL_SECONDS. The session row makes a token revocable before it expires.
 */
export class TokenService {
  /**
   * The secret as a KeyObject, made once. Given a string, jsonwebtoken first tries to parse it
   * as a PEM public key on every call and builds the secret key only after that throws: about
   * 0.6 ms of CPU per request (measured by the bench), against 15 µs with a ready KeyObject.
   * The HMAC is the same (the string's UTF-8 bytes), so tokens are identical.
   */
  private readonly key: KeyObject;

  constructor(secret: string, readonly ttlSeconds: number) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(userId: string, sessionId: string): string {
    return jwt.sign({}, this.key, { algorithm: 'HS256', subject: userId, jwtid: sessionId, expiresIn: this.ttlSeconds });
  }

  verify(token: string): TokenCheck {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'] });
      if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.jti !== 'string') return { error: 'invalid' };
      return { userId: payload.sub, sessionId: payload.jti };
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

  /** Milliseconds until a token expires (for closing subscriptions when it does). */
  expiresInMs(token: string): number | undefined {
    const decoded = jwt.decode(token);
    if (!decoded || typeof decoded === 'string' || typeof decoded.exp !== 'number') return undefined;
    return decoded.exp * 1000 - Date.now();
  }
}
