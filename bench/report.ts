import type { HttpLoadResult } from './load-http';
import type { CeilingResult } from './ceiling';

/** bench/results/latest.json: each scenario's section is replaced when that scenario runs. */
export interface Results {
  machine?: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    kernel: string;
    node: string;
    postgres: string;
    postgresSharedBuffers: string;
    postgresMaxConnections: number;
    redis: string;
    dbPoolSize: number;
  };
  data?: Record<string, { database: string; reused: boolean; seconds: number; counts: Record<string, number> }>;
  loadAverageAtStart?: number[];
  send?: Record<string, HttpLoadResult>;
  reads?: Record<string, Record<string, Record<string, HttpLoadResult>>>;
  statements?: Record<string, number>;
  ceiling?: { send: Record<string, CeilingResult>; reads: Record<string, Record<string, CeilingResult>> };
  realtime?: Record<string, any>;
  coldstart?: { runsMs: number[]; medianMs: number };
  /** Replaced the old "not measured" note. */
  search?: string;
  searchBench?: { queries: Record<string, HttpLoadResult & { label: string; query: string }>; mix: Record<string, HttpLoadResult> };
  ran?: Record<string, { at: string; otherCpuBusyPercent: number }>;
  finishedAt?: string;
  lastRunSeconds?: number;
}

