// One contact: facts, tags, current tiers and their history, deals, preferences and its messages as a timeline.
import { html, LitElement, nothing } from 'lit';
import { all, get, Page } from '../api';
import { dateTime, money } from '../format';
import { onLangChange, t } from '../i18n';
import { load, Loadable, loaded, table } from '../views';
import type { Contact } from './contacts';

interface Interaction { id: string; direction: string; at: string; text: string | null; intent: string | null; agent: string | null }
interface TierMove { category: string; tag: string; tier: string; action: string; at: string; actor: string }
interface Deal { id: string; stage: string; quoteAmount: number | null; orderAmount: number | null; currency: string; inquiryAt: string; wonAt: string | null }

/** The newest tier moves shown; the rest are older than anyone reads here. */
const TIER_MOVES = 100;

export class ContactPage extends LitElement {
  static properties = {
    contactId: {},
    contact: { state: true },
    messages: { state: true },
    deals: { state: true },
    tiers: { state: true },
    preferences: { state: true },
  };

  declare contactId;
  private declare contact: Loadable<Contact>;
  private declare messages: Loadable<{ items: Interaction[] }>;
  private declare deals: Loadable<{ items: Deal[] }>;
  private declare tiers: Loadable<Page<TierMove>>;
  private declare preferences: Loadable<Record<string, unknown>>;

  constructor() {
    super();
    this.contactId = '';
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    const id = this.contactId;
    load(get<Contact>(`/api/v1/contacts/${id}`), (v) => { this.contact = v; });
    load(all<Interaction>(`/api/v1/contacts/${id}/interactions`, {}, 1000), (v) => { this.messages = v; });
    load(all<Deal>('/api/v1/deals', { contactId: id }, 500), (v) => { this.deals = v; });
    load(get<Page<TierMove>>(`/api/v1/contacts/${id}/tier-history`, { limit: TIER_MOVES }), (v) => { this.tiers = v; });
    load(get<Record<string, unknown>>(`/api/v1/contacts/${id}/preferences`), (v) => { this.preferences = v; });
  }

  render() {
    return html`<p><a href="#/contacts">← ${t('contacts')}</a></p>${loaded(this.contact, (c) => html`
      <h1 data-test="contact-name">${c.name ?? c.phone}</h1>
      <div class="grid"><section class="card"><dl class="facts">
        <dt>${t('phone')}</dt><dd data-test="contact-phone">${c.phone}</dd><dt>company</dt><dd>${c.company ?? '–'}</dd>
        <dt>${t('owner')}</dt><dd data-test="contact-owner">${c.owner ?? '–'}</dd><dt>stage</dt><dd>${c.stage}</dd>
        <dt>country</dt><dd>${c.country ?? '–'}</dd><dt>opted out</dt><dd>${c.optedOut ? 'yes' : 'no'}</dd>
        <dt>follow-up</dt><dd>${c.followUp ? `${dateTime(c.followUp.dueAt)} (${c.followUp.reason})` : '–'}</dd></dl></section>
        <section class="card"><h2>${t('tierHistory')}</h2><dl class="facts"><dt>activity</dt><dd>${c.activity}</dd>
          <dt>intent</dt><dd>${c.intent}</dd><dt>customer class</dt><dd>${c.customerClass ?? '–'}</dd></dl>
          ${loaded(this.tiers, (h) => html`${table(['at', 'category', 'move', 'tier', 'by'],
            h.items.map((m) => [dateTime(m.at), m.category, m.action === 'added' ? '+' : '−', m.tier, m.actor]), { testId: 'tier-history' })}
            ${h.nextCursor ? html`<p class="muted">${TIER_MOVES} newest</p>` : nothing}`, (h) => !h.items.length)}
          <h2>${t('tags')}</h2><p>${c.tags.length ? c.tags.map((x) => html`<span class="badge">${x}</span> `) : '–'}</p></section></div>
      <div class="grid"><section class="card"><h2>${t('deals')}</h2>${loaded(this.deals, (d) => table(['stage', 'quote', 'order', 'inquiryAt', 'wonAt'],
          d.items.map((x) => [x.stage, money(x.quoteAmount, x.currency), money(x.orderAmount, x.currency), dateTime(x.inquiryAt), dateTime(x.wonAt)])), (d) => !d.items.length)}</section>
        <section class="card"><h2>${t('preferences')}</h2>${loaded(this.preferences, (p) => html`<dl class="facts">${Object.entries(p)
          .filter(([, v]) => v === null || typeof v !== 'object').map(([k, v]) => html`<dt>${k}</dt><dd>${String(v ?? '–')}</dd>`)}</dl>`)}</section></div>
      <section class="card" style="margin-top:16px"><h2>${t('timeline')}</h2>${loaded(this.messages, (m) => html`<ol class="timeline" data-test="timeline">
        ${[...m.items].sort((a, b) => b.at.localeCompare(a.at)).map((x) => html`<li><span class=${x.direction === 'inbound' ? 'in' : 'out'}>${x.direction === 'inbound' ? '←' : '→'}</span>
          <time datetime=${x.at}>${dateTime(x.at)}</time> ${x.text ?? ''} ${x.intent ? html`<span class="badge">${x.intent}</span>` : nothing}</li>`)}</ol>`, (m) => !m.items.length)}</section>`)}`;
  }
}

customElements.define('cr-contact', ContactPage);
