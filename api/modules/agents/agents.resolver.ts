import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { Profile, ProfileRow } from '../profiles/profiles.types';
import { Agent } from './agents.types';
import { CreateAgentInput, UpdateAgentInput } from './agents.inputs';
import type { AgentsService } from './agents.service';

@Resolver(() => Agent)
export class AgentsResolver {
  constructor(private readonly agents: AgentsService) {}

  @Authorized()
  @Mutation(() => Agent, { description: 'Create an agent you own. A taken handle gives BAD_USER_INPUT.' })
  createAgent(@CurrentUser() viewerId: string, @Arg('input', () => CreateAgentInput, { description: 'The new agent.' }) input: CreateAgentInput) {
    return this.agents.create(viewerId, input);
  }

  @Authorized()
  @Mutation(() => Agent, { description: 'Change one of your agents. Someone else\'s agent gives NOT_FOUND.' })
  updateAgent(@CurrentUser() viewerId: string, @Arg('input', () => UpdateAgentInput, { description: 'What to change.' }) input: UpdateAgentInput) {
    return this.agents.update(viewerId, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Delete one of your agents. Chats held with it stay readable, without the agent.' })
  deleteAgent(@CurrentUser() viewerId: string, @Arg('id', () => ID, { description: 'The agent to delete.' }) id: string) {
    return this.agents.delete(viewerId, id);
  }

  @Authorized()
  @Query(() => [Agent], { description: 'Your own agents, PUBLIC and PRIVATE, oldest first.' })
  myAgents(@CurrentUser() viewerId: string) {
    return this.agents.listOwn(viewerId);
  }

  @Authorized()
  @Query(() => Agent, { nullable: true, description: 'An agent by id; null when unknown or PRIVATE and not yours.' })
  agent(@CurrentUser() viewerId: string, @Arg('id', () => ID, { description: 'The agent id.' }) id: string) {
    return this.agents.visible(viewerId, id);
  }

  @FieldResolver(() => Profile, { description: 'The person who owns the agent.' })
  async owner(@Root() agent: Agent, @Ctx() ctx: RequestContext): Promise<ProfileRow> {
    const owner = await ctx.loaders.profileById.load(agent.ownerId);
    if (!owner) throw new Error(`agent ${agent.id} has no owner row`);
    return owner;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Instructions the agent follows; only its owner sees them (null for others).' })
  persona(@Root() agent: Agent, @Ctx() ctx: RequestContext): string | null {
    return agent.ownerId === ctx.viewerId ? agent.persona : null;
  }
}
