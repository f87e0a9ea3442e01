import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AgentVisibility {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}

registerEnumType(AgentVisibility, {
  name: 'AgentVisibility',
  description: 'Who may chat with an agent.',
  valuesConfig: {
    PUBLIC: { description: 'Anyone signed in can find it and chat with it.' },
    PRIVATE: { description: 'Only its owner can see it and chat with it.' },
  },
});

@ObjectType({ description: 'An AI agent that a person owns and others chat with.' })
export class Agent {
  @Field(() => ID, { description: 'The agent\'s id (a UUID).' })
  id: string;

  @Field(() => String, { description: 'Unique handle among agents: 3–30 of a–z, 0–9 and _.' })
  handle: string;

  @Field(() => String, { description: 'Name shown in chats.' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'Picture URL.' })
  avatarUrl: string | null;

  @Field(() => AgentVisibility, { description: 'PUBLIC or PRIVATE.' })
  visibility: AgentVisibility;

  /** Shown only to the owner, through AgentsResolver.persona. */
  persona: string | null;

  @Field(() => Date, { description: 'When the agent was created.' })
  createdAt: Date;

  ownerId: string;
  /** Agents that answer: set while its owner has paused it. */
  pausedAt: Date | null;
  /** Agents that answer: the owner's model override (null: the server's default). */
  model: string | null;
}

export const AGENT_COLUMNS = `a.id, a.owner_id AS "ownerId", a.handle, a.display_name AS "displayName", a.avatar_url AS "avatarUrl", a.visibility, a.persona, a.created_at AS "createdAt",
  a.paused_at AS "pausedAt", a.model`;
