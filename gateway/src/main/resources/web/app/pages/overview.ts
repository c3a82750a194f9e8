// Overview: a range in the workspace time zone, KPI tiles rated and compared with the previous period, messages
// over time, the funnel with its largest drop-off, and the live alerts.
import { html, LitElement, nothing } from 'lit';
import { get } from '../api';
import { barOption, BarClick, lineOption } from '../chart';
import type { PointDrill } from '../views';
import { bandText, kpi, kpiName } from '../catalog';
import { byUnit, change, count, money } from '../format';
import { onLangChange, t } from '../i18n';
import { createdWithin, KpiReport, Preset, presetRange, previousRange, Range, todayIn, workspace } from '../reports';
import { canManage } from '../session';
import { load, Loadable, loaded, onActivate } from '../views';
import type { DrillSource } from '../drill-panel';
import '../drill-panel';
import { contactsDrill } from './contact-drill';
import { sentWithinDrill } from './sends';
import { dayDrill, OVER_TIME_SERIES, tileDrill, tileDrillNote, tileOpensList } from './overview-drills';
import { conversionsDrill, KPI_TILE_DRILLS, LISTED_STAGES, stageDrill, wonDealsDrill } from './funnel-drills';

interface FunnelStage { stage: string; count: number; conversionFromPrevious: number | null; dropOff: number | null }
interface Funnel { stages: FunnelStage[]; largestDropOff: string | null }
interface Alert { id: string; status: string; severity?: string; message: string; value?: number | null }
interface Roi { kpis: Record<string, { value: number | null; rating?: string; unit?: string }>; basis: string }

/** The tiles: where each number comes from (a count of the KPI row, a KPI of it, or the ROI report). */
const TILES: Array<{ id: string; from: 'count' | 'kpi' | 'roi'; unit?: string }> = [
  { id: 'sent', from: 'count', unit: 'count' }, { id: 'delivered', from: 'count', unit: 'count' },
  { id: 'openRate', from: 'kpi' }, { id: 'replyRate', from: 'kpi' }, { id: 'ctr', from: 'kpi' },
  { id: 'optOutRate', from: 'kpi' }, { id: 'conversions', from: 'count', unit: 'count' },
  { id: 'revenue', from: 'count', unit: 'money' }, { id: 'spend', from: 'count', unit: 'money' },
  { id: 'roi', from: 'roi' }, { id: 'roas', from: 'kpi' },
];
/** The count tiles that open their sends (the list's stage for each); only roles that read /api/v1/sends get them. */
const SEND_TILES: Record<string, string | undefined> = { sent: undefined, delivered: 'delivered' };
const PRESETS: Preset[] = ['today', 'd7', 'd30', 'd90', 'thisMonth', 'custom'];

export class Overview extends LitElement {
  static properties = {
    preset: { state: true },
    range: { state: true },
    compare: { state: true },
    zone: { state: true },
    currency: { state: true },
    kpis: { state: true },
    previous: { state: true },
    roi: { state: true },
    previousRoi: { state: true },
    daily: { state: true },
    funnel: { state: true },
    alerts: { state: true },
    drill: { state: true },
  };

  private declare preset: Preset;
  private declare range: Range | null;
  private declare compare;
  private declare zone;
  private declare currency;
  private declare kpis: Loadable<KpiReport>;
  private declare previous: Loadable<KpiReport>;
  private declare roi: Loadable<Roi>;
  private declare previousRoi: Loadable<Roi>;
  private declare daily: Loadable<KpiReport>;
  private declare funnel: Loadable<Funnel>;
  private declare alerts: Loadable<{ alerts: Alert[] }>;
  private declare drill: DrillSource<unknown> | null;
  /** The reports count a reply within this many days of its send (the workspace setting). */
  private replyWindowDays?: number;

