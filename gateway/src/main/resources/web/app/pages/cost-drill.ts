// The entered costs behind a cost bar or a spend, ROI or ROAS number: listed and paged by metrics-service with the
// filter the number stands for (costs whose period overlaps the range, of a category or a kind), with the server's
// CSV of exactly that list, shown in the shared drill panel. Message fees priced from sends are no entered cost:
// the reports add them to spend (and to the message_fees bar), the list cannot show them.
import { all, Query } from '../api';
import type { DrillSource } from '../drill-panel';
import { money } from '../format';
import { t } from '../i18n';
import type { Range } from '../reports';

export interface CostView {
  id: string; category: string; kind: string; amount: number; currency: string; periodStart: string; periodEnd: string;
  owner: string | null; description: string | null;
}

/** The costs that a clicked bar or number (label, count) stands for: range (overlapping), and category or kind. */
export function costsDrill(label: string, count: number, range: Range, filter: { category?: string; kind?: string } = {}): DrillSource<CostView> {
  const query: Query = { from: range.from, to: range.to, ...filter };
  const which = filter.category ?? filter.kind ?? 'all';
  return {
    testId: 'cost-drill', heading: t('costs'), label, count, path: '/api/v1/costs', filter: query,
    csvPath: '/api/v1/costs', csvQuery: { ...query, format: 'csv' }, csvName: `costs-${which}-${range.from}-${range.to}`,
    header: ['category', 'kind', 'amount', 'periodStart', 'periodEnd', 'owner', 'description'],
    row: (c) => [c.category, c.kind, money(c.amount, c.currency), c.periodStart, c.periodEnd, c.owner, c.description],
    link: () => '',
  };
}

/** The same, counted first: a money number (spend, ROI, ROAS) says nothing of how many costs make it up. */
export async function countedCostsDrill(label: string, range: Range, filter: { category?: string; kind?: string } = {}): Promise<DrillSource<CostView>> {
  const list = await all<CostView>('/api/v1/costs', { from: range.from, to: range.to, ...filter });
  return costsDrill(label, list.items.length, range, filter);
}
