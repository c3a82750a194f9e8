// The lists behind a scorecard row's counts (one owner's week: its contacts or deals) and behind ROI's value parts
// made of deals (direct sales, repeat orders, lead value), as metrics-service lists them with the recompute's own
// conditions, so right after a recompute a list holds exactly the number clicked; paged, with the server's CSV of
// the same list, in the shared drill panel. An agent's key lists its own row only (the gateway narrows the owner).
import { html, TemplateResult } from 'lit';
import type { components } from '../../api/openapi';
import type { DrillSource } from '../drill-panel';
import { dateTime, money } from '../format';
import { t } from '../i18n';
import type { Range } from '../reports';
import { onActivate } from '../views';

type ScorecardContact = components['schemas']['ScorecardContact'];
type DealFact = components['schemas']['DealFact'];

/** The scorecard counts that open contacts, and those that open deals (orderAmount: the won deals' amounts). */
export const SCORECARD_CONTACTS = ['newEffectiveContacts', 'deepInteractionContacts', 'referrals'];
export const SCORECARD_DEALS = ['quotesSent', 'ordersWon', 'orderAmount', 'repurchasingCustomers'];

/** ROI's value parts that are made of deals; brand is an estimate with no rows (the page says so instead). */
export const ROI_LISTED_PARTS = ['direct', 'repeat', 'leadValue'];

/** The contacts behind a scorecard count of owner's week (count: the number clicked). */
export function scorecardContactsDrill(measure: string, owner: string, week: string, n: number): DrillSource<ScorecardContact> {
  const filter = { measure, owner, week };
  return {
    testId: 'scorecard-drill', heading: t('contacts'), label: `${owner}: ${t(measure)}, ${week}`, count: n,
    path: '/api/v1/scorecards/contacts', filter, csvPath: '/api/v1/scorecards/contacts', csvQuery: { ...filter, format: 'csv' },
    csvName: `scorecard-${measure}-${week}`,
    header: ['contact', 'owner', 'country', 'source', 'createdAt', 'acceptedAt', 'turns'],
    row: (c) => [c.contactId, c.owner, c.country, c.source, dateTime(c.createdAt), dateTime(c.acceptedAt), c.turns ?? '–'],
    link: (c) => `#/contacts/${c.contactId}`,
  };
}

/** The deals behind a scorecard count (or the order amount: the won deals) of owner's week. */
export function scorecardDealsDrill(measure: string, owner: string, week: string, n: number, currency: string): DrillSource<DealFact> {
  const filter = { measure, owner, week };
  return {
    testId: 'scorecard-drill', heading: t('deals'), label: `${owner}: ${t(measure)}, ${week}`, count: n,
    path: '/api/v1/scorecards/deals', filter, csvPath: '/api/v1/scorecards/deals', csvQuery: { ...filter, format: 'csv' },
    csvName: `scorecard-${measure}-${week}`,
    header: ['owner', 'stage', 'at', 'orderAmount', 'currency'],
    row: (d) => [d.owner, d.stage, dateTime(d.at), money(Number(d.orderAmount), currency), d.currency],
    link: (d) => `#/contacts/${d.contactId}`,
  };
}

/** The deals behind an ROI value part of the range: n deals whose values add up to amount. */
export function roiDealsDrill(part: string, n: number, amount: number, currency: string, range: Range): DrillSource<DealFact> {
  const filter = { part, from: range.from, to: range.to };
  return {
    testId: 'roi-drill', heading: t('deals'), label: `${t(`part_${part}`)} ${money(amount, currency)}, ${range.from} – ${range.to}`,
    count: n, path: '/api/v1/roi/deals', filter, csvPath: '/api/v1/roi/deals', csvQuery: { ...filter, format: 'csv' },
    csvName: `roi-${part}-${range.from}-${range.to}`,
    header: ['owner', 'stage', 'at', 'orderAmount', 'profit', 'value'],
    row: (d) => [d.owner, d.stage, dateTime(d.at), money(Number(d.orderAmount), currency),
      d.profit === null ? '–' : money(Number(d.profit), currency), money(Number(d.value), currency)],
    link: (d) => `#/contacts/${d.contactId}`,
  };
}

/** A number in a table that opens a list (click, Enter or Space), with what it stands for in data attributes. */
export function countLink(label: string, measure: string, owner: string, open: () => void): TemplateResult {
  return html`<span class="count-link" role="button" tabindex="0" data-measure=${measure} data-owner=${owner}
    @click=${open} @keydown=${onActivate(open)}>${label}</span>`;
}
