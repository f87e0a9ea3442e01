import type { AgentReplyConfig } from '../../shared/config';
import type { EventBus } from '../../shared/events';
import type { Logger } from '../../shared/logger';
import { Message, MessageState } from '../messages/messages.types';
import type { ReplyContext } from './reply-context';
import type { Claimed, ReplyStore } from './reply-store';
import { BuiltinResponder } from './providers/builtin-responder';
import { ContentWriter } from './content-writer';
import { FailureReason, ReplyFailure, ReplyRequest, Responder, ShutdownError } from './providers/responder';

/** Another worker owns the reply now (this one lost its job): stop without writing. */
class FencedError extends Error {}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new ShutdownError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ShutdownError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export function failureNotice(reason: FailureReason | 'paused' | 'taken_over', agentName: string, ownerName: string): string {
  switch (reason) {
    case 'timeout':
      return `Sorry, ${agentName} took too long to answer. You can try again.`;
    case 'rate_limited':
      return `Sorry, ${agentName} is getting too many requests right now. Please try again in a minute.`;
    case 'paused':
      return `${agentName} was paused before it could answer. ${ownerName} will see your message.`;
    case 'taken_over':
      return `${ownerName} is answering in this chat now.`;
    default:
      return `Sorry, ${agentName} couldn't answer just now. You can try again; ${ownerName} can read this conversation.`;
  }
}

/**
 * Produces one reply: claims it, streams it from the responder, publishes every piece at once
 * (in order) and writes the content so far to the database at most every flushMs, then stores
 * the final text. A broken stream starts the same reply over (a new attempt), up to
 * modelRetries times; timeouts and refusals end it FAILED with a short notice.
 */
export class ReplyGenerator {
  private readonly builtin = new BuiltinResponder();

  constructor(
    private readonly store: ReplyStore,
    private readonly context: ReplyContext,
    private readonly events: EventBus,
    private readonly config: AgentReplyConfig,
    private readonly logger: Logger,
    private readonly model: Responder | null,
  ) {}

  /** How long a claimed reply counts against its agent's cap without a sign of life. */
  get leaseMs(): number {
    return this.config.replyTimeoutMs + 30_000;
  }

  async run(messageId: string, shutdown: AbortSignal): Promise<'done' | 'busy'> {
    const claim = await this.store.claim(messageId, this.config.perAgentConcurrency, this.leaseMs);
    if (claim.kind === 'gone') {
      // Finished already (nothing changes), or its agent was deleted while it waited.
      await this.abandon(messageId, 'This agent was deleted before it could answer.', 'agent_deleted');
      return 'done';
    }
    if (claim.kind === 'busy') return 'busy';
    if (claim.kind === 'blocked') {
      await this.failWith(claim.reply, null, claim.why, null);
      return 'done';
    }
    const reply = claim.reply;
    const responder = this.model ?? this.builtin;
    const model = this.model ? reply.model ?? this.config.model : undefined;
    const label = responder.label(model);
    let message = reply.message;
    this.update(reply, message, '', 0);
    const request = await this.context.build(reply, model);
    // One deadline for the whole reply, restarts included, so it always ends before its job expires.
    const deadline = Date.now() + this.config.replyTimeoutMs;
    for (let restarts = 0; ; restarts++) {
      try {
        const content = await this.streamOnce(reply, message, responder, request, shutdown, deadline);
        const done = await this.store.complete(message.id, message.attempt!, content, label);
        if (done) {
          const { recipients, ...final } = done;
          this.update(reply, final, '', final.content.length, true);
          this.events.publish({ kind: 'conversation', conversationId: final.conversationId, recipients });
        }
        return 'done';
      } catch (error) {
        if (error instanceof ShutdownError) {
          await this.store.release(message.id, message.attempt!).catch(() => undefined);
          throw error;
        }
        if (error instanceof FencedError) return 'done';
        if (!(error instanceof ReplyFailure)) throw error; // the database, most likely: the job is retried
        if (error.restartable && restarts < this.config.modelRetries) {
          this.logger.warn({ messageId, attempt: message.attempt, err: error.message }, 'agent reply broke off: starting it over');
          await sleep(Math.min(250 * 2 ** restarts, 5000), shutdown);
          const again = await this.store.restart(message.id, message.attempt!, this.leaseMs);
          if (!again) return 'done';
          message = again;
          this.update(reply, message, '', 0);
          continue;
        }
        this.logger.warn({ messageId, reason: error.reason, err: error.message }, 'agent reply failed');
        await this.failWith(reply, message.attempt!, error.reason, label);
        return 'done';
      }
    }
  }

