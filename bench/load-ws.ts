/**
 * The subscription load generator, run as its own process (forked by run.ts): a pool of real
 * graphql-ws clients, one socket per person, driven step by step over IPC so run.ts can read
 * the server's memory between steps:
 *   open       N authenticated sockets (connection_init with the bearer token, acked)
 *   subscribe  each socket to messageAdded of its person's conversation, then one probe message
 *              per conversation until every socket has seen one (so every subscription is live)
 *   run        sendMessage over HTTP at a fixed rate (open loop); each delivery's latency is the
 *              time from the send request leaving this process to the event arriving on a socket
 *   close      every socket
 * Everything is bounded: connection and probe deadlines, a fixed number of sends, a drain wait.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { Client, createClient } from 'graphql-ws';
import { MESSAGE_ADDED, SEND_MESSAGE } from './queries';
import { Samples, summarize } from './stats';
import { TokenCache } from './tokens';

export type WsCommand =
  | { cmd: 'open'; httpUrl: string; secret: string; people: number[] }
  | { cmd: 'subscribe'; subscriptions: { person: number; conversationId: string }[] }
  | { cmd: 'run'; rate: number; durationS: number; sends: { person: number; conversationId: string }[]; tag: string }
  | { cmd: 'close' };

let httpUrl = '';
let tokens: TokenCache;
const clients = new Map<number, Client>();
/** conversationId -> people subscribed to it. */
const subscribers = new Map<string, number[]>();
/** Called with (person, content) for every messageAdded event. */
let onMessage: (person: number, content: string) => void = () => undefined;
let subscriptionErrors = 0;
let firstSubscriptionError: string | undefined;

const reply = (message: object) => process.send!(message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let firstSendError: string | undefined;

async function sendMessage(person: number, conversationId: string, content: string): Promise<boolean> {
  try {
    const response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: tokens.bearer(person) },
      body: JSON.stringify({ operationName: 'SendMessage', query: SEND_MESSAGE, variables: { input: { conversationId, content } } }),
    });
    const text = await response.text();
    if (response.ok && !text.includes('"errors"')) return true;
    firstSendError ??= `${response.status} ${text.slice(0, 300)}`;
    return false;
  } catch (error) {
    firstSendError ??= String((error as Error & { cause?: unknown }).cause ?? error);
    return false;
  }
}

async function open(people: number[]): Promise<void> {
  const wsUrl = httpUrl.replace(/^http/, 'ws');
  const started = performance.now();
  let failed = 0;
  let firstError: string | undefined;
  const deadline = Date.now() + 120_000;
  // In batches, as a real population connects over time rather than in one instant.
  for (let i = 0; i < people.length && Date.now() < deadline; i += 100) {
    await Promise.all(
      people.slice(i, i + 100).map(
        (person) =>
          new Promise<void>((resolve) => {
            const client = createClient({
              url: wsUrl,
              webSocketImpl: WebSocket,
              lazy: false,
              retryAttempts: 0,
              keepAlive: 0,
              connectionParams: { authorization: tokens.bearer(person) },
              on: { connected: () => resolve() },
              onNonLazyError: (error) => {
                failed++;
                firstError ??= String((error as { reason?: string })?.reason ?? error);
                resolve();
              },
            });
            clients.set(person, client);
          }),
      ),
    );
  }
  reply({ event: 'opened', ms: performance.now() - started, open: clients.size - failed, failed, firstError });
}

async function subscribe(subscriptions: { person: number; conversationId: string }[]): Promise<void> {
  const started = performance.now();
  const seen = new Set<number>();
  onMessage = (person) => seen.add(person);
  for (const { person, conversationId } of subscriptions) {
    const client = clients.get(person);
    if (!client) continue;
    subscribers.set(conversationId, [...(subscribers.get(conversationId) ?? []), person]);
    client.subscribe<{ messageAdded: { content: string } }>(
      { query: MESSAGE_ADDED, variables: { conversationId } },
      {
        next: (result) => {
          if (result.data) onMessage(person, result.data.messageAdded.content);
          else {
            subscriptionErrors++;
            firstSubscriptionError ??= JSON.stringify(result.errors);
          }
        },
        error: (error) => {
          subscriptionErrors++;
          firstSubscriptionError ??= String((error as { reason?: string })?.reason ?? error);
        },
        complete: () => undefined,
      },
    );
  }
  // Probe the last conversations subscribed (the server takes subscribe frames in order): one
  // message each, again until every socket of theirs has seen one. Then all earlier ones are
  // live too; the run's missing-delivery count checks every subscription anyway.
  const conversations = [...subscribers.keys()];
  const probed = conversations.slice(-50);
  const probedPeople = probed.flatMap((c) => subscribers.get(c)!);
  const deadline = Date.now() + 60_000;
  let probes = 0;
  while (probedPeople.some((p) => !seen.has(p)) && Date.now() < deadline) {
    const pending = probed.filter((c) => subscribers.get(c)!.some((p) => !seen.has(p)));
    await Promise.all(
      pending.map((c) => {
        probes++;
        return sendMessage(subscribers.get(c)![0], c, `probe ${probes}`).catch(() => false);
      }),
    );
    const wait = Date.now() + 3000;
    while (probedPeople.some((p) => !seen.has(p)) && Date.now() < wait) await sleep(20);
  }
  reply({
    event: 'subscribed',
    ms: performance.now() - started,
    live: probedPeople.filter((p) => seen.has(p)).length,
    wanted: probedPeople.length,
    probes,
    errors: subscriptionErrors,
    firstError: firstSubscriptionError,
  });
}

