import { Arg, Mutation, Resolver } from 'type-graphql';
import { AuthPayload } from './auth.types';
import { LoginInput, RegisterInput } from './auth.inputs';
import type { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Create an account and sign in. A taken handle gives BAD_USER_INPUT.' })
  register(@Arg('input', () => RegisterInput, { description: 'Handle, password and optional display name.' }) input: RegisterInput) {
    return this.auth.register(input);
  }

  @Mutation(() => AuthPayload, { description: 'Sign in. A wrong password and an unknown handle both give UNAUTHENTICATED.' })
  login(@Arg('input', () => LoginInput, { description: 'Handle and password.' }) input: LoginInput) {
    return this.auth.login(input);
  }
}
