import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import type { AgentInsightsQuery } from '../../../gql/graphql';

type Insights = AgentInsightsQuery['agentInsights'];

const PURPLE = '#7c3aed';
const OUTCOME_COLORS: Record<string, string> = { COMPLETE: '#059669', FAILED: '#dc2626', PENDING: '#9ca3af', STREAMING: '#a78bfa' };
const OUTCOME_LABELS: Record<string, string> = { COMPLETE: 'Complete', FAILED: 'Failed', PENDING: 'Queued', STREAMING: 'Being written' };
const OUTCOME_ORDER = ['COMPLETE', 'FAILED', 'STREAMING', 'PENDING'];

/** "850 ms", "2.4 s", "3 min 5 s"; "—" without a value. */
export function duration(ms: number | null | undefined): string {
  if (ms == null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A chart with its title, and the same figures as a table for screen readers. */
function Figure({ title, testId, rows, children }: { title: string; testId: string; rows: [string, string][]; children: ReactNode }) {
  return (
    <figure className="card chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="chart-area" aria-hidden="true">
        {children}
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Messages by hour of the day (UTC): when people talk to the agent. */
export function BusiestHoursChart({ insights }: { insights: Insights }) {
  const data = insights.busiestHours.map((h) => ({ hour: String(h.hour).padStart(2, '0'), messages: h.messages }));
  return (
    <Figure title="Messages by hour of the day (UTC)" testId="chart-hours" rows={data.map((d) => [`${d.hour}:00`, String(d.messages)])}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" interval={2} tickLine={false} fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip formatter={(value) => [value, 'Messages']} labelFormatter={(hour) => `${hour}:00–${hour}:59 UTC`} />
          <Bar dataKey="messages" fill={PURPLE} radius={[4, 4, 0, 0]} animationDuration={400} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** Agent replies started in the period, by how they ended. */
export function RepliesByOutcomeChart({ insights }: { insights: Insights }) {
  const data = [...insights.replies]
    .sort((a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome))
    .map((r) => ({ outcome: r.outcome, label: OUTCOME_LABELS[r.outcome] ?? r.outcome, count: r.count }));
  return (
    <Figure title="Replies by outcome" testId="chart-outcomes" rows={data.map((d) => [d.label, String(d.count)])}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 32, bottom: 0, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="label" width={96} fontSize={12} tickLine={false} />
          <Tooltip formatter={(value) => [value, 'Replies']} />
          <Bar dataKey="count" radius={[0, 4, 4, 0]} animationDuration={400}>
            {data.map((d) => (
              <Cell key={d.outcome} fill={OUTCOME_COLORS[d.outcome] ?? PURPLE} />
            ))}
            <LabelList dataKey="count" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** Median time from a person's message to the reply's first text, and to the complete reply. */
export function ResponseTimesChart({ insights }: { insights: Insights }) {
  const data = [
    { label: 'First text', ms: insights.medianFirstTokenMs ?? 0, shown: duration(insights.medianFirstTokenMs) },
    { label: 'Complete reply', ms: insights.medianReplyMs ?? 0, shown: duration(insights.medianReplyMs) },
  ];
  return (
    <Figure title="Median time to answer" testId="chart-times" rows={data.map((d) => [d.label, d.shown])}>
      <ResponsiveContainer width="100%" height={140}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 64, bottom: 0, left: 24 }}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="label" width={110} fontSize={12} tickLine={false} axisLine={false} />
          <Bar dataKey="ms" fill="#0891b2" radius={[0, 4, 4, 0]} animationDuration={400}>
            <LabelList dataKey="shown" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
}
