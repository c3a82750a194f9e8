// The overview's rate and money tiles that open a list (sent and delivered open theirs in overview.ts): a rate opens
// the sends its numerator counts, for the same range; spend, ROI and ROAS open the entered costs of the range.
import { html } from 'lit';
import { kpiName } from '../catalog';
import type { DrillSource } from '../drill-panel';
import { t } from '../i18n';
import type { KpiRow, Range } from '../reports';
import { costsDrill, countedCostsDrill } from './cost-drill';
import { sentWithinDrill } from './sends';

/**
 * Each rate tile's numerator, as the /sends stage that lists it: the reports count read, replied, clicked and
 * opted-out sends among those sent on the range's days, and the list filters the same sends by the same instant.
 */
const RATE_TILES: Record<string, string> = { openRate: 'read', replyRate: 'replied', ctr: 'clicked', optOutRate: 'optedOut' };
/** Money tiles whose cost side is the entered costs of the range. */
const COST_TILES = ['spend', 'roi', 'roas'];

/**
 * The messages-over-time lines, in the chart's order, each with the /sends stage that lists a day's point (sent: every
 * send that went out that day); the reports count a day's read and replied among the sends that went out on it.
 */
export const OVER_TIME_SERIES: Array<{ id: string; stage?: string }> = [
  { id: 'sent' }, { id: 'delivered', stage: 'delivered' }, { id: 'read', stage: 'read' }, { id: 'replied', stage: 'replied' },
];

/** The sends behind the point of line seriesIndex on workspace day (count: the point's value). */
export function dayDrill(seriesIndex: number, day: string, count: number, zone: string, replyWindowDays?: number): DrillSource<unknown> {
  const series = OVER_TIME_SERIES[seriesIndex];
  return sentWithinDrill(`${t(series.id)}, ${day}`, count, { from: day, to: day }, zone, series.stage,
    replyWindowDays) as DrillSource<unknown>;
}

/** Whether a tile (other than sent and delivered) opens a list. */
export function tileOpensList(id: string): boolean {
  return id in RATE_TILES || COST_TILES.includes(id);
}

function tileName(id: string): string {
  return kpiName(id) === id ? t(id) : kpiName(id);
}

/**
 * The list behind a rate or money tile of row (the range's KPI row), for range's workspace days in zone (replies
 * within replyWindowDays, as the reports count them).
 */
export async function tileDrill(id: string, row: KpiRow | undefined, range: Range, zone: string,
                                replyWindowDays?: number): Promise<DrillSource<unknown>> {
  const stage = RATE_TILES[id];
  const span = `${range.from} – ${range.to}`;
  if (stage) {
    return sentWithinDrill(`${tileName(id)}: ${t(stage)}, ${span}`, Number(row?.counts?.[stage] ?? 0), range, zone, stage,
      replyWindowDays) as DrillSource<unknown>;
  }
  const label = `${tileName(id)}, ${span}`;
  try {
    return await countedCostsDrill(label, range) as DrillSource<unknown>;
  } catch {
    // the panel calls the same list and shows its problem in words
    return costsDrill(label, 0, range) as DrillSource<unknown>;
  }
}

/** What the rate and money tiles open, and where a list cannot match its tile. */
export function tileDrillNote() {
  return html`<p class="muted" data-test="tile-drill-note">${t('tileDrillNote')}</p>`;
}
