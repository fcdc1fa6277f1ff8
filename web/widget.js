// <gouji-checker>: gouji's checker as an element for a CMS page, and window.gouji.check(text) for
// integrations with an editor of their own. Built into one classic script, gouji-widget.js, with
// its styles (web/build.mjs bundles this module and the ones it imports; no syntax beyond ES2020).
//
//   <script src="https://assets.example.gov.cn/gouji/gouji-widget.js" defer></script>
//   <gouji-checker lang="zh-CN"></gouji-checker>
//
// Attributes: lang ("zh-CN" | "en"), compact (summary and findings only), src (where gouji.wasm
// and its companions are; by default beside the script). Events: "gouji-result" (detail: the same
// JSON as the CLI's, with `verdict`: the worst of its reports', "pass" | "incomplete" | "fail"). Several elements share one core per asset folder: a Web Worker where the
// assets are on this page's origin, this thread otherwise (a browser starts workers only from the
// page's own origin; a check takes milliseconds).
//
// Besides typed text, the element takes a table pasted as HTML (from a web page or Word) and a file
// dropped on it (text, web page, Word .docx, PDF); its textarea then shows the text the core read
// from it. PDFs are read by pdf.js (pdf-text.js and pdf/ beside the core), loaded on the first PDF.
import { MainThreadCore, WorkerCore } from './checker-client.js';
import { STRINGS } from './i18n.js';
import { InputController, refusalText, toBytes, unreadable } from './input-controller.js';
import {
  attachCellFindings, cellStates, el, markSelection, renderFilters, renderFindings, renderLegend, renderReports, renderSummary,
  renderTables,
  reportsOf, verdictMessage, withVerdict,
} from './render.js';
// components.css and widget.css, as one string (web/build.mjs makes it).
import STYLES from 'gouji:widget-css';

const SCRIPT_URL = (document.currentScript && document.currentScript.src) || document.baseURI;

// One core per asset folder, shared by every element and the API.
const cores = new Map();

