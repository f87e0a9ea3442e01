import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every setting the server reads, parsed once at start. A bad value stops the start with
 * a message that names the variable (ConfigError), so an operator never runs on a guess.
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its files when DATABASE_URL is not set. */
  dataDir: string;
  embeddedPgPort: number;
  redisUrl: string | undefined;
  tokenSecret: string;
  tokenTtlSeconds: number;
  messageMaxLength: number;
  dbPoolSize: number;
  introspection: boolean;
  /** Abuse limits for GraphQL documents (graphql-armor) and HTTP bodies. */
  graphqlMaxDepth: number;
  graphqlMaxCost: number;
  graphqlMaxAliases: number;
  graphqlMaxTokens: number;
  requestBodyLimitBytes: number;
  /** PostgreSQL statement_timeout: no single statement may hold a connection longer. */
  statementTimeoutMs: number;
  /** Missed-message email: off unless SMTP_URL is set. */
  smtpUrl: string | undefined;
  emailFrom: string;
  emailDigestDelaySeconds: number;
  emailDigestIntervalMs: number;
  /** How the product is reached from outside (links in emails). */
  publicUrl: string;
  nodeEnv: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/**
 * Without TOKEN_SECRET a single developer machine still gets stable sessions: a random
 * secret is made once and kept in the data folder. Several nodes must share TOKEN_SECRET.
 */
function tokenSecret(env: Env, dataDir: string): string {
  const raw = env.TOKEN_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
    return raw;
  }
  if ((env.NODE_ENV ?? '') === 'production') {
    throw new ConfigError('TOKEN_SECRET is required when NODE_ENV=production');
  }
  const file = join(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = resolve(env.PARLEY_DATA_DIR || join(process.cwd(), '.parley'));
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error, silent, got "${logLevel}"`);
  }
  const nodeEnv = env.NODE_ENV || 'development';
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir,
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    tokenSecret: tokenSecret(env, dataDir),
    tokenTtlSeconds: int(env, 'TOKEN_TTL_SECONDS', 7 * 24 * 3600, 60, 365 * 24 * 3600),
    messageMaxLength: int(env, 'MESSAGE_MAX_LENGTH', 4000, 1, 100_000),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 500),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', true),
    graphqlMaxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
    graphqlMaxCost: int(env, 'GRAPHQL_MAX_COST', 20_000, 10, 10_000_000),
    graphqlMaxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 1000),
    graphqlMaxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 2000, 50, 1_000_000),
    requestBodyLimitBytes: int(env, 'REQUEST_BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    statementTimeoutMs: int(env, 'STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    emailFrom: env.EMAIL_FROM || 'Parley <no-reply@parley.local>',
    emailDigestDelaySeconds: int(env, 'EMAIL_DIGEST_DELAY_SECONDS', 600, 0, 7 * 24 * 3600),
    emailDigestIntervalMs: int(env, 'EMAIL_DIGEST_INTERVAL_MS', 30_000, 50, 3_600_000),
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${env.PORT || 4000}`).replace(/\/$/, ''),
    nodeEnv,
    logLevel,
  };
}
