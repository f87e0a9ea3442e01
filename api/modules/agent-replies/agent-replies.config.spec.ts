import { ConfigError, loadConfig } from '../../shared/config';

const base = { TOKEN_SECRET: 'x'.repeat(40), PARLEY_DATA_DIR: '/tmp/parley-config-spec' };

describe('agent reply settings', () => {
  it('default to the built-in responder, on, with the documented limits', () => {
    expect(loadConfig(base).agentReplies).toEqual({
      enabled: true,
      modelBaseUrl: 'https://api.openai.com/v1',
      modelApiKey: undefined,
      model: undefined,
      replyTimeoutMs: 120_000,
      idleTimeoutMs: 30_000,
      modelRetries: 3,
      maxReplyTokens: 512,
      contextTokens: 3000,
      perAgentConcurrency: 2,
      workerConcurrency: 4,
      repliesPerHour: 30,
      flushMs: 250,
      queueName: 'agent-replies',
      pollMs: 1000,
    });
  });

  it('take a model server (a trailing slash is dropped)', () => {
    const config = loadConfig({ ...base, AGENT_MODEL: 'llama3.1:8b', AGENT_MODEL_BASE_URL: 'http://localhost:11434/v1/', AGENT_REPLIES: 'off' });
    expect(config.agentReplies).toMatchObject({ model: 'llama3.1:8b', modelBaseUrl: 'http://localhost:11434/v1', enabled: false });
  });

  it.each([
    [{ AGENT_MODEL_BASE_URL: 'http://localhost:11434/v1' }, /AGENT_MODEL is required when AGENT_MODEL_BASE_URL is set/],
    [{ AGENT_MODEL_BASE_URL: 'ftp://models', AGENT_MODEL: 'm' }, /AGENT_MODEL_BASE_URL must start with http:\/\/ or https:\/\//],
    [{ AGENT_MODEL: 'two words' }, /AGENT_MODEL is not a model name/],
    [{ AGENT_QUEUE_NAME: 'no spaces' }, /AGENT_QUEUE_NAME must be/],
    [{ AGENT_QUEUE_POLL_MS: '100' }, /AGENT_QUEUE_POLL_MS must be between 500 and 60000/],
    [{ AGENT_REPLIES_PER_HOUR: '0' }, /AGENT_REPLIES_PER_HOUR must be between 1 and/],
    [{ AGENT_REPLIES: 'sometimes' }, /AGENT_REPLIES must be true or false/],
  ])('stop on %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
