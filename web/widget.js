// <gouji-checker>: gouji's checker as an element for a CMS page, and window.gouji.check(text) for
// integrations with an editor of their own. Built into one classic script, gouji-widget.js, with
// its styles (web/build.mjs bundles this module and the ones it imports; no syntax beyond ES2020).
//
//   <script src="https://assets.example.gov.cn/gouji/gouji-widget.js" defer></script>
//   <gouji-checker lang="zh-CN"></gouji-checker>
//
// Attributes: lang ("zh-CN" | "en"), compact (summary and findings only), src (where gouji.wasm
// and its companions are; by default beside the script). Events: "gouji-result" (detail: the same
// JSON as the CLI's). Several elements share one core per asset folder: a Web Worker where the
// assets are on this page's origin, this thread otherwise (a browser starts workers only from the
// page's own origin; a check takes milliseconds).
import { CheckerClient } from './checker-client.js';
import { coreRunner } from './core-runner.js';
import { STRINGS } from './i18n.js';
import { cellStates, el, markSelection, renderFindings, renderLegend, renderSummary, renderTables } from './render.js';

const SCRIPT_URL = (document.currentScript && document.currentScript.src) || document.baseURI;
const STYLES = '__GOUJI_WIDGET_CSS__';

// One core per asset folder, shared by every element and the API.
const cores = new Map();

function startCore(base) {
  if (new URL(base).origin === location.origin) {
    try {
      const client = new CheckerClient(new URL('worker.js', base));
      return { mode: 'worker', ready: client.ready, check: (text) => client.check(text) };
    } catch (error) {
      // no worker here: run on this thread, below
    }
  }
  const ready = import(new URL('gouji.mjs', base).href)
    .then((module) => module.default({ locateFile: (file) => new URL(file, base).href }))
    .then((gouji) => {
      const runner = coreRunner(gouji, new URL('gouji-gb18030.dat', base));
      return { runner, version: runner.version(), layouts: runner.layouts() };
    });
  return {
    mode: 'main-thread',
    ready,
    check: (text) => ready.then(({ runner }) => runner.check(text)).then((json) => JSON.parse(json)),
  };
}

function coreFor(src) {
  const base = new URL(src || '.', SCRIPT_URL).href.replace(/[^/]*$/, '');
  if (!cores.has(base)) cores.set(base, startCore(base));
  return cores.get(base);
}

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

class GoujiChecker extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'compact', 'src'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.report = null;
    this.sequence = 0;
    this.shown = new Set(['error', 'warning', 'info']);
  }

  connectedCallback() {
    if (!this.part_) this.build();
  }

  attributeChangedCallback() {
    if (this.part_) this.render();
  }

  get strings() {
    return STRINGS[this.language];
  }

  get language() {
    return this.getAttribute('lang') === 'en' ? 'en' : 'zh-CN';
  }

  build() {
    const s = this.strings;
    const id = (name) => `gouji-${name}`;
    this.part_ = {
      label: el('label', { class: 'label', for: id('text') }),
      text: el('textarea', { id: id('text'), rows: '6', spellcheck: 'false' }),
      status: el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, s.loading),
      error: el('div', { class: 'error-box', role: 'alert', hidden: true }),
      title: el('p', { class: 'report-title', hidden: true }),
      summary: el('div', { class: 'summary', hidden: true }),
      legend: el('p', { class: 'legend', hidden: true }),
      tables: el('div'),
      findings: el('div', { class: 'findings' }),
    };
    const p = this.part_;
    this.shadowRoot.adoptedStyleSheets = [styleSheet()];
    this.shadowRoot.append(el('section', { class: 'gouji' }, p.label, p.text, p.status, p.error, p.title, p.summary,
      p.legend, p.tables, p.findings));
    let debounce = 0;
    p.text.addEventListener('input', () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => this.check(p.text.value), 200);
    });
    this.ready = coreFor(this.getAttribute('src')).ready.then((info) => {
      this.layouts = info.layouts;
      if (!this.report) p.status.textContent = this.strings.ready;
      this.setAttribute('data-ready', '');
      return info;
    }, (error) => {
      p.error.textContent = String(error);
      p.error.hidden = false;
    });
    this.render();
  }

  // Checks `text`, shows the result, fires "gouji-result" and resolves to the result (the same JSON
  // as the CLI's, or {error} for text that cannot be checked).
  async check(text) {
    if (!this.part_) this.build();
    if (this.part_.text.value !== text) this.part_.text.value = text;
    const sequence = ++this.sequence;
    this.part_.status.textContent = this.strings.checking;
    const core = coreFor(this.getAttribute('src'));
    this.layouts = (await core.ready).layouts;
    const result = await core.check(text);
    if (sequence === this.sequence) {
      this.report = result;
      this.render();
    }
    this.dispatchEvent(new CustomEvent('gouji-result', { detail: result, bubbles: true, composed: true }));
    return result;
  }

  render() {
    const p = this.part_;
    const s = this.strings;
    const compact = this.hasAttribute('compact');
    p.label.textContent = s.textareaLabel;
    // Compact (a sidebar): summary and findings only; the text comes from the page, through check().
    p.label.hidden = compact;
    p.text.hidden = compact;
    const report = this.report;
    const error = report && report.error;
    p.error.hidden = !error;
    p.error.textContent = error ? error.message[this.language === 'en' ? 'en' : 'zh'] : '';
    for (const part of [p.title, p.summary, p.legend]) part.hidden = true;
    p.tables.replaceChildren();
    p.findings.replaceChildren();
    if (!report) return;
    if (error) {
      p.status.textContent = p.error.textContent;
      return;
    }
    p.title.textContent = report.report.title || '';
    p.title.hidden = !report.report.title;
    renderSummary(p.summary, report, s);
    const states = cellStates(report);
    if (!compact && this.layouts) {
      renderLegend(p.legend, s);
      renderTables(p.tables, report, this.layouts, states, s);
    }
    renderFindings(p.findings, report, s, this.language, this.shown, (index, button) => this.select(index, button));
    p.status.textContent = s.announce(`${s.template(report.report.template)} · ${report.summary.errors === 0 ? s.passed : s.errors(report.summary.errors)}`);
  }

  // Selecting a finding marks its cells in the tables.
  select(index, button) {
    markSelection(this.shadowRoot, this.shadowRoot, this.report.findings[index], button);
  }
}

if (!customElements.get('gouji-checker')) customElements.define('gouji-checker', GoujiChecker);

// The one global name gouji adds to a page.
window.gouji = window.gouji || {
  // The result for `text`: the same JSON as `gouji check --format json`, or {error}.
  check(text, options = {}) {
    return coreFor(options.src).check(text);
  },
  // {version, mode: "worker" | "main-thread"} once the core is loaded.
  ready(options = {}) {
    const core = coreFor(options.src);
    return core.ready.then((info) => ({ version: info.version, mode: core.mode }));
  },
};
