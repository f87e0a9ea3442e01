import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A message you reported to the operator.' })
export class Report {
  @Field(() => ID, { description: 'The report id.' })
  id: string;

  @Field(() => ID, { description: 'The reported message.' })
  messageId: string;

  @Field(() => String, { description: 'Why you reported it.' })
  reason: string;

  @Field(() => Date, { description: 'When you reported it.' })
  createdAt: Date;
}
