import PgBoss from 'pg-boss';
import type { Db } from '../../database/db';
import type { AgentReplyConfig } from '../../shared/config';
import type { Logger } from '../../shared/logger';
import { ShutdownError } from './providers/responder';

interface ReplyJob {
  messageId: string;
}

/** Runs one job; 'busy' puts it back for a second later without using up a retry. */
export type JobRunner = (messageId: string, shutdown: AbortSignal, lastTry: boolean) => Promise<'done' | 'busy'>;

const BUSY_DELAY_SECONDS = 1;
const RETRY_LIMIT = 5;

const adapter = (db: Db): PgBoss.Db => ({ executeSql: async (text, values) => ({ rows: await db.query(text, values ?? []) }) });

/**
 * The durable reply queue: pg-boss in this PostgreSQL (its own schema, its own migrations),
 * so a job is taken by exactly one node (SKIP LOCKED) and survives restarts. Jobs are
 * enqueued in the same transaction as the reply row they name, so neither exists without the
 * other. This node fetches up to workerConcurrency jobs at a time with its own loop (not
 * boss.work, which neither awaits its completions nor runs a batch's jobs independently).
 * Stopping aborts replies in flight and fails their jobs, which pg-boss retries after a
 * delay on whichever node is up; a node that dies outright leaves its jobs active until they
 * expire (the reply timeout, which covers every attempt, plus a minute) and pg-boss's
 * maintenance puts them back.
 */
export class ReplyQueue {
  private boss: PgBoss;
  private started?: Promise<void>;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private poked = false;
  private readonly inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly db: Db,
    private readonly config: AgentReplyConfig,
    private readonly logger: Logger,
  ) {
    this.boss = this.newBoss();
  }

  private newBoss(): PgBoss {
    const boss = new PgBoss({ db: adapter(this.db), schedule: false, supervise: true, maintenanceIntervalSeconds: 30, migrate: true });
    boss.on('error', (error) => this.logger.warn({ err: error.message }, 'reply queue problem'));
    return boss;
  }

  get queueName(): string {
    return this.config.queueName;
  }

  /** Given with every job (a queue keeps the options it was created with; settings may have changed since). */
  private get jobOptions() {
    return { retryLimit: RETRY_LIMIT, retryDelay: 1, retryBackoff: true, expireInSeconds: Math.ceil(this.config.replyTimeoutMs / 1000) + 60 };
  }

  /** Installs pg-boss's schema (first node only) and the queue; then, if runner is given, starts taking jobs. */
  start(runner?: JobRunner): Promise<void> {
    return (this.started ??= (async () => {
      await this.install();
      if (runner && this.config.workerConcurrency > 0) {
        this.running = true;
        this.loop = this.fetchLoop(runner);
      }
    })());
  }

  /**
   * Nodes starting together on a fresh database race to install pg-boss's schema and create
   * queues (seen as deadlocks and duplicate-object errors): whoever loses tries again on a
   * fresh instance (a PgBoss whose start failed stays half-started), and finds it installed.
   */
  private async install(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.start();
        await this.boss.createQueue(this.queueName, { name: this.queueName, ...this.jobOptions });
        return;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (attempt >= 5 || !['40P01', '23505', '42P07', '42710', '42P06'].includes(code)) throw error;
        this.logger.info({ err: (error as Error).message, attempt }, 'another node is installing the reply queue: trying again');
        await this.boss.stop({ graceful: false, close: false }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 250 * attempt));
        this.boss = this.newBoss();
      }
    }
  }

  /** Queues a reply inside the caller's transaction. */
  async enqueue(tx: Db, messageId: string, startAfterSeconds = 0): Promise<void> {
    await this.start();
    const data: ReplyJob = { messageId };
    await this.boss.send(this.queueName, data, { ...this.jobOptions, db: adapter(tx), startAfter: startAfterSeconds });
  }

  /** A job was queued here: look now instead of at the next poll. */
  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  private async fetchLoop(runner: JobRunner): Promise<void> {
    while (this.running) {
      const free = this.config.workerConcurrency - this.inFlight.size;
      if (free > 0) {
        this.poked = false;
        const jobs = await this.boss
          .fetch<ReplyJob>(this.queueName, { batchSize: free, includeMetadata: true })
          .catch((error) => (this.logger.warn({ err: error.message }, 'could not fetch reply jobs'), []));
        for (const job of jobs) this.runJob(job, runner);
        if (jobs.length === free) continue; // there may be more waiting
      }
      if (this.poked && this.inFlight.size < this.config.workerConcurrency) {
        this.poked = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private runJob(job: PgBoss.JobWithMetadata<ReplyJob>, runner: JobRunner): void {
    const controller = new AbortController();
    const done = (async () => {
      try {
        const outcome = await runner(job.data.messageId, controller.signal, job.retryCount >= job.retryLimit);
        if (outcome === 'busy') {
          // A fresh job a second from now, then this one is done: waiting for a slot is not a failure.
          await this.boss.send(this.queueName, job.data, { ...this.jobOptions, startAfter: BUSY_DELAY_SECONDS });
        }
        await this.boss.complete(this.queueName, job.id);
      } catch (error) {
        if (!(error instanceof ShutdownError)) this.logger.error({ err: error, messageId: job.data.messageId }, 'reply job failed; pg-boss will retry it');
        await this.boss.fail(this.queueName, job.id, { message: (error as Error).message }).catch(() => undefined);
      } finally {
        this.inFlight.delete(job.id);
        this.wake?.();
      }
    })();
    this.inFlight.set(job.id, { controller, done });
  }

  /** Stops taking jobs, aborts replies in flight (their jobs are failed, to be retried), stops pg-boss. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.started?.catch(() => undefined);
    for (const { controller } of this.inFlight.values()) controller.abort(new ShutdownError());
    await Promise.allSettled([...this.inFlight.values()].map((j) => j.done));
    await this.loop;
    await this.boss.stop({ graceful: false, close: false, wait: true });
  }

  /** For tests: pg-boss's own maintenance (expires jobs of nodes that died) run now. */
  async maintain(): Promise<void> {
    await (this.boss as unknown as { maintain(): Promise<void> }).maintain();
  }
}
