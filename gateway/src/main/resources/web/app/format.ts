// Numbers as people read them: counts with separators, rates as percentages, money in the workspace currency.
import { currentLang } from './i18n';

function locale(): string { return currentLang() === 'zh' ? 'zh-CN' : 'en-US'; }

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(locale()).format(value);
}

export function money(value: number | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
}

/** A value in a KPI unit (ratio, count, money, hours, minutes, days, multiple): the unit decides the form. */
export function byUnit(value: number | null | undefined, unit: string | undefined, currency = 'USD'): string {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'ratio': case 'percent': return `${(value * 100).toFixed(1)}%`;
    case 'money': case 'currency': return money(value, currency);
    case 'count': return count(value);
    case 'multiple': case 'x': return `${value.toFixed(2)}×`;
    default: return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value) + (unit ? ` ${unit}` : '');
  }
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;
}

export function dateTime(value: string | null | undefined): string {
  if (!value) return '–';
  return new Date(value).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** Change against the previous value as a signed percentage (null when there is nothing to compare with). */
export function change(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
