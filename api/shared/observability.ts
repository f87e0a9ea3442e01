import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OperationDefinitionNode } from 'graphql';
import { AppError } from './errors';
import type { Logger } from './logger';

/** Prometheus metrics for one process (prom-client), scraped at /metrics. */
export function createMetrics(gauges: { websocketConnections: () => number; subscriptions: () => number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  return {
    registry,
    operationDuration: new Histogram({
      name: 'parley_graphql_operation_duration_seconds',
      help: 'GraphQL operation latency by type and root field',
      labelNames: ['type', 'field'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({ name: 'parley_graphql_errors_total', help: 'GraphQL errors by extensions.code', labelNames: ['code'] as const, registers: [registry] }),
    messagesSent: new Counter({ name: 'parley_messages_sent_total', help: 'Messages committed', registers: [registry] }),
    websocketConnections: new Gauge({
      name: 'parley_websocket_connections',
      help: 'Open WebSocket connections on this node',
      registers: [registry],
      collect() {
        this.set(gauges.websocketConnections());
      },
    }),
    subscriptions: new Gauge({
      name: 'parley_subscriptions',
      help: 'Live subscriptions on this node',
      registers: [registry],
      collect() {
        this.set(gauges.subscriptions());
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * A gauge read from the database when Prometheus scrapes (queue depth and the like): the rows
 * of `sql` are `{ value, ...labels }`. Keep the SQL on an index: it runs on every scrape.
 */
export function registerDbGauge(
  metrics: Metrics,
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  options: { name: string; help: string; labelNames?: string[]; sql: string },
): void {
  new Gauge({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames ?? [],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const row of await query(options.sql).catch(() => [])) {
        const { value, ...labels } = row;
        this.set(labels as Record<string, string>, Number(value));
      }
    },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every request gets an id (the caller's X-Request-Id when it is sane), echoed in the response. */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.header('x-request-id');
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  (req as { id?: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
};

/**
 * Times each operation by its type and root field (a bounded label set, unlike client-chosen
 * operation names), counts errors by code, and logs one line per operation at debug level —
 * never variables or message content.
 */
export function observabilityPlugin(metrics: Metrics, logger: Logger): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let type = 'unknown';
      let field = 'unknown';
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          type = operation.operation;
          field = rootField(operation);
        },
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const original = error.originalError;
            const code = original instanceof AppError ? original.code : String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
            metrics.errors.inc({ code });
            if (code === 'INTERNAL_SERVER_ERROR') logger.error({ requestId: contextValue.requestId, operationName, field, err: original ?? error }, 'operation failed');
          }
        },
        async willSendResponse({ operationName }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operationDuration.observe({ type, field }, seconds);
          logger.debug({ requestId: contextValue.requestId, operationName, type, field, ms: Math.round(seconds * 1e4) / 10 }, 'graphql operation');
        },
      };
    },
  };
}

function rootField(operation: OperationDefinitionNode): string {
  const first = operation.selectionSet.selections.find((s) => s.kind === 'Field');
  return first && first.kind === 'Field' ? first.name.value : 'fragment';
}