const f = (x: number | undefined | null, digits = 2) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits));
const n0 = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : Math.round(x).toLocaleString('en-US'));
const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)}%`);
const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : 'missed');
/** Server + PostgreSQL CPU per request, and the CPU share other work took during the run. */
const cpu = (o?: HttpLoadResult): [string, string] =>
  o && o.serverCpuMsPerRequest !== undefined
    ? [`${f(o.serverCpuMsPerRequest)} + ${f(o.postgresCpuMsPerRequest)}`, `${o.otherCpuPercent ?? '—'}%`]
    : ['—', '—'];

type Row = [string, string, string, string, string, string, string, string, string, string, string, string];

/** The one table: ours beside the ceiling, with the issue's target and whether it is met. */
export function buildTable(r: Results): string {
  const rows: Row[] = [];
  const send = r.send ?? {};
  const cs = r.ceiling?.send ?? {};
  const sendRow = (label: string, key: string, clients: number, target: string, ok: (o: HttpLoadResult, c?: CeilingResult) => boolean) => {
    const o = send[key];
    const c = cs[key];
    rows.push([label, String(clients), n0(o?.rps), f(o?.latency.p50), f(o?.latency.p99), ...cpu(o), n0(c?.rps), f(c?.latency.p50), pct(o && c ? o.rps / c.rps : undefined), target, verdict(o ? ok(o, c) : undefined)]);
  };
  sendRow('sendMessage, many conversations', 'spread50', 50, '≥ 850/s, p99 < 50 ms', (o) => o.rps >= 850 && o.latency.p99 < 50 && o.errors === 0);
  sendRow('sendMessage, many conversations', 'spread100', 100, '≥ 850/s', (o) => o.rps >= 850 && o.errors === 0);
  sendRow('sendMessage, one conversation', 'one50', 50, '≥ ceiling', (o, c) => (c ? o.rps >= c.rps && o.errors === 0 : undefined) as boolean);

  const names: [string, string][] = [
    ['list', 'conversations(first: 20), heavy user'],
    ['messages', 'messages(last: 50), long conversation'],
    ['unread', 'unreadTotal, heavy user'],
  ];
  for (const [key, label] of names) {
    for (const size of ['large', 'small']) {
      const reads = r.reads?.[size]?.[key];
      if (!reads) continue;
      const msgs = r.data?.[size]?.counts.messages;
      for (const clients of [1, 10, 50]) {
        const o = reads[`c${clients}`];
        const c = size === 'large' ? r.ceiling?.reads[key]?.[`c${clients}`] : undefined;
        let target = '—';
        let ok: boolean | undefined;
        if (key !== 'unread' && clients === 1) {
          target = 'p50 ≤ 1.5, p99 ≤ 5 ms';
          ok = o.latency.p50 <= 1.5 && o.latency.p99 <= 5;
        } else if (key !== 'unread' && clients === 10) {
          target = '≥ 1,300/s';
          ok = o.rps >= 1300;
        }
        if (ok !== undefined && !o.latency.count) ok = false;
        if (o.errors) ok = false;
        rows.push([`${label}, ${msgs ? `${(msgs / 1e6).toFixed(msgs < 1e6 ? 1 : 0)}M msgs` : size}`, String(clients), n0(o.rps), f(o.latency.p50), f(o.latency.p99), ...cpu(o), n0(c?.rps), f(c?.latency.p50), pct(c ? o.rps / c.rps : undefined), target, verdict(ok)]);
      }
    }
  }

  for (const [key, entry] of Object.entries(r.realtime ?? {})) {
    const label = `delivery over graphql-ws, ${n0(entry.connections)} sockets`;
    if (entry.error) {
      rows.push([label, String(entry.connections), '—', '—', '—', '—', '—', '—', '—', '—', 'p50 < 5, p99 < 50 ms', `failed: ${entry.error}`.slice(0, 60)]);
      continue;
    }
    const at150 = entry.atTargetRate;
    // CPU per send with its deliveries (server + PostgreSQL), and the other work meanwhile.
    const sendCpu = (x: any): [string, string] => [x.serverCpuMsPerSend !== undefined ? `${f(x.serverCpuMsPerSend)} + ${f(x.postgresCpuMsPerSend)}` : '—', x.otherCpuPercent !== undefined ? `${x.otherCpuPercent}%` : '—'];
    if (at150) {
      rows.push([`${label}: sends at 150/s`, String(entry.connections), '—', f(at150.deliveries.p50), f(at150.deliveries.p99), ...sendCpu(at150), '—', '—', '—', 'p50 < 5, p99 < 50 ms', `missed: sends fell behind after ${n0(at150.sent)} of ${n0(at150.planned)}`]);
    }
    const d = entry.deliveries;
    const ok = d.p50 < 5 && d.p99 < 50 && entry.missing === 0 && !entry.overloaded && !at150;
    const how = entry.overloaded
      ? `missed: overloaded after ${n0(entry.sent)} sends`
      : at150
        ? `(at the rate the machine sustained) ${d.p50 < 5 && d.p99 < 50 ? 'within' : 'outside'} the latency target`
        : entry.connections === 1000
          ? verdict(ok)
          : `${ok ? 'within' : 'outside'} the 1,000 target`;
    rows.push([`${label} at ${n0(entry.achievedRate)} msg/s (${n0(entry.missing)} missing)`, String(entry.connections), '—', f(d.p50), f(d.p99), ...sendCpu(entry), '—', '—', '—', 'p50 < 5, p99 < 50 ms', how]);
    rows.push([`server memory per idle connection (${key.slice(1)} sockets)`, String(entry.connections), '—', `${f(entry.idleKiBPerConnection, 1)} KiB`, '—', '—', '—', '—', '—', '—', '< 30 KB', verdict(entry.idleKiBPerConnection * 1.024 < 30)]);
    if (entry.rssSubscribedKiB !== undefined && entry.rssIdleKiB !== undefined) {
      rows.push([`server memory per messageAdded subscription (${key.slice(1)} sockets, one each)`, String(entry.connections), '—', `${f((entry.rssSubscribedKiB - entry.rssIdleKiB) / entry.connections, 1)} KiB`, '—', '—', '—', '—', '—', '—', '—', '—']);
    }
  }
  if (r.coldstart) rows.push(['cold start to first answered query (median of 5)', '1', '—', `${n0(r.coldstart.medianMs)} ms`, '—', '—', '—', '—', '—', '—', '—', '—']);
  if (r.statements) {
    const s = r.statements;
    rows.push(['SQL statements per request (send/list/messages/unread)', '—', `${s.send}/${s.list}/${s.messages}/${s.unread}`, '—', '—', '—', '—', '—', '—', '—', 'send ≤ 3, lists constant', verdict(s.send <= 3)]);
  }
  const sb = r.searchBench;
  const searchRow = (label: string, clients: number, o: HttpLoadResult) => {
    const ok = o.latency.count > 0 && o.errors === 0 && o.latency.p95 < 50;
    rows.push([label, String(clients), o.rps < 10 ? f(o.rps, 1) : n0(o.rps), f(o.latency.p50), f(o.latency.p99), ...cpu(o), '—', '—', '—', 'p95 < 50 ms', `p95 ${f(o.latency.p95)} ms (${o.latency.count} samples): ${verdict(ok)}`]);
  };
  if (sb) {
    for (const o of Object.values(sb.queries)) searchRow(`search, heavy user, 1M msgs: ${o.label}`, 1, o);
    for (const [key, o] of Object.entries(sb.mix)) searchRow('search, heavy user, 1M msgs: all the queries above, mixed', Number(key.slice(1)), o);
  } else {
    rows.push(['search over 1M messages', '—', '—', '—', '—', '—', '—', '—', '—', '—', 'p95 < 50 ms', 'not measured']);
  }

  const header: Row = ['Scenario', 'Clients', 'Ours req/s', 'p50 ms', 'p99 ms', 'CPU ms/req server + pg', 'Other CPU', 'Ceiling req/s', 'Ceiling p50', 'Ours/ceiling', 'Target', 'Met'];
  const lines = [header, header.map(() => '---') as Row, ...rows].map((row) => `| ${row.join(' | ')} |`);
  const m = r.machine;
  if (r.ran) {
    const busy = Object.entries(r.ran).map(([name, x]) => `${name} ${x.otherCpuBusyPercent}%`);
    lines.push('', `CPU busy with other work just before each scenario started: ${busy.join(', ')}.`);
  }
  if (m) lines.push('', `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, Linux ${m.kernel}, Node ${m.node}, ${m.postgres} (shared_buffers ${m.postgresSharedBuffers}), DB_POOL_SIZE ${m.dbPoolSize}, Redis: ${m.redis}.`);
  return lines.join('\n');
}
