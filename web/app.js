// The checker page: wires the input (paste, typing, drop, open, samples) to the worker, and the
// worker's answer to the results. It never reads a report itself: the core does.
//
// What the textarea holds is always the text the results point into. Text typed, pasted or
// opened from a text file is that text. A web page pasted (the clipboard's text/html, when it has
// a table), or a web page, Word document or PDF opened, is read by the core from its own
// structure; the textarea and the source then show the text the core read from it (its
// input.text), and a note says so: edited, that text is checked again as plain text.
import { WorkerCore } from './checker-client.js';
import { downloadName } from './download-name.js';
import { STRINGS, pickLanguage } from './i18n.js';
import { InputController, refusalText } from './input-controller.js';
import {
  attachCellFindings, cellStates, markSelection, renderFilters, renderFindings, renderLegend, renderReports,
  renderSource, renderSummary, renderTables, reportsOf, summaryText,
} from './render.js';

const $ = (id) => document.getElementById(id);
const ui = {
  language: $('language'),
  text: $('report-text'),
  note: $('input-note'),
  dropZone: $('drop-zone'),
  openFile: $('open-file'),
  fileInput: $('file-input'),
  openFolder: $('open-folder'),
  folderInput: $('folder-input'),
  batch: $('batch'),
  backToBatch: $('back-to-batch'),
  clear: $('clear'),
  samples: $('samples'),
  status: $('status'),
  results: $('results'),
  reports: $('reports'),
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
  offline: $('offline-status'),
};

const state = {
  lang: pickLanguage(localStorage.getItem('gouji.lang')),
  layouts: null,
  rules: null,                           // the rule registry, from the core
  result: null,                          // the core's answer: the first report, and any other_reports
  report: null,                          // the report shown (one of reportsOf(result))
  checkedText: '',
  derived: null,                         // the format the textarea's text was read from, if not text
  large: null,                           // the text checked, when too large for the textarea (else null)
  shown: new Set(['error', 'warning', 'info']),
  selected: null,
  status: (strings) => strings.loading,  // what #status says, in whichever language is chosen
  error: null,                           // what #error says: {zh, en} or a key of STRINGS
};
const t = () => STRINGS[state.lang];

// Status and error messages are kept as functions of the language, so that switching the language
// says the same thing in the other one. `seen`: false when the page shows the same words right
// below (a report's summary), so that they are on screen once; the live region still speaks them.
function setStatus(say, { seen = true } = {}) {
  state.status = say;
  ui.status.textContent = say(t());
  ui.status.classList.toggle('visually-hidden', !seen);
}

// #status says nothing while #error (an alert, heard at once) says why nothing could be checked.
const silent = () => '';

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
  for (const button of ui.samples.querySelectorAll('button')) nameSample(button);
  ui.status.textContent = state.status(strings);
  if (ui.offline.dataset.state === 'ready') ui.offline.textContent = strings.offlineReady;
  if (state.error) ui.error.textContent = state.error(strings);
  showNote();
  if (state.report) render(state.report);
  if (batchView) batchView.setLanguage(state.lang);
}

function clearResults() {
  state.result = null;
  state.report = null;
  state.selected = null;
  for (const node of [ui.reports, ui.title, ui.summary, ui.legend, ui.findingsSection, ui.sourceSection, ui.export]) node.hidden = true;
  ui.tables.replaceChildren();
  showError(null);
}

