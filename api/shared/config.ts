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
  /** How long after sending its sender may edit a message. */
  messageEditWindowSeconds: number;
  /** Most people in one group chat (at least 3: a group is its creator and two others). */
  groupMaxMembers: number;
  /** Search ranks the newest this many matches (see search.sql.ts). */
  searchWindow: number;
  /** A query with a word estimated to match fewer messages than this (in all) is answered from the full-text index. */
  searchIndexBelow: number;
  dbPoolSize: number;
  introspection: boolean;
  /** Execute queries and mutations with documents compiled by graphql-jit (false: graphql-js). */
  graphqlJit: boolean;
  /** Abuse limits for GraphQL documents (graphql-armor) and HTTP bodies. */
  graphqlMaxDepth: number;
  graphqlMaxCost: number;
  graphqlMaxAliases: number;
  graphqlMaxTokens: number;
  requestBodyLimitBytes: number;
  /** PostgreSQL statement_timeout: no single statement may hold a connection longer. */
  statementTimeoutMs: number;
  rateLimits: boolean;
  rateLimitSend: RateLimitRule;
  rateLimitStart: RateLimitRule;
  rateLimitLoginHandle: RateLimitRule;
  rateLimitLoginAddress: RateLimitRule;
  rateLimitRegisterAddress: RateLimitRule;
  /** Express `trust proxy`: set when behind a load balancer so client addresses are real. */
  trustProxy: boolean;
  /** Missed-message email: off unless SMTP_URL is set. */
  smtpUrl: string | undefined;
  emailFrom: string;
  emailDigestDelaySeconds: number;
  emailDigestIntervalMs: number;
  /** How the product is reached from outside (links in emails). */
  publicUrl: string;
  /** Agents that answer: responders, the reply queue and its limits. */
  agentReplies: AgentReplyConfig;
  /** Attachments and voice messages: limits and where files are kept. */
  media: MediaConfig;
  nodeEnv: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class ConfigError extends Error {}

/** `points/seconds`, e.g. `10/60` = 10 per minute. */
export interface RateLimitRule {
  points: number;
  seconds: number;
}

function rule(env: Env, name: string, fallback: string): RateLimitRule {
  const raw = env[name] || fallback;
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new ConfigError(`${name} must look like 10/60 (points per seconds), got "${raw}"`);
  return { points: Number(match[1]), seconds: Number(match[2]) };
}

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

/** Agents that answer (issue 5). With no AGENT_MODEL, agents answer with the built-in responder. */
export interface AgentReplyConfig {
  enabled: boolean;
  /** OpenAI-compatible chat-completions server; used when `model` is set. */
  modelBaseUrl: string;
  modelApiKey: string | undefined;
  /** The default model; unset means the built-in responder (and per-agent models are ignored). */
  model: string | undefined;
  replyTimeoutMs: number;
  /** A stream that sends nothing for this long has timed out. */
  idleTimeoutMs: number;
  /** Retries (with backoff) on 429, 5xx and lost connections before a reply fails. */
  modelRetries: number;
  maxReplyTokens: number;
  /** What the model sees (persona, notes, recent turns) is cut to about this many tokens. */
  contextTokens: number;
  perAgentConcurrency: number;
  /** Replies this node generates at once; 0: this node enqueues but never generates. */
  workerConcurrency: number;
  repliesPerHour: number;
  /** Partial content is written to the database at most this often (every chunk is still published). */
  flushMs: number;
  queueName: string;
  pollMs: number;
}

function agentReplyConfig(env: Env): AgentReplyConfig {
  const model = env.AGENT_MODEL?.trim() || undefined;
  const baseUrl = url(env, 'AGENT_MODEL_BASE_URL', ['http:', 'https:']);
  if (baseUrl && !model) throw new ConfigError('AGENT_MODEL is required when AGENT_MODEL_BASE_URL is set');
  if (model && !/^[\w.:/@+-]{1,200}$/.test(model)) throw new ConfigError(`AGENT_MODEL is not a model name: "${model}"`);
  const queueName = env.AGENT_QUEUE_NAME || 'agent-replies';
  if (!/^[a-z0-9_.-]{1,60}$/i.test(queueName)) throw new ConfigError('AGENT_QUEUE_NAME must be 1–60 of letters, digits, _ . -');
  return {
    enabled: bool(env, 'AGENT_REPLIES', true),
    modelBaseUrl: (baseUrl ?? 'https://api.openai.com/v1').replace(/\/$/, ''),
    modelApiKey: env.AGENT_MODEL_API_KEY || undefined,
    model,
    replyTimeoutMs: int(env, 'AGENT_REPLY_TIMEOUT_MS', 120_000, 100, 3_600_000),
    idleTimeoutMs: int(env, 'AGENT_IDLE_TIMEOUT_MS', 30_000, 100, 3_600_000),
    modelRetries: int(env, 'AGENT_MODEL_RETRIES', 3, 0, 10),
    maxReplyTokens: int(env, 'AGENT_MAX_REPLY_TOKENS', 512, 16, 32_000),
    contextTokens: int(env, 'AGENT_CONTEXT_TOKENS', 3000, 200, 1_000_000),
    perAgentConcurrency: int(env, 'AGENT_CONCURRENCY_PER_AGENT', 2, 1, 1000),
    workerConcurrency: int(env, 'AGENT_WORKER_CONCURRENCY', 4, 0, 200),
    repliesPerHour: int(env, 'AGENT_REPLIES_PER_HOUR', 30, 1, 1_000_000),
    flushMs: int(env, 'AGENT_STREAM_FLUSH_MS', 250, 0, 60_000),
    queueName,
    pollMs: int(env, 'AGENT_QUEUE_POLL_MS', 1000, 500, 60_000),
  };
}

