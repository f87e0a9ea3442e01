/** Agents answered per message: a message naming more is answered by the first ones named. */
export const MAX_MENTIONS = 3;

/**
 * The handles a message mentions as `@handle` (lower-cased, first seen first, no repeats). An
 * `@` inside a word (an email address) is not a mention.
 */
export function mentionedHandles(content: string): string[] {
  const found: string[] = [];
  for (const match of content.matchAll(/(?<![\w@])@([a-z0-9_]{3,30})(?![\w@])/gi)) {
    const handle = match[1].toLowerCase();
    if (!found.includes(handle)) found.push(handle);
    if (found.length === MAX_MENTIONS) break;
  }
  return found;
}

/** The question without the mentions in it ("@helper when do you open?" asks "when do you open?"). */
export function withoutMentions(content: string): string {
  return content.replace(/(?<![\w@])@[a-z0-9_]{3,30}(?![\w@])[,:]?/gi, ' ').replace(/\s+/g, ' ').trim();
}
