import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { databaseUrl } from './seed';

export const ROOT = join(__dirname, '..');

/** A free loopback port (asked of the kernel, then released for the server to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in KiB, from /proc/<pid>/status (VmRSS). */
export function rssKiB(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

/** CPU time (user + system) a process has used, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the name), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0; // the process is gone
  }
}

/** The PostgreSQL client backends serving one database (a server's pool), by pid: with cpuMs, the database's CPU per request. */
export async function backendPids(baseUrl: string, database: string): Promise<number[]> {
  const db = new Client({ connectionString: databaseUrl(baseUrl, 'postgres') });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`, [database]);
    return rows.map((r) => r.pid);
  } finally {
    await db.end();
  }
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Milliseconds from spawn to the first answered query. */
  readyMs: number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  databaseUrl: string;
  secret: string;
  redisUrl?: string;
  env?: Record<string, string>;
  /** Extra node flags (the SQL recorder's -r for a capture run). */
  nodeArgs?: string[];
  /** Another compiled entry point than dist/api/main.js (bench/probe.ts compares two builds). */
  main?: string;
  /** A command that runs node (e.g. valgrind --tool=callgrind), and how long start may take. */
  wrap?: string[];
  startTimeoutMs?: number;
  /** A query that proves the server answers (sent with `authorization`). */
  probe: { body: string; authorization: string };
}

/**
 * The compiled server (dist/api/main.js) as a child process in production mode on loopback,
 * timed from spawn to the first query it answers correctly.
 */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    TOKEN_SECRET: options.secret,
    LOG_LEVEL: 'warn',
    // The bench measures throughput, not the per-person limits (RATE_LIMIT_SEND is 10/60 by default).
    RATE_LIMITS: 'off',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  const url = `http://127.0.0.1:${port}/graphql`;
  const t0 = performance.now();
  const argv = [process.execPath, ...(options.nodeArgs ?? []), options.main ?? join(ROOT, 'dist/api/main.js')];
  const [command, ...args] = [...(options.wrap ?? []), ...argv];
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));

  let readyMs = -1;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (readyMs < 0) {
    if (exited !== null) throw new Error(`server exited with ${exited} before answering:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer in time:\n${output}`);
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: options.probe.authorization },
        body: options.probe.body,
      });
      const text = await response.text();
      if (response.ok && text.includes('"data"') && !text.includes('"errors"')) readyMs = performance.now() - t0;
      else if (response.status < 500 && text.includes('"errors"')) throw new Error(`probe query failed: ${text.slice(0, 500)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('probe query failed')) {
        child.kill('SIGKILL');
        throw error;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  return {
    child,
    pid: child.pid!,
    url,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), options.wrap ? 300_000 : 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
