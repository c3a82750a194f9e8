// Shared pieces of every page: loading, empty, error and "not in your role" states; tables; a figure that shows
// a chart or the same numbers as a table, with a CSV of what it shows.
import { html, LitElement, nothing, TemplateResult } from 'lit';
import { ApiError } from './api';
import { Chart, ChartOption } from './chart';
import { Cell, download, fileName, toCsv } from './csv';
import { onLangChange, t } from './i18n';

void Chart; // the element must be registered wherever figures are drawn

/** A value being loaded: undefined while loading, an Error when it failed. */
export type Loadable<T> = T | Error | undefined;

export function problemView(error: Error, retry?: () => void): TemplateResult {
  if (error instanceof ApiError && error.forbidden) {
    return html`<div class="state forbidden" role="alert"><strong>${t('notInRole')}</strong><p>${t('notInRoleHelp')}</p></div>`;
  }
  const title = error instanceof ApiError ? error.title : t('error');
  const fields = error instanceof ApiError ? error.errors : [];
  return html`<div class="state error" role="alert"><strong>${title}</strong><p>${error.message}</p>
    ${fields.length ? html`<ul>${fields.map((f) => html`<li><code>${f.field}</code>: ${f.message}</li>`)}</ul>` : nothing}
    ${retry ? html`<button @click=${retry}>${t('retry')}</button>` : nothing}</div>`;
}

/** Renders a Loadable: a loading line, the problem in words, an empty note, or what body makes of the value. */
export function loaded<T>(value: Loadable<T>, body: (v: T) => TemplateResult | typeof nothing,
                          isEmpty: (v: T) => boolean = () => false, retry?: () => void): TemplateResult | typeof nothing {
  if (value === undefined) return html`<div class="state loading" aria-busy="true">${t('loading')}</div>`;
  if (value instanceof Error) return problemView(value, retry);
  if (isEmpty(value)) return html`<div class="state empty">${t('empty')}</div>`;
  return body(value);
}

/** A keydown handler that does what a click does on Enter or Space, for an element that acts as a button. */
export function onActivate(action: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    action();
  };
}

/** Runs a call and hands its answer, or its failure, to set (which stores it and asks for a render). */
export function load<T>(call: Promise<T>, set: (v: Loadable<T>) => void): void {
  set(undefined);
  call.then(set, (e: unknown) => set(e instanceof Error ? e : new Error(String(e))));
}

export function table(header: string[], rows: Cell[][], opts: { links?: Array<string | null>; testId?: string } = {}): TemplateResult {
  return html`<div class="table-wrap"><table data-test=${opts.testId ?? nothing}>
    <thead><tr>${header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((row, i) => html`<tr>${row.map((cell, j) => html`<td>${j === 0 && opts.links?.[i]
      ? html`<a href=${opts.links[i]!}>${cell ?? ''}</a>` : cell ?? '–'}</td>`)}</tr>`)}</tbody></table></div>`;
}

/** A point of a chart of several series that opens a list: its label, category (dataIndex) and series. */
export interface PointDrill { label: string; dataIndex: number; seriesIndex: number }

/**
 * A chart with a table view of the same numbers and a CSV of them; bar clicks bubble up as 'bar-click'. With drills
 * (one label per bar, null for a bar that opens nothing), each bar also has a button under the chart, so a keyboard
 * opens the list behind a bar too (Tab to it, Enter): the same 'bar-click' as a click on the bar. A chart of several
 * series gives points instead (a line's points that open a list), as buttons under a disclosure, since there can be
 * one per day and series.
 */
export class Figure extends LitElement {
  static properties = {
    heading: {},
    name: {},
    option: { attribute: false },
    header: { attribute: false },
    rows: { attribute: false },
    note: { attribute: false },
    drills: { attribute: false },
    points: { attribute: false },
    asTable: { state: true },
  };

  declare heading;
  declare name;
  declare option: ChartOption;
  declare header: string[];
  declare rows: Cell[][];
  /** Words under the chart (a verdict, the meaning of codes). */
  declare note: unknown;
  declare drills: Array<string | null> | null;
  declare points: PointDrill[] | null;
  private declare asTable;

  constructor() {
    super();
    this.heading = '';
    this.name = 'figure';
    this.option = {};
    this.header = [];
    this.rows = [];
    this.drills = null;
    this.points = null;
    this.asTable = false;
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
  }

  private openBar(dataIndex: number): void {
    this.dispatchEvent(new CustomEvent('bar-click', { detail: { name: this.drills?.[dataIndex] ?? '', seriesName: '', dataIndex, value: null },
      bubbles: true, composed: true }));
  }

  private openPoint(point: PointDrill): void {
    this.dispatchEvent(new CustomEvent('bar-click', { detail: { name: point.label, seriesName: '', dataIndex: point.dataIndex,
      value: null, seriesIndex: point.seriesIndex }, bubbles: true, composed: true }));
  }

  render() {
    return html`<section class="card figure" data-figure=${this.name}>
      <header><h2>${this.heading}</h2>
        <div class="tools">
          <button aria-pressed=${this.asTable} data-test="toggle-table" @click=${() => { this.asTable = !this.asTable; }}>
            ${this.asTable ? t('asChart') : t('asTable')}</button>
          <button data-test="figure-csv" @click=${() => download(fileName(this.name), toCsv(this.header, this.rows))}>${t('csv')}</button>
        </div></header>
      ${this.asTable ? table(this.header, this.rows)
        : html`<cr-chart class="chart" .option=${this.option} label=${this.heading}></cr-chart>`}
      ${this.drills?.some((d) => d !== null) ? html`<div class="bar-keys" role="group" aria-label=${t('openList')}>
        ${this.drills.map((label, i) => (label === null ? nothing : html`<button data-bar=${i} @click=${() => this.openBar(i)}>${label}</button>`))}</div>`
        : nothing}
      ${this.points?.length ? html`<details class="point-keys" data-test="point-keys"><summary>${t('openPointList')}</summary>
        <div class="bar-keys" role="group" aria-label=${t('openPointList')}>${this.points.map((p) => html`<button
          data-point="${p.dataIndex}:${p.seriesIndex}" @click=${() => this.openPoint(p)}>${p.label}</button>`)}</div></details>`
        : nothing}
      ${this.note ?? nothing}</section>`;
  }
}

customElements.define('cr-figure', Figure);