  constructor() {
    super();
    this.preset = 'd30';
    this.range = null;
    this.compare = true;
    this.zone = 'UTC';
    this.currency = 'USD';
    this.drill = null;
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    void workspace().then((s) => {
      this.zone = s.timeZone;
      this.currency = s.currency;
      this.replyWindowDays = s.replyWindowDays;
      this.choose('d30');
    });
    load(get('/api/v1/alerts'), (v) => { this.alerts = v as Loadable<{ alerts: Alert[] }>; });
  }

  private choose(preset: Preset): void {
    this.preset = preset;
    if (preset !== 'custom') this.setRange(presetRange(preset, todayIn(this.zone)));
  }

  private setRange(range: Range): void {
    this.range = range;
    this.drill = null;
    const before = previousRange(range);
    load(get<KpiReport>('/api/v1/kpis', { ...range }), (v) => { this.kpis = v; });
    load(get<KpiReport>('/api/v1/kpis', { ...before }), (v) => { this.previous = v; });
    load(get<Roi>('/api/v1/roi', { ...range }), (v) => { this.roi = v; });
    load(get<Roi>('/api/v1/roi', { ...before }), (v) => { this.previousRoi = v; });
    load(get<KpiReport>('/api/v1/kpis', { ...range, groupBy: 'day' }), (v) => { this.daily = v; });
    load(get<Funnel>('/api/v1/funnel', { ...range }), (v) => { this.funnel = v; });
  }

  private custom(e: Event, end: 'from' | 'to'): void {
    const value = (e.target as HTMLInputElement).value;
    if (value && this.range) this.setRange({ ...this.range, [end]: value });
  }

  render() {
    return html`<h1>${t('overview')}</h1>
      <div class="toolbar" role="group" aria-label=${t('range')}>
        <div class="presets">${PRESETS.map((p) => html`<button aria-pressed=${this.preset === p} data-preset=${p}
          @click=${() => this.choose(p)}>${t(p)}</button>`)}</div>
        ${this.preset === 'custom' && this.range ? html`
          <label>${t('from')} <input type="date" .value=${this.range.from} @change=${(e: Event) => this.custom(e, 'from')}></label>
          <label>${t('to')} <input type="date" .value=${this.range.to} @change=${(e: Event) => this.custom(e, 'to')}></label>` : nothing}
        <label class="row"><input type="checkbox" .checked=${this.compare} @change=${(e: Event) => { this.compare = (e.target as HTMLInputElement).checked; }}>${t('compare')}</label>
        <span class="muted" data-test="range">${this.range ? `${this.range.from} – ${this.range.to} (${this.zone})` : ''}</span>
      </div>
      ${loaded(this.kpis, (report) => this.tiles(report))}
      <cr-drill .source=${this.drill} @close=${() => { this.drill = null; }}></cr-drill>
      <div class="grid">${loaded(this.daily, (d) => this.overTime(d))}${loaded(this.funnel, (f) => this.funnelFigure(f), (f) => !f.stages?.length)}</div>
      <section class="card" style="margin-top:16px"><h2>${t('alerts')}</h2>
        ${loaded(this.alerts, (a) => html`<ul class="alerts" data-test="alerts">${a.alerts.map((al) => html`<li>
          <span class="badge ${al.status}">${al.status}</span> ${al.message}</li>`)}</ul>`, (a) => !a.alerts?.length)}</section>`;
  }

  private value(tile: (typeof TILES)[number], report: KpiReport | undefined, roi: Roi | undefined) {
    const row = report?.rows?.[0];
    if (tile.from === 'count') return { value: row?.counts?.[tile.id] ?? (row ? 0 : null), rating: 'unrated', unit: tile.unit };
    if (tile.from === 'roi') return { value: roi?.kpis?.[tile.id]?.value ?? null, rating: roi?.kpis?.[tile.id]?.rating ?? 'unrated', unit: kpi(tile.id)?.unit ?? 'ratio' };
    const k = row?.kpis?.[tile.id];
    return { value: k?.value ?? null, rating: k?.rating ?? 'unrated', unit: k?.unit ?? kpi(tile.id)?.unit };
  }