async function run(rate: number, durationS: number, sends: { person: number; conversationId: string }[], tag: string): Promise<void> {
  const total = Math.round(rate * durationS);
  const sentAt = new Float64Array(total);
  const senderOf = new Int32Array(total);
  const expected = new Int32Array(total);
  const received = new Int32Array(total);
  const all = new Samples();
  const others = new Samples();
  const sendLatency = new Samples();
  let failedSends = 0;
  let late = 0;
  let inFlight = 0;
  let overloaded = false;
  // Open loop, but bounded: past this many unanswered sends the server is not keeping up with
  // the rate, and the latency measured from then on would only measure the queue.
  const maxInFlight = Math.max(100, rate);
  const prefix = `${tag} `;
  onMessage = (person, content) => {
    if (!content.startsWith(prefix)) return;
    const k = Number(content.slice(prefix.length, content.indexOf(':')));
    if (!(k >= 0 && k < total)) return;
    const ms = performance.now() - sentAt[k];
    received[k]++;
    all.push(ms);
    if (person !== senderOf[k]) others.push(ms);
  };
  const started = performance.now();
  let next = 0;
  const inflight: Promise<void>[] = [];
  while (next < total && !overloaded) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; next < due; next++) {
      if (inFlight >= maxInFlight) {
        overloaded = true;
        break;
      }
      const k = next;
      const target = sends[k % sends.length];
      senderOf[k] = target.person;
      expected[k] = subscribers.get(target.conversationId)?.length ?? 0;
      sentAt[k] = performance.now();
      inFlight++;
      inflight.push(
        sendMessage(target.person, target.conversationId, `${prefix}${k}: how is it going over there?`)
          .then((ok) => {
            if (ok) sendLatency.push(performance.now() - sentAt[k]);
            else failedSends++;
          })
          .catch(() => {
            failedSends++;
          })
          .finally(() => inFlight--),
      );
    }
    await sleep(2);
  }
  const sendSeconds = (performance.now() - started) / 1000;
  const sent = next;
  await Promise.all(inflight);
  // Stragglers: wait up to 5 s for every expected delivery.
  const drainUntil = Date.now() + 5000;
  const missing = () => {
    let m = 0;
    for (let k = 0; k < sent; k++) m += Math.max(0, expected[k] - received[k]);
    return m;
  };
  while (missing() > 0 && Date.now() < drainUntil) await sleep(20);
  for (let k = 0; k < sent; k++) if (received[k] > expected[k]) late += received[k] - expected[k];
  reply({
    event: 'result',
    sent,
    planned: total,
    overloaded,
    failedSends,
    firstSendError,
    achievedRate: sent / sendSeconds,
    deliveries: summarize(all.values()),
    toOthers: summarize(others.values()),
    send: summarize(sendLatency.values()),
    missing: missing(),
    duplicates: late,
    subscriptionErrors,
    firstSubscriptionError,
  });
}

async function close(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.dispose()));
  clients.clear();
  reply({ event: 'closed' });
  setTimeout(() => process.exit(0), 100);
}

process.on('message', (command: WsCommand) => {
  const step = (() => {
    switch (command.cmd) {
      case 'open':
        httpUrl = command.httpUrl;
        tokens = new TokenCache(command.secret);
        return open(command.people);
      case 'subscribe':
        return subscribe(command.subscriptions);
      case 'run':
        return run(command.rate, command.durationS, command.sends, command.tag);
      case 'close':
        return close();
    }
  })();
  step.catch((error) => reply({ event: 'error', error: error instanceof Error ? error.stack : String(error) }));
});