  /** Marks the reply FAILED with a notice the person can read (and retry from). */
  async failWith(reply: Claimed, attempt: number | null, reason: FailureReason | 'paused' | 'taken_over', responder: string | null): Promise<void> {
    const notice = failureNotice(reason, reply.agentName, reply.ownerName);
    const failed = await this.store.fail(reply.message.id, attempt, notice, reason, responder);
    if (failed) this.update(reply, failed, '', failed.content.length);
  }

  private async streamOnce(reply: Claimed, message: Message, responder: Responder, request: Omit<ReplyRequest, 'signal'>, shutdown: AbortSignal, deadline: number): Promise<string> {
    const controller = new AbortController();
    const abort = (reason: Error) => controller.abort(reason);
    const onShutdown = () => abort(new ShutdownError());
    if (shutdown.aborted) throw new ShutdownError();
    shutdown.addEventListener('abort', onShutdown, { once: true });
    const { replyTimeoutMs, idleTimeoutMs, flushMs } = this.config;
    const total = setTimeout(() => abort(new ReplyFailure('timeout', `no complete reply within ${replyTimeoutMs} ms`)), Math.max(0, deadline - Date.now()));
    const idleAbort = () => abort(new ReplyFailure('timeout', `nothing from the responder for ${idleTimeoutMs} ms`));
    let idle = setTimeout(idleAbort, idleTimeoutMs);
    let content = '';
    const writer = new ContentWriter((text) => this.store.flush(message.id, message.attempt!, text, this.leaseMs), flushMs);
    try {
      for await (const piece of responder.stream({ ...request, signal: controller.signal })) {
        clearTimeout(idle);
        idle = setTimeout(idleAbort, idleTimeoutMs);
        const offset = content.length;
        content += piece;
        await writer.push(content);
        if (writer.fenced) throw new FencedError();
        this.update(reply, { ...message, state: MessageState.STREAMING, content }, piece, offset);
      }
      if (controller.signal.aborted) throw controller.signal.reason;
    } catch (error) {
      // Whatever the responder threw while being aborted, the reason for the abort is what happened.
      if (controller.signal.aborted && !(error instanceof FencedError)) throw controller.signal.reason;
      throw error;
    } finally {
      clearTimeout(total);
      clearTimeout(idle);
      shutdown.removeEventListener('abort', onShutdown);
      await writer.close();
    }
    if (writer.fenced) throw new FencedError();
    if (!content.trim()) throw new ReplyFailure('empty', 'the responder sent no text');
    return content;
  }

  /** Marks a reply FAILED whoever holds it (if it is still in flight) and tells its subscribers. */
  async abandon(messageId: string, notice: string, reason: string): Promise<void> {
    const failed = await this.store.fail(messageId, null, notice, reason, null);
    if (!failed) return;
    const recipients = await this.store.recipients(failed.conversationId);
    this.events.publish({ kind: 'message_updated', conversationId: failed.conversationId, recipients, message: failed, delta: '', offset: failed.content.length });
  }

  private update(reply: Claimed, message: Message, delta: string, offset: number, completed = false): void {
    this.events.publish({ kind: 'message_updated', conversationId: message.conversationId, recipients: reply.recipients, message, delta, offset, ...(completed ? { completed: true as const } : {}) });
  }
}