function render(report) {
  const strings = t();
  const states = cellStates(report, state.rules);
  state.states = states;
  renderReports(ui.reports, state.result, report, strings, state.lang, (k) => {
    state.report = reportsOf(state.result)[k];
    state.selected = null;
    render(state.report);
    ui.reports.querySelector(`[data-report="${k}"]`).focus();
  });
  ui.title.textContent = report.report.title || '';
  ui.title.hidden = !report.report.title;
  renderSummary(ui.summary, report, strings, state.lang);
  renderLegend(ui.legend, strings);
  renderTables(ui.tables, report, state.layouts, states, strings);
  renderFilters(ui.filters, report, strings, state.shown, (shown) => {
    state.shown = shown;
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
  renderFindings(ui.findings, report, t(), state.lang, state.shown, selectFinding, state.rules);
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

function showReport(result, text) {
  showError(null);
  state.result = result;
  state.report = result;
  state.checkedText = text;
  state.selected = null;
  render(result);
  setStatus((s) => s.announce(summaryText(result, s, state.lang)), { seen: false });  // #summary shows it
}

// The core's refusal, in the person's language (`name`: the file's, before the message).
function showRefusal(error, name) {
  clearResults();
  const say = () => refusalText(error, state.lang);
  showError(name ? () => `${name}: ${say()}` : say);
  setStatus(silent);
}

// The core could not be loaded (a CoreUnavailable, worded in both languages): nothing can be
// checked, and the page says so rather than waiting.
function showFailure(error) {
  clearResults();
  const say = error && error.error ? inLanguage(error.error.message) : (s) => s.coreUnavailable(String(error));
  showError(say);
  setStatus(silent);
  document.documentElement.dataset.ready = 'failed';
}

// The note under the textarea, when its text was read from a web page, a Word document or a PDF.
function setDerived(format) {
  state.derived = format && format !== 'text' ? format : null;
  showNote();
}

// A text too large for the textarea is not in it (LARGE_TEXT): the note says so instead, and that
// the source view below holds it; what it says of a document's text would not apply.
function showNote() {
  const note = state.large ? t().largeNote(characters(state.large)) : state.derived ? t().derivedNote(state.derived) : '';
  ui.note.textContent = note;
  ui.note.hidden = !note;
  ui.note.classList.toggle('large-note', Boolean(state.large));
}

// Characters as people count them (code points: 字), not UTF-16 units.
function characters(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;  // a low surrogate completes a character already counted
  }
  return n;
}

// What the textarea and the drop zone take (typing, a paste, a file dropped or opened), checked
// by the core through the controller the widget uses too; this page only shows it.
const core = new WorkerCore(new URL('worker.js', import.meta.url));
const input = new InputController({
  core,
  box: ui.text,
  view: {
    busy: (key) => setStatus((s) => s[key]),
    show: (result, text, info) => {
      state.layouts = info.layouts;
      state.rules = info.rules;
      setDerived(result.input.format);
      showReport(result, text);
    },
    refuse: showRefusal,
    fail: showFailure,
    empty: () => {
      clearResults();
      setStatus((s) => s.empty);
    },
    edited: () => setDerived(null),  // plain text from now on
    large: (text) => {
      state.large = text;
      showNote();
    },
  },
});
const quiet = (promise) => promise.catch(() => {});  // a failure is shown by showFailure

// A batch: several files, a folder or a .zip, checked by batch.js (loaded only now, with the
// core's batch build, in a pool of workers) into a summary table; a row opens that report here,
// in the single view, and the back button returns to the table.
let batchView = null;
async function startBatch(sources) {
  if (sources.length === 0) return;
  let module;
  try {
    module = await import(new URL('batch.js', import.meta.url).href);
  } catch (error) {
    showFailure(error);
    return;
  }
  if (batchView && batchView.batch) batchView.batch.close();
  if (!batchView) {
    batchView = document.createElement('gouji-batch');
    ui.batch.append(batchView);
  }
  const batch = new module.Batch({ workerUrl: new URL('batch-worker.js', import.meta.url), onChange: () => batchView.update() });
  batchView.batch = batch;
  batchView.rules = state.rules;
  batchView.openItem = openFromBatch;
  batchView.setLanguage(state.lang);
  showBatch();
  clearResults();
  setStatus(silent);
  try {
    await batch.run(sources);
  } catch (error) {
    showFailure(error);
  }
}

async function openFromBatch(item) {
  let bytes;
  try {
    bytes = await batchView.batch.bytesOf(item);
  } catch (error) {
    bytes = { error: { code: 'unreadable', message: { zh: `${STRINGS['zh-CN'].fileError}（${error}）`, en: `${STRINGS.en.fileError} (${error})` } } };
  }
  ui.batch.hidden = true;
  ui.backToBatch.hidden = false;
  ui.backToBatch.dataset.index = item.index;
  ui.results.focus();
  if (bytes.error) showRefusal(bytes.error, item.name);
  else await quiet(input.checkFile(new File([bytes], item.name.split('/').pop())));
}

function showBatch() {
  ui.batch.hidden = false;
  ui.backToBatch.hidden = true;
}

async function batchOf(entries, files) {
  const { sourcesOfDrop } = await import(new URL('batch.js', import.meta.url).href);
  await startBatch(await sourcesOfDrop(entries, files));
}

async function batchOfFiles(files, fromFolder) {
  const { sourcesOfFiles } = await import(new URL('batch.js', import.meta.url).href);
  await startBatch(sourcesOfFiles(files, fromFolder));
}

async function loadSamples() {
  let list;
  try {
    const response = await fetch('samples/index.json');
    if (!response.ok) return;
    list = await response.json();
  } catch {
    return;
  }
  list.forEach((sample, k) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.number = String(k + 1);
    button.dataset.sample = sample.file;
    if (sample.kind) button.dataset.kind = sample.kind;
    nameSample(button);
    button.addEventListener('click', async () => {
      const response = await fetch(`samples/${sample.file}`);
      setDerived(null);
      await quiet(input.checkText(await response.text()));
    });
    ui.samples.append(button);
  });
  ui.samples.hidden = list.length === 0;
}

// A sample's button says what it shows (samples/index.json's kind, named in i18n.js).
function nameSample(button) {
  const strings = t();
  const name = strings.sampleNames[button.dataset.kind];
  button.textContent = name ? name[0] : `${strings.sample} ${button.dataset.number}`;
  button.title = name ? name[1] : '';
}

function download() {
  // Text too large for the textarea is kept in the download too (as a document's text is), so
  // that nothing the person gave exists only in this tab. The whole answer: every report of it.
  const report = state.large && typeof state.result.input.text !== 'string'
    ? { ...state.result, input: { ...state.result.input, text: state.checkedText } }
    : state.result;
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = downloadName(state.report.report);  // the body and year, e.g. 某某镇-2022-gouji.json
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Offline: the service worker caches every asset of this build. A new build waits until the person
// chooses to reload, so that a page never runs half old and half new.
//
// The service worker that controls the page says when every asset of its build is in its cache
// ({type: 'offline-ready'}: when it has just taken over, and whenever the page asks); only then
// does #offline-status say that the checker works offline (data-state="ready").
function showOfflineReady() {
  ui.offline.textContent = t().offlineReady;
  ui.offline.hidden = false;
  ui.offline.dataset.state = 'ready';
}

async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  sw.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'offline-ready') showOfflineReady();
  });
  const ask = () => {
    if (sw.controller) sw.controller.postMessage({ type: 'offline-status' });
  };
  sw.addEventListener('controllerchange', ask);
  ask();
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