  private tiles(report: KpiReport) {
    const previous = this.previous instanceof Error ? undefined : this.previous;
    const roi = this.roi instanceof Error ? undefined : this.roi;
    const previousRoi = this.previousRoi instanceof Error ? undefined : this.previousRoi;
    const format = (v: number | null, unit?: string) => (unit === 'money' ? money(v, this.currency) : byUnit(v, unit, this.currency));
    return html`<div class="tiles" data-test="tiles">${TILES.map((tile) => {
      const now = this.value(tile, report, roi);
      const before = this.value(tile, previous, previousRoi);
      const delta = change(now.value, before.value);
      const band = bandText(tile.id, (v) => format(v, now.unit));
      const drillable = (tile.id in SEND_TILES || tile.id in KPI_TILE_DRILLS || tileOpensList(tile.id)) && canManage() && this.range !== null && now.value !== null;
      const open = () => (tile.id in SEND_TILES ? this.openSends(tile.id, Number(now.value))
        : tile.id in KPI_TILE_DRILLS ? this.openKpiList(tile.id, report) : this.openTile(tile.id, report));
      return html`<div class="tile ${now.rating} ${drillable ? 'drillable' : ''}" tabindex="0" data-kpi=${tile.id} data-value=${now.value ?? ''}
        role=${drillable ? 'button' : nothing} @click=${drillable ? open : null} @keydown=${drillable ? onActivate(open) : null}
        aria-label="${kpiName(tile.id) === tile.id ? t(tile.id) : kpiName(tile.id)}: ${format(now.value, now.unit)}, ${now.rating}">
        <div class="label">${kpiName(tile.id) === tile.id ? t(tile.id) : kpiName(tile.id)}</div>
        <div class="value">${format(now.value, now.unit)}</div>
        ${this.compare ? html`<div class="delta">${delta === null ? '–' : `${delta >= 0 ? '▲' : '▼'} ${(Math.abs(delta) * 100).toFixed(1)}%`} ${t('vsPrevious')}</div>` : nothing}
        <div class="band" role="tooltip">${t('band')}: ${band} · ${now.rating}</div></div>`;
    })}</div>${canManage() ? html`<p class="muted" data-test="sends-drill-note">${t('sendsDrillNote')}</p>${tileDrillNote()}` : nothing}`;
  }

  /** A rate, spend, ROI or ROAS tile: the sends behind the rate's numerator, or the costs of the range. */
  private openTile(id: string, report: KpiReport): void {
    const range = this.range;
    if (!range) return;
    void tileDrill(id, report.rows?.[0], range, this.zone, this.replyWindowDays).then((d) => { if (this.range === range) this.drill = d; });
  }

  /** Sent or delivered: the sends of every campaign that went out on the range's workspace days, at the tile's stage. */
  private openSends(id: string, n: number): void {
    if (!this.range) return;
    this.drill = sentWithinDrill(`${t(id)}, ${this.range.from} – ${this.range.to}`, n, this.range, this.zone, SEND_TILES[id]) as DrillSource<unknown>;
  }

  /** Conversions: the sends counted as such; revenue: the won deals whose amounts it sums (as many as the orders). */
  private openKpiList(id: string, report: KpiReport): void {
    const counts = report.rows?.[0]?.counts as Record<string, number> | undefined;
    if (!this.range) return;
    const n = Number(counts?.[KPI_TILE_DRILLS[id]] ?? 0);
    this.drill = (id === 'revenue' ? wonDealsDrill(n, Number(counts?.revenue ?? 0), this.currency, this.range)
      : conversionsDrill(n, this.range)) as DrillSource<unknown>;
  }