// Both kinds of core have the same interface (checker-client.js).
function startCore(base) {
  if (new URL(base).origin === location.origin) {
    try {
      return new WorkerCore(new URL('worker.js', base));
    } catch (error) {
      // no worker here: run on this thread, below
    }
  }
  return new MainThreadCore(base);
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
    this.failure = null;  // the core could not be loaded: {code, message}
    this.derived = null;  // the format the textarea's text was read from, if not text
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
      text: el('textarea', { id: id('text'), rows: '6', spellcheck: 'false', 'aria-describedby': id('note') }),
      note: el('p', { class: 'note', id: id('note'), hidden: true }),
      status: el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, s.loading),
      error: el('div', { class: 'error-box', role: 'alert', hidden: true }),
      reports: el('div', { class: 'reports', hidden: true }),
      title: el('p', { class: 'report-title', hidden: true }),
      summary: el('div', { class: 'summary', hidden: true }),
      legend: el('p', { class: 'legend', hidden: true }),
      tables: el('div'),
      filters: el('fieldset', { class: 'filters', hidden: true }, el('legend')),
      findings: el('div', { class: 'findings' }),
    };
    const p = this.part_;
    this.shadowRoot.adoptedStyleSheets = [styleSheet()];
    const frame = el('section', { class: 'gouji' }, p.label, p.text, p.note, p.status, p.error, p.reports, p.title, p.summary,
      p.legend, p.tables, p.filters, p.findings);
    this.shadowRoot.append(frame);
    // Typing, a table pasted as HTML, a file dropped anywhere on the element: as on the page.
    this.input = new InputController({
      core: () => coreFor(this.getAttribute('src')),
      box: p.text,
      view: {
        busy: (key) => {
          p.status.textContent = this.strings[key];
        },
        show: (result, text, info) => this.show_(result, info),
        refuse: (error) => this.show_({ error }),
        fail: (error) => this.fail_(error),
        // Every answer, shown or not (a newer input came since): "gouji-result".
        answered: (result) => {
          withVerdict(result);
          this.dispatchEvent(new CustomEvent('gouji-result', { detail: result, bubbles: true, composed: true }));
        },
        edited: () => {
          this.derived = null;  // edited: plain text from now on
          p.note.hidden = true;
        },
      },
    });
    this.input.attach({ dropTarget: frame });
    // A cell's findings on hover and focus; a click on it selects its finding.
    attachCellFindings(p.tables, () => ({ report: this.current_, states: this.states, t: this.strings, lang: this.language, rules: this.rules }),
      (index) => {
        const button = this.shadowRoot.querySelector(`[data-finding="${index}"]`);
        if (button) this.select(index, button);
      });
    this.ready = coreFor(this.getAttribute('src')).ready.then((info) => {
      this.layouts = info.layouts;
      this.rules = info.rules;
      if (!this.report) p.status.textContent = this.strings.ready;
      this.setAttribute('data-ready', '');
      return info;
    }, (error) => this.fail_(error));
    this.render();
  }

  // Checks `text`, shows the result, fires "gouji-result" and resolves to the result (the same JSON
  // as the CLI's, or {error} for text that cannot be checked); rejects when the core cannot be loaded.
  check(text) {
    return this.settle_(() => this.input.checkText(text));
  }

  // The same for HTML given as text (a rich-text editor's content, a paste's text/html); the
  // textarea then shows the text the core read from it.
  checkHtml(html) {
    return this.settle_(() => this.input.checkHtml(html));
  }

  // The same for a file (a File or Blob, an ArrayBuffer or a Uint8Array): text, web page, Word
  // .docx or PDF; the textarea then shows its text, or the text the core read from it.
  checkFile(file) {
    return this.settle_(() => this.input.checkFile(file));
  }

  // What the controller's `run` resolves to (it fires "gouji-result" too).
  settle_(run) {
    if (!this.part_) this.build();
    return run();
  }

  // The controller's answer, current: shown.
  show_(result, info) {
    if (info) {
      this.layouts = info.layouts;
      this.rules = info.rules;
    }
    const format = !result.error && result.input ? result.input.format : null;
    this.derived = format && format !== 'text' ? format : null;
    this.failure = null;
    this.report = result;
    this.current_ = result.error ? null : result;  // which of its reports is drawn
    this.render();
  }

  // The core could not be loaded: said in the element's language, in its error box and status.
  fail_(error) {
    this.failure = error && error.error ? error.error
      : { code: 'core_unavailable', message: { zh: STRINGS['zh-CN'].coreUnavailable(String(error)), en: STRINGS.en.coreUnavailable(String(error)) } };
    this.report = null;
    this.setAttribute('data-failed', '');
    this.render();
  }

  render() {
    const p = this.part_;
    const s = this.strings;
    const compact = this.hasAttribute('compact');
    p.label.textContent = s.textareaLabel;
    // Compact (a sidebar): summary and findings only; the text comes from the page, through check().
    p.label.hidden = compact;
    p.text.hidden = compact;
    p.note.textContent = this.derived && !compact ? s.derivedNote(this.derived) : '';
    p.note.hidden = !p.note.textContent;
    let report = this.report;
    const error = (report && report.error) || this.failure;
    p.error.hidden = !error;
    p.error.textContent = error ? refusalText(error, this.language) : '';
    for (const part of [p.reports, p.title, p.summary, p.legend, p.filters]) part.hidden = true;
    p.tables.replaceChildren();
    p.findings.replaceChildren();
    if (!report && !error) return;
    if (error) {
      p.status.textContent = p.error.textContent;
      return;
    }
    const whole = report;
    if (!reportsOf(whole).includes(this.current_)) this.current_ = whole;
    report = this.current_;
    renderReports(p.reports, whole, report, s, this.language, (k) => {
      this.current_ = reportsOf(whole)[k];
      this.render();
      p.reports.querySelector(`[data-report="${k}"]`).focus();
    });
    p.title.textContent = report.report.title || '';
    p.title.hidden = !report.report.title;
    renderSummary(p.summary, report, s, this.language);
    const states = cellStates(report, this.rules);
    this.states = states;
    if (!compact && this.layouts) {
      renderLegend(p.legend, s);
      renderTables(p.tables, report, this.layouts, states, s);
    }
    // The severity filters and 只看错误, as on the page: they redraw the findings only.
    const findings = () => renderFindings(p.findings, report, s, this.language, this.shown, (index, button) => this.select(index, button), this.rules);
    renderFilters(p.filters, report, s, this.shown, (shown) => {
      this.shown = shown;
      findings();
    });
    p.filters.hidden = report.findings.length === 0;
    findings();
    p.status.textContent = s.announce(`${s.template(report.report.template)} · ${verdictMessage(report, s, this.language)}`);
  }

  // Selecting a finding marks its cells in the tables.
  select(index, button) {
    markSelection(this.shadowRoot, this.shadowRoot, this.current_.findings[index], button);
  }
}

if (!customElements.get('gouji-checker')) customElements.define('gouji-checker', GoujiChecker);

// The one global name gouji adds to a page.
window.gouji = window.gouji || {
  // The result for `text`: the same JSON as `gouji check --format json` with `verdict` (the worst
  // of its reports': "pass", "incomplete" or "fail"), or {error}.
  check(text, options = {}) {
    return coreFor(options.src).check(text).then(withVerdict);
  },
  // The same for HTML given as text (a rich-text editor's content).
  checkHtml(html, options = {}) {
    return coreFor(options.src).checkHtml(html).then(withVerdict);
  },
  // The same for a file (File, Blob, ArrayBuffer or Uint8Array): text, web page, Word .docx, PDF.
  checkBytes(file, options = {}) {
    return toBytes(file).then((bytes) => coreFor(options.src).checkBytes(bytes).then(withVerdict), unreadable);
  },
  // {version, mode: "worker" | "main-thread"} once the core is loaded.
  ready(options = {}) {
    const core = coreFor(options.src);
    return core.ready.then((info) => ({ version: info.version, mode: core.mode }));
  },
};
