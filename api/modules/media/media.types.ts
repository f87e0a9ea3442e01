import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AttachmentKind {
  IMAGE = 'IMAGE',
  FILE = 'FILE',
  VOICE = 'VOICE',
}

registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description: 'What an attachment is, decided from its bytes (never from its name).',
  valuesConfig: {
    IMAGE: { description: 'A JPEG, PNG, GIF or WebP picture: it has width, height and a thumbnail.' },
    FILE: { description: 'Any other file: shown as a card with its name and size, downloaded as a file.' },
    VOICE: { description: 'A recorded voice message (WebM, Ogg or MP4 audio) with its duration.' },
  },
});

/** An attachment row as the media service reads it. */
export interface AttachmentRow {
  id: string;
  uploaderId: string;
  messageId: string | null;
  kind: AttachmentKind;
  name: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  storageKey: string;
  thumbnailKey: string | null;
  createdAt: Date;
}

export const ATTACHMENT_COLUMNS = `a.id, a.uploader_id AS "uploaderId", a.message_id AS "messageId", a.kind, a.name,
  a.content_type AS "contentType", a.size::float8 AS size, a.width, a.height, a.duration_ms AS "durationMs",
  a.storage_key AS "storageKey", a.thumbnail_key AS "thumbnailKey", a.created_at AS "createdAt"`;

@ObjectType({ description: 'A file sent with a message: an image, a voice message or any other file.' })
export class Attachment {
  @Field(() => ID, { description: 'The attachment id (a UUID), as returned by POST /uploads.' })
  id: string;

  @Field(() => AttachmentKind, { description: 'IMAGE, FILE or VOICE.' })
  kind: AttachmentKind;

  @Field(() => String, { description: 'The file name the uploader gave (cleaned of paths and control characters).' })
  name: string;

  @Field(() => String, { description: 'The content type sniffed from the bytes (application/octet-stream when unknown).' })
  contentType: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size: number;

  @Field(() => Int, { nullable: true, description: 'Width in pixels (images only).' })
  width: number | null;

  @Field(() => Int, { nullable: true, description: 'Height in pixels (images only).' })
  height: number | null;

  @Field(() => Int, { nullable: true, description: 'Length in milliseconds (voice messages only).' })
  durationMs: number | null;

  @Field(() => Date, { description: 'When it was uploaded.' })
  createdAt: Date;

  uploaderId: string;
  messageId: string | null;
  thumbnailKey: string | null;
}
