import { open } from 'node:fs/promises';
import sharp from 'sharp';
import FileType from 'file-type';
import { AttachmentKind } from './media.types';
import { MediaError } from './media.errors';

/** Thumbnails fit in this square (never enlarged). */
export const THUMBNAIL_SIZE = 320;
/** Images with more pixels than this are refused before they are decoded (decompression bombs). */
const MAX_IMAGE_PIXELS = 100_000_000;

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
/** Containers MediaRecorder and phones record voice into; file-type names a WebM/MP4 by its video type. */
const VOICE_TYPES: Record<string, string> = {
  'video/webm': 'audio/webm',
  'audio/webm': 'audio/webm',
  'audio/ogg': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'application/ogg': 'audio/ogg',
  'video/mp4': 'audio/mp4',
  'audio/mp4': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/mpeg': 'audio/mpeg',
};

export interface Inspected {
  kind: AttachmentKind;
  contentType: string;
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
}

/** The type from the file's first bytes (magic numbers); null when they match nothing known. */
async function sniff(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4100);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const found = await FileType.fromBuffer(buffer.subarray(0, bytesRead));
    return found?.mime ?? null;
  } finally {
    await handle.close();
  }
}

/**
 * Decides what an uploaded file is from its bytes alone: the name and the Content-Type the
 * client sent are never trusted. A voice upload must be audio; images get their size and a
 * thumbnail; anything else is a FILE of the sniffed type, or application/octet-stream.
 */
export async function inspect(path: string, wantVoice: boolean): Promise<Inspected> {
  const sniffed = await sniff(path);
  if (wantVoice) {
    const contentType = sniffed ? VOICE_TYPES[sniffed] : undefined;
    if (!contentType) throw new MediaError('UNSUPPORTED_MEDIA_TYPE', 'A voice message must be WebM, Ogg, MP4 or MP3 audio');
    return { kind: AttachmentKind.VOICE, contentType, width: null, height: null, thumbnail: null };
  }
  if (sniffed && IMAGE_TYPES.has(sniffed)) {
    try {
      const image = sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS });
      const meta = await image.metadata();
      // EXIF orientations 5–8 are quarter turns: the picture people see is the other way round.
      const turned = (meta.orientation ?? 1) >= 5;
      const width = (turned ? meta.height : meta.width) ?? null;
      const height = (turned ? meta.width : meta.height) ?? null;
      const thumbnail = await sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS })
        .rotate()
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer();
      return { kind: AttachmentKind.IMAGE, contentType: sniffed, width, height, thumbnail };
    } catch {
      throw new MediaError('UNSUPPORTED_MEDIA_TYPE', 'The image could not be read (damaged, or too many pixels)');
    }
  }
  return { kind: AttachmentKind.FILE, contentType: sniffed ?? 'application/octet-stream', width: null, height: null, thumbnail: null };
}

/** A file name safe to keep and to send back in Content-Disposition: no folders, no control characters, at most 200 characters. */
export function cleanName(raw: string | undefined, fallback: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base.replace(/[\u0000-\u001f\u007f"]/g, '').trim()].slice(0, 200).join('');
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}