  /** Sends per workspace day and stage; a manager opens a point's sends (by mouse, or its button from the keyboard). */
  private overTime(daily: KpiReport) {
    const series = OVER_TIME_SERIES.map((s) => s.id);
    const rows = [...daily.rows].sort((a, b) => String(a.group).localeCompare(String(b.group)));
    const days = rows.map((r) => String(r.group));
    const data = series.map((s) => rows.map((r) => Number(r.counts?.[s] ?? 0)));
    const drillable = canManage();
    const points: PointDrill[] = drillable ? series.flatMap((s, si) => days.map((day, di) => ({
      label: `${day} ${t(s)}: ${count(data[si][di])}`, dataIndex: di, seriesIndex: si }))).filter((p) => data[p.seriesIndex][p.dataIndex] > 0) : [];
    const open = (e: CustomEvent<BarClick>) => {
      const { dataIndex, seriesIndex } = e.detail;
      if (!drillable || seriesIndex === undefined || data[seriesIndex]?.[dataIndex] === undefined) return;
      this.drill = dayDrill(seriesIndex, days[dataIndex], data[seriesIndex][dataIndex], this.zone, this.replyWindowDays);
    };
    return html`<cr-figure name="messages-over-time" heading=${t('messagesOverTime')}
      .option=${lineOption(days, series.map((s, i) => ({ name: t(s), data: data[i] })), { clickable: drillable })}
      .header=${['day', ...series]} .rows=${rows.map((r, i) => [days[i], ...data.map((d) => d[i])])}
      .points=${points} @bar-click=${open} .note=${drillable ? html`<p class="muted">${t('overTimeDrillNote')}</p>` : nothing}></cr-figure>`;
  }

  private funnelFigure(f: Funnel) {
    const stages = f.stages;
    const largest = f.largestDropOff;
    return html`<cr-figure name="funnel" heading=${t('funnel')}
      .option=${barOption(stages.map((s) => s.stage), [{ name: t('funnel'), data: stages.map((s) => ({
        value: s.count, itemStyle: largest && largest.split('->')[1]?.trim() === s.stage ? { color: '#b42318' } : undefined })) as unknown as number[] }], { horizontal: true })}
      .header=${['stage', 'count', 'conversionFromPrevious', 'dropOff']}
      .rows=${stages.map((s) => [s.stage, s.count, s.conversionFromPrevious, s.dropOff])}
      .drills=${stages.map((s) => (s.stage === 'reach' || (canManage() && LISTED_STAGES.includes(s.stage)) ? `${s.stage}: ${count(s.count)}` : null))}
      @bar-click=${(e: CustomEvent<BarClick>) => this.openStage(stages[e.detail.dataIndex])}
      .note=${html`<p class="muted">${t('funnelDrillNote')}</p><p data-test="largest-drop">${t('largestDrop')}: <strong>${largest ? largest.replace('->', '→') : '–'}</strong>
        ${this.dropOf(stages, largest)}</p>`}></cr-figure>`;
  }

  /**
   * Reach: the contacts added in the range (the cohort the funnel follows), as contacts-service lists them; the later
   * stages: those of them that reached the stage, as metrics-service lists them.
   */
  private openStage(stage: FunnelStage | undefined): void {
    if (!stage || !this.range) return;
    if (LISTED_STAGES.includes(stage.stage) && canManage()) {
      this.drill = stageDrill(stage.stage, stage.count, this.range) as DrillSource<unknown>;
      return;
    }
    if (stage.stage !== 'reach') return;
    this.drill = contactsDrill(`reach, ${t('addedInRange')}`, stage.count, createdWithin(this.range, this.zone)) as DrillSource<unknown>;
  }

  /** The drop-off share of the named transition ("reach -> interact"), from the stage it ends in. */
  private dropOf(stages: FunnelStage[], largest: string | null): string {
    const to = largest?.split('->')[1]?.trim();
    const drop = stages.find((s) => s.stage === to)?.dropOff;
    return drop === null || drop === undefined ? '' : `(${(drop * 100).toFixed(1)}% drop)`;
  }
}

customElements.define('cr-overview', Overview);
