// One campaign: live counters (refreshed every 5 s while it sends), the delivery funnel, variants with the
// experiment verdict, failures by Meta error code and skipped or deferred sends by reason; every bar and count
// opens the sends behind it. Managers pause, resume and cancel.
import { html, LitElement, nothing } from 'lit';
import { get, send } from '../api';
import { barOption, BarClick } from '../chart';
import { count, percent } from '../format';
import { onLangChange, t } from '../i18n';
import { canManage, readsReports } from '../session';
import { meaningOf } from '../meta-errors';
import { KpiReport, Range, shift, todayIn, workspace } from '../reports';
import { load, Loadable, loaded, onActivate, problemView } from '../views';
import type { DrillSource } from '../drill-panel';
import '../drill-panel';
import { conversionsDrill } from './funnel-drills';
import { sendsDrill, SendFilter } from './sends';

export interface Counters {
  queued: number; deferred: number; skipped: number; holdout: number; sent: number; delivered: number; read: number;
  replied: number; clicked: number; clicks: number; failed: number; optedOut: number;
  skippedByReason: Record<string, number>; failedByCode: Record<string, number>;
}
export interface CampaignView {
  id: string; name: string; owner: string | null; status: string; variants: Array<{ key: string; weight: number }>;
  launchedAt: string | null; createdAt: string; counters: Counters | null; countersByVariant: Record<string, Counters>;
}
interface Experiment {
  variants: Array<{ variant: string; control: boolean; sends: number; conversions: number; rate: number | null;
    differenceVsControl?: number | null; ci95Low?: number | null; ci95High?: number | null; pValue?: number | null; significant?: boolean }>;
  winner: string | null; verdict: string; minSamplePerVariant: number;
}

/** The funnel's stages; each bar opens the sends the counter of the same stage counted (conversions: the reports' list). */
const FUNNEL = ['sent', 'delivered', 'read', 'replied', 'clicked', 'converted'];
const STAGES = ['sent', 'delivered', 'read', 'replied', 'clicked', 'failed'];

const LIVE = ['sending', 'scheduled'];

export class Campaign extends LitElement {
  static properties = {
    campaignId: {},
    campaign: { state: true },
    experiment: { state: true },
    conversions: { state: true },
    conversionRange: { state: true },
    drill: { state: true },
    actionError: { state: true },
  };

  declare campaignId;
  private declare campaign: Loadable<CampaignView>;
  private declare experiment: Loadable<Experiment>;
  private declare conversions: number | null;
  private declare conversionRange: Range | null;
  private declare drill: DrillSource<unknown> | null;
  private declare actionError: Error | null;
  private timer?: number;

  constructor() {
    super();
    this.campaignId = '';
    this.conversions = null;
    this.conversionRange = null;
    this.drill = null;
    this.actionError = null;
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    this.refresh(true);
    this.timer = window.setInterval(() => {
      if (!(this.campaign instanceof Error) && this.campaign && LIVE.includes(this.campaign.status)) this.refresh(false);
    }, 5000);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
  }

  private refresh(first: boolean): void {
    const call = get<CampaignView>(`/api/v1/campaigns/${this.campaignId}`);
    if (!first) {
      call.then((c) => { this.campaign = c; }, () => { /* keep the last counters; the next tick retries */ });
      return;
    }
    load(call, (v) => {
      this.campaign = v;
      if (v && !(v instanceof Error) && readsReports()) this.loadConversions(v);
    });
    if (readsReports()) load(get<Experiment>(`/api/v1/campaigns/${this.campaignId}/experiment`), (v) => { this.experiment = v; });
  }

  /** Conversions come from the reports (metrics-service), from the launch day until today. */
  private loadConversions(c: CampaignView): void {
    // the range the conversions are counted over is also the range of the list behind the funnel's last bar
    void workspace().then((s) => {
      const range = { from: (c.launchedAt ?? c.createdAt).slice(0, 10), to: todayIn(s.timeZone) };
      return get<KpiReport>('/api/v1/kpis', { campaignId: c.id, ...range }).then((r) => {
        this.conversions = Number(r.rows?.[0]?.counts?.conversions ?? 0);
        this.conversionRange = range;
      });
    }).catch(() => { this.conversions = null; this.conversionRange = null; });
  }

  private async act(action: 'pause' | 'resume' | 'cancel'): Promise<void> {
    if (action === 'cancel' && !confirm(t('cancel') + '?')) return;
    try {
      this.actionError = null;
      this.campaign = (await send<CampaignView>('POST', `/api/v1/campaigns/${this.campaignId}/${action}`)) ?? this.campaign;
    } catch (e) {
      this.actionError = e as Error;
    }
  }

