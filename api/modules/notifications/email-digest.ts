import nodemailer, { Transporter } from 'nodemailer';
import type { Db } from '../../database/db';
import type { Config } from '../../shared/config';
import type { Logger } from '../../shared/logger';
import { messageTextSql } from '../media/attachment-preview';

/** Someone with an open WebSocket within this window is "here" and gets no email. */
const PRESENCE_WINDOW_SECONDS = 60;
const MESSAGES_PER_CONVERSATION = 5;

interface Claimed {
  profileId: string;
  conversationId: string;
  fromSeq: number;
  lastSeq: number;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Missed-message email. Every node runs it; each unread stretch is claimed by exactly one node
 * (an UPDATE of the participant's notified_seq over rows locked with SKIP LOCKED), so a person
 * gets one email per stretch that batches every conversation that became due, and none for
 * what they read meanwhile, for muted chats, or while they are connected. A failed send gives
 * the claim back, so the next round tries again.
 */
export class EmailDigest {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly db: Db,
    private readonly transport: Transporter,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  static fromConfig(db: Db, config: Config, logger: Logger): EmailDigest | undefined {
    if (!config.smtpUrl) return undefined;
    return new EmailDigest(db, nodemailer.createTransport(config.smtpUrl), config, logger);
  }

  start(): void {
    const tick = () => {
      this.running = this.runOnce()
        .catch((error) => this.logger.error({ err: error }, 'email digest round failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.config.emailDigestIntervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.config.emailDigestIntervalMs).unref();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.transport.close();
  }

  /** One round: claim what is due, send one email per person. Returns how many were sent. */
  async runOnce(): Promise<number> {
    const claimed = await this.db.query<Claimed>(
      `WITH due AS (
         SELECT pa.conversation_id, pa.profile_id, pa.last_seq, GREATEST(pa.last_read_seq, pa.notified_seq) AS from_seq
           FROM profiles p JOIN participants pa ON pa.profile_id = p.id
          WHERE p.email IS NOT NULL AND p.email_notifications
            AND (p.last_seen_at IS NULL OR p.last_seen_at < now() - make_interval(secs => $2))
            AND pa.role = 'MEMBER' AND NOT pa.muted AND pa.last_seq > pa.last_read_seq AND pa.last_seq > pa.notified_seq
            -- Due when the oldest unread message that still exists has waited long enough
            -- (a deleted one neither counts nor makes the stretch due).
            AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = pa.conversation_id
                         AND m.seq > GREATEST(pa.last_read_seq, pa.notified_seq) AND m.seq <= pa.last_seq
                         AND m.deleted_at IS NULL
                         AND m.created_at <= now() - make_interval(secs => $1))
          LIMIT 1000
          FOR UPDATE OF pa SKIP LOCKED
       )
       UPDATE participants pa SET notified_seq = due.last_seq FROM due
        WHERE pa.conversation_id = due.conversation_id AND pa.profile_id = due.profile_id
       RETURNING pa.profile_id AS "profileId", pa.conversation_id AS "conversationId", due.from_seq::int AS "fromSeq", due.last_seq::int AS "lastSeq"`,
      [this.config.emailDigestDelaySeconds, PRESENCE_WINDOW_SECONDS],
    );
    const byPerson = new Map<string, Claimed[]>();
    for (const row of claimed) byPerson.set(row.profileId, [...(byPerson.get(row.profileId) ?? []), row]);
    let sent = 0;
    for (const [profileId, rows] of byPerson) {
      try {
        if (await this.send(profileId, rows)) sent++;
      } catch (error) {
        this.logger.warn({ err: (error as Error).message, profileId }, 'missed-message email failed; will retry');
        await this.release(rows);
      }
    }
    return sent;
  }

  private async send(profileId: string, rows: Claimed[]): Promise<boolean> {
    const [person] = await this.db.query<{ email: string; name: string }>(
      `SELECT email, COALESCE(display_name, handle) AS name FROM profiles WHERE id = $1`,
      [profileId],
    );
    const found = await this.db.query<{ conversationId: string; title: string; unread: number; lines: { name: string; content: string }[] }>(
      `SELECT k.cid AS "conversationId",
              COALESCE(c.title, a.display_name, op.display_name, op.handle) AS title,
              (SELECT count(*) FROM messages m
                WHERE m.conversation_id = k.cid AND m.seq > k.from_seq AND m.seq <= k.last_seq AND m.deleted_at IS NULL)::int AS unread,
              (SELECT json_agg(x ORDER BY x.seq) FROM (
                 SELECT m.seq, COALESCE(sa.display_name, sp.display_name, sp.handle, 'Parley') AS name, ${messageTextSql('m', 300)} AS content
                   FROM messages m LEFT JOIN profiles sp ON sp.id = m.sender_id LEFT JOIN agents sa ON sa.id = m.sender_agent_id
                  WHERE m.conversation_id = k.cid AND m.seq > k.from_seq AND m.seq <= k.last_seq AND m.deleted_at IS NULL
                  ORDER BY m.seq DESC LIMIT ${MESSAGES_PER_CONVERSATION}) x) AS lines
         FROM unnest($2::uuid[], $3::int[], $4::int[]) AS k(cid, from_seq, last_seq)
         JOIN conversations c ON c.id = k.cid
         LEFT JOIN agents a ON a.id = c.target_agent_id AND c.initiator_id = $1
         LEFT JOIN profiles op ON op.id = CASE WHEN c.user_low_id = $1 THEN c.user_high_id ELSE c.user_low_id END`,
      [profileId, rows.map((r) => r.conversationId), rows.map((r) => r.fromSeq), rows.map((r) => r.lastSeq)],
    );
    // Messages deleted since they were sent are neither counted nor quoted; nothing left, no email.
    const sections = found.filter((s) => s.unread > 0);
    if (sections.length === 0) return false;
    const total = sections.reduce((n, s) => n + s.unread, 0);
    const subject = `${total} unread message${total === 1 ? '' : 's'} on Parley`;
    const link = (id: string) => `${this.config.publicUrl}/messages/${id}`;
    const text = [
      `Hi ${person.name},`,
      '',
      `You have ${total} unread message${total === 1 ? '' : 's'}:`,
      ...sections.flatMap((s) => ['', `${s.title} (${s.unread})`, ...(s.lines ?? []).map((l) => `  ${l.name}: ${l.content}`), `  ${link(s.conversationId)}`]),
      '',
      'Turn these emails off in your notification settings.',
    ].join('\n');
    const html = `<p>Hi ${escapeHtml(person.name)},</p><p>You have ${total} unread message${total === 1 ? '' : 's'}:</p>${sections
      .map(
        (s) =>
          `<h3><a href="${escapeHtml(link(s.conversationId))}">${escapeHtml(s.title)}</a> (${s.unread})</h3><ul>${(s.lines ?? [])
            .map((l) => `<li><b>${escapeHtml(l.name)}</b>: ${escapeHtml(l.content)}</li>`)
            .join('')}</ul>`,
      )
      .join('')}<p>Turn these emails off in your notification settings.</p>`;
    await this.transport.sendMail({ from: this.config.emailFrom, to: person.email, subject, text, html });
    return true;
  }

  private async release(rows: Claimed[]): Promise<void> {
    await this.db.query(
      `UPDATE participants pa SET notified_seq = k.from_seq
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[]) AS k(pid, cid, from_seq, last_seq)
        WHERE pa.profile_id = k.pid AND pa.conversation_id = k.cid AND pa.notified_seq = k.last_seq`,
      [rows.map((r) => r.profileId), rows.map((r) => r.conversationId), rows.map((r) => r.fromSeq), rows.map((r) => r.lastSeq)],
    );
  }
}
