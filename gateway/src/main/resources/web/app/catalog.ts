// The KPI catalogue (names in English and Chinese, units, bands), read once after sign-in. Roles without reports
// get no catalogue; KPI ids then stand in for names.
import { get } from './api';
import { currentLang } from './i18n';
import { readsReports } from './session';

export interface Band { benchmarkFrom: number; benchmarkTo: number; best: number }
export interface Kpi { id: string; name: string; nameZh: string; formula: string; unit: string; better: string; bands: Band | null }

const byId = new Map<string, Kpi>();

export async function loadCatalog(): Promise<void> {
  if (!readsReports()) return;
  try {
    const answer = await get<{ items: Kpi[] }>('/api/v1/kpis/catalog');
    answer.items.forEach((k) => byId.set(k.id, k));
  } catch {
    // names fall back to ids
  }
}

export function kpi(id: string): Kpi | undefined { return byId.get(id); }

export function kpiName(id: string): string {
  const k = byId.get(id);
  if (!k) return id;
  return currentLang() === 'zh' ? k.nameZh : k.name;
}

/** The band in words, e.g. "benchmark 85%–90%, best ≥ 95%". */
export function bandText(id: string, format: (v: number) => string): string {
  const k = byId.get(id);
  if (!k?.bands) return 'unrated';
  const b = k.bands;
  return k.better === 'lower'
    ? `best ≤ ${format(b.best)}, benchmark ≤ ${format(b.benchmarkTo)}`
    : `benchmark ${format(b.benchmarkFrom)}–${format(b.benchmarkTo)}, best ≥ ${format(b.best)}`;
}
