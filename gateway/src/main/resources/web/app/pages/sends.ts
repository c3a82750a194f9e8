// The sends behind a bar or a count: read from the campaign's sends (filtered by status on the server, by delivery
// facts here), shown 25 a page, with a CSV of the whole list.
import { html, LitElement, nothing } from 'lit';
import { all } from '../api';
import { dateTime } from '../format';
import { t } from '../i18n';
import { download, fileName, toCsv } from '../csv';
import { load, Loadable, loaded, table } from '../views';

export interface SendView {
  id: string; variant: string | null; contactId: string; phone: string; status: string; reason: string | null;
  errorCode: number | null; sentAt: string | null; delivery: string | null; deliveredAt: string | null;
  readAt: string | null; repliedAt: string | null; clickedAt: string | null; clicks: number; optedOutAt: string | null;
}

/** Which sends a drill-down lists: a server status filter plus an optional test on each send. */
export interface Drill { label: string; status?: string; variant?: string; test?: (s: SendView) => boolean }

const PAGE = 25;
const HEADER = ['phone', 'contactId', 'variant', 'status', 'reason', 'errorCode', 'delivery', 'sentAt', 'deliveredAt', 'readAt', 'repliedAt', 'clickedAt'];

export class Sends extends LitElement {
  static properties = {
    sends: { state: true },
    campaignId: {},
    drill: { attribute: false },
    page: { state: true },
  };

  declare campaignId;
  declare drill: Drill | null;
  private declare sends: Loadable<{ items: SendView[]; truncated: boolean }>;
  private declare page;

  constructor() {
    super();
    this.campaignId = '';
    this.drill = null;
    this.page = 0;
  }

  createRenderRoot() { return this; }

  willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('drill') || changed.has('campaignId')) && this.drill) {
      const drill = this.drill;
      this.page = 0;
      load(all<SendView>(`/api/v1/campaigns/${this.campaignId}/sends`, { status: drill.status, variant: drill.variant })
        .then((r) => ({ items: drill.test ? r.items.filter(drill.test) : r.items, truncated: r.truncated })),
      (v) => { this.sends = v; });
    }
  }

  private rows(items: SendView[]) {
    return items.map((s) => [s.phone, s.contactId, s.variant, s.status, s.reason, s.errorCode, s.delivery,
      s.sentAt, s.deliveredAt, s.readAt, s.repliedAt, s.clickedAt]);
  }

  render() {
    if (!this.drill) return nothing;
    const drill = this.drill;
    return html`<section class="card drill" data-test="drill" aria-live="polite">
      <header class="row"><h2>${t('sends')}: ${drill.label}</h2>
        <button @click=${() => this.dispatchEvent(new CustomEvent('close', { bubbles: true }))}>${t('close')}</button></header>
      ${loaded(this.sends, (s) => {
        const pages = Math.max(1, Math.ceil(s.items.length / PAGE));
        const shown = s.items.slice(this.page * PAGE, this.page * PAGE + PAGE);
        return html`<div class="toolbar"><span data-test="drill-count">${s.items.length}</span> ${t('rows')}
          ${s.truncated ? html`<span class="muted">(first 5,000)</span>` : nothing}
          <button data-test="drill-csv" @click=${() => download(fileName(`sends-${drill.label}`), toCsv(HEADER, this.rows(s.items)))}>${t('csv')}</button></div>
          ${table(['phone', 'variant', 'status', 'reason', 'errorCode', 'sentAt', 'readAt', 'repliedAt'],
            shown.map((x) => [x.phone, x.variant, x.status, x.reason, x.errorCode, dateTime(x.sentAt), dateTime(x.readAt), dateTime(x.repliedAt)]),
            { links: shown.map((x) => `#/contacts/${x.contactId}`), testId: 'drill-table' })}
          <div class="row"><button ?disabled=${this.page === 0} @click=${() => { this.page--; }}>${t('previous')}</button>
            <span>${t('page')} ${this.page + 1} / ${pages}</span>
            <button ?disabled=${this.page + 1 >= pages} @click=${() => { this.page++; }}>${t('next')}</button></div>`;
      })}</section>`;
  }
}

customElements.define('cr-sends', Sends);
