import type { Server } from 'node:http';
import { DocumentNode, GraphQLError, GraphQLFormattedError, GraphQLSchema, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import { WebSocketServer, WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Db } from '../../database/db';
import type { RequestContext } from '../../shared/context';
import { AppError, BadInputError, createErrorFormatter } from '../../shared/errors';
import { createLoaders, Loaders } from '../../shared/loaders';
import type { Logger } from '../../shared/logger';
import type { Services } from '../../services';

/** Bounds on what one connection may cost the server. */
export interface WebSocketLimits {
  maxSubscriptionsPerSocket: number;
  /** Bytes queued for a socket that is not reading; past it the socket is closed (slow consumer). */
  maxBufferedBytes: number;
  maxMessageBytes: number;
  maxMessagesPerSecond: number;
  connectionInitTimeoutMs: number;
}

export const DEFAULT_WS_LIMITS: WebSocketLimits = {
  maxSubscriptionsPerSocket: 50,
  maxBufferedBytes: 1024 * 1024,
  maxMessageBytes: 64 * 1024,
  maxMessagesPerSecond: 50,
  connectionInitTimeoutMs: 5000,
};

interface ConnectionState {
  [key: PropertyKey]: unknown;
  viewerId?: string;
  sessionId?: string;
  operations?: Set<string>;
  expiryTimer?: NodeJS.Timeout;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
/** Distinct subscription documents kept parsed and validated (clients send a handful). */
const DOCUMENT_CACHE_SIZE = 200;
/** A slow consumer gets this long to read its 1013 close before the connection is dropped. */
const SLOW_CONSUMER_GRACE_MS = 1000;

/**
 * graphql-ws (subprotocol graphql-transport-ws) on the HTTP server's /graphql path. The token
 * comes in connection_init: none closes with 4401, a bad or expired one with 4403, and a token
 * that expires while connected closes the socket (ending its subscriptions) with 4403.
 */
export function attachWebSocketServer(options: {
  httpServer: Server;
  schema: GraphQLSchema;
  services: Services;
  db: Db;
  logger: Logger;
  limits?: Partial<WebSocketLimits>;
  /** Extra document rules (depth, cost, aliases): the same ones HTTP applies. */
  validationRules?: readonly ValidationRule[];
}) {
  const rules = [...specifiedRules, ...(options.validationRules ?? [])];
  const limits = { ...DEFAULT_WS_LIMITS, ...options.limits };
  const { services, db, logger } = options;
  const format = createErrorFormatter(logger);
  // Errors raised outside a field (no path) keep their typed cause, so extensions such as `reason` survive formatting.
  const formatAll = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((e) => format(e.toJSON(), e.originalError instanceof AppError ? e.originalError : e));
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: limits.maxMessageBytes });

  // Floods: more frames per second than any client needs closes the socket; others are unaffected.
  wss.on('connection', (socket: WebSocket) => {
    let windowStart = Date.now();
    let count = 0;
    socket.on('message', () => {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        count = 0;
      }
      if (++count > limits.maxMessagesPerSecond) socket.close(4429, 'Too many messages');
    });
    socket.on('error', (error) => logger.debug({ err: error.message }, 'websocket error'));
    // graphql-ws waits for each frame to reach the kernel before it sends a subscription's next
    // one, so a client that stops reading would stall with its events piling up unseen and
    // bufferedAmount never past one frame. Frames are queued at once instead: bufferedAmount
    // then measures the backlog, and onNext cuts the consumer off past maxBufferedBytes.
    const write = socket.send.bind(socket);
    socket.send = ((data: string, done?: (error?: Error) => void) => {
      write(data, (error) => error && logger.debug({ err: error.message }, 'websocket send failed'));
      done?.();
    }) as WebSocket['send'];
  });

  // Sign-out, a password change or account deletion end sessions: their sockets close at once, on every node.
  const sockets = new Map<WebSocket, { sessionId: string; viewerId: string }>();
  const stopListening = services.realtime.onSessionsEnded((sessionIds) => {
    for (const [socket, { sessionId }] of sockets) {
      if (sessionIds === 'all' || sessionIds.includes(sessionId)) socket.close(4403, 'Forbidden: session ended');
    }
  });

  const closeOnExpiry = (socket: WebSocket, state: ConnectionState, token: string) => {
    const remaining = services.tokens.expiresInMs(token);
    if (remaining === undefined) return;
    if (remaining <= 0) return socket.close(4403, 'Forbidden: token expired');
    state.expiryTimer = setTimeout(() => closeOnExpiry(socket, state, token), Math.min(remaining, MAX_TIMER_MS));
    state.expiryTimer.unref();
  };

  // Every socket of the web app subscribes with the same few documents: parse and validate each
  // text once and share the result. graphql-ws would otherwise parse per subscription and keep
  // that subscription's own AST (tens of KiB for the app's MessageAdded) for as long as it lives.
  const documents = new Map<string, { document: DocumentNode; errors: readonly GraphQLError[] }>();
  const prepare = (query: string) => {
    let entry = documents.get(query);
    if (!entry) {
      const document = parse(query); // a syntax error throws, as graphql-ws's own parse does
      entry = { document, errors: validate(options.schema, document, rules) };
      if (documents.size >= DOCUMENT_CACHE_SIZE) documents.delete(documents.keys().next().value!);
      documents.set(query, entry);
    }
    return entry;
  };

  // One event reaches many subscribers on this node (everyone in the conversation): they share
  // one set of DataLoaders for it, so the rows its fields need (sender, reactions, versions …)
  // are read once per event, not once per subscriber. Keyed by the event's own object; a filled
  // hole or a replay is read per subscriber and gets loaders of its own.
  const eventLoaders = new WeakMap<object, Loaders>();
  const loadersFor = (event: object) => {
    let loaders = eventLoaders.get(event);
    if (!loaders) eventLoaders.set(event, (loaders = createLoaders(db)));
    return loaders;
  };

  const server = useServer<Record<string, unknown> | undefined, ConnectionState>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      isProd: true,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const auth = await services.sessions.authenticate(typeof raw === 'string' ? raw : undefined);
        const socket = ctx.extra.socket;
        if (!auth) {
          socket.close(4401, 'Unauthorized: send {"authorization": "Bearer <token>"} in connection_init');
          return false;
        }
        if ('error' in auth) {
          socket.close(4403, `Forbidden: ${auth.error === 'expired' ? 'token expired' : auth.error === 'revoked' ? 'session ended' : 'invalid token'}`);
          return false;
        }
        ctx.extra.viewerId = auth.userId;
        ctx.extra.sessionId = auth.sessionId;
        ctx.extra.operations = new Set();
        sockets.set(socket, { sessionId: auth.sessionId, viewerId: auth.userId });
        services.notifications.markSeen([auth.userId]).catch(() => undefined);
        closeOnExpiry(socket, ctx.extra, auth.token);
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const operations = ctx.extra.operations!;
        if (operations.size >= limits.maxSubscriptionsPerSocket) {
          const error = new BadInputError(`At most ${limits.maxSubscriptionsPerSocket} subscriptions per connection`);
          error.extensions.reason = 'TOO_MANY_SUBSCRIPTIONS';
          return [new GraphQLError(error.message, { originalError: error })];
        }
        operations.add(id);
        const { document, errors } = prepare(payload.query);
        if (errors.length) return [...errors];
        return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx): RequestContext => {
        // Loaders are made when a resolver first asks, not per idle subscription.
        let loaders: Loaders | undefined;
        const context: RequestContext = {
          viewerId: ctx.extra.viewerId ?? null,
          realtime: services.realtime,
          get loaders() {
            return (loaders ??= createLoaders(db));
          },
          set loaders(value: Loaders) {
            loaders = value;
          },
        };
        context.renewLoaders = (event) => {
          loaders = event ? loadersFor(event) : createLoaders(db);
        };
        return context;
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        const socket = ctx.extra.socket;
        if (socket.readyState === WebSocket.OPEN && socket.bufferedAmount > limits.maxBufferedBytes) {
          logger.warn({ viewerId: ctx.extra.viewerId, buffered: socket.bufferedAmount }, 'closing a slow consumer');
          socket.close(1013, 'Slow consumer: too much unread data');
          // It is not reading, so it may never answer the close: drop it, and its subscriptions, soon.
          setTimeout(() => socket.terminate(), SLOW_CONSUMER_GRACE_MS).unref();
          return;
        }
        if (result.errors?.length) return { ...result, errors: formatAll(result.errors as GraphQLError[]) };
      },
      onError: (ctx, id, _payload, errors) => {
        ctx.extra.operations?.delete(id);
        return formatAll(errors as GraphQLError[]);
      },
      onComplete: (ctx, id) => {
        ctx.extra.operations?.delete(id);
      },
      onClose: (ctx) => {
        sockets.delete(ctx.extra.socket);
        clearTimeout(ctx.extra.expiryTimer);
      },
    },
    wss,
    12_000,
  );

  return {
    wss,
    /** Who has a socket open on this node (presence for missed-message email). */
    connectedUserIds: (): string[] => [...new Set([...sockets.values()].map((s) => s.viewerId))],
    /** Closes every socket with 1001 (going away) so clients move to another node. */
    close: async () => {
      stopListening();
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
