import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new group chat: its name and who is in it besides you.' })
export class CreateGroupInput {
  @Field(() => String, { description: 'The group\'s name (1–100 characters, trimmed).' })
  title: string;

  @Field(() => [ID], { description: 'The other members\' user ids: at least 2, so the group has 3 members with you; at most GROUP_MAX_MEMBERS − 1. You become its admin.' })
  memberIds: string[];
}
