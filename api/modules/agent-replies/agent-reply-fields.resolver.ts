import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { Agent } from '../agents/agents.types';
import { Conversation } from '../conversations/conversations.types';
import { AgentKnowledgeEntry } from './agent-replies.types';
import type { AgentReplies } from './agent-replies';

/** What agents that answer add to Agent. */
@Resolver(() => Agent)
export class AgentReplyFieldsResolver {
  constructor(private readonly agentReplies: AgentReplies) {}

  @FieldResolver(() => Boolean, { description: 'True while its owner has paused it: it answers nobody.' })
  paused(@Root() agent: Agent): boolean {
    return agent.pausedAt != null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The model its owner chose (null: the server\'s default). Only its owner sees it.' })
  model(@Root() agent: Agent, @Ctx() ctx: RequestContext): string | null {
    return agent.ownerId === ctx.viewerId ? agent.model : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'What answers for it now: a model name, or "builtin" (answers from its notes). Only its owner sees it.' })
  responder(@Root() agent: Agent, @Ctx() ctx: RequestContext): string | null {
    return agent.ownerId === ctx.viewerId ? this.agentReplies.responderFor(agent.model) : null;
  }

  @FieldResolver(() => [AgentKnowledgeEntry], { nullable: true, description: 'The notes it answers from, oldest first. Only its owner sees them (null for others).' })
  knowledge(@Root() agent: Agent, @Ctx() ctx: RequestContext): Promise<AgentKnowledgeEntry[]> | null {
    return agent.ownerId === ctx.viewerId ? ctx.loaders.knowledgeByAgent.load(agent.id) : null;
  }
}

/** What agents that answer add to Conversation. */
@Resolver(() => Conversation)
export class ConversationAgentFieldsResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'AGENT chats: when the agent\'s owner took it over (they write as themselves, the agent is silent); null while the agent answers.' })
  agentTakenOverAt(@Root() conversation: Conversation): Date | null {
    return conversation.agentTakenOverAt ?? null;
  }
}
