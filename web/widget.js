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
//
// Besides typed text, the element takes a table pasted as HTML (from a web page or Word) and a file
// dropped on it (text, web page, Word .docx, PDF); its textarea then shows the text the core read
// from it. PDFs are read by pdf.js (pdf-text.js and pdf/ beside the core), loaded on the first PDF.
import { CheckerClient, readFile, tablePaste } from './checker-client.js';
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
      return {
        mode: 'worker',
        ready: client.ready,
        check: (text) => client.check(text),
        checkHtml: (html) => client.checkHtml(html),
        checkBytes: (bytes, onStage) => client.checkBytes(bytes, onStage),
        decode: (bytes) => client.decode(bytes),
      };
    } catch (error) {
      // no worker here: run on this thread, below
    }
  }
  const ready = import(new URL('gouji.mjs', base).href)
    .then((module) => module.default({ locateFile: (file) => new URL(file, base).href }))
    .then((gouji) => {
      const runner = coreRunner(gouji, new URL('gouji-gb18030.dat', base), new URL('pdf-text.js', base));
      return { runner, version: runner.version(), layouts: runner.layouts() };
    });
  const call = (use) => ready.then(({ runner }) => use(runner)).then((json) => JSON.parse(json));
  return {
    mode: 'main-thread',
    ready,
    check: (text) => call((runner) => runner.check(text)),
    checkHtml: (html) => call((runner) => runner.checkHtml(html)),
    checkBytes: (bytes, onStage) => call((runner) => runner.checkBytes(bytes, { onPdf: () => onStage && onStage('pdf') })),
    decode: (bytes) => call((runner) => runner.decode(bytes)),
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
    this.derived = null;  // the format the textarea's text was read from, if not text
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
      text: el('textarea', { id: id('text'), rows: '6', spellcheck: 'false', 'aria-describedby': id('note') }),
      note: el('p', { class: 'note', id: id('note'), hidden: true }),
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
    const frame = el('section', { class: 'gouji' }, p.label, p.text, p.note, p.status, p.error, p.title, p.summary,
      p.legend, p.tables, p.findings);
    this.shadowRoot.append(frame);
    let debounce = 0;
    p.text.addEventListener('input', () => {
      this.derived = null;  // edited: plain text from now on
      p.note.hidden = true;
      clearTimeout(debounce);
      debounce = setTimeout(() => this.check(p.text.value), 200);
    });
    // A table pasted as HTML, when it is the whole input (see app.js): read from its grid.
    p.text.addEventListener('paste', (event) => {
      const paste = tablePaste(event, p.text);
      if (!paste) return;
      event.preventDefault();
      clearTimeout(debounce);
      this.pasteHtml_(paste.html, paste.plain);
    });
    // A file dropped anywhere on the element.
    for (const type of ['dragenter', 'dragover']) {
      frame.addEventListener(type, (event) => {
        if (!event.dataTransfer || Array.from(event.dataTransfer.types).indexOf('Files') < 0) return;
        event.preventDefault();
        frame.classList.add('dragging');
      });
    }
    frame.addEventListener('dragleave', () => frame.classList.remove('dragging'));
    frame.addEventListener('drop', (event) => {
      frame.classList.remove('dragging');
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      clearTimeout(debounce);
      this.checkFile(file);
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
  check(text) {
    if (!this.part_) this.build();
    if (this.part_.text.value !== text) this.part_.text.value = text;
    return this.settle_((core) => core.check(text).then((result) => ({ result })));
  }

  // The same for HTML given as text (a rich-text editor's content, a paste's text/html); the
  // textarea then shows the text the core read from it.
  checkHtml(html) {
    return this.settle_((core) => core.checkHtml(html).then((result) => ({ result, text: result.error ? undefined : result.input.text })));
  }

  // The same for a file (a File or Blob, an ArrayBuffer or a Uint8Array): text, web page, Word
  // .docx or PDF; the textarea then shows its text, or the text the core read from it.
  checkFile(file) {
    return this.settle_(async (core, onStage) => {
      let bytes;
      try {
        bytes = await toBytes(file);
      } catch (error) {
        return { result: unreadable(error) };
      }
      return readFile(core, bytes, onStage);
    });
  }

  // A paste of HTML: read as HTML, or else its plain text as a plain paste would be.
  pasteHtml_(html, plain) {
    this.part_.text.value = plain;
    return this.settle_(async (core) => {
      const result = await core.checkHtml(html);
      if (!result.error) return { result, text: result.input.text };
      return { result: await core.check(plain), text: plain };
    });
  }

  // Runs read(core, onStage) -> {result, text}, shows the result (and `text` in the textarea),
  // fires "gouji-result" and resolves to the result.
  async settle_(read) {
    if (!this.part_) this.build();
    const p = this.part_;
    const sequence = ++this.sequence;
    p.status.textContent = this.strings.checking;
    const core = coreFor(this.getAttribute('src'));
    this.layouts = (await core.ready).layouts;
    const { result, text } = await read(core, (stage) => {
      if (stage === 'pdf' && sequence === this.sequence) p.status.textContent = this.strings.readingPdf;
    });
    if (sequence === this.sequence) {
      if (typeof text === 'string' && p.text.value !== text) p.text.value = text;
      const format = !result.error && result.input ? result.input.format : null;
      this.derived = format && format !== 'text' ? format : null;
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
    p.note.textContent = this.derived && !compact ? s.derivedNote(this.derived) : '';
    p.note.hidden = !p.note.textContent;
    const report = this.report;
    const error = report && report.error;
    p.error.hidden = !error;
    // Still missing after the core tried to fetch the GB18030 tables: the network is off.
    p.error.textContent = !error ? '' : error.code === 'missing_data' ? s.gb18030Offline
      : error.message[this.language === 'en' ? 'en' : 'zh'];
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

// A file's bytes as a Uint8Array.
function toBytes(file) {
  if (file instanceof Uint8Array) return Promise.resolve(file);
  if (ArrayBuffer.isView(file)) return Promise.resolve(new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
  if (file instanceof ArrayBuffer) return Promise.resolve(new Uint8Array(file));
  return Promise.resolve(file).then((blob) => blob.arrayBuffer()).then((buffer) => new Uint8Array(buffer));
}

// The error for a file that could not be read at all, in the core's shape.
function unreadable(error) {
  return { error: { code: 'unreadable', message: { zh: `${STRINGS['zh-CN'].fileError}（${error}）`, en: `${STRINGS.en.fileError} (${error})` } } };
}

if (!customElements.get('gouji-checker')) customElements.define('gouji-checker', GoujiChecker);

// The one global name gouji adds to a page.
window.gouji = window.gouji || {
  // The result for `text`: the same JSON as `gouji check --format json`, or {error}.
  check(text, options = {}) {
    return coreFor(options.src).check(text);
  },
  // The same for HTML given as text (a rich-text editor's content).
  checkHtml(html, options = {}) {
    return coreFor(options.src).checkHtml(html);
  },
  // The same for a file (File, Blob, ArrayBuffer or Uint8Array): text, web page, Word .docx, PDF.
  checkBytes(file, options = {}) {
    return toBytes(file).then((bytes) => coreFor(options.src).checkBytes(bytes), unreadable);
  },
  // {version, mode: "worker" | "main-thread"} once the core is loaded.
  ready(options = {}) {
    const core = coreFor(options.src);
    return core.ready.then((info) => ({ version: info.version, mode: core.mode }));
  },
};
