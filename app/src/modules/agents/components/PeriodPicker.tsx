import { useId, useState, type FormEvent } from 'react';

export interface Period {
  /** Which preset, or 'custom'. */
  key: string;
  from: string;
  to: string;
}

const DAY = 24 * 60 * 60 * 1000;
const MAX_DAYS = 366;
export const PRESETS = [
  { key: '24h', label: 'Last 24 hours', ms: DAY },
  { key: '7d', label: 'Last 7 days', ms: 7 * DAY },
  { key: '30d', label: 'Last 30 days', ms: 30 * DAY },
  { key: '90d', label: 'Last 90 days', ms: 90 * DAY },
] as const;

/**
 * A period ending now (rounded up to the next minute, so the query's variables stay put
 * between renders and a refetch asks for the same thing).
 */
export function presetPeriod(key: string, now = Date.now()): Period {
  const preset = PRESETS.find((p) => p.key === key) ?? PRESETS[1];
  const to = Math.ceil(now / 60_000) * 60_000;
  return { key: preset.key, from: new Date(to - preset.ms).toISOString(), to: new Date(to).toISOString() };
}

const dateOnly = (iso: string) => iso.slice(0, 10);

/** Preset periods, or two dates (UTC days, both included; at most 366 days). */
export function PeriodPicker({ period, onChange }: { period: Period; onChange(period: Period): void }) {
  const ids = { from: useId(), to: useId() };
  const [from, setFrom] = useState(dateOnly(period.from));
  const [to, setTo] = useState(dateOnly(new Date(Date.parse(period.to) - 1).toISOString()));
  const [problem, setProblem] = useState<string | null>(null);

  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`) + DAY;
    if (Number.isNaN(start) || Number.isNaN(end)) return setProblem('Pick both dates.');
    if (end <= start) return setProblem('The end date is before the start date.');
    if (end - start > MAX_DAYS * DAY) return setProblem(`A period is at most ${MAX_DAYS} days.`);
    onChange({ key: 'custom', from: new Date(start).toISOString(), to: new Date(end).toISOString() });
  };

  return (
    <div className="period-picker">
      <div className="segmented" role="radiogroup" aria-label="Period">
        {PRESETS.map((preset) => (
          <label key={preset.key} className={period.key === preset.key ? 'is-checked' : undefined}>
            <input type="radio" name="period" value={preset.key} checked={period.key === preset.key} onChange={() => onChange(presetPeriod(preset.key))} />
            {preset.label}
          </label>
        ))}
      </div>
      <form className="period-custom" onSubmit={applyCustom} aria-label="Custom period" noValidate>
        <div className="field field-inline">
          <label htmlFor={ids.from}>From</label>
          <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field field-inline">
          <label htmlFor={ids.to}>To</label>
          <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" className={`button button-small${period.key === 'custom' ? ' button-primary' : ''}`}>
          Show these days
        </button>
      </form>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
