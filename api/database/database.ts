import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../ormconfig';
import type { Config } from '../shared/config';
import type { Logger } from '../shared/logger';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface Database {
  dataSource: DataSource;
  url: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL whose files live in the data folder,
 * so a fresh clone runs with nothing to install. Pending migrations always run first.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const pg = await startEmbeddedPostgres({ dir: join(config.dataDir, 'postgres'), port: config.embeddedPgPort, persistent: true, logger });
    url = pg.url;
    stopEmbedded = pg.stop;
  }
  const dataSource = createDataSource(url, config.dbPoolSize, config.statementTimeoutMs);
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  return {
    dataSource,
    url,
    close: async () => {
      await dataSource.destroy();
      await stopEmbedded?.();
    },
  };
}
