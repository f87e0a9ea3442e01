import type { Db } from '../../database/db';
import type { EventHub } from '../realtime/event-hub';
import type { TokenCheck, TokenService } from './token.service';

export type Authentication =
  | { userId: string; sessionId: string; token: string }
  | { error: 'invalid' | 'expired' | 'revoked' };

/** How long a node trusts its memory that a session is still active. Revocations reach every node at once through the event hub; this only bounds the cost of a lookup. */
const ACTIVE_CACHE_MS = 30_000;

const REFUSALS: Record<'invalid' | 'expired' | 'revoked', string> = {
  invalid: 'Invalid token',
  expired: 'Your session has expired; sign in again',
  revoked: 'Your session has ended; sign in again',
};

export const refusalMessage = (error: keyof typeof REFUSALS) => REFUSALS[error];

/**
 * Sessions behind tokens. A token is accepted while its signature and expiry hold AND its
 * session row is active; sign-out, a password change or account deletion revoke sessions,
 * and the revocation is broadcast so every node forgets it and closes its sockets at once.
 */
export class SessionsService {
  private readonly active = new Map<string, number>();

  constructor(private readonly db: Db, private readonly tokens: TokenService, private readonly hub: EventHub) {
    hub.listenAll((event) => {
      if (event.kind !== 'session') return;
      if (event.sessionIds === 'all') this.active.clear();
      else for (const id of event.sessionIds) this.active.delete(id);
    });
  }

  async create(profileId: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO sessions (profile_id, expires_at) VALUES ($1, now() + make_interval(secs => $2)) RETURNING id`,
      [profileId, this.tokens.ttlSeconds],
    );
    return this.tokens.issue(profileId, row.id);
  }

  /** Verifies an `Authorization` header; undefined when none was sent. */
  async authenticate(header: string | undefined | null): Promise<Authentication | undefined> {
    const check: TokenCheck | undefined = this.tokens.fromAuthorization(header);
    if (!check || 'error' in check) return check;
    if (!(await this.isActive(check.sessionId, check.userId))) return { error: 'revoked' };
    return { ...check, token: header!.trim().replace(/^Bearer\s+/i, '') };
  }

  private async isActive(sessionId: string, userId: string): Promise<boolean> {
    const until = this.active.get(sessionId);
    if (until && until > Date.now()) return true;
    const rows = await this.db.query(
      `SELECT 1 FROM sessions WHERE id = $1 AND profile_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, userId],
    );
    if (rows.length === 0) {
      this.active.delete(sessionId);
      return false;
    }
    if (this.active.size > 100_000) this.active.clear();
    this.active.set(sessionId, Date.now() + ACTIVE_CACHE_MS);
    return true;
  }

  async revoke(profileId: string, sessionIds: string[]): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE profile_id = $1 AND id = ANY($2::uuid[]) AND revoked_at IS NULL`, [profileId, sessionIds]);
    this.hub.publish({ kind: 'session', recipients: [profileId], sessionIds });
  }

  /** Every session of a person but `keep` (after a password change), or all of them. */
  async revokeAll(profileId: string, keep?: string): Promise<void> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE sessions SET revoked_at = now() WHERE profile_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2) RETURNING id`,
      [profileId, keep ?? null],
    );
    if (rows.length) this.hub.publish({ kind: 'session', recipients: [profileId], sessionIds: rows.map((r) => r.id) });
  }

  /** After an account is deleted its session rows are gone with it; every node must forget them. */
  forgetAllOf(profileId: string): void {
    this.hub.publish({ kind: 'session', recipients: [profileId], sessionIds: 'all' });
  }
}
