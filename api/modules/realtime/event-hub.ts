import Redis from 'ioredis';
import type { DomainEvent, EventBus } from '../../shared/events';
import type { Logger } from '../../shared/logger';

const CHANNEL = 'parley:events';

/**
 * Routes domain events to the people they concern, on this node or, with Redis, on every node.
 *
 * Local delivery is a map from user id to that user's open subscriptions, so a socket only
 * wakes for its own viewer's events, and a subscription listens from the moment it is made. With REDIS_URL, every event goes through one Redis pub/sub
 * channel that every node subscribes to once, at start-up, before it serves anyone: there is
 * no window in which a new subscriber's Redis SUBSCRIBE is still in flight. ioredis reconnects
 * and re-subscribes by itself after Redis restarts; events lost meanwhile are recovered by the
 * subscribers' gap filling from PostgreSQL and by the resume path.
 */
export class EventHub implements EventBus {
  private readonly listeners = new Map<string, Set<(event: DomainEvent) => void>>();
  private readonly nodeListeners = new Set<(event: DomainEvent) => void>();
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(
    private readonly logger: Logger,
    /** Sees every event this node publishes (metrics). */
    private readonly onPublish: (event: DomainEvent) => void = () => undefined,
  ) {}

  async connect(redisUrl: string | undefined): Promise<void> {
    if (!redisUrl) return;
    const options = { maxRetriesPerRequest: 3, lazyConnect: true, connectionName: 'parley' };
    this.publisher = new Redis(redisUrl, options);
    this.subscriber = new Redis(redisUrl, options);
    for (const [name, client] of [['publisher', this.publisher], ['subscriber', this.subscriber]] as const) {
      client.on('error', (error) => this.logger.warn({ err: error.message, client: name }, 'redis connection problem'));
      client.on('ready', () => this.logger.info({ client: name }, 'redis ready'));
    }
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    this.subscriber.on('message', (_channel, raw) => {
      try {
        this.deliver(JSON.parse(raw) as DomainEvent);
      } catch (error) {
        this.logger.error({ err: error }, 'dropping an unreadable event from redis');
      }
    });
    await this.subscriber.subscribe(CHANNEL);
  }

  get distributed(): boolean {
    return Boolean(this.publisher);
  }

  publish(event: DomainEvent): void {
    this.onPublish(event);
    if (!this.publisher) return this.deliver(event);
    this.publisher.publish(CHANNEL, JSON.stringify(event)).catch((error) => {
      // Subscribers fill gaps from the database on the next event, and clients resume with `after`.
      this.logger.warn({ err: error.message, kind: event.kind, conversationId: event.conversationId }, 'could not publish an event to redis');
    });
  }

  /** Listens, from now on, to every event addressed to one person; returns the unsubscribe. */
  listen(userId: string, listener: (event: DomainEvent) => void): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** Listens to every event that reaches this node, whoever it is for (node-wide caches). */
  listenAll(listener: (event: DomainEvent) => void): () => void {
    this.nodeListeners.add(listener);
    return () => this.nodeListeners.delete(listener);
  }

  /** Open subscriptions on this node (for the benchmark and health output). */
  get listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private deliver(event: DomainEvent): void {
    for (const listener of this.nodeListeners) listener(event);
    for (const userId of new Set(event.recipients)) {
      for (const listener of this.listeners.get(userId) ?? []) listener(event);
    }
  }

  /** For /readyz: Redis answers (or is not used). */
  async ping(): Promise<boolean> {
    if (!this.publisher) return true;
    return (await this.publisher.ping().catch(() => null)) === 'PONG';
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher?.quit().catch(() => undefined), this.subscriber?.quit().catch(() => undefined)]);
  }
}
