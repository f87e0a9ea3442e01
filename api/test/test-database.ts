import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../ormconfig';
import { startEmbeddedPostgres, RunningPostgres } from '../database/embedded-postgres';

/**
 * One fresh database per test run, on DATABASE_URL's server when set (CI), otherwise on an
 * embedded PostgreSQL started for the run. The real migrations run once; test files share
 * the database and keep apart by making their own data (unique handles) with factories.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  let serverUrl = process.env.DATABASE_URL;
  let embedded: RunningPostgres | undefined;
  let embeddedDir: string | undefined;
  if (!serverUrl) {
    embeddedDir = mkdtempSync(join(tmpdir(), 'parley-test-pg-'));
    embedded = await startEmbeddedPostgres({ dir: embeddedDir, port: 0, persistent: false });
    serverUrl = embedded.url;
    process.stderr.write(`\n[tests] DATABASE_URL is not set: using an embedded PostgreSQL (${serverUrl})\n`);
  }
  const name = `parley_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), 2);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await embedded?.stop();
      if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
    },
  };
}
