import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { AgentVisibility } from './agents.types';
import { HANDLE_PATTERN, HANDLE_RULE } from '../auth/auth.inputs';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType({ description: 'A new agent.' })
export class CreateAgentInput {
  @Field(() => String, { description: 'Unique among agents: 3–30 of a–z, 0–9 and _ (stored lower case).' })
  @Matches(HANDLE_PATTERN, { message: HANDLE_RULE })
  handle: string;

  @Field(() => String, { description: 'Name shown in chats (1–80 characters).' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(80, { message: 'displayName must be at most 80 characters' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Picture URL (http or https).' })
  @IsOptional()
  @MaxLength(2048, { message: 'avatarUrl must be at most 2048 characters' })
  @IsUrl(URL_OPTIONS, { message: 'avatarUrl must be an http(s) URL' })
  avatarUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Instructions the agent follows when it answers (at most 8000 characters).' })
  @IsOptional()
  @MaxLength(8000, { message: 'persona must be at most 8000 characters' })
  persona?: string | null;

  @Field(() => AgentVisibility, { nullable: true, defaultValue: AgentVisibility.PUBLIC, description: 'PUBLIC (default) or PRIVATE.' })
  @IsOptional()
  @IsEnum(AgentVisibility)
  visibility?: AgentVisibility | null;
}

@InputType({ description: 'Changes to one of your agents; fields left out stay as they are.' })
export class UpdateAgentInput {
  @Field(() => ID, { description: 'The agent to change.' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New display name (1–80 characters).' })
  @IsOptional()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(80, { message: 'displayName must be at most 80 characters' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'New picture URL; an empty string removes it.' })
  @IsOptional()
  @MaxLength(2048, { message: 'avatarUrl must be at most 2048 characters' })
  @Matches(/^$|^https?:\/\/\S+$/i, { message: 'avatarUrl must be an http(s) URL' })
  avatarUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'New persona; an empty string removes it.' })
  @IsOptional()
  @MaxLength(8000, { message: 'persona must be at most 8000 characters' })
  persona?: string | null;

  @Field(() => AgentVisibility, { nullable: true, description: 'New visibility.' })
  @IsOptional()
  @IsEnum(AgentVisibility)
  visibility?: AgentVisibility | null;
}
