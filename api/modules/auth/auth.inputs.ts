import { Field, InputType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';

export const HANDLE_PATTERN = /^[A-Za-z0-9_]{3,30}$/;
export const HANDLE_RULE = 'handle must be 3–30 characters of letters, digits and _';

@InputType({ description: 'A new account.' })
export class RegisterInput {
  @Field(() => String, { description: '3–30 of a–z, 0–9 and _; case-insensitive (stored lower case).' })
  @Matches(HANDLE_PATTERN, { message: HANDLE_RULE })
  handle: string;

  @Field(() => String, { description: 'At least 8 characters (at most 200).' })
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;

  @Field(() => String, { nullable: true, description: 'Name shown to others (at most 80 characters).' })
  @IsOptional()
  @MaxLength(80, { message: 'displayName must be at most 80 characters' })
  displayName?: string | null;
}

@InputType({ description: 'Credentials to sign in with.' })
export class LoginInput {
  @Field(() => String, { description: 'The handle, in any letter case.' })
  @MaxLength(100, { message: 'handle is too long' })
  handle: string;

  @Field(() => String, { description: 'The password.' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;
}

@InputType({ description: 'A new password, confirmed with the current one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now.' })
  @MaxLength(200, { message: 'currentPassword must be at most 200 characters' })
  currentPassword: string;

  @Field(() => String, { description: 'The new password: at least 8 characters (at most 200).' })
  @MinLength(8, { message: 'newPassword must be at least 8 characters' })
  @MaxLength(200, { message: 'newPassword must be at most 200 characters' })
  newPassword: string;
}
