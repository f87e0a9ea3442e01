import type { Db } from '../../database/db';

interface Snapshot {
  /** Share of messages holding each of the most common lexemes (ANALYZE's list). */
  freq: Map<string, number>;
  /** What a lexeme outside that list is taken to match (half the least common listed, as the planner does). */
  unlisted: number;
  /** Messages in the table (pg_class.reltuples). */
  rows: number;
  at: number;
}

const REFRESH_MS = 60_000;

/**
 * How many messages a word matches, estimated from the `search` column's statistics, read at
 * most once a minute per process (they change when the table is analyzed). Search uses it to
 * choose between the GIN index and walking the viewer's conversations (search.sql.ts). The
 * planner has the same statistics, but estimates a prefix (`wor:*`) as a flat 2%, and a query
 * can only be planned after its statement has been chosen.
 */
export class SearchStats {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(private readonly db: Db) {}

  /** Whether `words` (the ones every result must contain) or the typed `prefix` match fewer than `below` messages. */
  async isRare(words: string | null, prefix: string | null, below: number): Promise<boolean> {
    if (below <= 0 || (words === null && prefix === null)) return false;
    const { freq, unlisted, rows } = await this.current();
    const lexemes = words?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (lexemes.some((lexeme) => (freq.get(lexeme) ?? unlisted) * rows < below)) return true;
    if (prefix === null) return false;
    let share = unlisted;
    for (const [lexeme, f] of freq) if (lexeme.startsWith(prefix)) share += f;
    return share * rows < below;
  }

  private async current(): Promise<Snapshot> {
    if (this.snapshot && Date.now() - this.snapshot.at < REFRESH_MS) return this.snapshot;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return (this.snapshot = await this.loading);
  }

  private async load(): Promise<Snapshot> {
    const [row] = await this.db.query<{ lexemes: string[] | null; freqs: number[] | null; rows: number }>(
      `SELECT (SELECT s.most_common_elems::text::text[] FROM pg_stats s
                WHERE s.schemaname = current_schema() AND s.tablename = 'messages' AND s.attname = 'search') AS lexemes,
              (SELECT s.most_common_elem_freqs FROM pg_stats s
                WHERE s.schemaname = current_schema() AND s.tablename = 'messages' AND s.attname = 'search') AS freqs,
              GREATEST((SELECT reltuples FROM pg_class WHERE oid = 'messages'::regclass), 0)::float8 AS rows`,
    );
    const freq = new Map<string, number>();
    const lexemes = row.lexemes ?? [];
    lexemes.forEach((lexeme, i) => freq.set(lexeme, row.freqs![i]));
    // most_common_elem_freqs ends with the least and greatest frequency (and the share of nulls).
    const least = lexemes.length > 0 ? row.freqs![lexemes.length] : 0;
    return { freq, unlisted: least / 2, rows: Number(row.rows), at: Date.now() };
  }
}
