import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';

export const KNOWLEDGE_TITLE_MAX = 200;
export const KNOWLEDGE_BODY_MAX = 8000;

@InputType({ description: 'A note for one of your agents: it answers from these (the built-in responder quotes them; a model is given the best matches).' })
export class AddAgentKnowledgeInput {
  @Field(() => ID, { description: 'Your agent.' })
  @IsUUID('all', { message: 'agentId must be a UUID' })
  agentId: string;

  @Field(() => String, { description: `A short title or question, e.g. "Refunds" (1–${KNOWLEDGE_TITLE_MAX} characters).` })
  @MaxLength(KNOWLEDGE_TITLE_MAX, { message: `title must be at most ${KNOWLEDGE_TITLE_MAX} characters` })
  title: string;

  @Field(() => String, { description: `The note itself (1–${KNOWLEDGE_BODY_MAX} characters).` })
  @MaxLength(KNOWLEDGE_BODY_MAX, { message: `body must be at most ${KNOWLEDGE_BODY_MAX} characters` })
  body: string;
}

@InputType({ description: 'Changes to one of your agent\'s notes; fields left out stay as they are.' })
export class UpdateAgentKnowledgeInput {
  @Field(() => ID, { description: 'The note.' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @Field(() => String, { nullable: true, description: `New title (1–${KNOWLEDGE_TITLE_MAX} characters).` })
  @IsOptional()
  @MaxLength(KNOWLEDGE_TITLE_MAX, { message: `title must be at most ${KNOWLEDGE_TITLE_MAX} characters` })
  title?: string | null;

  @Field(() => String, { nullable: true, description: `New text (1–${KNOWLEDGE_BODY_MAX} characters).` })
  @IsOptional()
  @MaxLength(KNOWLEDGE_BODY_MAX, { message: `body must be at most ${KNOWLEDGE_BODY_MAX} characters` })
  body?: string | null;
}
