// The campaign list with status and live counters.
import { html, LitElement } from 'lit';
import { all } from '../api';
import { count, dateTime } from '../format';
import { onLangChange, t } from '../i18n';
import { load, Loadable, loaded, table } from '../views';
import { download, fileName, toCsv } from '../csv';
import type { CampaignView } from './campaign';

export class Campaigns extends LitElement {
  static properties = {
    list: { state: true },
  };

  private declare list: Loadable<{ items: CampaignView[] }>;

  constructor() {
    super();

  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    load(all<CampaignView>('/api/v1/campaigns', {}, 1000), (v) => { this.list = v; });
  }

  render() {
    return html`<h1>${t('campaigns')}</h1><section class="card">${loaded(this.list, (l) => {
      const items = [...l.items].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
      const header = [t('name'), t('status'), t('sent'), t('delivered'), t('read'), t('replied'), t('clicked'), t('failed'), 'launchedAt'];
      const rows = items.map((c) => [c.name, c.status, c.counters?.sent ?? 0, c.counters?.delivered ?? 0, c.counters?.read ?? 0,
        c.counters?.replied ?? 0, c.counters?.clicked ?? 0, c.counters?.failed ?? 0, dateTime(c.launchedAt)]);
      return html`<div class="toolbar"><button data-test="list-csv" @click=${() => download(fileName('campaigns'), toCsv(header, rows))}>${t('csv')}</button></div>
        ${table(header, rows.map((r) => r.map((c) => (typeof c === 'number' ? count(c) : c))),
          { links: items.map((c) => `#/campaigns/${c.id}`), testId: 'campaigns' })}`;
    }, (l) => !l.items.length)}</section>`;
  }
}

customElements.define('cr-campaigns', Campaigns);
