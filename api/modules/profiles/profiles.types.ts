import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person on Parley: public, basic information only.' })
export class Profile {
  @Field(() => ID, { description: 'The person\'s user id (a UUID).' })
  userId: string;

  @Field(() => String, { description: 'Unique handle: 3–30 of a–z, 0–9 and _, always lower case.' })
  handle: string;

  @Field(() => String, { nullable: true, description: 'Name shown to others.' })
  displayName: string | null;

  @Field(() => String, { nullable: true, description: 'Picture URL.' })
  avatarUrl: string | null;

  @Field(() => Date, { description: 'When the account was created.' })
  createdAt: Date;
}

export interface ProfileRow {
  userId: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  createdAt: Date;
}

export const PROFILE_COLUMNS = `p.id AS "userId", p.handle, p.display_name AS "displayName", p.avatar_url AS "avatarUrl", p.created_at AS "createdAt"`;
