import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';

/**
 * Errors in words a person understands. The server's own messages for bad input are written
 * for people ("That handle is taken"), so they are shown as they are; anything technical is
 * replaced by what happened and what to do.
 */
export function describeError(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (!error) return fallback;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    switch (code) {
      case 'BAD_USER_INPUT':
        return sentence(first.message);
      case 'UNAUTHENTICATED':
        return sentence(first.message || 'Please sign in.');
      case 'FORBIDDEN':
        return sentence(first.message || 'You are not allowed to do that.');
      case 'NOT_FOUND':
        return sentence(first.message || 'We could not find that.');
      case 'RATE_LIMITED':
        return 'You are doing that too often. Wait a moment and try again.';
      default:
        return fallback;
    }
  }
  if (ServerError.is(error)) {
    return error.statusCode >= 500 ? 'Parley is having trouble right now. Please try again in a moment.' : fallback;
  }
  if (ServerParseError.is(error)) return 'Parley answered with something unexpected. Please try again.';
  if (error instanceof TypeError) return 'Cannot reach Parley. Check your connection and try again.';
  return fallback;
}

export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code as string | undefined;
  return undefined;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
