import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Config } from './shared/config';
import type { Logger } from './shared/logger';
import type { RequestContext } from './shared/context';
import { createErrorFormatter } from './shared/errors';
import { createLoaders } from './shared/loaders';
import { createDb, Db } from './database/db';
import { createServices, Services } from './services';
import { createSchema } from './schema';
import { createWebRouter } from './web/web.router';
import { EventHub } from './modules/realtime/event-hub';
import { attachWebSocketServer, WebSocketLimits } from './modules/realtime/ws.server';
import { refusalMessage } from './modules/auth/sessions.service';
import { createExportRouter } from './modules/account/export.router';
import { createMediaRouter } from './modules/media/media.router';
import { EmailDigest } from './modules/notifications/email-digest';
import { RateLimits } from './shared/rate-limits';
import { createGraphqlLimits } from './shared/graphql-limits';
import { jitGateway } from './shared/executor';
import { createMetrics, Metrics, observabilityPlugin, registerDbGauge, requestId } from './shared/observability';

export interface ServerDeps {
  config: Config;
  dataSource: DataSource;
  logger: Logger;
  wsLimits?: Partial<WebSocketLimits>;
}

export interface RunningServer {
  httpServer: Server;
  url: string;
  db: Db;
  services: Services;
  hub: EventHub;
  metrics: Metrics;
  emailDigest?: EmailDigest;
  stop(): Promise<void>;
}

/** Builds and starts the HTTP server: tests start the real thing from here, main.ts too. */
export async function startServer({ config, dataSource, logger, wsLimits }: ServerDeps): Promise<RunningServer> {
  const db = createDb(dataSource);
  let wsClients = () => 0;
  const metrics = createMetrics({ websocketConnections: () => wsClients(), subscriptions: () => hub.listenerCount });
  const hub = new EventHub(logger, (event) => event.kind === 'message' && metrics.messagesSent.inc());
  await hub.connect(config.redisUrl);
  // Agent replies: the queue (waiting or being written, on the in-flight partial index) and the last hour's outcomes.
  registerDbGauge(metrics, (sql) => db.query(sql), {
    name: 'parley_agent_reply_queue_depth',
    help: 'Agent replies waiting or being written',
    sql: `SELECT count(*)::int AS value FROM messages WHERE state IN ('PENDING', 'STREAMING')`,
  });
  registerDbGauge(metrics, (sql) => db.query(sql), {
    name: 'parley_agent_replies_last_hour',
    help: 'Agent replies created in the last hour, by state (COMPLETE, FAILED, PENDING, STREAMING)',
    labelNames: ['state'],
    sql: `SELECT state, count(*)::int AS value FROM messages WHERE requester_id IS NOT NULL AND created_at > now() - interval '1 hour' GROUP BY state`,
  });
  const rateLimits = new RateLimits(config);
  const services = createServices(db, hub, config, rateLimits, logger);
  // Agents that answer: hooked into sending and starting chats; this node also generates replies (AGENT_WORKER_CONCURRENCY).
  services.agentReplies.attach(services.messages, services.conversations);
  await services.agentReplies.start();
  const schema = await createSchema(services);

  const app = express();
  app.disable('x-powered-by');
  // Express would hash every GraphQL response body for an ETag nobody revalidates (POST answers);
  // static files keep theirs (express.static and sendFile make their own).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  const httpServer = createServer(app);
  const limits = createGraphqlLimits(config);
  const ws = attachWebSocketServer({ httpServer, schema, services, db, logger, limits: wsLimits, validationRules: limits.validationRules });
  wsClients = () => ws.wss.clients.size;
  // Presence for missed-message email: whoever has a socket open here is refreshed every 20 s.
  const presence = setInterval(() => {
    services.notifications.markSeen(ws.connectedUserIds()).catch((error) => logger.warn({ err: error.message }, 'presence update failed'));
  }, 20_000).unref();
  const emailDigest = EmailDigest.fromConfig(db, config, logger);
  emailDigest?.start();

  const apollo = new ApolloServer<RequestContext>({
    // Queries and mutations run compiled (graphql-jit, see shared/executor.ts); GRAPHQL_JIT=false: graphql-js.
    ...(config.graphqlJit ? { gateway: jitGateway(schema) } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError: createErrorFormatter(logger),
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    plugins: [
      ...limits.plugins,
      observabilityPlugin(metrics, logger),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // We set no cache hints; Apollo's cache-control plugin would still wrap every field resolution.
      ApolloServerPluginCacheControlDisabled(),
      // Sockets close first (1001, going away) so clients reconnect to another node while HTTP drains.
      { serverWillStart: async () => ({ drainServer: () => ws.close() }) },
    ],
  });
  await apollo.start();

  const graphqlHttp = [
    express.json({ limit: config.requestBodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const auth = await services.sessions.authenticate(req.headers.authorization);
        return {
          requestId: (req as { id?: string }).id,
          clientIp: req.ip,
          viewerId: auth && 'userId' in auth ? auth.userId : null,
          sessionId: auth && 'sessionId' in auth ? auth.sessionId : undefined,
          authError: auth && 'error' in auth ? refusalMessage(auth.error) : undefined,
          loaders: createLoaders(db),
        };
      },
    }),
  ];
  app.use(requestId);
  // POST /graphql is nearly every request: matched first, not after every other route (none of
  // which answers it). GET /graphql (the playground for a browser) and other paths under
  // /graphql still reach Apollo after the web router, below.
  app.post('/graphql', ...graphqlHttp);
  // Liveness: the process answers. Readiness: it can reach what it needs to serve.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const database = await db.query('SELECT 1').then(() => true, () => false);
    const redis = await hub.ping();
    res.status(database && redis ? 200 : 503).json({ status: database && redis ? 'ready' : 'not ready', database, redis: config.redisUrl ? redis : 'not used' });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.use(createExportRouter(services.sessions, services.exporter, logger));
  app.use(createMediaRouter(services.media, services.sessions, logger));
  // Unsent uploads expire; files of deleted attachments are removed (every node may run it).
  services.media.start();
  app.use(createWebRouter(config));
  app.use('/graphql', ...graphqlHttp);
  // Malformed JSON bodies and oversized requests: a GraphQL-shaped error, never an HTML stack page.
  app.use((error: any, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unexpected HTTP error');
    const message = error?.type === 'entity.too.large' ? 'Request body too large' : status === 500 ? 'Internal server error' : 'Malformed request body';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;

  let stopped: Promise<void> | undefined;
  return {
    httpServer,
    url,
    db,
    services,
    hub,
    metrics,
    emailDigest,
    stop: () =>
      (stopped ??= (async () => {
        clearInterval(presence);
        services.media.stop();
        await emailDigest?.stop();
        await services.agentReplies.stop();
        await apollo.stop();
        await hub.close();
        await rateLimits.close();
      })()),
  };
}
