import { ConfigError, loadConfig } from './config';

const base = { TOKEN_SECRET: 'x'.repeat(40), PARLEY_DATA_DIR: '/tmp/parley-config-spec' };

describe('loadConfig', () => {
  it('reads defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ port: 4000, messageMaxLength: 4000, rateLimitSend: { points: 10, seconds: 60 }, introspection: true, redisUrl: undefined });
    expect(config.media).toMatchObject({ storage: 'local', localDir: '/tmp/parley-config-spec/media', maxUploadBytes: 25 * 1024 * 1024, maxAttachmentsPerMessage: 10, urlTtlSeconds: 3600 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a valid URL/],
    [{ TOKEN_SECRET: 'short' }, /TOKEN_SECRET must be at least 32 characters/],
    [{ GRAPHQL_INTROSPECTION: 'maybe' }, /GRAPHQL_INTROSPECTION must be true or false/],
    [{ RATE_LIMIT_SEND: 'ten per minute' }, /RATE_LIMIT_SEND must look like 10\/60/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ NODE_ENV: 'production', TOKEN_SECRET: '' }, /TOKEN_SECRET is required when NODE_ENV=production/],
    [{ UPLOAD_MAX_BYTES: '10' }, /UPLOAD_MAX_BYTES must be between 1024 and/],
    [{ ATTACHMENTS_PER_MESSAGE: '0' }, /ATTACHMENTS_PER_MESSAGE must be between 1 and 100/],
    [{ MEDIA_STORAGE: 'ftp' }, /MEDIA_STORAGE must be local or s3/],
    [{ MEDIA_STORAGE: 's3' }, /S3_BUCKET must be a bucket name/],
    [{ MEDIA_STORAGE: 's3', S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'key' }, /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/],
    [{ S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT must start with http:\/\/ or https:\/\//],
  ])('stops on %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
