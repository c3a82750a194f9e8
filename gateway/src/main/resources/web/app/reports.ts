// The shapes of the report answers the dashboard reads (metrics-service), and date ranges in the workspace zone.
import { get } from './api';
import { readsReports } from './session';

export interface KpiValue { value: number | null; unit: string; rating: 'below' | 'benchmark' | 'best' | 'unrated' }
export interface KpiRow { group: string | null; name: string | null; counts: Record<string, number | null>; kpis: Record<string, KpiValue> }
export interface KpiReport { from: string; to: string; groupBy: string; currency: string; rows: KpiRow[] }
/** The workspace settings the pages read; replyWindowDays: the reports count a reply within that many days of the send. */
export interface Settings { currency: string; timeZone: string; replyWindowDays?: number }
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

export function shift(date: string, days: number): string {
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

/** Milliseconds that the wall clock of zone is ahead of UTC at instant t. */
function offsetAt(t: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(t));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - (t - (t % 1000));
}

/** The instant a workspace day (YYYY-MM-DD) starts in zone, in milliseconds. */
export function startOfDay(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const guess = wall - offsetAt(wall, zone);
  return wall - offsetAt(guess, zone);
}

/**
 * The instants that bound the workspace days of range, half-open: [first day's start, start of the day after the
 * last), as the reports place a record on a workspace day.
 */
export function dayBounds(range: Range, zone: string): { start: string; end: string } {
  return { start: new Date(startOfDay(range.from, zone)).toISOString(), end: new Date(startOfDay(shift(range.to, 1), zone)).toISOString() };
}

/**
 * The list filters (createdAfter, createdBefore: both exclusive, as contacts-service reads them) that select what
 * was created within the workspace days of range: after the microsecond before the first day starts, before the day
 * after the last one starts.
 */
export function createdWithin(range: Range, zone: string): { createdAfter: string; createdBefore: string } {
  const first = startOfDay(range.from, zone);
  const after = new Date(first - 1000).toISOString().replace(/\.\d{3}Z$/, '.999999Z');
  return { createdAfter: after, createdBefore: dayBounds(range, zone).end };
}
