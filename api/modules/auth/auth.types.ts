import { Field, ObjectType } from 'type-graphql';
import { Profile } from '../profiles/profiles.types';

@ObjectType({ description: 'A signed-in session.' })
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token: send it as `Authorization: Bearer <token>` (HTTP) or in connection_init (WebSocket). It expires.' })
  token: string;

  @Field(() => Profile, { description: 'The signed-in person.' })
  profile: Profile;
}
