// Follow-ups, an agent's home page: what is overdue and what is due now, most urgent first, each linked to its contact.
import { html, LitElement } from 'lit';
import { all } from '../api';
import { dateTime } from '../format';
import { onLangChange, t } from '../i18n';
import { load, Loadable, loaded, table } from '../views';
import { download, fileName, toCsv } from '../csv';

interface Due { contactId: string; name: string | null; phone: string; owner: string | null; dueAt: string; reason: string; intent: string; activity: string }

export class FollowUps extends LitElement {
  static properties = {
    due: { state: true },
  };

  private declare due: Loadable<{ items: Due[] }>;

  constructor() {
    super();

  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    // due before the end of today: overdue (before now) first, then the rest of today
    const endOfDay = new Date();
    endOfDay.setHours(23, 59, 59, 0);
    load(all<Due>('/api/v1/follow-ups', { dueBefore: endOfDay.toISOString() }, 2000), (v) => { this.due = v; });
  }

  render() {
    return html`<h1>${t('followUps')}</h1>${loaded(this.due, (d) => {
      const now = Date.now();
      const overdue = d.items.filter((x) => Date.parse(x.dueAt) < now);
      const dueNow = d.items.filter((x) => Date.parse(x.dueAt) >= now);
      const header = ['name', 'phone', 'owner', 'dueAt', 'reason', 'intent', 'activity'];
      const rows = (xs: Due[]) => xs.map((x) => [x.name ?? x.phone, x.phone, x.owner, dateTime(x.dueAt), x.reason, x.intent, x.activity]);
      const links = (xs: Due[]) => xs.map((x) => `#/contacts/${x.contactId}`);
      return html`<div class="toolbar"><button data-test="list-csv" @click=${() => download(fileName('follow-ups'),
          toCsv(header, d.items.map((x) => [x.name, x.phone, x.owner, x.dueAt, x.reason, x.intent, x.activity])))}>${t('csv')}</button></div>
        <section class="card"><h2>${t('overdue')} (<span data-test="overdue-count">${overdue.length}</span>)</h2>
          ${overdue.length ? table(header, rows(overdue), { links: links(overdue), testId: 'overdue' }) : html`<p class="muted">${t('empty')}</p>`}</section>
        <section class="card" style="margin-top:16px"><h2>${t('due')} (${dueNow.length})</h2>
          ${dueNow.length ? table(header, rows(dueNow), { links: links(dueNow), testId: 'due' }) : html`<p class="muted">${t('empty')}</p>`}</section>`;
    }, (d) => !d.items.length)}`;
  }
}

customElements.define('cr-follow-ups', FollowUps);
