import { Field, InputType, ObjectType } from 'type-graphql';
import { IsBoolean, IsEmail, IsOptional, MaxLength, ValidateIf } from 'class-validator';

@ObjectType({ description: 'How Parley tells you about messages you missed.' })
export class NotificationSettings {
  @Field(() => String, { nullable: true, description: 'Where missed-message emails go; only you see it.' })
  email: string | null;

  @Field(() => Boolean, { description: 'Email me about messages that stay unread while I am away.' })
  emailNotifications: boolean;
}

@InputType({ description: 'Changes to your notification settings; fields left out stay as they are.' })
export class NotificationSettingsInput {
  @Field(() => String, { nullable: true, description: 'An email address, or an empty string to remove it.' })
  @IsOptional()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  @ValidateIf((o) => o.email !== '')
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Turn missed-message emails on or off.' })
  @IsOptional()
  @IsBoolean()
  emailNotifications?: boolean | null;
}
