/** How much of a message a conversation list shows. */
export const PREVIEW_LENGTH = 140;

/** The conversation preview for a message: whitespace runs folded to one space, at most PREVIEW_LENGTH characters (code points). */
export function previewOf(content: string): string {
  return [...content.replace(/\s+/g, ' ')].slice(0, PREVIEW_LENGTH).join('');
}
