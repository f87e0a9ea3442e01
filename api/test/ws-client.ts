import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from './harness';

export interface Collected<T = any> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves once `count` events arrived (rejects after timeoutMs with what did arrive). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  dispose(): void;
}

/** A real graphql-ws client, as a third party would use it. */
export function wsClient(url: string, token: string | null, extra: Partial<Parameters<typeof createClient>[0]> = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    ...extra,
  });
}

export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Collected<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const result: Collected<T> = {
    events,
    errors,
    completed: false,
    waitFor: (count, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (events.length >= count) return resolve(events.slice());
          if (errors.length || result.completed) return reject(new Error(`subscription ended after ${events.length} events: ${JSON.stringify(errors)}`));
          waiters.push(check);
        };
        const timer = setTimeout(() => reject(new Error(`timed out with ${events.length}/${count} events: ${JSON.stringify(events).slice(0, 500)}`)), timeoutMs);
        waiters.push(() => clearTimeout(timer));
        check();
      }),
    dispose: () => undispose(),
  };
  const undispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        else events.push(value.data as T);
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: () => {
        result.completed = true;
        notify();
      },
    },
  );
  return result;
}

/** Waits until the server holds `count` live subscriptions (they register asynchronously). */
export async function untilListening(app: TestApp, count: number, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (app.server.hub.listenerCount < count) {
    if (Date.now() - started > timeoutMs) throw new Error(`only ${app.server.hub.listenerCount}/${count} subscriptions registered`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
