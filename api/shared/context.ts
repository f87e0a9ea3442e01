import type { Loaders } from './loaders';
import type { RealtimeService } from '../modules/realtime/realtime.service';

/** What every resolver gets: who is asking (if anyone) and this request's DataLoaders. */
export interface RequestContext {
  viewerId: string | null;
  /** The session behind the token (sign-out ends it). */
  sessionId?: string;
  /** The caller's address (behind a proxy only with TRUST_PROXY), for per-address limits. */
  clientIp?: string;
  /** Correlates logs with the X-Request-Id response header (HTTP only). */
  requestId?: string;
  /** Why credentials that were sent were refused; shown instead of the generic message. */
  authError?: string;
  loaders: Loaders;
  /**
   * Fresh loaders for each subscription event, so a long-lived socket never serves stale rows.
   * Given the event's object, every subscriber of that event on this node shares one set.
   */
  renewLoaders?: (event?: object) => void;
  /** Set on WebSocket operations: where subscription resolvers get their streams. */
  realtime?: RealtimeService;
}
