import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../shared/context';
import { Message } from '../messages/messages.types';
import { Attachment, AttachmentKind } from './media.types';
import type { MediaService } from './media.service';

/** Message.attachments, through a per-request DataLoader. */
@Resolver(() => Message)
export class MessageAttachmentsResolver {
  @FieldResolver(() => [Attachment], { description: 'Files sent with the message, in the order the sender gave (empty for most messages and for deleted ones).' })
  attachments(@Root() message: Message, @Ctx() ctx: RequestContext) {
    return message.deletedAt || message.hasAttachments === false ? [] : ctx.loaders.attachmentsByMessage.load(message.id);
  }
}

/** Download URLs, signed for the viewer (browsers cannot send a token with <img src> or <audio src>). */
@Resolver(() => Attachment)
export class AttachmentResolver {
  constructor(private readonly media: MediaService) {}

  @FieldResolver(() => String, {
    description: 'Where to download it: a path on this server with a signed token for you, valid at least ATTACHMENT_URL_TTL_SECONDS (default one hour). Ask again for a fresh one.',
  })
  url(@Root() attachment: Attachment, @Ctx() ctx: RequestContext): string {
    return this.media.signedPath(ctx.viewerId ?? '', attachment.id, 'file');
  }

  @FieldResolver(() => String, { nullable: true, description: 'A small WebP preview (at most 320×320) for images, signed like `url`; null for other kinds.' })
  thumbnailUrl(@Root() attachment: Attachment, @Ctx() ctx: RequestContext): string | null {
    return attachment.kind === AttachmentKind.IMAGE && attachment.thumbnailKey ? this.media.signedPath(ctx.viewerId ?? '', attachment.id, 'thumbnail') : null;
  }
}
