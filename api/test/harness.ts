import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../ormconfig';
import { Config, loadConfig } from '../shared/config';
import { createLogger } from '../shared/logger';
import { startServer, RunningServer } from '../server';
import type { WebSocketLimits } from '../modules/realtime/ws.server';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  url: string;
  wsUrl: string;
  server: RunningServer;
  dataSource: DataSource;
  config: Config;
  /** POSTs one GraphQL operation, as a third-party client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  stop(): Promise<void>;
}

/** Starts the real server on a free port against the run's test database (wsLimits: lowered limits for limit tests). */
export async function startTestApp(env: Record<string, string> = {}, wsLimits?: Partial<WebSocketLimits>): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (npm test), whose global setup creates it');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_SIZE: '5',
    // Suites send and sign in far faster than people do; the rate-limit suite sets its own rules.
    RATE_LIMIT_SEND: '100000/1',
    RATE_LIMIT_START: '100000/1',
    RATE_LIMIT_LOGIN_HANDLE: '100000/1',
    RATE_LIMIT_LOGIN_ADDRESS: '100000/1',
    RATE_LIMIT_REGISTER_ADDRESS: '100000/1',
    // Agents answer only in the suites that test it (agent-replies/): elsewhere a reply would be an extra message.
    AGENT_REPLIES: 'off',
    // The media sweep would add statements at random moments to suites that count them; media specs call sweep() themselves.
    MEDIA_SWEEP_INTERVAL_MS: '0',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const dataSource = createDataSource(databaseUrl, config.dbPoolSize);
  await dataSource.initialize();
  const server = await startServer({ config, dataSource, logger: createLogger(config.logLevel), wsLimits });
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GqlResult<T>;
    return { status: response.status, data: body.data, errors: body.errors };
  };
  return {
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    server,
    dataSource,
    config,
    gql,
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
    },
  };
}

/** A handle no other test uses (tests share one database). */
export function uniqueHandle(prefix = 'u'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`.slice(0, 30);
}
