// The checker page: wires the input (paste, typing, drop, open, samples) to the worker, and the
// worker's answer to the results. It never reads a report itself: the core does.
//
// What the textarea holds is always the text the results point into. Text typed, pasted or
// opened from a text file is that text. A web page pasted (the clipboard's text/html, when it has
// a table), or a web page, Word document or PDF opened, is read by the core from its own
// structure; the textarea and the source then show the text the core read from it (its
// input.text), and a note says so: edited, that text is checked again as plain text.
import { CheckerClient, readFile, tablePaste } from './checker-client.js';
import { STRINGS, pickLanguage } from './i18n.js';
import {
  cellStates, markSelection, renderFilters, renderFindings, renderLegend, renderSource, renderSummary, renderTables,
  summaryText,
} from './render.js';

const $ = (id) => document.getElementById(id);
const ui = {
  language: $('language'),
  text: $('report-text'),
  note: $('input-note'),
  dropZone: $('drop-zone'),
  openFile: $('open-file'),
  fileInput: $('file-input'),
  clear: $('clear'),
  samples: $('samples'),
  status: $('status'),
  title: $('report-title'),
  error: $('error'),
  summary: $('summary'),
  legend: $('legend'),
  tables: $('tables'),
  findingsSection: $('findings-section'),
  filters: $('filters'),
  findings: $('findings'),
  sourceSection: $('source-section'),
  source: $('source'),
  export: $('export'),
  download: $('download-json'),
  print: $('print'),
  version: $('version'),
  update: $('update'),
  reload: $('reload'),
};

const state = {
  lang: pickLanguage(localStorage.getItem('gouji.lang')),
  layouts: null,
  report: null,
  checkedText: '',
  derived: null,                         // the format the textarea's text was read from, if not text
  shown: new Set(['error', 'warning', 'info']),
  selected: null,
  sequence: 0,
  status: (strings) => strings.loading,  // what #status says, in whichever language is chosen
  error: null,                           // what #error says: {zh, en} or a key of STRINGS
};
const t = () => STRINGS[state.lang];

// Status and error messages are kept as functions of the language, so that switching the language
// says the same thing in the other one.
function setStatus(say) {
  state.status = say;
  ui.status.textContent = say(t());
}

function showError(say) {
  state.error = say;
  ui.error.textContent = say ? say(t()) : '';
  ui.error.hidden = !say;
}

const inLanguage = (message) => () => message[state.lang === 'en' ? 'en' : 'zh'];

function applyLanguage() {
  const strings = t();
  document.documentElement.lang = state.lang;
  document.title = strings.title;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const value = strings[node.dataset.i18n];
    if (typeof value === 'string') node.textContent = value;
  }
  ui.language.textContent = strings.switchLanguage;
  ui.language.setAttribute('aria-label', strings.switchLanguageLabel);
  ui.language.lang = state.lang === 'en' ? 'zh-CN' : 'en';
  for (const button of ui.samples.querySelectorAll('button')) {
    button.textContent = `${strings.sample} ${button.dataset.number}`;
  }
  ui.status.textContent = state.status(strings);
  if (state.error) ui.error.textContent = state.error(strings);
  showNote();
  if (state.report) render(state.report);
}

function clearResults() {
  state.report = null;
  state.selected = null;
  for (const node of [ui.title, ui.summary, ui.legend, ui.findingsSection, ui.sourceSection, ui.export]) node.hidden = true;
  ui.tables.replaceChildren();
  showError(null);
}

function render(report) {
  const strings = t();
  const states = cellStates(report);
  ui.title.textContent = report.report.title || '';
  ui.title.hidden = !report.report.title;
  renderSummary(ui.summary, report, strings);
  renderLegend(ui.legend, strings);
  renderTables(ui.tables, report, state.layouts, states, strings);
  renderFilters(ui.filters, report, strings, state.shown, (severity, on) => {
    if (on) state.shown.add(severity);
    else state.shown.delete(severity);
    renderFindingsList(report);
  });
  renderFindingsList(report);
  ui.findingsSection.hidden = false;
  renderSource(ui.source, state.checkedText, []);
  ui.sourceSection.hidden = false;
  ui.export.hidden = false;
  // A redraw (another language) keeps what was selected.
  if (state.selected !== null) {
    const button = ui.findings.querySelector(`[data-finding="${state.selected}"]`);
    if (button) selectFinding(state.selected, button, { scroll: false });
  }
}

function renderFindingsList(report) {
  renderFindings(ui.findings, report, t(), state.lang, state.shown, selectFinding);
}

// Selecting a finding marks its cells in the tables and its text in the source.
function selectFinding(index, button, { scroll = true } = {}) {
  const finding = state.report.findings[index];
  state.selected = index;
  const first = markSelection(ui.findings, ui.tables, finding, button);
  const spans = finding.cells.filter((c) => c.span).map((c) => c.span);
  if (finding.span) spans.push(finding.span);
  const mark = renderSource(ui.source, state.checkedText, spans);
  if (first && scroll) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  if (mark) {
    // Scroll the source box, not the page, to the first mark.
    ui.source.scrollTop = mark.offsetTop - ui.source.offsetTop - ui.source.clientHeight / 3;
  }
}

async function check(text) {
  const sequence = ++state.sequence;
  if (text.trim() === '') {
    clearResults();
    setStatus((s) => s.empty);
    return;
  }
  setStatus((s) => s.checking);
  const result = await client.check(text);
  if (sequence !== state.sequence) return;  // a newer text is being checked
  if (result.error) {
    showRefusal(result.error);
    return;
  }
  showReport(result, text);
}

