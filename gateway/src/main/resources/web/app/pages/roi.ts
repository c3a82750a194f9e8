// ROI: cost by category and by kind (explicit against hidden), the four value parts, roi, roiExtended and
// valueToCost with their basis, and the costs table where managers add, edit and delete costs. A cost bar, a ratio
// tile and the cost total open the costs entered for the range (of the bar's category or kind) in the drill panel;
// the direct, repeat and lead value bars open the deals they are made of. Brand is an estimate with no rows: the page
// says so under the chart instead of opening an empty list.
import { html, LitElement, nothing, TemplateResult } from 'lit';
import { all, get, send } from '../api';
import { barOption, BarClick } from '../chart';
import { kpiName } from '../catalog';
import { byUnit, money } from '../format';
import { onLangChange, t } from '../i18n';
import { Preset, presetRange, Range, todayIn, workspace } from '../reports';
import { canManage } from '../session';
import { load, Loadable, loaded, onActivate, problemView, table } from '../views';
import type { DrillSource } from '../drill-panel';
import '../drill-panel';
import { costsDrill } from './cost-drill';
import { ROI_LISTED_PARTS, roiDealsDrill } from './measure-drills';

interface Roi {
  currency: string; basis: string;
  costs: { total: number; byKind: Record<string, number>; byCategory: Record<string, number> };
  value: { direct: number; repeat: number; leadValue: number; brand: number; total: number };
  counts: { orders: number; repeatOrders: number; qualifiedLeads: number };
  kpis: Record<string, { value: number | null; unit: string; rating: string }>;
}
interface Cost { id: string; category: string; kind: string; amount: number; periodStart: string; periodEnd: string; description: string | null }

const CATEGORIES = ['software', 'platform_fees', 'accounts', 'phone_numbers', 'message_fees', 'data', 'ads', 'labor', 'learning', 'opportunity'];
const RATIOS = ['roi', 'roiExtended', 'valueToCost', 'roas'];

export class RoiPage extends LitElement {
  static properties = {
    range: { state: true },
    preset: { state: true },
    roi: { state: true },
    costs: { state: true },
    editing: { state: true },
    saveError: { state: true },
    drill: { state: true },
  };

  private declare range: Range | null;
  private declare preset: Preset;
  private declare roi: Loadable<Roi>;
  private declare costs: Loadable<{ items: Cost[] }>;
  private declare editing: Partial<Cost> | null;
  private declare saveError: Error | null;
  private declare drill: DrillSource<unknown> | null;

  constructor() {
    super();
    this.range = null;
    this.preset = 'd90';
    this.editing = null;
    this.saveError = null;
    this.drill = null;
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    void workspace().then(() => this.choose('d90'));
  }

  private async choose(preset: Preset): Promise<void> {
    this.preset = preset;
    const s = await workspace();
    this.range = presetRange(preset, todayIn(s.timeZone));
    this.reload();
  }

  private reload(): void {
    if (!this.range) return;
    this.drill = null;
    load(get<Roi>('/api/v1/roi', { ...this.range }), (v) => { this.roi = v; });
    load(all<Cost>('/api/v1/costs', { ...this.range }, 2000), (v) => { this.costs = v; });
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const body: Record<string, unknown> = {
      category: form.get('category'), amount: Number(form.get('amount')), periodStart: form.get('periodStart'),
      periodEnd: form.get('periodEnd') || undefined, description: form.get('description') || undefined,
    };
    if (form.get('kind')) body.kind = form.get('kind');
    try {
      this.saveError = null;
      if (this.editing?.id) await send('PUT', `/api/v1/costs/${this.editing.id}`, body);
      else await send('POST', '/api/v1/costs', body);
      this.editing = null;
      this.reload();
    } catch (err) {
      this.saveError = err as Error;
    }
  }

  // not remove(): that is the DOM method the router calls to take the page out
  private async deleteCost(cost: Cost): Promise<void> {
    if (!confirm(`${t('delete')} ${cost.category} ${cost.amount}?`)) return;
    try { await send('DELETE', `/api/v1/costs/${cost.id}`); this.reload(); } catch (err) { this.saveError = err as Error; }
  }