  render() {
    return html`<p><a href="#/campaigns">← ${t('campaigns')}</a></p>${loaded(this.campaign, (c) => this.view(c))}`;
  }

  /** Shows the sends behind a number (label, n) in the drill panel, or closes it (null). */
  private open(drill: [string, number, SendFilter] | null): void {
    this.drill = drill && (sendsDrill(this.campaignId, ...drill) as DrillSource<unknown>);
  }

  /** The drill-down behind a counter: a stage counts as the API's stage filter, the rest by the send's status. */
  private counterDrill(id: string, n: number): [string, number, SendFilter] {
    return [id, n, STAGES.includes(id) ? { stage: id } : { status: id }];
  }

  private view(c: CampaignView) {
    const k = c.counters ?? ({ skippedByReason: {}, failedByCode: {} } as unknown as Counters);
    const manager = canManage();
    const funnelValues = FUNNEL.map((f) => (f === 'converted' ? this.conversions ?? 0 : Number(k[f as keyof Counters] ?? 0)));
    const codes = Object.entries(k.failedByCode ?? {});
    // a failure without a provider code is counted under its reason
    const failureDrill = ([key, n]: [string, number]): [string, number, SendFilter] => [`failed: ${key}`, n,
      /^[0-9]+$/.test(key) ? { stage: 'failed', errorCode: key } : { stage: 'failed', reason: key }];
    // skipped sends come counted by reason; deferred ones (waiting for a window or the weekly cap) as one bar
    const reasons: Array<[string, number, SendFilter]> = [
      ...Object.entries(k.skippedByReason ?? {}).map(([r, n]): [string, number, SendFilter] =>
        [`skipped: ${r}`, n, { status: 'skipped', reason: r }]),
      ...(k.deferred ? [this.counterDrill('deferred', k.deferred)] : []),
    ];
    const counterIds: Array<keyof Counters> = ['queued', 'sent', 'delivered', 'read', 'replied', 'clicked', 'failed', 'skipped', 'deferred', 'holdout'];
    return html`<div class="row"><h1 data-test="campaign-name">${c.name}</h1><span class="badge ${c.status}" data-test="status">${c.status}</span>
        ${LIVE.includes(c.status) ? html`<span class="muted">${t('refreshing')}</span>` : nothing}</div>
      ${manager ? html`<div class="toolbar">
        ${['sending', 'scheduled'].includes(c.status) ? html`<button data-test="pause" @click=${() => this.act('pause')}>${t('pause')}</button>` : nothing}
        ${c.status === 'paused' ? html`<button data-test="resume" @click=${() => this.act('resume')}>${t('resume')}</button>` : nothing}
        ${['draft', 'scheduled', 'sending', 'paused'].includes(c.status) ? html`<button class="danger" data-test="cancel" @click=${() => this.act('cancel')}>${t('cancel')}</button>` : nothing}
      </div>` : nothing}
      ${this.actionError ? problemView(this.actionError) : nothing}
      <section class="card"><h2>${t('counters')}</h2><div class="counters" data-test="counters">${counterIds.map((id) => html`
        <button data-counter=${id} @click=${() => this.open(this.counterDrill(id, Number(k[id] ?? 0)))}><span class="value">${count(Number(k[id] ?? 0))}</span>${t(String(id))}</button>`)}</div></section>
      <cr-drill .source=${this.drill} @close=${() => this.open(null)}></cr-drill>
      <div class="grid">
        <cr-figure name="delivery-funnel" heading=${t('funnel')} data-test="delivery-funnel"
          .option=${barOption(FUNNEL.map((f) => t(f)), [{ name: t('sends'), data: funnelValues }])}
          .header=${['stage', 'count', 'ofSent']} .rows=${FUNNEL.map((f, i) => [f, funnelValues[i], percent(funnelValues[0] ? funnelValues[i] / funnelValues[0] : null)])}
          .drills=${FUNNEL.map((f, i) => (f === 'converted' && !this.conversionRange ? null : `${t(f)}: ${count(funnelValues[i])}`))}
          @bar-click=${(e: CustomEvent<BarClick>) => {
            const stage = FUNNEL[e.detail.dataIndex];
            if (stage !== 'converted') this.open(this.counterDrill(stage, funnelValues[e.detail.dataIndex]));
            else if (this.conversionRange) {
              this.drill = conversionsDrill(funnelValues[e.detail.dataIndex], this.conversionRange, this.campaignId) as DrillSource<unknown>;
            }
          }}></cr-figure>
        ${this.variantsView(c)}
        <cr-figure name="failures-by-code" heading=${t('failuresByCode')}
          .option=${barOption(codes.map(([code]) => code), [{ name: t('failed'), data: codes.map(([, n]) => n) }])}
          .header=${['errorCode', 'sends', 'meaning', 'whatToDo']} .rows=${codes.map(([code, n]) => [code, n, meaningOf(code).meaning, meaningOf(code).action])}
          .drills=${codes.map(([code, n]) => `${code}: ${count(n)}`)}
          @bar-click=${(e: CustomEvent<BarClick>) => this.open(failureDrill(codes[e.detail.dataIndex]))}
          .note=${codes.length ? html`<ul>${codes.map(([code]) => html`<li><strong>${code}</strong>: ${meaningOf(code).meaning}. ${meaningOf(code).action}</li>`)}</ul>`
            : html`<p class="muted">${t('empty')}</p>`}></cr-figure>
        <cr-figure name="skipped-by-reason" heading=${t('skippedByReason')}
          .option=${barOption(reasons.map(([r]) => r), [{ name: t('skipped'), data: reasons.map(([, n]) => n) }], { horizontal: true })}
          .header=${['reason', 'sends']} .rows=${reasons.map(([r, n]) => [r, n])}
          .drills=${reasons.map(([r, n]) => `${r}: ${count(n)}`)}
          @bar-click=${(e: CustomEvent<BarClick>) => this.open(reasons[e.detail.dataIndex])}
          .note=${reasons.length ? nothing : html`<p class="muted">${t('empty')}</p>`}></cr-figure>
      </div>`;
  }

