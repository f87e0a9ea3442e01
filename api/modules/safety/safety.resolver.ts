import { Arg, Authorized, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CurrentUser } from '../../shared/auth';
import { Profile } from '../profiles/profiles.types';
import { Report } from './safety.types';
import { ReportMessageInput } from './safety.inputs';
import type { SafetyService } from './safety.service';

@Resolver()
export class SafetyResolver {
  constructor(private readonly safety: SafetyService) {}

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Block a person: neither of you can start a chat with the other or send into one you share, and their chats leave your lists. Blocking twice is fine.',
  })
  blockProfile(@CurrentUser() viewerId: string, @Arg('userId', () => ID, { description: 'The person to block.' }) userId: string) {
    return this.safety.block(viewerId, userId);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Unblock a person: your chats with them come back as they were.' })
  unblockProfile(@CurrentUser() viewerId: string, @Arg('userId', () => ID, { description: 'The person to unblock.' }) userId: string) {
    return this.safety.unblock(viewerId, userId);
  }

  @Authorized()
  @Query(() => [Profile], { description: 'The people you blocked, most recent first.' })
  blockedProfiles(@CurrentUser() viewerId: string) {
    return this.safety.blocked(viewerId);
  }

  @Authorized()
  @Mutation(() => Report, { description: 'Report someone else\'s message in a conversation you can read; the operator sees it (`npm run reports`).' })
  reportMessage(@CurrentUser() viewerId: string, @Arg('input', () => ReportMessageInput, { description: 'The message and the reason.' }) input: ReportMessageInput) {
    return this.safety.report(viewerId, input.messageId, input.reason);
  }
}
