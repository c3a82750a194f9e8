// The shapes of the report answers the dashboard reads (metrics-service), and date ranges in the workspace zone.
import { get } from './api';
import { readsReports } from './session';

export interface KpiValue { value: number | null; unit: string; rating: 'below' | 'benchmark' | 'best' | 'unrated' }
export interface KpiRow { group: string | null; name: string | null; counts: Record<string, number | null>; kpis: Record<string, KpiValue> }
export interface KpiReport { from: string; to: string; groupBy: string; currency: string; rows: KpiRow[] }
export interface Settings { currency: string; timeZone: string }
export interface Range { from: string; to: string }

let settings: Promise<Settings> | null = null;

/** The workspace settings (time zone, currency), read once; a role without them gets UTC and USD. */
export function workspace(): Promise<Settings> {
  const fallback: Settings = { currency: 'USD', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
  if (!readsReports()) return Promise.resolve(fallback);
  settings ??= get<Settings>('/api/v1/settings').catch(() => fallback);
  return settings;
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(range: Range): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

export type Preset = 'today' | 'd7' | 'd30' | 'd90' | 'thisMonth' | 'custom';

/** A preset's range ending today in the workspace zone (inclusive dates, as the API reads from..to). */
export function presetRange(preset: Preset, today: string): Range {
  switch (preset) {
    case 'today': return { from: today, to: today };
    case 'd7': return { from: shift(today, -6), to: today };
    case 'd90': return { from: shift(today, -89), to: today };
    case 'thisMonth': return { from: `${today.slice(0, 8)}01`, to: today };
    default: return { from: shift(today, -29), to: today };
  }
}

/** The period of the same length just before range. */
export function previousRange(range: Range): Range {
  const days = daysBetween(range);
  return { from: shift(range.from, -days), to: shift(range.from, -1) };
}
