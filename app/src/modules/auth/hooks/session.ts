import type { ProfileFieldsFragment } from '../../../gql/graphql';

/**
 * The session kept across reloads: the bearer token and the profile it belongs to, in
 * localStorage (the API takes bearer tokens, not cookies). The profile is a cache of `me`
 * so the app knows who is signed in before the first request answers.
 */
const TOKEN_KEY = 'parley.token';
const PROFILE_KEY = 'parley.profile';

export interface StoredSession {
  token: string;
  profile: ProfileFieldsFragment;
}

export function loadSession(): StoredSession | null {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    const profile = localStorage.getItem(PROFILE_KEY);
    if (!token || !profile) return null;
    return { token, profile: JSON.parse(profile) as ProfileFieldsFragment };
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession | null): void {
  try {
    if (session) {
      localStorage.setItem(TOKEN_KEY, session.token);
      localStorage.setItem(PROFILE_KEY, JSON.stringify(session.profile));
    } else {
      localStorage.removeItem(TOKEN_KEY);
      localStorage.removeItem(PROFILE_KEY);
    }
  } catch {
    /* private mode without storage: the session lasts until the tab closes */
  }
}
