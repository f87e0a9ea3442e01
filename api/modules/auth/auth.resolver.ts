import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { AuthPayload } from './auth.types';
import { ChangePasswordInput, LoginInput, RegisterInput } from './auth.inputs';
import type { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Create an account and sign in. A taken handle gives BAD_USER_INPUT.' })
  register(@Arg('input', () => RegisterInput, { description: 'Handle, password and optional display name.' }) input: RegisterInput, @Ctx() ctx: RequestContext) {
    return this.auth.register(input, ctx.clientIp);
  }

  @Mutation(() => AuthPayload, { description: 'Sign in. A wrong password and an unknown handle both give UNAUTHENTICATED.' })
  login(@Arg('input', () => LoginInput, { description: 'Handle and password.' }) input: LoginInput, @Ctx() ctx: RequestContext) {
    return this.auth.login(input, ctx.clientIp);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Sign out: this token stops working at once, on HTTP and on open WebSockets.' })
  signOut(@CurrentUser() viewerId: string, @Ctx() ctx: RequestContext) {
    return this.auth.signOut(viewerId, ctx.sessionId!);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Change your password. Every other session ends; this one stays.' })
  changePassword(
    @CurrentUser() viewerId: string,
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ChangePasswordInput, { description: 'Current and new password.' }) input: ChangePasswordInput,
  ) {
    return this.auth.changePassword(viewerId, ctx.sessionId!, input.currentPassword, input.newPassword);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Delete your account for good: your agents, your conversations (for both sides) and their messages go with it, and every session ends.',
  })
  deleteAccount(@CurrentUser() viewerId: string, @Arg('password', () => String, { description: 'Your password, to confirm.' }) password: string) {
    return this.auth.deleteAccount(viewerId, password);
  }
}
