/** The conversation preview of a message with no text: what its first attachment is. */
export const ATTACHMENT_PREVIEW = { IMAGE: '📷 Photo', VOICE: '🎤 Voice message' } as const;

/** The same rule in SQL, for text read in the database (`m` is a messages row); NULL when the message has no files. */
export function attachmentPreviewSql(m: string): string {
  return `(SELECT CASE a.kind WHEN 'IMAGE' THEN '${ATTACHMENT_PREVIEW.IMAGE}' WHEN 'VOICE' THEN '${ATTACHMENT_PREVIEW.VOICE}' ELSE a.name END
             FROM attachments a WHERE a.message_id = ${m}.id ORDER BY a.position LIMIT 1)`;
}

/** A message's text for places that show only text (emails, an agent's context): its files stand in when it has none. */
export function messageTextSql(m: string, maxLength?: number): string {
  const text = maxLength ? `left(${m}.content, ${maxLength})` : `${m}.content`;
  return `CASE WHEN ${m}.content = '' THEN COALESCE(${attachmentPreviewSql(m)}, '') ELSE ${text} END`;
}
