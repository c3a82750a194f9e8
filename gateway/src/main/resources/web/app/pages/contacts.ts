// Contacts: count tiles, the pipeline by stage, the tier mix (activity, intent, customer class) with the
// high-activity share against the 15% alert line, and the list with the API's filters and search, paged by cursor.
// A tile, a bar or the share line's numbers open the contacts behind them in the drill panel, filtered by the API as
// the number was counted.
import { html, LitElement } from 'lit';
import { all, get, Page, Query } from '../api';
import { barOption } from '../chart';
import { count, dateTime, percent } from '../format';
import { onLangChange, t } from '../i18n';
import { load, Loadable, loaded, onActivate, table } from '../views';
import { download, fileName, toCsv } from '../csv';
import type { BarClick } from '../chart';
import type { DrillSource } from '../drill-panel';
import '../drill-panel';
import { contactsDrill } from './contact-drill';

export interface Contact {
  id: string; phone: string; name: string | null; company: string | null; country: string | null; owner: string | null;
  stage: string; optedOut: boolean; tags: string[]; activity: string; intent: string | null; customerClass: string | null;
  lastInboundAt: string | null; createdAt: string; followUp: { dueAt: string; reason: string } | null; source: string | null;
  language: string | null; timeZone: string | null;
}

const ALERT_LINE = 0.15;
const UNKNOWN = 'unknown';
const ACTIVITY = ['high', 'medium', 'low', 'dormant'];
/** The lifecycle stages in pipeline order, as contacts-service names them (ContactStage). */
const STAGES = ['new', 'engaged', 'inquiry', 'quoted', 'customer', 'repeat_customer', 'churned'];
/** The count tiles: each counts the contacts one list filter selects. */
const TILES: Array<{ id: string; label: string; filter: Query; counts: (c: Contact) => boolean }> = [
  { id: 'contacts', label: 'contacts', filter: {}, counts: () => true },
  { id: 'highActivity', label: 'highActivity', filter: { activity: 'high' }, counts: (c) => c.activity === 'high' },
  { id: 'customers', label: 'customers', filter: { stages: ['customer', 'repeat_customer'] },
    counts: (c) => c.stage === 'customer' || c.stage === 'repeat_customer' },
  { id: 'optedOut', label: 'optedOut', filter: { optedOut: true }, counts: (c) => c.optedOut },
];
const HEADER = ['name', 'phone', 'company', 'country', 'owner', 'stage', 'activity', 'intent', 'tags', 'lastInboundAt'];

