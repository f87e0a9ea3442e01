import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { CurrentUser } from '../../shared/auth';
import { encodeCursor } from '../../shared/pagination';
import { assertRange } from '../../shared/validation';
import { Profile, ProfileRow } from '../profiles/profiles.types';
import { Conversation } from '../conversations/conversations.types';
import { Message, MessageConnection } from './messages.types';
import { messageCursor, messageCursorSeq } from './messages.loaders';
import { MessageVersion, ReactionGroup } from './rich-messages.types';
import type { MessageEditsService } from './message-edits.service';
import type { ReactionsService } from './reactions.service';

@ArgsType()
class RepliesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'How many replies (1–100), oldest first.' })
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

/** Edit, delete, react and reply: the mutations and the fields they add to Message. */
@Resolver(() => Message)
export class RichMessagesResolver {
  constructor(
    private readonly edits: MessageEditsService,
    private readonly reactionsService: ReactionsService,
  ) {}

  @Authorized()
  @Mutation(() => Message, {
    description: 'Change the text of your own message, within MESSAGE_EDIT_WINDOW_SECONDS of sending it (default 15 minutes; later: FORBIDDEN). The earlier text is kept in `versions`. Someone else\'s message or an agent\'s: FORBIDDEN.',
  })
  editMessage(
    @CurrentUser() viewerId: string,
    @Arg('messageId', () => ID, { description: 'Your message.' }) messageId: string,
    @Arg('content', () => String, { description: 'The new text: trimmed, then 1–MESSAGE_MAX_LENGTH characters.' }) content: string,
  ) {
    return this.edits.edit(viewerId, messageId, content);
  }

  @Authorized()
  @Mutation(() => Message, {
    description: 'Delete your own message: it stays in its place as a tombstone (deletedAt set, content ""), its text, versions and reactions are gone. Deleting again returns the tombstone. Someone else\'s message: FORBIDDEN.',
  })
  deleteMessage(@CurrentUser() viewerId: string, @Arg('messageId', () => ID, { description: 'Your message.' }) messageId: string) {
    return this.edits.delete(viewerId, messageId);
  }

  @Authorized()
  @Mutation(() => Message, {
    description: 'React to a message of a conversation you are in: toggles your emoji (one of each emoji per person). With `on`, sets it instead, so a retry is harmless.',
  })
  toggleReaction(
    @CurrentUser() viewerId: string,
    @Arg('messageId', () => ID, { description: 'The message.' }) messageId: string,
    @Arg('emoji', () => String, { description: 'Exactly one emoji (skin tones and ZWJ sequences included).' }) emoji: string,
    @Arg('on', () => Boolean, { nullable: true, description: 'true: add it (no change if there); false: remove it; null: toggle.' }) on: boolean | null,
  ) {
    return this.reactionsService.react(viewerId, messageId, emoji, on ?? null);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where its latest edit, delete or reaction change sits among the conversation\'s updates: pass the newest you saw as `after` to messageUpdated to resume. Null: never changed.',
  })
  updateCursor(@Root() message: Message): string | null {
    return message.updateSeq != null ? encodeCursor([message.updateSeq]) : null;
  }

  @FieldResolver(() => Boolean, { description: 'True when its sender deleted it (a tombstone: show "message deleted").' })
  isDeleted(@Root() message: Message): boolean {
    return message.deletedAt != null;
  }

  @FieldResolver(() => [MessageVersion], { description: 'Earlier texts of an edited message, oldest first (empty when never edited, or deleted).' })
  versions(@Root() message: Message, @Ctx() ctx: RequestContext): Promise<MessageVersion[]> | MessageVersion[] {
    // Never edited (revision 0): no earlier text to read. A new message's subscribers skip the query.
    if (message.revision === 0) return [];
    return ctx.loaders.versionsByMessage.load(message.id);
  }

  @FieldResolver(() => [ReactionGroup], { description: 'Reactions, one entry per emoji, in the order they were first used.' })
  async reactions(@Root() message: Message, @Ctx() ctx: RequestContext): Promise<ReactionGroup[]> {
    const groups = new Map<string, ReactionGroup>();
    // Never reacted to (revision 0): nothing to read.
    if (message.revision === 0) return [];
    for (const row of await ctx.loaders.reactionsByMessage.load(message.id)) {
      const group = groups.get(row.emoji) ?? { emoji: row.emoji, count: 0, reactedByMe: false, profileIds: [] };
      group.count++;
      group.reactedByMe ||= row.profileId === ctx.viewerId;
      group.profileIds.push(row.profileId);
      groups.set(row.emoji, group);
    }
    return [...groups.values()];
  }

  @FieldResolver(() => Message, { nullable: true, description: 'The message this one answers, to quote (isDeleted: show a tombstone). Null when it is not a reply.' })
  replyTo(@Root() message: Message, @Ctx() ctx: RequestContext): Promise<Message | null> | null {
    return message.replyToId ? ctx.loaders.messageById.load(message.replyToId) : null;
  }

  @FieldResolver(() => Int, { description: 'How many messages answer this one.' })
  replyCount(@Root() message: Message, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.replyCount.load(message.id);
  }

  @FieldResolver(() => MessageConnection, { description: 'The messages that answer this one, oldest first.' })
  async replies(@Root() message: Message, @Args(() => RepliesArgs) args: RepliesArgs, @Ctx() ctx: RequestContext): Promise<MessageConnection> {
    const limit = assertRange(args.first ?? 20, 'first', 1, 100);
    const afterSeq = args.after ? messageCursorSeq(args.after, 'after') : null;
    const rows = await ctx.loaders.replies.load({ messageId: message.id, limit, afterSeq });
    const nodes = rows.slice(0, limit);
    const edges = nodes.map((node) => ({ cursor: messageCursor(node.seq), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: afterSeq !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    } as MessageConnection;
  }
}

@Resolver(() => ReactionGroup)
export class ReactionGroupResolver {
  @FieldResolver(() => [Profile], { description: 'Who reacted with this emoji, earliest first.' })
  async reactors(@Root() group: ReactionGroup, @Ctx() ctx: RequestContext): Promise<ProfileRow[]> {
    const profiles = await ctx.loaders.profileById.loadMany(group.profileIds);
    return profiles.filter((p): p is ProfileRow => p != null && !(p instanceof Error));
  }
}

@Resolver(() => Conversation)
export class ConversationUpdatesResolver {
  @FieldResolver(() => String, {
    description: 'The newest edit, delete or reaction change in this conversation, as a cursor: load the messages, keep this, and resume messageUpdated with `after` after a reconnect.',
  })
  async updatesCursor(@Root() conversation: Conversation, @Ctx() ctx: RequestContext): Promise<string> {
    return encodeCursor([await ctx.loaders.conversationUpdateSeq.load(conversation.id)]);
  }
}