  /** The variants with their counters: each send count opens that variant's sends at that stage. */
  private variantsTable(c: CampaignView, x: Experiment) {
    const open = (d: [string, number, SendFilter]) => this.open(d);
    const header = ['variant', t('sent'), t('delivered'), t('read'), t('replied'), t('converted'), 'rate', 'Δ vs control', '95% CI', 'p'];
    return html`<div class="table-wrap"><table data-test="variants-table"><thead><tr>${header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${x.variants.map((v) => {
        const k = c.countersByVariant?.[v.variant];
        return html`<tr data-variant=${v.variant}><td>${v.variant}${v.control ? ' (control)' : ''}</td>
          ${(['sent', 'delivered', 'read', 'replied'] as const).map((s) => html`<td>${k ? variantCount(open, v.variant, s, Number(k[s] ?? 0))
            : s === 'sent' ? count(v.sends) : count(0)}</td>`)}
          <td>${this.variantConversions(v.variant, v.conversions)}</td><td>${percent(v.rate)}</td>
          <td>${v.differenceVsControl === undefined ? '–' : percent(v.differenceVsControl)}</td>
          <td>${v.ci95Low === undefined || v.ci95Low === null ? '–' : `${percent(v.ci95Low)} … ${percent(v.ci95High)}`}</td>
          <td>${v.pValue === undefined || v.pValue === null ? '–' : v.pValue.toFixed(3)}</td></tr>`;
      })}</tbody></table></div>`;
  }

  /**
   * A variant's conversions (the experiment counts them over all the campaign's days) as a link to its converted
   * sends: listed from the day before the launch (a workspace day can start before the launch's UTC date) to today.
   */
  private variantConversions(variant: string, n: number) {
    const range = this.conversionRange;
    if (!range) return count(n);
    const go = () => {
      this.drill = conversionsDrill(n, { from: shift(range.from, -1), to: range.to }, this.campaignId, variant) as DrillSource<unknown>;
    };
    return html`<span class="count-link" role="button" tabindex="0" data-variant=${variant} data-stage="converted"
      @click=${go} @keydown=${onActivate(go)}>${count(n)}</span>`;
  }

  private variantsView(c: CampaignView) {
    if (!readsReports()) return nothing;
    return html`<section class="card" data-test="variants"><h2>${t('variants')}</h2>
      ${loaded(this.experiment, (x) => html`
        ${this.variantsTable(c, x)}
        <p data-test="verdict"><strong>${t('experiment')}:</strong> ${x.winner ? `${t('winner')}: ${x.winner}` : x.verdict.startsWith('not enough') ? t('notEnough') : t('noWinner')}
          <span class="muted">(${x.verdict})</span></p>`)}</section>`;
  }
}

/** A variant's count that opens its sends at a stage (variant and stage filters together). */
function variantCount(open: (d: [string, number, SendFilter]) => void, variant: string, stage: string, n: number) {
  const go = () => open([`${variant}: ${stage}`, n, { variant, stage }]);
  return html`<span class="count-link" role="button" tabindex="0" data-variant=${variant} data-stage=${stage}
    @click=${go} @keydown=${onActivate(go)}>${count(n)}</span>`;
}

customElements.define('cr-campaign', Campaign);
