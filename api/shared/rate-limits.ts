import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config, RateLimitRule } from './config';
import { RateLimitedError } from './errors';

export type LimitKind = 'send' | 'start' | 'loginHandle' | 'loginAddress' | 'registerAddress';

const MESSAGES: Record<LimitKind, string> = {
  send: 'You are sending messages too fast',
  start: 'You have started too many new conversations',
  loginHandle: 'Too many sign-in attempts for this handle',
  loginAddress: 'Too many sign-in attempts from your address',
  registerAddress: 'Too many accounts created from your address',
};

/**
 * Per-person and per-address limits (rate-limiter-flexible): in Redis when REDIS_URL is set, so
 * they hold across nodes, in memory otherwise. A refused call raises RATE_LIMITED with
 * retryAfterSeconds before anything is written.
 */
export class RateLimits {
  private readonly limiters = new Map<LimitKind, RateLimiterAbstract>();
  private redis?: Redis;

  constructor(config: Config) {
    if (!config.rateLimits) return;
    if (config.redisUrl) this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false });
    const rules: Record<LimitKind, RateLimitRule> = {
      send: config.rateLimitSend,
      start: config.rateLimitStart,
      loginHandle: config.rateLimitLoginHandle,
      loginAddress: config.rateLimitLoginAddress,
      registerAddress: config.rateLimitRegisterAddress,
    };
    for (const [kind, rule] of Object.entries(rules) as [LimitKind, RateLimitRule][]) {
      const options = { keyPrefix: `parley:rl:${kind}`, points: rule.points, duration: rule.seconds };
      this.limiters.set(
        kind,
        this.redis
          ? // If Redis is unreachable, fall back to this node's memory rather than refusing everyone.
            new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
          : new RateLimiterMemory(options),
      );
    }
  }

  /** Takes one point for `key`, or throws RATE_LIMITED. */
  async consume(kind: LimitKind, key: string): Promise<void> {
    const limiter = this.limiters.get(kind);
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw this.refusal(kind, result);
      throw result;
    }
  }

  /** Throws RATE_LIMITED if `key` has no points left, without taking one. */
  async check(kind: LimitKind, key: string): Promise<void> {
    const limiter = this.limiters.get(kind);
    const state = limiter && (await limiter.get(key));
    if (limiter && state && state.consumedPoints >= limiter.points) throw this.refusal(kind, state);
  }

  private refusal(kind: LimitKind, result: RateLimiterRes): RateLimitedError {
    const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    return new RateLimitedError(`${MESSAGES[kind]}: try again in ${retryAfterSeconds} s`, retryAfterSeconds);
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
