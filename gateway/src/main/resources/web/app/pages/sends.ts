// The sends behind a bar or a count: filtered and paged by campaign-service (the same filters its counters count
// by), 25 a page, with the server's CSV of exactly that list.
import { html, LitElement, nothing } from 'lit';
import { get, getText, Page, Query } from '../api';
import { count as countText, dateTime } from '../format';
import { t } from '../i18n';
import { download, fileName } from '../csv';
import { load, Loadable, loaded, problemView, table } from '../views';

export interface SendView {
  id: string; variant: string | null; contactId: string; phone: string; status: string; reason: string | null;
  errorCode: number | null; sentAt: string | null; delivery: string | null; deliveredAt: string | null;
  readAt: string | null; repliedAt: string | null; clickedAt: string | null; clicks: number; optedOutAt: string | null;
}

/** The list's filters, as listCampaignSends takes them. */
export interface SendFilter { status?: string; variant?: string; stage?: string; errorCode?: string; reason?: string }

/** Which sends a drill-down lists, and how many the clicked bar or count said there are. */
export interface Drill { label: string; count: number; filter: SendFilter }

const PAGE = 25;

export class Sends extends LitElement {
  static properties = {
    campaignId: {},
    drill: { attribute: false },
    sends: { state: true },
    page: { state: true },
    csvError: { state: true },
  };

  declare campaignId;
  declare drill: Drill | null;
  private declare sends: Loadable<Page<SendView>>;
  private declare page;
  private declare csvError: Error | null;
  /** The cursor each page starts after: cursors[0] is the first page's (none). */
  private cursors: Array<string | null> = [null];

  constructor() {
    super();
    this.campaignId = '';
    this.drill = null;
    this.page = 0;
    this.csvError = null;
  }

  createRenderRoot() { return this; }

  private get path(): string { return `/api/v1/campaigns/${this.campaignId}/sends`; }

  private query(): Query { return { ...(this.drill?.filter ?? {}) }; }

  willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('drill') || changed.has('campaignId')) && this.drill) {
      this.cursors = [null];
      this.csvError = null;
      this.show(0);
    }
  }

  private show(page: number): void {
    this.page = page;
    load(get<Page<SendView>>(this.path, { ...this.query(), limit: PAGE, after: this.cursors[page] }), (v) => {
      this.sends = v;
      if (v && !(v instanceof Error)) this.cursors[page + 1] = v.nextCursor;
    });
  }

  private async csv(label: string): Promise<void> {
    try {
      this.csvError = null;
      download(fileName(`sends-${label}`), await getText(this.path, { ...this.query(), format: 'csv' }));
    } catch (e) {
      this.csvError = e as Error;
    }
  }

  render() {
    if (!this.drill) return nothing;
    const drill = this.drill;
    const pages = Math.max(1, Math.ceil(drill.count / PAGE));
    return html`<section class="card drill" data-test="drill" aria-live="polite">
      <header class="row"><h2>${t('sends')}: ${drill.label}</h2>
        <button @click=${() => this.dispatchEvent(new CustomEvent('close', { bubbles: true }))}>${t('close')}</button></header>
      <div class="toolbar"><span data-test="drill-count">${countText(drill.count)}</span> ${t('rows')}
        <button data-test="drill-csv" @click=${() => this.csv(drill.label)}>${t('csv')}</button></div>
      ${this.csvError ? problemView(this.csvError) : nothing}
      ${loaded(this.sends, (s) => html`
          ${table(['phone', 'variant', 'status', 'reason', 'errorCode', 'sentAt', 'readAt', 'repliedAt'],
            s.items.map((x) => [x.phone, x.variant, x.status, x.reason, x.errorCode, dateTime(x.sentAt), dateTime(x.readAt), dateTime(x.repliedAt)]),
            { links: s.items.map((x) => `#/contacts/${x.contactId}`), testId: 'drill-table' })}
          <div class="row"><button ?disabled=${this.page === 0} @click=${() => this.show(this.page - 1)}>${t('previous')}</button>
            <span>${t('page')} ${this.page + 1} / ${pages}</span>
            <button data-test="drill-next" ?disabled=${!s.nextCursor} @click=${() => this.show(this.page + 1)}>${t('next')}</button></div>`)}
      </section>`;
  }
}

customElements.define('cr-sends', Sends);