function showReport(result, text) {
  showError(null);
  state.report = result;
  state.checkedText = text;
  state.selected = null;
  render(result);
  setStatus((s) => s.announce(summaryText(result, s)));
}

// The core's refusal, in the person's language (`name`: the file's, before the message).
function showRefusal(error, name) {
  clearResults();
  // Still missing after the worker tried to fetch the tables: the network is off.
  const say = error.code === 'missing_data' ? (s) => s.gb18030Offline : inLanguage(error.message);
  showError(name ? (s) => `${name}: ${say(s)}` : say);
  setStatus(say);
}

// The note under the textarea, when its text was read from a web page, a Word document or a PDF.
function setDerived(format) {
  state.derived = format && format !== 'text' ? format : null;
  showNote();
}

function showNote() {
  ui.note.textContent = state.derived ? t().derivedNote(state.derived) : '';
  ui.note.hidden = !state.derived;
}

function onPaste(event) {
  const paste = tablePaste(event, ui.text);
  if (!paste) return;
  event.preventDefault();
  checkHtml(paste.html, paste.plain);
}

async function checkHtml(html, plain) {
  clearTimeout(debounce);
  const sequence = ++state.sequence;
  // At once, as a paste would show it; replaced by the text the core reads from the HTML.
  ui.text.value = plain;
  setDerived(null);
  setStatus((s) => s.checking);
  const result = await client.checkHtml(html);
  if (sequence !== state.sequence) return;
  if (result.error) {
    // Not readable as HTML (say, no report in it): the plain text, as a plain paste would be.
    await check(plain);
    return;
  }
  ui.text.value = result.input.text;
  setDerived(result.input.format);
  showReport(result, result.input.text);
}

let debounce = 0;
function scheduleCheck() {
  clearTimeout(debounce);
  debounce = setTimeout(() => check(ui.text.value), 200);
}

// A file: its bytes go to the core, which tells text, a web page, a Word document and a PDF apart
// (a PDF's text is read by pdf.js in the worker first, which says so: the status follows).
async function loadFile(file) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    showError((s) => `${file.name}: ${s.fileError}`);
    return;
  }
  clearTimeout(debounce);
  const sequence = ++state.sequence;
  setStatus((s) => s.checking);
  const { result, text } = await readFile(client, bytes, (stage) => {
    if (stage === 'pdf' && sequence === state.sequence) setStatus((s) => s.readingPdf);
  });
  if (sequence !== state.sequence) return;
  if (result.error) {
    showRefusal(result.error, file.name);
    return;
  }
  ui.text.value = text;
  setDerived(result.input.format);
  showReport(result, text);
}

async function loadSamples() {
  let names;
  try {
    const response = await fetch('samples/index.json');
    if (!response.ok) return;
    names = await response.json();
  } catch {
    return;
  }
  names.forEach((name, k) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.number = String(k + 1);
    button.dataset.sample = name;
    button.textContent = `${t().sample} ${k + 1}`;
    button.addEventListener('click', async () => {
      const response = await fetch(`samples/${name}`);
      ui.text.value = await response.text();
      setDerived(null);
      clearTimeout(debounce);
      await check(ui.text.value);
    });
    ui.samples.append(button);
  });
  ui.samples.hidden = names.length === 0;
}

function download() {
  const blob = new Blob([JSON.stringify(state.report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'gouji-result.json';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Offline: the service worker caches every asset of this build. A new build waits until the person
// chooses to reload, so that a page never runs half old and half new.
async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register('sw.js');
  } catch {
    return;
  }
  const offerUpdate = (worker) => {
    ui.update.hidden = false;
    ui.reload.onclick = () => worker.postMessage({ type: 'activate' });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || ui.update.hidden) return;
    reloading = true;
    location.reload();
  });
}

const client = new CheckerClient(new URL('worker.js', import.meta.url));

ui.language.addEventListener('click', () => {
  state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('gouji.lang', state.lang);
  applyLanguage();
});
ui.text.addEventListener('input', () => {
  setDerived(null);  // edited: plain text from now on
  scheduleCheck();
});
ui.text.addEventListener('paste', onPaste);
ui.openFile.addEventListener('click', () => ui.fileInput.click());
ui.fileInput.addEventListener('change', () => {
  if (ui.fileInput.files[0]) loadFile(ui.fileInput.files[0]);
  ui.fileInput.value = '';
});
ui.clear.addEventListener('click', () => {
  ui.text.value = '';
  setDerived(null);
  check('');
  ui.text.focus();
});
for (const type of ['dragenter', 'dragover']) {
  ui.dropZone.addEventListener(type, (event) => {
    if (!event.dataTransfer || !Array.from(event.dataTransfer.types).includes('Files')) return;
    event.preventDefault();
    ui.dropZone.classList.add('dragging');
  });
}
ui.dropZone.addEventListener('dragleave', () => ui.dropZone.classList.remove('dragging'));
ui.dropZone.addEventListener('drop', (event) => {
  ui.dropZone.classList.remove('dragging');
  const file = event.dataTransfer && event.dataTransfer.files[0];
  if (!file) return;
  event.preventDefault();
  loadFile(file);
});
ui.download.addEventListener('click', download);
ui.print.addEventListener('click', () => window.print());

applyLanguage();
client.ready.then(
  (info) => {
    state.layouts = info.layouts;
    ui.version.textContent = `gouji ${info.version}`;
    document.documentElement.dataset.ready = 'true';
    setStatus((s) => s.ready);
    if (ui.text.value.trim()) check(ui.text.value);
    // Only now: the service worker's precache then revalidates what the page has just downloaded
    // (a 304 for the wasm) instead of downloading it a second time.
    registerServiceWorker();
  },
  (error) => showError(() => String(error)),
);
loadSamples();
