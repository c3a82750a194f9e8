// The dashboard shell: sign-in with a pasted API key, navigation that follows the key's role, the language switch,
// and the page for the address after '#'.
import './style.css';
import { html, LitElement, nothing, TemplateResult } from 'lit';
import { ApiError, forgetKey, get, Me, onUnauthorised, storedKey, storeKey } from './api';
import { currentLang, onLangChange, setLang, t } from './i18n';
import { problemView } from './views';
import { setSignedIn } from './session';
import { loadCatalog } from './catalog';
import './pages/overview';
import './pages/campaigns';
import './pages/campaign';
import './pages/roi';
import './pages/team';
import './pages/contacts';
import './pages/contact';
import './pages/follow-ups';

interface PageDef { id: string; label: string; roles: string[]; view: (args: string[]) => TemplateResult }

const REPORTS = ['admin', 'manager', 'viewer'];
const PAGES: PageDef[] = [
  { id: 'overview', label: 'overview', roles: REPORTS, view: () => html`<cr-overview></cr-overview>` },
  { id: 'campaigns', label: 'campaigns', roles: [...REPORTS, 'integrator'],
    view: (a) => a[0] ? html`<cr-campaign .campaignId=${a[0]}></cr-campaign>` : html`<cr-campaigns></cr-campaigns>` },
  { id: 'roi', label: 'roi', roles: REPORTS, view: () => html`<cr-roi></cr-roi>` },
  { id: 'team', label: 'team', roles: [...REPORTS, 'agent'], view: () => html`<cr-team></cr-team>` },
  { id: 'contacts', label: 'contacts', roles: ['admin', 'manager', 'agent', 'integrator'],
    view: (a) => a[0] ? html`<cr-contact .contactId=${a[0]}></cr-contact>` : html`<cr-contacts></cr-contacts>` },
  { id: 'follow-ups', label: 'followUps', roles: ['admin', 'manager', 'agent'], view: () => html`<cr-follow-ups></cr-follow-ups>` },
];

export class App extends LitElement {
  static properties = {
    who: { state: true },
    route: { state: true },
    checking: { state: true },
  };

  private declare who: Me | null | Error;
  private declare route: string[];
  private declare checking;

  constructor() {
    super();
    this.who = null;
    this.route = [];
    this.checking = false;
  }

  createRenderRoot() { return this; }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', () => this.readRoute());
    onLangChange(() => this.requestUpdate());
    onUnauthorised(() => this.signOut());
    this.readRoute();
    if (storedKey()) void this.check();
  }

  private readRoute(): void {
    this.route = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  }

  private async check(): Promise<void> {
    this.checking = true;
    try {
      const found = await get<Me>('/api/v1/me');
      setSignedIn(found);
      await loadCatalog();
      this.who = found;
      const home = this.pagesFor(found)[0];
      if (!this.route.length && home) location.hash = `#/${home.id}`;
    } catch (e) {
      forgetKey();
      this.who = e instanceof Error ? e : new Error(String(e));
    } finally {
      this.checking = false;
    }
  }

  private pagesFor(who: Me): PageDef[] {
    const ordered = who.role === 'agent' ? [...PAGES].sort((a, b) => (a.id === 'follow-ups' ? -1 : b.id === 'follow-ups' ? 1 : 0)) : PAGES;
    return ordered.filter((p) => p.roles.includes(who.role ?? ''));
  }

  private signIn(e: Event): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('key') as HTMLInputElement;
    if (!input.value.trim()) return;
    storeKey(input.value);
    input.value = '';
    void this.check();
  }

  private signOut(): void {
    forgetKey();
    setSignedIn(null);
    this.who = null;
    history.replaceState(null, '', location.pathname);
    this.route = [];
  }

  private langButton(): TemplateResult {
    return html`<button class="lang" data-test="lang" @click=${() => setLang(currentLang() === 'en' ? 'zh' : 'en')}>${t('language')}</button>`;
  }

  render() {
    if (!this.who || this.who instanceof Error) return this.signInView();
    const who = this.who;
    const pages = this.pagesFor(who);
    const current = PAGES.find((p) => p.id === this.route[0]);
    let body: TemplateResult;
    if (!current) body = html`<p class="state empty">${t('empty')}</p>`;
    else if (!current.roles.includes(who.role ?? '')) body = problemView(new ApiError(403, t('notInRole'), ''));
    else body = current.view(this.route.slice(1));
    return html`<a class="skip" href="#main" @click=${(e: Event) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top"><span class="brand">ChatROI</span>
        <nav aria-label="Pages"><ul>${pages.map((p) => html`<li><a href="#/${p.id}" data-nav=${p.id}
          aria-current=${current?.id === p.id ? 'page' : nothing}>${t(p.label)}</a></li>`)}</ul></nav>
        <span class="who" data-test="who">${who.role}${who.owner ? html` · ${who.owner}` : nothing}</span>
        ${this.langButton()}
        <button data-test="sign-out" @click=${() => this.signOut()}>${t('signOut')}</button></header>
      <main id="main" tabindex="-1">${body}</main>`;
  }

  private signInView(): TemplateResult {
    return html`<main class="signin"><form class="card" @submit=${this.signIn}>
      <h1>ChatROI</h1>
      <label for="key">${t('apiKey')}</label>
      <input id="key" name="key" type="password" autocomplete="off" spellcheck="false" required data-test="key">
      <p class="help">${t('signInHelp')}</p>
      ${this.who instanceof Error ? problemView(this.who) : nothing}
      <div class="row"><button type="submit" class="primary" data-test="sign-in" ?disabled=${this.checking}>${t('signIn')}</button>
      ${this.langButton()}</div></form></main>`;
  }
}

customElements.define('chatroi-app', App);