  render() {
    return html`<h1>${t('roi')}</h1>
      <div class="toolbar presets">${(['d30', 'd90', 'thisMonth'] as Preset[]).map((p) => html`<button aria-pressed=${this.preset === p}
        @click=${() => this.choose(p)}>${t(p)}</button>`)}<span class="muted">${this.range ? `${this.range.from} – ${this.range.to}` : ''}</span></div>
      ${loaded(this.roi, (r) => this.report(r))}
      <section class="card" style="margin-top:16px"><header class="row"><h2>${t('costs')}</h2>
        ${canManage() ? html`<button data-test="add-cost" @click=${() => { this.editing = { category: 'software', periodStart: this.range?.from }; }}>${t('add')}</button>` : nothing}</header>
        ${this.editing ? this.form() : nothing}
        ${this.saveError ? problemView(this.saveError) : nothing}
        ${loaded(this.costs, (c) => this.costTable(c.items), (c) => !c.items.length)}</section>`;
  }

  private report(r: Roi) {
    const cats = Object.entries(r.costs.byCategory);
    const kinds = Object.entries(r.costs.byKind);
    const parts = (['direct', 'repeat', 'leadValue', 'brand'] as const).map((p) => [p, r.value[p]] as [string, number]);
    const drills = canManage() && this.range !== null;
    const tile = (id: string, label: string, value: unknown, rating: string, body: TemplateResult) => {
      const open = () => this.openCosts(`${label}, ${this.range?.from} – ${this.range?.to}`, {});
      return drills ? html`<div class="tile drillable ${rating}" role="button" tabindex="0" data-kpi=${id} data-value=${value}
        @click=${open} @keydown=${onActivate(open)}>${body}</div>` : html`<div class="tile ${rating}" tabindex="0" data-kpi=${id} data-value=${value}>${body}</div>`;
    };
    return html`<div class="tiles" data-test="roi-tiles">${RATIOS.map((id) => tile(id, kpiName(id), r.kpis[id]?.value ?? '', r.kpis[id]?.rating ?? 'unrated',
        html`<div class="label">${kpiName(id)}</div><div class="value">${byUnit(r.kpis[id]?.value ?? null, r.kpis[id]?.unit)}</div>`))}
        <div class="tile"><div class="label">${t('basis')}</div><div class="value" data-test="basis">${r.basis}</div></div>
        ${tile('costTotal', t('costs'), r.costs.total, '', html`<div class="label">${t('costs')}</div><div class="value" data-test="cost-total">${money(r.costs.total, r.currency)}</div>`)}</div>
      ${drills ? html`<p class="muted" data-test="cost-drill-note">${t('costDrillNote')}</p>` : nothing}
      <cr-drill .source=${this.drill} @close=${() => { this.drill = null; }}></cr-drill>
      <div class="grid">
        <cr-figure name="cost-by-category" heading=${t('costByCategory')} .option=${barOption(cats.map(([c]) => c), [{ name: t('costs'), data: cats.map(([, v]) => v) }], { horizontal: true })}
          .header=${['category', 'amount']} .rows=${cats} .drills=${drills ? cats.map(([c, v]) => `${c}: ${money(v, r.currency)}`) : null}
          @bar-click=${(e: CustomEvent<BarClick>) => this.openCosts(`${cats[e.detail.dataIndex]?.[0]}`, { category: cats[e.detail.dataIndex]?.[0] })}></cr-figure>
        <cr-figure name="cost-by-kind" heading=${t('costByKind')} .option=${barOption(kinds.map(([k]) => k), [{ name: t('costs'), data: kinds.map(([, v]) => v) }])}
          .header=${['kind', 'amount']} .rows=${kinds} .drills=${drills ? kinds.map(([k, v]) => `${k}: ${money(v, r.currency)}`) : null}
          @bar-click=${(e: CustomEvent<BarClick>) => this.openCosts(`${kinds[e.detail.dataIndex]?.[0]}`, { kind: kinds[e.detail.dataIndex]?.[0] })}></cr-figure>
        <cr-figure name="value-parts" heading=${t('valueParts')} .option=${barOption(parts.map(([p]) => p), [{ name: t('valueParts'), data: parts.map(([, v]) => v) }])}
          .header=${['part', 'amount']} .rows=${parts}
          .drills=${drills ? parts.map(([p, v]) => (ROI_LISTED_PARTS.includes(p) ? `${t(`part_${p}`)}: ${money(v, r.currency)}` : null)) : null}
          @bar-click=${(e: CustomEvent<BarClick>) => this.openPart(r, parts[e.detail.dataIndex]?.[0])}
          .note=${html`<p class="muted" data-test="brand-note">${t('brandNote')}</p>`}></cr-figure>
      </div>`;
  }

