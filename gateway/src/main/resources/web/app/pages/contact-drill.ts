// The contacts behind a bar of the tier mix: listed and paged by contacts-service with the filter the bar stands for
// (an agent's key lists its own contacts only, as everywhere), 25 a page, with the server's CSV export of exactly
// that list.
import { html, LitElement, nothing } from 'lit';
import { get, getText, Page, Query } from '../api';
import { count as countText, dateTime } from '../format';
import { t } from '../i18n';
import { download, fileName } from '../csv';
import { load, Loadable, loaded, problemView, table } from '../views';
import type { Contact } from './contacts';

/** Which contacts a drill-down lists (the list's filters), and how many the clicked bar said there are. */
export interface ContactDrill { label: string; count: number; filter: Query }

const PAGE = 25;

export class ContactDrillView extends LitElement {
  static properties = {
    drill: { attribute: false },
    contacts: { state: true },
    page: { state: true },
    csvError: { state: true },
  };

  declare drill: ContactDrill | null;
  private declare contacts: Loadable<Page<Contact>>;
  private declare page;
  private declare csvError: Error | null;
  /** The cursor each page starts after: cursors[0] is the first page's (none). */
  private cursors: Array<string | null> = [null];

  constructor() {
    super();
    this.drill = null;
    this.page = 0;
    this.csvError = null;
  }

  createRenderRoot() { return this; }

  willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('drill') && this.drill) {
      this.cursors = [null];
      this.csvError = null;
      this.show(0);
    }
  }

  private show(page: number): void {
    this.page = page;
    load(get<Page<Contact>>('/api/v1/contacts', { ...this.drill?.filter, limit: PAGE, after: this.cursors[page] }), (v) => {
      this.contacts = v;
      if (v && !(v instanceof Error)) this.cursors[page + 1] = v.nextCursor;
    });
  }

  private async csv(label: string): Promise<void> {
    try {
      this.csvError = null;
      download(fileName(`contacts-${label}`), await getText('/api/v1/contacts/export', { ...this.drill?.filter }));
    } catch (e) {
      this.csvError = e as Error;
    }
  }

  render() {
    if (!this.drill) return nothing;
    const drill = this.drill;
    const pages = Math.max(1, Math.ceil(drill.count / PAGE));
    return html`<section class="card drill" data-test="contact-drill" aria-live="polite">
      <header class="row"><h2>${t('contacts')}: ${drill.label}</h2>
        <button @click=${() => this.dispatchEvent(new CustomEvent('close', { bubbles: true }))}>${t('close')}</button></header>
      <div class="toolbar"><span data-test="drill-count">${countText(drill.count)}</span> ${t('rows')}
        <button data-test="drill-csv" @click=${() => this.csv(drill.label)}>${t('csv')}</button></div>
      ${this.csvError ? problemView(this.csvError) : nothing}
      ${loaded(this.contacts, (p) => html`
          ${table(['name', 'phone', 'country', 'owner', 'stage', 'activity', 'intent', 'lastInboundAt'],
            p.items.map((c) => [c.name ?? c.phone, c.phone, c.country, c.owner, c.stage, c.activity, c.intent, dateTime(c.lastInboundAt)]),
            { links: p.items.map((c) => `#/contacts/${c.id}`), testId: 'drill-table' })}
          <div class="row"><button ?disabled=${this.page === 0} @click=${() => this.show(this.page - 1)}>${t('previous')}</button>
            <span>${t('page')} ${this.page + 1} / ${pages}</span>
            <button data-test="drill-next" ?disabled=${!p.nextCursor} @click=${() => this.show(this.page + 1)}>${t('next')}</button></div>`,
        (p) => !p.items.length)}
      </section>`;
  }
}

customElements.define('cr-contact-drill', ContactDrillView);
