import { ConfigError, loadConfig } from './config';

const base = { TOKEN_SECRET: 'x'.repeat(40), PARLEY_DATA_DIR: '/tmp/parley-config-spec' };

describe('loadConfig', () => {
  it('reads defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ port: 4000, messageMaxLength: 4000, rateLimitSend: { points: 10, seconds: 60 }, introspection: true, redisUrl: undefined });
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
  ])('stops on %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