  /**
   * The deals a value part is made of (direct sales, repeat orders, the inquiries behind lead value), counted as the
   * report counts them; brand is an estimate with no rows and opens nothing (its note says so).
   */
  private openPart(r: Roi, part: string | undefined): void {
    if (!this.range || !canManage() || !part || !ROI_LISTED_PARTS.includes(part)) return;
    const n = part === 'direct' ? r.counts.orders - r.counts.repeatOrders
      : part === 'repeat' ? r.counts.repeatOrders : r.counts.qualifiedLeads;
    this.drill = roiDealsDrill(part, n, r.value[part as 'direct' | 'repeat' | 'leadValue'], r.currency, this.range) as DrillSource<unknown>;
  }

  /** The costs entered for the range (of a category or a kind), counted from the costs this page already listed. */
  private openCosts(label: string, filter: { category?: string; kind?: string }): void {
    if (!this.range || !canManage()) return;
    const listed = this.costs && !(this.costs instanceof Error) ? this.costs.items : [];
    const n = listed.filter((c) => (!filter.category || c.category === filter.category) && (!filter.kind || c.kind === filter.kind)).length;
    this.drill = costsDrill(label, n, this.range, filter) as DrillSource<unknown>;
  }

  private costTable(items: Cost[]) {
    return html`<div class="table-wrap"><table data-test="costs"><thead><tr><th>category</th><th>kind</th><th>amount</th><th>periodStart</th><th>periodEnd</th><th>description</th>
      ${canManage() ? html`<th></th>` : nothing}</tr></thead><tbody>${items.map((c) => html`<tr><td>${c.category}</td><td>${c.kind}</td>
      <td>${money(c.amount)}</td><td>${c.periodStart}</td><td>${c.periodEnd}</td><td>${c.description ?? ''}</td>
      ${canManage() ? html`<td><button @click=${() => { this.editing = c; }}>${t('edit')}</button>
        <button class="danger" @click=${() => this.deleteCost(c)}>${t('delete')}</button></td>` : nothing}</tr>`)}</tbody></table></div>`;
  }

  private form() {
    const c = this.editing ?? {};
    return html`<form class="row" data-test="cost-form" @submit=${this.save} style="margin:8px 0">
      <label>category <select name="category">${CATEGORIES.map((x) => html`<option ?selected=${x === c.category}>${x}</option>`)}</select></label>
      <label>kind <select name="kind"><option value="">(default)</option><option ?selected=${c.kind === 'explicit'}>explicit</option><option ?selected=${c.kind === 'hidden'}>hidden</option></select></label>
      <label>amount <input name="amount" type="number" step="0.01" min="0" required .value=${c.amount === undefined ? '' : String(c.amount)}></label>
      <label>periodStart <input name="periodStart" type="date" required .value=${c.periodStart ?? ''}></label>
      <label>periodEnd <input name="periodEnd" type="date" .value=${c.periodEnd ?? ''}></label>
      <label>description <input name="description" .value=${c.description ?? ''}></label>
      <button type="submit" class="primary">${t('save')}</button><button type="button" @click=${() => { this.editing = null; }}>${t('close')}</button></form>`;
  }
}

customElements.define('cr-roi', RoiPage);