/** Attachments (issue 7). Files go to a local folder unless MEDIA_STORAGE=s3. */
export interface MediaConfig {
  /** Largest upload in bytes; the upload stops (and the partial file is deleted) once a byte past it arrives. */
  maxUploadBytes: number;
  /** Attachments one message may carry. */
  maxAttachmentsPerMessage: number;
  /** Uploads a person may have waiting (not yet sent in a message). */
  maxPendingUploads: number;
  /** Longest voice message. */
  maxVoiceDurationMs: number;
  /** Unsent uploads older than this are deleted by the sweep. */
  unattachedTtlSeconds: number;
  /** How often the sweep runs (unsent uploads, files of deleted messages); 0: never on this node. */
  sweepIntervalMs: number;
  /** How long a signed download URL (Attachment.url) works. */
  urlTtlSeconds: number;
  storage: 'local' | 's3';
  /** MEDIA_DIR: the local store's folder (default: PARLEY_DATA_DIR/media). */
  localDir: string;
  s3: { bucket: string; region: string; endpoint: string | undefined; accessKeyId: string | undefined; secretAccessKey: string | undefined; forcePathStyle: boolean; prefix: string };
}

function mediaConfig(env: Env, dataDir: string): MediaConfig {
  const storage = (env.MEDIA_STORAGE || 'local').toLowerCase();
  if (storage !== 'local' && storage !== 's3') throw new ConfigError(`MEDIA_STORAGE must be local or s3, got "${env.MEDIA_STORAGE}"`);
  const bucket = env.S3_BUCKET?.trim() ?? '';
  if (storage === 's3' && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError('S3_BUCKET must be a bucket name (3–63 of a-z 0-9 . -) when MEDIA_STORAGE=s3');
  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined;
  if (!!accessKeyId !== !!secretAccessKey) throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or neither: the AWS default credential chain)');
  const prefix = env.S3_PREFIX ?? '';
  if (!/^[\w./-]{0,200}$/.test(prefix)) throw new ConfigError('S3_PREFIX may hold only letters, digits and _ . / -');
  return {
    // Attachment.size is a GraphQL Int: at most 2^31 - 1 bytes.
    maxUploadBytes: int(env, 'UPLOAD_MAX_BYTES', 25 * 1024 * 1024, 1024, 2_147_483_647),
    maxAttachmentsPerMessage: int(env, 'ATTACHMENTS_PER_MESSAGE', 10, 1, 100),
    maxPendingUploads: int(env, 'UPLOAD_MAX_PENDING', 50, 1, 10_000),
    maxVoiceDurationMs: int(env, 'VOICE_MAX_DURATION_MS', 15 * 60_000, 1000, 24 * 3600_000),
    unattachedTtlSeconds: int(env, 'UPLOAD_UNSENT_TTL_SECONDS', 24 * 3600, 1, 365 * 24 * 3600),
    sweepIntervalMs: int(env, 'MEDIA_SWEEP_INTERVAL_MS', 60_000, 0, 24 * 3600_000),
    urlTtlSeconds: int(env, 'ATTACHMENT_URL_TTL_SECONDS', 3600, 10, 7 * 24 * 3600),
    storage: storage as MediaConfig['storage'],
    localDir: resolve(env.MEDIA_DIR || join(dataDir, 'media')),
    s3: {
      bucket,
      region: env.S3_REGION || 'us-east-1',
      endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
      accessKeyId,
      secretAccessKey,
      forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', false),
      prefix,
    },
  };
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
    messageEditWindowSeconds: int(env, 'MESSAGE_EDIT_WINDOW_SECONDS', 900, 0, 30 * 24 * 3600),
    groupMaxMembers: int(env, 'GROUP_MAX_MEMBERS', 100, 3, 10_000),
    searchWindow: int(env, 'SEARCH_WINDOW', 1000, 1, 100_000),
    searchIndexBelow: int(env, 'SEARCH_INDEX_BELOW', 10_000, 0, 1_000_000_000),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 500),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', true),
    graphqlJit: bool(env, 'GRAPHQL_JIT', true),
    graphqlMaxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
    graphqlMaxCost: int(env, 'GRAPHQL_MAX_COST', 20_000, 10, 10_000_000),
    graphqlMaxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 1000),
    graphqlMaxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 2000, 50, 1_000_000),
    requestBodyLimitBytes: int(env, 'REQUEST_BODY_LIMIT_BYTES', 256 * 1024, 1024, 50 * 1024 * 1024),
    statementTimeoutMs: int(env, 'STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000),
    rateLimits: bool(env, 'RATE_LIMITS', true),
    rateLimitSend: rule(env, 'RATE_LIMIT_SEND', '10/60'),
    rateLimitStart: rule(env, 'RATE_LIMIT_START', '20/3600'),
    rateLimitLoginHandle: rule(env, 'RATE_LIMIT_LOGIN_HANDLE', '10/900'),
    rateLimitLoginAddress: rule(env, 'RATE_LIMIT_LOGIN_ADDRESS', '50/900'),
    rateLimitRegisterAddress: rule(env, 'RATE_LIMIT_REGISTER_ADDRESS', '20/3600'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    emailFrom: env.EMAIL_FROM || 'Parley <no-reply@parley.local>',
    emailDigestDelaySeconds: int(env, 'EMAIL_DIGEST_DELAY_SECONDS', 600, 0, 7 * 24 * 3600),
    emailDigestIntervalMs: int(env, 'EMAIL_DIGEST_INTERVAL_MS', 30_000, 50, 3_600_000),
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${env.PORT || 4000}`).replace(/\/$/, ''),
    agentReplies: agentReplyConfig(env),
    media: mediaConfig(env, dataDir),
    nodeEnv,
    logLevel,
  };
}
