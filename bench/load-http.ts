/**
 * The HTTP load generator, run as its own process (forked by run.ts) so its CPU is not the
 * server's: autocannon keeps `connections` requests in flight against POST /graphql, each
 * request built by setupRequest (a viewer's token, a body), bounded by duration and count.
 * Latencies are taken from autocannon's per-response timings at microsecond resolution
 * (its own histogram rounds to whole milliseconds, too coarse for sub-millisecond reads).
 */
import autocannon from 'autocannon';
import { Samples, summarize, Summary } from './stats';
import { TokenCache } from './tokens';

export interface HttpLoadSpec {
  url: string;
  secret: string;
  connections: number;
  durationS: number;
  maxRequests: number;
  warmupS: number;
  /** Fixed requests, picked in turn: a viewer (person index) and a GraphQL body. */
  bodies?: { viewer: number; body: string }[];
  /** sendMessage into these (viewer, conversation) pairs, picked in turn, with fresh content. */
  sends?: { viewer: number; conversationId: string }[];
  sendDocument?: string;
  /** Tag that makes every message of this run recognisable. */
  tag?: string;
}

export interface HttpLoadResult {
  requests: number;
  ok: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  latency: Summary;
  /** Requests of the warm-up run before the measured one (for CPU per request). */
  warmupRequests?: number;
  /** CPU time per request (warm-up and measured run together) of the server process and of its PostgreSQL backends. */
  serverCpuMsPerRequest?: number;
  postgresCpuMsPerRequest?: number;
  /** The load generator's own CPU per request: it shares the 2 cores with the server and PostgreSQL. */
  loadCpuMsPerRequest?: number;
  /** CPU share the rest of the machine used during the run (0–100): high means the figures are skewed. */
  otherCpuPercent?: number;
}

async function run(spec: HttpLoadSpec, durationS: number, maxRequests: number): Promise<HttpLoadResult> {
  const tokens = new TokenCache(spec.secret);
  let next = 0;
  let sent = 0;
  const samples = new Samples();
  let errors = 0;
  let firstError: string | undefined;
  const setupRequest = (req: Record<string, unknown>) => {
    const i = next++;
    if (spec.sends) {
      const target = spec.sends[i % spec.sends.length];
      const content = `${spec.tag ?? 'bench'} ${i}: the quick brown fox jumps over the lazy dog`;
      return {
        ...req,
        headers: { 'content-type': 'application/json', authorization: tokens.bearer(target.viewer) },
        body: JSON.stringify({ operationName: 'SendMessage', query: spec.sendDocument, variables: { input: { conversationId: target.conversationId, content } } }),
      };
    }
    const item = spec.bodies![i % spec.bodies!.length];
    return { ...req, headers: { 'content-type': 'application/json', authorization: tokens.bearer(item.viewer) }, body: item.body };
  };
  const onResponse = (status: number, body: string) => {
    sent++;
    // A GraphQL error comes back as 200 with "errors": count it, and keep the first for the report.
    if (status !== 200 || body.includes('"errors"')) {
      errors++;
      firstError ??= `${status} ${body.slice(0, 300)}`;
    }
  };
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: durationS,
    maxOverallRequests: maxRequests,
    timeout: 10,
    requests: [{ method: 'POST', setupRequest, onResponse }],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode === 200) samples.push(responseTime);
  });
  const result = await new Promise<any>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const errorCount = errors + (result.errors ?? 0) + (result.timeouts ?? 0);
  return {
    requests: sent,
    ok: sent - errors,
    errors: errorCount,
    firstError,
    seconds: result.duration ?? seconds,
    rps: (sent - errors) / (result.duration ?? seconds),
    latency: summarize(samples.values()),
  };
}

// Stays up for many runs (one spec per message) so each run does not pay a process start.
process.on('message', async (spec: HttpLoadSpec | { ping: true }) => {
  if ('ping' in spec) return process.send!({ ok: true });
  try {
    const warmup = spec.warmupS > 0 ? await run(spec, spec.warmupS, spec.maxRequests) : undefined;
    const result = await run(spec, spec.durationS, spec.maxRequests);
    process.send!({ ok: true, result: { ...result, warmupRequests: warmup?.requests ?? 0 } });
  } catch (error) {
    process.send!({ ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});
