// The list behind a bar, a tile or a count, in one panel for every drill-down: a heading, the count the clicked
// number stood for with the server's CSV of exactly that list, the list itself paged by cursor (25 a page), and a
// problem in words when a call fails. What is listed (sends of a campaign, contacts) comes in a DrillSource.
import { html, LitElement, nothing } from 'lit';
import { get, getText, Page, Query } from './api';
import { Cell, download, fileName } from './csv';
import { count as countText } from './format';
import { t } from './i18n';
import { load, Loadable, loaded, problemView, table } from './views';

/** What a drill-down lists and how: the list's path and filter, its CSV, and how a row is shown. */
export interface DrillSource<T> {
  /** The panel's test id and CSS hook (the sends' and the contacts' panels keep their own). */
  testId: string;
  /** What is listed ("Sends", "Contacts") and which of them ("delivered", "intent high"). */
  heading: string;
  label: string;
  /** How many the clicked number said there are. */
  count: number;
  path: string;
  filter: Query;
  csvPath: string;
  csvQuery: Query;
  /** The CSV's file name, before the date-free ".csv". */
  csvName: string;
  header: string[];
  row: (item: T) => Cell[];
  link: (item: T) => string;
}

const PAGE = 25;

export class DrillPanel extends LitElement {
  static properties = {
    source: { attribute: false },
    items: { state: true },
    page: { state: true },
    csvError: { state: true },
  };

  declare source: DrillSource<unknown> | null;
  private declare items: Loadable<Page<unknown>>;
  private declare page;
  private declare csvError: Error | null;
  /** The cursor each page starts after: cursors[0] is the first page's (none). */
  private cursors: Array<string | null> = [null];

  constructor() {
    super();
    this.source = null;
    this.page = 0;
    this.csvError = null;
  }

  createRenderRoot() { return this; }

  willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('source') && this.source) {
      this.cursors = [null];
      this.csvError = null;
      this.show(0);
    }
  }

  updated(changed: Map<string, unknown>): void {
    if (changed.has('source') && this.source) this.querySelector('section')?.scrollIntoView({ block: 'nearest' });
  }

  private show(page: number): void {
    const source = this.source!;
    this.page = page;
    load(get<Page<unknown>>(source.path, { ...source.filter, limit: PAGE, after: this.cursors[page] }), (v) => {
      if (source !== this.source) return; // an answer for a list no longer shown
      this.items = v;
      if (v && !(v instanceof Error)) this.cursors[page + 1] = v.nextCursor;
    });
  }

  private async csv(source: DrillSource<unknown>): Promise<void> {
    try {
      this.csvError = null;
      download(fileName(source.csvName), await getText(source.csvPath, source.csvQuery));
    } catch (e) {
      this.csvError = e as Error;
    }
  }

  render() {
    const source = this.source;
    if (!source) return nothing;
    const pages = Math.max(1, Math.ceil(source.count / PAGE));
    return html`<section class="card drill" data-test=${source.testId} aria-live="polite">
      <header class="row"><h2>${source.heading}: ${source.label}</h2>
        <button data-test="drill-close" @click=${() => this.dispatchEvent(new CustomEvent('close', { bubbles: true }))}>${t('close')}</button></header>
      <div class="toolbar"><span data-test="drill-count">${countText(source.count)}</span> ${t('rows')}
        <button data-test="drill-csv" @click=${() => this.csv(source)}>${t('csv')}</button></div>
      ${this.csvError ? problemView(this.csvError) : nothing}
      ${loaded(this.items, (p) => html`
          ${table(source.header, p.items.map(source.row), { links: p.items.map(source.link), testId: 'drill-table' })}
          <div class="row"><button ?disabled=${this.page === 0} @click=${() => this.show(this.page - 1)}>${t('previous')}</button>
            <span>${t('page')} ${this.page + 1} / ${pages}</span>
            <button data-test="drill-next" ?disabled=${!p.nextCursor} @click=${() => this.show(this.page + 1)}>${t('next')}</button></div>`,
        (p) => !p.items.length)}
      </section>`;
  }
}

customElements.define('cr-drill', DrillPanel);
