// The campaign list with status and live counters; each count opens the sends of that campaign at that stage in the
// drill panel (the same stage filter its counter counts by), with their CSV. The list answer carries no counters
// (they are counted per campaign), so the newest campaigns' are read one by one; older rows show none.
import { html, LitElement } from 'lit';
import { all, get } from '../api';
import { count, dateTime } from '../format';
import { onLangChange, t } from '../i18n';
import { load, Loadable, loaded, onActivate } from '../views';
import { download, fileName, toCsv } from '../csv';
import type { DrillSource } from '../drill-panel';
import '../drill-panel';
import type { CampaignView, Counters } from './campaign';
import { sendsDrill } from './sends';

/** The counter columns, each a stage of the sends list. */
const STAGES: Array<keyof Counters> = ['sent', 'delivered', 'read', 'replied', 'clicked', 'failed'];
/** How many of the newest campaigns get their counters read. */
const WITH_COUNTERS = 50;

export class Campaigns extends LitElement {
  static properties = {
    list: { state: true },
    drill: { state: true },
    counters: { state: true },
  };

  private declare list: Loadable<{ items: CampaignView[] }>;
  private declare drill: DrillSource<unknown> | null;
  private declare counters: Map<string, Counters>;

  constructor() {
    super();
    this.drill = null;
    this.counters = new Map();
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    load(all<CampaignView>('/api/v1/campaigns', {}, 1000), (v) => {
      this.list = v;
      if (v && !(v instanceof Error)) this.readCounters(newest(v.items).slice(0, WITH_COUNTERS));
    });
  }

  private readCounters(items: CampaignView[]): void {
    for (const c of items) {
      get<CampaignView>(`/api/v1/campaigns/${c.id}`).then((full) => {
        if (full.counters) this.counters = new Map(this.counters).set(c.id, full.counters);
      }, () => { /* the row keeps showing no counters */ });
    }
  }

  private open(c: CampaignView, stage: string, n: number): void {
    this.drill = sendsDrill(c.id, `${c.name}: ${stage}`, n, { stage }) as DrillSource<unknown>;
  }

  render() {
    return html`<h1>${t('campaigns')}</h1><section class="card">${loaded(this.list, (l) => {
      const items = newest(l.items);
      const header = [t('name'), t('status'), ...STAGES.map((s) => t(s)), 'launchedAt'];
      const n = (c: CampaignView, s: keyof Counters) => {
        const k = this.counters.get(c.id) ?? c.counters;
        return k ? Number(k[s] ?? 0) : null;
      };
      const rows = items.map((c) => [c.name, c.status, ...STAGES.map((s) => n(c, s)), dateTime(c.launchedAt)]);
      return html`<div class="toolbar"><button data-test="list-csv" @click=${() => download(fileName('campaigns'), toCsv(header, rows))}>${t('csv')}</button></div>
        <div class="table-wrap"><table data-test="campaigns"><thead><tr>${header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${items.map((c) => html`<tr data-campaign=${c.id}><td><a href="#/campaigns/${c.id}">${c.name}</a></td><td>${c.status}</td>
          ${STAGES.map((s) => {
            const k = n(c, s);
            if (k === null) return html`<td>–</td>`;
            const open = () => this.open(c, s, k);
            return html`<td><span class="count-link" role="button" tabindex="0" data-stage=${s} @click=${open} @keydown=${onActivate(open)}>${count(k)}</span></td>`;
          })}<td>${dateTime(c.launchedAt)}</td></tr>`)}</tbody></table></div>`;
    }, (l) => !l.items.length)}</section>
    <cr-drill .source=${this.drill} @close=${() => { this.drill = null; }}></cr-drill>`;
  }
}

function newest(items: CampaignView[]): CampaignView[] {
  return [...items].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
}

customElements.define('cr-campaigns', Campaigns);
