import type { Db } from '../../database/db';
import type { Config } from '../../shared/config';
import type { EventBus } from '../../shared/events';
import { createLogger, Logger } from '../../shared/logger';
import type { ConversationsService } from '../conversations/conversations.service';
import type { MessagesService } from '../messages/messages.service';
import { AgentChatsService } from './agent-chats.service';
import { AgentInsightsService } from './agent-insights.service';
import { AgentKnowledgeService } from './agent-knowledge.service';
import { OwnerControlsService } from './owner-controls.service';
import { OpenAiResponder } from './providers/openai-responder';
import { ReplyContext } from './reply-context';
import { ReplyGenerator } from './reply-generator';
import { ReplyQueue } from './reply-queue';
import { ReplyStore } from './reply-store';
import { SystemMessages } from './system-messages';

/**
 * Agents that answer, wired together: the services the resolvers call, the reply queue and the
 * generator its jobs run. attach() hooks it into sending and starting chats; start() and stop()
 * belong to the server's life.
 */
export class AgentReplies {
  readonly knowledge: AgentKnowledgeService;
  readonly chats: AgentChatsService;
  readonly controls: OwnerControlsService;
  readonly insights: AgentInsightsService;
  readonly queue: ReplyQueue;
  readonly generator: ReplyGenerator;
  private readonly logger: Logger;

  constructor(db: Db, events: EventBus, private readonly config: Config, conversations: ConversationsService) {
    const settings = config.agentReplies;
    this.logger = createLogger(config.logLevel).child({ module: 'agent-replies' });
    const store = new ReplyStore(db);
    const system = new SystemMessages(db, events);
    this.knowledge = new AgentKnowledgeService(db);
    this.queue = new ReplyQueue(db, settings, this.logger);
    this.chats = new AgentChatsService(db, events, store, this.queue, system, settings, this.logger);
    this.controls = new OwnerControlsService(db, system, conversations);
    this.insights = new AgentInsightsService(db);
    const model = settings.model ? new OpenAiResponder(settings) : null;
    this.generator = new ReplyGenerator(store, new ReplyContext(db, this.knowledge, settings.contextTokens), events, settings, this.logger, model);
  }

  attach(messages: MessagesService, conversations: ConversationsService): void {
    messages.onSent(this.chats.afterSend);
    conversations.onStarted(this.chats.afterStart);
  }

  async start(): Promise<void> {
    if (!this.config.agentReplies.enabled) return;
    await this.queue.start((messageId, shutdown, lastTry) => this.runJob(messageId, shutdown, lastTry));
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }

  /** Which responder answers for an agent with this model override. */
  responderFor(agentModel: string | null): string {
    const { model } = this.config.agentReplies;
    return model ? agentModel ?? model : 'builtin';
  }

  private async runJob(messageId: string, shutdown: AbortSignal, lastTry: boolean): Promise<'done' | 'busy'> {
    try {
      return await this.generator.run(messageId, shutdown);
    } catch (error) {
      // Out of retries on something other than the responder (the database): the person must not wait forever.
      if (lastTry && !shutdown.aborted) {
        await this.generator.abandon(messageId, 'Sorry, this reply could not be produced. You can try again.', 'internal').catch(() => undefined);
      }
      throw error;
    }
  }
}
