import { AuthChecker, createParameterDecorator } from 'type-graphql';
import type { RequestContext } from './context';
import { UnauthenticatedError } from './errors';

/** `@Authorized()` means "signed in"; the refusal names why (missing, invalid or expired token). */
export const authChecker: AuthChecker<RequestContext> = ({ context }) => {
  if (!context.viewerId) throw new UnauthenticatedError(context.authError);
  return true;
};

/** The signed-in user's id; only use it under `@Authorized()`. */
export function CurrentUser() {
  return createParameterDecorator<RequestContext>(({ context }) => {
    if (!context.viewerId) throw new UnauthenticatedError(context.authError);
    return context.viewerId;
  });
}
