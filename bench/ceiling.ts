/**
 * The database's own ceiling for our work, run as its own process (forked by run.ts) while no
 * server runs: the very SQL statements the server executed for one request (recorded by
 * sql-recorder.js in a capture run), replayed straight through `pg` by `connections` workers
 * at once. Statements the server ran concurrently (DataLoader batches resolved in the same
 * tick) are replayed concurrently; the rest in order, as the server ran them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { Samples, summarize, Summary } from './stats';
import { cpuMs } from './server-proc';

export interface Statement {
  text: string;
  values?: unknown[];
  /** Set when the server ran it as a named prepared statement: replayed the same way. */
  name?: string;
}

/** One request's statements: waves run one after another, a wave's statements at once. */
export interface Script {
  waves: Statement[][];
}

export const statementCount = (script: Script) => script.waves.reduce((n, wave) => n + wave.length, 0);

export interface CeilingSpec {
  databaseUrl: string;
  poolSize: number;
  connections: number;
  durationS: number;
  maxRequests: number;
  warmupS: number;
  /** Either the scripts themselves, or one script and rows of ids to swap into it. */
  scripts?: Script[];
  template?: { script: Script; keys: string[]; rows: string[][] };
}

function scriptsOf(spec: CeilingSpec): Script[] {
  if (spec.scripts) return spec.scripts;
  const { script, keys, rows } = spec.template!;
  return rows.map((row) => substitute(script, new Map(keys.map((key, i) => [key, row[i]]))));
}

export interface CeilingResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  latency: Summary;
  /** CPU of the replay's PostgreSQL backends per request (from /proc), to set beside the server run's. */
  postgresCpuMsPerRequest?: number;
  /** The replaying process's own CPU per request. */
  loadCpuMsPerRequest?: number;
}

/** Forgets what the recorder wrote so far (call before the request to capture). */
export function resetRecording(file: string): void {
  writeFileSync(file, '');
}

/** Reads what the recorder wrote for one request, grouped into waves by overlap in time. */
export function readRecording(file: string): Script {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Statement & { start: string; end: string })
    .map((r) => ({ name: r.name, text: r.text, values: r.values, start: BigInt(r.start), end: BigInt(r.end) }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const waves: Statement[][] = [];
  let waveEnd = -1n;
  for (const row of rows) {
    if (row.start > waveEnd) waves.push([]);
    waves[waves.length - 1].push({ name: row.name, text: row.text, values: row.values });
    if (row.end > waveEnd) waveEnd = row.end;
  }
  return { waves };
}

/** The same script with ids swapped (for example another sender and conversation). */
export function substitute(script: Script, swaps: Map<string, string>): Script {
  const swap = (v: unknown): unknown => (typeof v === 'string' ? swaps.get(v) ?? v : Array.isArray(v) ? v.map(swap) : v);
  return { waves: script.waves.map((wave) => wave.map((s) => ({ name: s.name, text: s.text, values: s.values?.map(swap) }))) };
}

async function run(pool: Pool, spec: CeilingSpec, scripts: Script[], durationS: number, backends: number[] = []): Promise<CeilingResult> {
  const pgCpu = () => backends.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const pg0 = pgCpu();
  const own0 = process.cpuUsage();
  const samples = new Samples();
  let next = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + durationS * 1000;
  const worker = async () => {
    while (performance.now() < deadline && next < spec.maxRequests) {
      const script = scripts[next++ % scripts.length];
      const t = performance.now();
      try {
        for (const wave of script.waves) {
          if (wave.length === 1) await pool.query(wave[0]);
          else await Promise.all(wave.map((s) => pool.query(s)));
        }
        samples.push(performance.now() - t);
        done++;
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const own = process.cpuUsage(own0);
  return {
    requests: done,
    errors,
    firstError,
    seconds,
    rps: done / seconds,
    latency: summarize(samples.values()),
    postgresCpuMsPerRequest: done ? (pgCpu() - pg0) / done : undefined,
    loadCpuMsPerRequest: done ? (own.user + own.system) / 1000 / done : undefined,
  };
}

// Stays up for many runs (one spec per message); each run gets its own pool of poolSize connections.
if (require.main === module) {
  process.on('message', async (spec: CeilingSpec) => {
    const pool = new Pool({ connectionString: spec.databaseUrl, max: spec.poolSize, options: '-c timezone=UTC' });
    try {
      const scripts = scriptsOf(spec);
      // Open every connection before timing, as the server's pool is warm when measured.
      const opened = await Promise.all(Array.from({ length: spec.poolSize }, () => pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')));
      const backends = [...new Set(opened.map((r) => r.rows[0].pid))];
      if (spec.warmupS > 0) await run(pool, spec, scripts, spec.warmupS);
      const result = await run(pool, spec, scripts, spec.durationS, backends);
      process.send!({ ok: true, result });
    } catch (error) {
      process.send!({ ok: false, error: error instanceof Error ? error.stack : String(error) });
    } finally {
      await pool.end();
    }
  });
}
