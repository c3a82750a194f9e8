// The lists behind the overview's funnel stages after reach and its conversions and revenue tiles, as metrics-service
// lists them with the recompute's own definitions (so a list right after a recompute holds exactly the number
// clicked), paged, with the server's CSV of the same list, in the shared drill panel.
import type { components } from '../../api/openapi';
import type { DrillSource } from '../drill-panel';
import { dateTime, money } from '../format';
import { t } from '../i18n';
import type { Range } from '../reports';

type FunnelContact = components['schemas']['FunnelContact'];
type ConvertedSend = components['schemas']['ConvertedSend'];
type WonDeal = components['schemas']['WonDeal'];

/** The funnel stages metrics-service lists (reach stays with contacts-service's list of the contacts added). */
export const LISTED_STAGES = ['interact', 'convert', 'retain'];

/** The overview tiles that open a list here, and the count of that list in the KPI row (revenue: the won deals). */
export const KPI_TILE_DRILLS: Record<string, string> = { conversions: 'conversions', revenue: 'orders' };

/** The contacts of the range's cohort that reached stage (interact, convert or retain). */
export function stageDrill(stage: string, count: number, range: Range): DrillSource<FunnelContact> {
  const filter = { stage, from: range.from, to: range.to };
  return {
    testId: 'funnel-drill', heading: t('contacts'), label: `${t(`stage_${stage}`)}, ${range.from} – ${range.to}`, count,
    path: '/api/v1/funnel/contacts', filter, csvPath: '/api/v1/funnel/contacts', csvQuery: { ...filter, format: 'csv' },
    csvName: `funnel-${stage}-${range.from}-${range.to}`,
    header: ['contact', 'owner', 'country', 'source', 'createdAt', 'acceptedAt'],
    row: (c) => [c.contactId, c.owner, c.country, c.source, dateTime(c.createdAt), dateTime(c.acceptedAt)],
    link: (c) => `#/contacts/${c.contactId}`,
  };
}

/**
 * The sends of the range that count as conversions (the conversions tile; one campaign's: its funnel's last bar; one
 * variant's: its converted count in the variants table).
 */
export function conversionsDrill(count: number, range: Range, campaignId?: string, variant?: string): DrillSource<ConvertedSend> {
  const filter = campaignId ? { from: range.from, to: range.to, campaignId, variant } : { from: range.from, to: range.to };
  return {
    testId: 'kpi-drill', heading: t('convertedSends'),
    label: `${variant ? `${variant}: ` : ''}${t('conversions')}, ${range.from} – ${range.to}`, count,
    path: '/api/v1/kpis/conversions', filter, csvPath: '/api/v1/kpis/conversions', csvQuery: { ...filter, format: 'csv' },
    csvName: `conversions-${campaignId ? `${campaignId}-` : ''}${variant ? `${variant}-` : ''}${range.from}-${range.to}`,
    header: ['campaign', 'variant', 'goal', 'owner', 'sentAt'],
    row: (s) => [s.campaignName, s.variant, s.goal, s.owner, dateTime(s.sentAt)],
    link: (s) => (s.contactId ? `#/contacts/${s.contactId}` : `#/campaigns/${s.campaignId}`),
  };
}

/** The deals won in the range (the revenue tile): count won deals, their amounts add up to revenue. */
export function wonDealsDrill(count: number, revenue: number, currency: string, range: Range): DrillSource<WonDeal> {
  const filter = { from: range.from, to: range.to };
  return {
    testId: 'kpi-drill', heading: t('wonDeals'),
    label: `${t('revenue')} ${money(revenue, currency)}, ${range.from} – ${range.to}`, count,
    path: '/api/v1/kpis/won-deals', filter, csvPath: '/api/v1/kpis/won-deals', csvQuery: { ...filter, format: 'csv' },
    csvName: `won-deals-${range.from}-${range.to}`,
    header: ['owner', 'wonAt', 'orderAmount', 'currency'],
    row: (d) => [d.owner, dateTime(d.wonAt), money(Number(d.orderAmount), currency), d.currency],
    link: (d) => `#/contacts/${d.contactId}`,
  };
}
