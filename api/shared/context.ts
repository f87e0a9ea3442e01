import type { Loaders } from './loaders';

/** What every resolver gets: who is asking (if anyone) and this request's DataLoaders. */
export interface RequestContext {
  viewerId: string | null;
  /** Why credentials that were sent were refused; shown instead of the generic message. */
  authError?: string;
  loaders: Loaders;
}
