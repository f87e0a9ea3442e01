import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { Agent, AgentVisibility } from '../agents/agents.types';
import { Profile } from './profiles.types';
import type { ProfileRow } from './profiles.types';
import type { ProfilesService } from './profiles.service';

@Resolver(() => Profile)
export class ProfilesResolver {
  constructor(private readonly profiles: ProfilesService) {}

  @Authorized()
  @Query(() => Profile, { description: 'The signed-in person. UNAUTHENTICATED without a valid token.' })
  me(@CurrentUser() viewerId: string) {
    return this.profiles.me(viewerId);
  }

  @Query(() => Profile, { nullable: true, description: 'Public: basic information about a person; no token needed. Null when unknown.' })
  profile(@Arg('handle', () => String, { description: 'The handle, in any letter case, with or without @.' }) handle: string) {
    return this.profiles.byHandle(handle);
  }

  @Authorized()
  @Query(() => [Profile], { description: 'Find people by handle or display name (prefix and substring), best matches first.' })
  searchProfiles(
    @Arg('query', () => String, { description: 'What to look for (1–100 characters).' }) query: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'How many to return (1–50).' }) first: number | null,
  ) {
    return this.profiles.search(query, first ?? 10);
  }

  @FieldResolver(() => [Agent], { description: 'The PUBLIC agents, plus PRIVATE ones when the viewer owns them.' })
  async agents(@Root() profile: ProfileRow, @Ctx() ctx: RequestContext): Promise<Agent[]> {
    const agents = await ctx.loaders.agentsByOwner.load(profile.userId);
    return agents.filter((a) => a.visibility === AgentVisibility.PUBLIC || a.ownerId === ctx.viewerId);
  }
}