ui.language.addEventListener('click', () => {
  state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem('gouji.lang', state.lang);
  applyLanguage();
});
input.attach({ dropTarget: ui.dropZone, onMany: (entries, files) => quiet(batchOf(entries, files)) });
// A cell's findings on hover and focus; a click on it selects its finding in the list.
attachCellFindings(ui.tables, () => ({ report: state.report, states: state.states, t: t(), lang: state.lang, rules: state.rules }),
  (index) => {
    const button = ui.findings.querySelector(`[data-finding="${index}"]`);
    if (!button) return;
    const folded = button.closest('details');
    if (folded) folded.open = true;
    selectFinding(index, button, { scroll: false });
  });
ui.openFile.addEventListener('click', () => ui.fileInput.click());
ui.fileInput.addEventListener('change', () => {
  const files = Array.from(ui.fileInput.files);
  if (files.length > 1 || (files[0] && /\.zip$/i.test(files[0].name))) quiet(batchOfFiles(files, false));
  else if (files[0]) quiet(input.checkFile(files[0]));
  ui.fileInput.value = '';
});
ui.openFolder.addEventListener('click', () => ui.folderInput.click());
ui.folderInput.addEventListener('change', () => {
  const files = Array.from(ui.folderInput.files);
  ui.folderInput.value = '';
  quiet(batchOfFiles(files, true));
});
ui.backToBatch.addEventListener('click', () => {
  clearResults();
  setStatus(silent);
  showBatch();
  batchView.focusRow(ui.backToBatch.dataset.index);
});
ui.clear.addEventListener('click', () => {
  setDerived(null);
  input.checkText('');
  ui.text.focus();
});
ui.download.addEventListener('click', download);
ui.print.addEventListener('click', () => window.print());

applyLanguage();
core.ready.then(
  (info) => {
    state.layouts = info.layouts;
    state.rules = info.rules;
    ui.version.textContent = `gouji ${info.version}`;
    document.documentElement.dataset.ready = 'true';
    setStatus((s) => s.ready);
    if (ui.text.value.trim()) quiet(input.checkText(ui.text.value));
    // Only now: the service worker's precache then revalidates what the page has just downloaded
    // (a 304 for the wasm) instead of downloading it a second time.
    registerServiceWorker();
  },
  showFailure,
);
loadSamples();