/** Contacts per value, most first; a contact without one counts under `missing`. */
function tally(items: Contact[], pick: (c: Contact) => string | null, missing: string): Array<[string, number]> {
  const m = new Map<string, number>();
  items.forEach((c) => { const k = pick(c) ?? missing; m.set(k, (m.get(k) ?? 0) + 1); });
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

export class Contacts extends LitElement {
  static properties = {
    everyone: { state: true },
    page: { state: true },
    filters: { state: true },
    drill: { state: true },
  };

  private declare everyone: Loadable<{ items: Contact[]; truncated: boolean }>;
  private declare page: Loadable<Page<Contact>>;
  private declare filters: Query;
  private declare drill: DrillSource<unknown> | null;
  private cursors: Array<string | null> = [null];

  constructor() {
    super();
    this.filters = {};
    this.drill = null;
  }

  /**
   * A bar of a tier chart: the contacts of that tier, as the list filters them. The tallies' fallbacks have filter
   * values of their own: intent unknown (the contacts whose intent reads null) and customer class none (erased
   * contacts, which this page never lists: the bar can only read 0).
   */
  private open(tier: 'activity' | 'intent' | 'customerClass', counts: Array<[string, number]>, e: CustomEvent<BarClick>): void {
    const [value, count] = counts[e.detail.dataIndex] ?? [];
    if (value === undefined || (tier === 'activity' && value === UNKNOWN)) return;
    this.show(`${tier} ${value}`, count, { [tier]: value });
  }

  private show(label: string, count: number, filter: Query): void {
    this.drill = contactsDrill(label, count, filter) as DrillSource<unknown>;
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    load(all<Contact>('/api/v1/contacts', {}, 10_000), (v) => { this.everyone = v; });
    this.go(0);
  }

  private go(index: number): void {
    this.cursors = this.cursors.slice(0, index + 1);
    load(get<Page<Contact>>('/api/v1/contacts', { ...this.filters, limit: 25, after: this.cursors[index] }), (v) => {
      this.page = v;
      if (v && !(v instanceof Error) && v.nextCursor) this.cursors[index + 1] = v.nextCursor;
    });
  }

  private filter(e: Event): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const q: Query = {};
    for (const [name, value] of form.entries()) if (value) q[name] = String(value);
    this.filters = q;
    this.cursors = [null];
    this.go(0);
  }

  render() {
    return html`<h1>${t('contacts')}</h1>${loaded(this.everyone, (e) => this.mix(e.items, e.truncated))}
      <section class="card" style="margin-top:16px">
        <form class="toolbar" data-test="contact-filters" @submit=${this.filter} role="search">
          <label>${t('search')} <input name="q" type="search" data-test="q"></label>
          <label>activity <select name="activity"><option value=""></option>${ACTIVITY.map((a) => html`<option>${a}</option>`)}</select></label>
          <label>intent <select name="intent"><option value=""></option>${['high', 'medium', 'potential', 'none', UNKNOWN].map((a) => html`<option>${a}</option>`)}</select></label>
          <label>stage <select name="stages"><option value=""></option>${STAGES.map((a) => html`<option>${a}</option>`)}</select></label>
          <label>${t('owner')} <input name="owners" size="8"></label>
          <label>tag <input name="tagsAny" size="8"></label>
          <button type="submit" class="primary">${t('filters')}</button></form>
        ${loaded(this.page, (p) => {
          const index = this.cursors.indexOf(p.nextCursor) - 1;
          const here = index >= 0 ? index : this.cursors.length - 1;
          const rows = p.items.map((c) => [c.name ?? c.phone, c.phone, c.company, c.country, c.owner, c.stage, c.activity, c.intent, c.tags.join(' '), dateTime(c.lastInboundAt)]);
          return html`<div class="toolbar"><button data-test="list-csv" @click=${() => download(fileName('contacts-page'), toCsv(HEADER, rows))}>${t('csv')}</button></div>
            ${table(HEADER, rows, { links: p.items.map((c) => `#/contacts/${c.id}`), testId: 'contacts' })}
            <div class="row"><button ?disabled=${here === 0} @click=${() => this.go(here - 1)}>${t('previous')}</button>
              <span>${t('page')} ${here + 1}</span>
              <button ?disabled=${!p.nextCursor} @click=${() => this.go(here + 1)}>${t('next')}</button></div>`;
        }, (p) => !p.items.length)}</section>`;
  }

  private mix(items: Contact[], truncated: boolean) {
    const activity = tally(items, (c) => c.activity, UNKNOWN);
    // intent 'none' is a tier (messaged, never replied); a contact nothing is known about yet has no intent, and the
    // list selects exactly those with intent=unknown
    const intent = tally(items, (c) => c.intent, UNKNOWN);
    const klass = tally(items, (c) => c.customerClass, 'none');
    const high = items.filter((c) => c.activity === 'high').length;
    const stages = STAGES.map((s): [string, number] => [s, items.filter((c) => c.stage === s).length]);
    const share = items.length ? high / items.length : 0;
    const openHigh = () => this.show(t('highActivity'), high, { activity: 'high' });
    const openAll = () => this.show(t('allContacts'), items.length, {});
    return html`<p data-test="high-share">${t('tierMix')}: <span class="count-link" role="button" tabindex="0" data-test="high-share-open"
        data-value=${high} @click=${openHigh} @keydown=${onActivate(openHigh)}>high activity ${percent(share)}</span> of <span class="count-link"
        role="button" tabindex="0" data-test="contact-total-open" @click=${openAll} @keydown=${onActivate(openAll)}><span data-test="contact-total">${items.length}</span></span>
        ${truncated ? '(first 10,000)' : ''} — ${share < ALERT_LINE ? html`<span class="badge alert">below the 15% line</span>` : html`<span class="badge ok">above the 15% line</span>`}</p>
      <div class="tiles" data-test="contact-tiles">${TILES.map((tile) => {
        const n = items.filter(tile.counts).length;
        const open = () => this.show(t(tile.label), n, tile.filter);
        return html`<div class="tile drillable" role="button" tabindex="0" data-kpi=${tile.id} data-value=${n}
          @click=${open} @keydown=${onActivate(open)}><div class="label">${t(tile.label)}</div><div class="value">${count(n)}</div></div>`;
      })}</div>
      <cr-drill .source=${this.drill} @close=${() => { this.drill = null; }}></cr-drill>
      <div class="grid">
        <cr-figure name="pipeline-stages" heading=${t('pipeline')} .option=${barOption(stages.map(([s]) => s), [{ name: 'contacts', data: stages.map(([, n]) => n) }])}
          .header=${['stage', 'contacts']} .rows=${stages} .drills=${stages.map(([s, n]) => `${s}: ${count(n)}`)}
          @bar-click=${(e: CustomEvent<BarClick>) => { const [s, n] = stages[e.detail.dataIndex]; this.show(`stage ${s}`, n, { stages: s }); }}></cr-figure>
        <cr-figure name="activity-tiers" heading="activity" .option=${barOption(activity.map(([k]) => k), [{ name: 'share', data: activity.map(([, n]) => n / Math.max(1, items.length)) }],
          { markLine: { value: ALERT_LINE, label: '15%' } })} .header=${['activity', 'contacts', 'share']} .rows=${activity.map(([k, n]) => [k, n, percent(n / Math.max(1, items.length))])}
          .drills=${activity.map(([k, n]) => (k === UNKNOWN ? null : `${k}: ${count(n)}`))}
          @bar-click=${(e: CustomEvent<BarClick>) => this.open('activity', activity, e)}></cr-figure>
        <cr-figure name="intent-tiers" heading="intent" .option=${barOption(intent.map(([k]) => k), [{ name: 'contacts', data: intent.map(([, n]) => n) }])}
          .header=${['intent', 'contacts']} .rows=${intent} .drills=${intent.map(([k, n]) => `${k}: ${count(n)}`)}
          @bar-click=${(e: CustomEvent<BarClick>) => this.open('intent', intent, e)}></cr-figure>
        <cr-figure name="customer-class" heading="customer class" .option=${barOption(klass.map(([k]) => k), [{ name: 'contacts', data: klass.map(([, n]) => n) }])}
          .header=${['customerClass', 'contacts']} .rows=${klass} .drills=${klass.map(([k, n]) => `${k}: ${count(n)}`)}
          @bar-click=${(e: CustomEvent<BarClick>) => this.open('customerClass', klass, e)}></cr-figure>
      </div>`;
  }
}

customElements.define('cr-contacts', Contacts);
