// One chart element for every page: ECharts with only the chart types and components the dashboard draws (bar and
// line; grid, tooltip, legend, mark line), on the canvas renderer. A bar click is sent as a 'bar-click' event.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { LitElement, PropertyValues } from 'lit';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface BarClick { name: string; seriesName: string; dataIndex: number; value: unknown; seriesIndex?: number }

export class Chart extends LitElement {
  static properties = {
    option: { attribute: false },
    label: {},
  };

  declare option: ChartOption;
  declare label;
  private chart?: echarts.ECharts;
  private resizer?: ResizeObserver;
  private drawn = '';

  constructor() {
    super();
    this.option = {};
    this.label = '';
  }

  createRenderRoot() { return this; }

  firstUpdated(): void {
    this.setAttribute('role', 'img');
    this.chart = echarts.init(this, undefined, { renderer: 'canvas' });
    this.chart.on('click', (p) => this.dispatchEvent(new CustomEvent<BarClick>('bar-click', {
      detail: { name: String(p.name), seriesName: String(p.seriesName ?? ''), dataIndex: p.dataIndex, value: p.value, seriesIndex: p.seriesIndex },
      bubbles: true, composed: true,
    })));
    // data-drawn: the last option is on the canvas, animations over (where a click lands on what it shows)
    this.chart.on('finished', () => this.setAttribute('data-drawn', ''));
    this.resizer = new ResizeObserver(() => this.chart?.resize());
    this.resizer.observe(this);
  }

  updated(changed: PropertyValues<this>): void {
    if (changed.has('label')) this.setAttribute('aria-label', this.label);
    if (!changed.has('option') || !this.chart) return;
    // a page re-renders for any of its loads, each time with a new option object: redraw (and re-animate, when a
    // click may be on its way) only when what it shows changed
    const next = JSON.stringify(this.option);
    if (next === this.drawn) return;
    this.drawn = next;
    this.removeAttribute('data-drawn');
    this.chart.setOption(this.option, true);
  }

  /** Where bar dataIndex of a series is drawn (its middle, in px from the element's top left): for tests and tools. */
  pixelOf(dataIndex: number, seriesIndex = 0): number[] | null {
    if (!this.chart) return null;
    const series = (this.chart.getOption() as { series: Array<{ data: Array<number | { value: number }> }> }).series[seriesIndex];
    const raw = series?.data?.[dataIndex];
    const value = typeof raw === 'object' && raw !== null ? raw.value : Number(raw ?? 0);
    const top = this.chart.convertToPixel({ seriesIndex }, [dataIndex, value]) as number[];
    const base = this.chart.convertToPixel({ seriesIndex }, [dataIndex, 0]) as number[];
    return [(top[0] + base[0]) / 2, (top[1] + base[1]) / 2];
  }

  /** Where point dataIndex of a line series is drawn (px from the element's top left): for tests and tools. */
  pointOf(dataIndex: number, seriesIndex = 0): number[] | null {
    if (!this.chart) return null;
    const series = (this.chart.getOption() as { series: Array<{ data: Array<number | null> }> }).series[seriesIndex];
    return this.chart.convertToPixel({ seriesIndex }, [dataIndex, Number(series?.data?.[dataIndex] ?? 0)]) as number[];
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) this.firstUpdated();
  }
}

/** Vertical bars of one or more series over categories; horizontal with horizontal=true. */
export function barOption(categories: string[], series: Array<{ name: string; data: number[] }>,
                          opts: { horizontal?: boolean; stack?: boolean; markLine?: { value: number; label: string } } = {}): ChartOption {
  const category = { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } };
  const value = { type: 'value' };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? { ...category, inverse: true } : value,
    series: series.map((s, i) => ({
      name: s.name, type: 'bar', data: s.data, stack: opts.stack ? 'all' : undefined, cursor: 'pointer', barMaxWidth: 56,
      markLine: i === 0 && opts.markLine ? {
        symbol: 'none', label: { formatter: opts.markLine.label },
        data: [opts.horizontal ? { xAxis: opts.markLine.value } : { yAxis: opts.markLine.value }],
      } : undefined,
    })),
  };
}

/** Lines of one or more series over categories; with clickable, each point is drawn and a click on it is a bar-click. */
export function lineOption(categories: string[], series: Array<{ name: string; data: Array<number | null> }>,
                           opts: { clickable?: boolean } = {}): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, boundaryGap: false },
    yAxis: { type: 'value' },
    series: series.map((s) => ({ name: s.name, type: 'line', data: s.data, showSymbol: opts.clickable === true,
      symbolSize: opts.clickable ? 9 : undefined, cursor: opts.clickable ? 'pointer' : undefined })),
  };
}

customElements.define('cr-chart', Chart);
