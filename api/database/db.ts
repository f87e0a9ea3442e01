import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';

export interface QueryOptions {
  /**
   * Run it as a named prepared statement: each connection parses it once and, after five runs,
   * PostgreSQL may keep one generic plan for it (plan_cache_mode auto). Only for fixed texts on
   * hot paths whose plan does not depend on the values (key lookups, keyset pages): a text built
   * per call would leave a statement behind on every connection, and a statement that needs its
   * constants folded into the plan (search) must stay unnamed. Planning the conversation list
   * page cost PostgreSQL more than running it.
   */
  prepare?: boolean;
}

/**
 * Raw SQL over TypeORM's own pg pool. The hot paths (send, lists, unread counts) are single
 * hand-written statements: an ORM round trip per row would cost more than the work itself.
 */
export interface Db {
  query<T extends QueryResultRow = any>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Statements run since creation; tests use it to prove list pages are bounded. */
  readonly statementCount: number;
}

class PoolDb implements Db {
  statementCount = 0;
  constructor(private readonly pool: Pool) {}

  async query<T extends QueryResultRow>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<T[]> {
    this.statementCount++;
    const result = await this.pool.query<T>(config(sql, params, options));
    return result.rows;
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = new ClientDb(client, () => this.statementCount++);
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

class ClientDb implements Db {
  statementCount = 0;
  constructor(private readonly client: PoolClient, private readonly onStatement: () => void) {}

  async query<T extends QueryResultRow>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<T[]> {
    this.statementCount++;
    this.onStatement();
    const result = await this.client.query<T>(config(sql, params, options));
    return result.rows;
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
}

/** Statement names by text: the name is the text's hash, so one text is one statement on every connection. */
const statementNames = new Map<string, string>();

function config(text: string, values: unknown[], options?: QueryOptions): QueryConfig {
  if (!options?.prepare) return { text, values };
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `p_${createHash('sha1').update(text).digest('base64url')}`));
  return { name, text, values };
}

export function createDb(dataSource: DataSource): Db {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  if (!pool) throw new Error('the DataSource must be initialised before createDb');
  return new PoolDb(pool);
}

/** PostgreSQL's unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
