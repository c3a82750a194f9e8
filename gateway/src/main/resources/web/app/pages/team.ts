// Team: the weekly scorecards (a row per salesperson with the weighted score and first-response time), with a
// week picker. An agent's key gets its own row only. Each count of a row opens the contacts or deals behind it for
// that owner and week (managers, admins, and an agent for its own row; viewers read numbers only).
import { html, LitElement } from 'lit';
import { get } from '../api';
import { barOption } from '../chart';
import { count, money } from '../format';
import { onLangChange, t } from '../i18n';
import { KpiReport, todayIn, workspace } from '../reports';
import { load, Loadable, loaded } from '../views';
import { canManage, readsReports, signedIn } from '../session';
import type { DrillSource } from '../drill-panel';
import '../drill-panel';
import { countLink, SCORECARD_CONTACTS, scorecardContactsDrill, scorecardDealsDrill } from './measure-drills';

interface ScoreRow {
  owner: string; score: number; processScore: number; resultScore: number; bonusScore: number;
  newEffectiveContacts: number; effectiveAddRate: number | null; deepInteractionContacts: number; quotesSent: number;
  ordersWon: number; orderAmount: number; repurchasingCustomers: number; referrals: number; firstResponseTime?: number | null;
}

/** The ISO week (YYYY-Www) of a date. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function minutes(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '–' : `${(seconds / 60).toFixed(1)} min`;
}

export class Team extends LitElement {
  static properties = {
    cards: { state: true },
    week: { state: true },
    response: { state: true },
    drill: { state: true },
  };

  private declare week;
  private declare cards: Loadable<{ week: string; from: string; to: string; currency: string; rows: ScoreRow[] }>;
  private declare drill: DrillSource<unknown> | null;
  /** Median first-response time per owner in the week (reports roles only; an agent's key has no KPI reports). */
  private declare response;

  constructor() {
    super();
    this.week = '';
    this.response = new Map<string, number | null>();
    this.drill = null;
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    onLangChange(() => this.requestUpdate());
    void workspace().then((s) => this.pick(isoWeek(todayIn(s.timeZone))));
  }

  private pick(week: string): void {
    if (!/^\d{4}-W\d{2}$/.test(week)) return;
    this.week = week;
    this.drill = null;
    load(get('/api/v1/scorecards', { week }), (v) => {
      this.cards = v as typeof this.cards;
      if (v && !(v instanceof Error) && readsReports()) {
        const c = v as { from: string; to: string };
        get<KpiReport>('/api/v1/kpis', { from: c.from, to: c.to, groupBy: 'owner' }).then((r) => {
          this.response = new Map(r.rows.map((row) => [String(row.group), row.kpis.medianResponseTime?.value ?? null]));
        }, () => { this.response = new Map(); });
      }
    });
  }

  render() {
    return html`<h1>${t('team')}</h1>
      <div class="toolbar"><label>${t('week')} <input type="week" data-test="week" .value=${this.week}
        @change=${(e: Event) => this.pick((e.target as HTMLInputElement).value)}></label></div>
      ${loaded(this.cards, (c) => {
        const rows = [...c.rows].sort((a, b) => b.score - a.score);
        return html`<cr-figure name="scorecards-${this.week}" heading="${t('score')} · ${c.week ?? this.week}"
          .option=${barOption(rows.map((r) => r.owner), [{ name: t('score'), data: rows.map((r) => r.score) }], { horizontal: true })}
          .header=${['owner', 'score', 'process', 'result', 'bonus', 'newEffectiveContacts', 'deepInteractionContacts', 'quotesSent', 'ordersWon', 'orderAmount', 'repurchasingCustomers', 'referrals', 'firstResponseTime']}
          .rows=${rows.map((r) => [r.owner, r.score, r.processScore, r.resultScore, r.bonusScore, r.newEffectiveContacts, r.deepInteractionContacts,
            r.quotesSent, r.ordersWon, r.orderAmount, r.repurchasingCustomers, r.referrals, minutes(this.response.get(r.owner) ?? r.firstResponseTime)])}></cr-figure>
          <section class="card" style="margin-top:16px"><div class="table-wrap"><table data-test="scorecards"><thead><tr>
            <th>${t('owner')}</th><th>${t('score')}</th>${MEASURES.map((m) => html`<th scope="col">${t(m)}</th>`)}<th>first response</th></tr></thead>
            <tbody>${rows.map((r) => html`<tr data-owner=${r.owner}><td>${r.owner}</td><td data-test="score">${r.score}</td>
              ${MEASURES.map((m) => html`<td>${this.measure(c, r, m)}</td>`)}
              <td>${minutes(this.response.get(r.owner) ?? r.firstResponseTime)}</td></tr>`)}</tbody></table></div>
            ${drillable() ? html`<p class="muted" data-test="scorecard-drill-note">${t('scorecardDrillNote')}</p>` : ''}</section>
          <cr-drill .source=${this.drill} @close=${() => { this.drill = null; }}></cr-drill>`;
      }, (c) => !c.rows?.length)}`;
  }

  /** A row's count (or amount) as text, or as a link that opens the contacts or deals behind it. */
  private measure(c: { week: string; currency: string }, r: ScoreRow, m: Measure) {
    const value = Number(r[m] ?? 0);
    const text = m === 'orderAmount' ? money(value, c.currency) : count(value);
    if (!drillable()) return text;
    // the order amount is the won deals' amounts: the panel counts the deals
    const n = m === 'orderAmount' ? r.ordersWon : value;
    const week = c.week ?? this.week;
    return countLink(text, m, r.owner, () => {
      this.drill = (SCORECARD_CONTACTS.includes(m) ? scorecardContactsDrill(m, r.owner, week, n)
        : scorecardDealsDrill(m, r.owner, week, n, c.currency)) as DrillSource<unknown>;
    });
  }
}

/** The counts of a row that open a list, in the table's order. */
const MEASURES = ['newEffectiveContacts', 'deepInteractionContacts', 'quotesSent', 'ordersWon', 'orderAmount',
  'repurchasingCustomers', 'referrals'] as const;
type Measure = typeof MEASURES[number];

/** Who may open a row's lists: managers and admins, and an agent (its own row, narrowed by the gateway). */
function drillable(): boolean {
  return canManage() || signedIn()?.role === 'agent';
}

customElements.define('cr-team', Team);
