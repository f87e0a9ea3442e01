import 'reflect-metadata';
import { loadConfig } from '../api/shared/config';
import { createLogger } from '../api/shared/logger';
import { openDatabase } from '../api/database/database';

/** `npm run migrate`: applies pending migrations (DATABASE_URL, or the embedded PostgreSQL) and exits. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  const pending = await database.dataSource.showMigrations();
  logger.info({ pending }, 'migrations are up to date');
  await database.close();
}

main().catch((error) => {
  console.error('migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
