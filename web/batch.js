// A batch: many reports at once (files, a folder, a .zip of reports), checked in a pool of Web
// Workers, one summary row per report, the set's checks across reports (set.h) once all are in,
// and the batch exported as CSV or XLSX. Loaded by the page only when a batch is dropped or opened.
//
//   const batch = new Batch({ workerUrl, onChange });
//   await batch.run(sources);    sources: [{name, file (a Blob), found}], `found`: from a folder or
//                                a zip (a file that is no report's format is then passed over)
//   batch.items                  one per file: {name, verdict, rows, findings, ...} (batch-summary.js)
//   await batch.bytesOf(item)    its bytes again, for the detail view
//
// Memory: a report's answer is reduced to its rows, its findings and the numbers the set compares
// in the worker that checked it; no file's bytes are kept (a file is read again when its detail is opened;
// an archive stays in the worker that opened it), and at most two files per worker are in flight.
import { refusalOf } from './batch-summary.js';
import { WorkerCore } from './checker-client.js';

// More workers than this gain little (each holds its own core, some 20 MB) and cost memory.
export const POOL_MAX = 4;

export const BATCH_STRINGS = {
  'zh-CN': {
    title: (n) => `批量检查：${n} 份报告`,
    progress: (done, total) => `已检查 ${done} / ${total}`,
    opening: (name) => `正在打开压缩包 ${name}…`,
    setChecking: '正在核对跨年度衔接…',
    finished: (counts) => `检查完成：${counts}`,
    columns: ['文件', '机关', '年度', '格式版本', '来源格式', '结论', '错误', '警告', '找到单元格', '应有单元格', '跨年度与汇总核对', '说明'],
    findingColumns: ['文件', '机关', '年度', '规则', '规则代码', '严重程度', '状态', '单元格', '数值', '说明'],
    sheets: ['报告', '问题'],
    verdicts: { pass: '通过', fail: '有错误', incomplete: '未能完整核对', unusable: '无法检查', skipped: '跳过', waiting: '等待中' },
    sources: { text: '文本', html: '网页', docx: 'Word (.docx)', pdf: 'PDF' },
    severities: { error: '错误', warning: '警告', info: '提示' },
    statuses: { failed: '不成立', unverifiable: '无法核对', reported: '' },
    setVerdicts: { holds: '成立', fails: '不成立', unverifiable: '无法核对' },
    pairRules: { 'cross_year.carry_over': '上年结转衔接', 'cross_year.in_force': '现行有效件数衔接' },
    pairWith: (year, file, verdicts) => `与 ${year} 年《${file}》：${verdicts}`,
    notCompared: (reason) => `未核对：${reason}`,
    duplicate: (file) => `与《${file}》的机关、年度和数字相同（重复的报告），未另行核对`,
    filter: '显示：',
    all: '全部',
    search: '搜索文件或机关',
    exportCsv: '导出 CSV',
    exportXlsx: '导出 Excel (.xlsx)',
    open: (name) => `查看 ${name} 的检查结果`,
    shown: (n, total) => `显示 ${n} / ${total} 份`,
    back: '← 返回汇总表',
    skippedNote: (n) => `跳过 ${n} 个不是报告格式的文件`,
    sep: '，',
    listSep: '；',
  },
  en: {
    title: (n) => `Batch: ${n} report${n === 1 ? '' : 's'}`,
    progress: (done, total) => `Checked ${done} of ${total}`,
    opening: (name) => `Opening the archive ${name}…`,
    setChecking: 'Checking the reports against each other…',
    finished: (counts) => `Done: ${counts}`,
    columns: ['File', 'Body', 'Year', 'Format version', 'Source format', 'Verdict', 'Errors', 'Warnings', 'Cells found',
      'Cells expected', 'Across reports', 'Note'],
    findingColumns: ['File', 'Body', 'Year', 'Rule', 'Rule ID', 'Severity', 'Status', 'Cells', 'Values', 'Message'],
    sheets: ['Reports', 'Findings'],
    verdicts: { pass: 'Passed', fail: 'Errors', incomplete: 'Not fully checked', unusable: 'Could not be checked', skipped: 'Skipped', waiting: 'Waiting' },
    sources: { text: 'text', html: 'web page', docx: 'Word (.docx)', pdf: 'PDF' },
    severities: { error: 'error', warning: 'warning', info: 'info' },
    statuses: { failed: 'fails', unverifiable: 'cannot be checked', reported: '' },
    setVerdicts: { holds: 'holds', fails: 'fails', unverifiable: 'cannot be checked' },
    pairRules: { 'cross_year.carry_over': 'carry-over', 'cross_year.in_force': 'documents in force' },
    pairWith: (year, file, verdicts) => `with ${year} (${file}): ${verdicts}`,
    notCompared: (reason) => `not compared: ${reason}`,
    duplicate: (file) => `the same body, year and numbers as ${file} (a duplicate): not compared again`,
    filter: 'Show:',
    all: 'All',
    search: 'Search file or body',
    exportCsv: 'Export CSV',
    exportXlsx: 'Export Excel (.xlsx)',
    open: (name) => `Open the check of ${name}`,
    shown: (n, total) => `Showing ${n} of ${total}`,
    back: '← Back to the summary',
    skippedNote: (n) => `Passed over ${n} file${n === 1 ? '' : 's'} in no report format`,
    sep: ', ',
    listSep: '; ',
  },
};
const lang2 = (lang) => (lang === 'en' ? 'en' : 'zh');

// ---- What the person gave: a drop's items (folders walked), or a file input's files ----

// The files of a drop. `entries` must be taken from the drop event at once (webkitGetAsEntry is
// valid only during it); `files` is the drop's FileList, used where entries are not available.
export async function sourcesOfDrop(entries, files) {
  if (!entries.some(Boolean)) return sourcesOfFiles(files, false);
  const out = [];
  const walk = async (entry, path) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      out.push({ name: path + entry.name, file, found: path !== '' });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      const children = [];
      // readEntries gives at most 100 at a time: read until it gives none.
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        children.push(...batch);
      }
      for (const child of children) {
        if (!child.name.startsWith('.')) await walk(child, `${path}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) if (entry) await walk(entry, '');
  return out.sort(byName);
}

// A file input's files (a folder picker's have their webkitRelativePath), hidden ones left out.
export function sourcesOfFiles(files, fromFolder) {
  const list = Array.from(files).map((file) => ({ name: file.webkitRelativePath || file.name, file, found: fromFolder }));
  return list.filter((s) => !s.name.split('/').some((part) => part.startsWith('.'))).sort(byName);
}

// Sources in path order, as the CLI lists a folder: a file dialog's or a drop's order is the
// operating system's, and a batch's rows should not depend on it.
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// ---- The batch ----

export class Batch {
  constructor({ workerUrl, size, onChange }) {
    const cores = Math.max(1, Math.min(size || navigator.hardwareConcurrency || 2, POOL_MAX));
    this.workerUrl = workerUrl;
    this.pool = Array.from({ length: cores }, () => ({ core: new WorkerCore(workerUrl), restarts: 0 }));
    this.items = [];
    this.set = null;
    this.stage = 'checking';  // 'opening' | 'checking' | 'set' | 'done'
    this.onChange = onChange || (() => {});
  }

  get done() {
    return this.items.filter((item) => item.verdict !== 'waiting').length;
  }

  // Always ends at 'done', with a row for every file given: a file that could not be read, a zip
  // that could not be opened, a worker that failed, each is a row saying so.
  async run(sources) {
    // Archives first: their entries become items, in the archive's order. A zip is told by its
    // content, as the CLI tells it; the core says whether it is an archive of reports (a .docx is
    // one document).
    for (const source of sources) {
      if (await startsAsZip(source.file)) {
        this.stage = 'opening';
        this.opening = source.name;
        this.onChange();
        let opened;
        try {
          const bytes = new Uint8Array(await source.file.arrayBuffer());
          opened = await this.pool[0].core.request({ type: 'openArchive', bytes }, null, [bytes.buffer]);
        } catch (error) {
          opened = { error: errorOf(error) };
        }
        if (opened.handle > 0 && opened.entries.length > 0) {
          opened.entries.forEach((entry, index) => {
            this.items.push(this.item_(`${source.name}/${entry}`, { handle: opened.handle, index }, true));
          });
          continue;
        }
        if (opened.error) {
          this.items.push({ ...this.item_(source.name, source, false), ...refusalOf(opened.error, false) });
          continue;
        }
      }
      this.items.push(this.item_(source.name, source, source.found));
    }
    this.stage = 'checking';
    this.onChange();
    await this.checkAll_();
    this.stage = 'set';
    this.onChange();
    try {
      const members = this.items.flatMap((item) => item.members || []);
      const answer = await this.pool[0].core.request({ type: 'checkSet', members });
      this.set = answer.set || null;
    } catch {
      this.set = null;  // each row then says nothing across reports: not checked, not "passed"
    }
    for (const item of this.items) delete item.members;  // the set has what it needed of them
    this.stage = 'done';
    this.onChange();
  }

  item_(name, source, found) {
    return { index: this.items.length, name, source, found, verdict: 'waiting', rows: [], findings: [] };
  }

  // At most two files per worker in flight; each answer is the worker's summary of the report.
  // A worker whose core failed (an abort, out of memory) is started again, a few times at most.
  async checkAll_() {
    const queue = this.items.filter((item) => item.verdict === 'waiting');
    let next = 0;
    const lane = async (slot) => {
      while (next < queue.length) {
        const item = queue[next++];
        let answer;
        try {
          const bytes = await this.bytesOf(item);
          answer = bytes.error ? refusalOf(bytes.error, false)
            : await slot.core.request({ type: 'checkFile', bytes, name: item.name, found: item.found }, null, [bytes.buffer]);
        } catch (error) {
          answer = { error: errorOf(error) };
        }
        if (answer.internal || (answer.error && answer.error.code === 'internal') || slot.core.failure) this.restart_(slot);
        Object.assign(item, answer.verdict ? answer : refusalOf(answer.error || errorOf(null), false));
        this.onChange();
      }
    };
    await Promise.all(this.pool.flatMap((slot) => [lane(slot), lane(slot)]));
  }

  restart_(slot) {
    if (slot.restarts >= 3) return;
    slot.restarts += 1;
    slot.core.terminate();
    slot.core = new WorkerCore(this.workerUrl);
  }

  // A report's bytes, read again: from its file, or from its archive in the worker holding it
  // ({error} if that worker has been started again since: the archive is gone with it).
  async bytesOf(item) {
    if (item.source.handle) {
      return this.pool[0].core.request({ type: 'readArchive', handle: item.source.handle, index: item.source.index });
    }
    return new Uint8Array(await item.source.file.arrayBuffer());
  }

  close() {
    for (const slot of this.pool) slot.core.terminate();
  }
}

// Whether a file starts as a zip does (its first four bytes).
async function startsAsZip(file) {
  try {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } catch {
    return false;  // unreadable: its check says so
  }
}

// What went wrong, in the core's shape ({code, message: {zh, en}}): a CoreUnavailable carries one.
function errorOf(error) {
  if (error && error.error && error.error.message) return error.error;
  const detail = String((error && error.message) || error || 'unknown');
  return { code: 'internal', message: { zh: `无法检查这个文件（${detail}）`, en: `This file could not be checked (${detail})` } };
}

// What the set says of each report, keyed by file ("a.txt", "a.txt#2"): its pairs, its wholes, or
// why it was compared with none.
export function crossChecks(set, lang) {
  const s = BATCH_STRINGS[lang];
  const l = lang2(lang);
  const out = new Map();
  const add = (file, text) => out.set(file, out.has(file) ? `${out.get(file)}${s.listSep}${text}` : text);
  if (!set) return out;
  for (const pair of set.pairs) {
    const verdicts = Object.entries(pair.verdicts).map(([rule, v]) => `${s.pairRules[rule] || rule} ${s.setVerdicts[v]}`).join(s.sep);
    add(pair.files[0], s.pairWith(pair.years[1], pair.files[1], verdicts));
    add(pair.files[1], s.pairWith(pair.years[0], pair.files[0], verdicts));
  }
  for (const d of set.duplicates || []) add(d.file, s.duplicate(d.same_as));
  for (const n of set.not_compared) add(n.file, s.notCompared(n.reason[l]));
  return out;
}

// Every row of the batch, as the summary table and the exports show them (the CLI's CSV columns).
export function tableRows(items, set, lang) {
  const s = BATCH_STRINGS[lang];
  const l = lang2(lang);
  const cross = crossChecks(set, lang);
  return items.flatMap((item) => (item.verdict === 'waiting' ? [{ item, cells: [item.name, '', '', '', '', s.verdicts.waiting, '', '', '', '', '', ''] }]
    : item.rows.map((r) => {
      const checked = r.verdict !== undefined;
      const file = r.file || item.name;
      return {
        item,
        verdict: checked ? r.verdict : item.verdict,
        cells: [
          file, r.body || '', r.year ?? '', r.version || '', checked ? s.sources[r.source] || r.source : '',
          s.verdicts[checked ? r.verdict : item.verdict], checked ? r.errors : '', checked ? r.warnings : '',
          checked ? r.cellsFound : '', checked ? r.cellsExpected : '', cross.get(file) || '', r.note ? r.note[l] : '',
        ],
      };
    })));
}

// Every finding of the batch, and the set's, one row each.
export function findingRows(items, set, lang, rules) {
  const s = BATCH_STRINGS[lang];
  const l = lang2(lang);
  const names = new Map((rules || []).map((rule) => [rule.id, rule.name[l]]));
  const row = (f) => [f.file, f.body || '', f.year ?? '', names.get(f.rule) || f.rule, f.rule, s.severities[f.severity] || f.severity,
    s.statuses[f.status] ?? f.status, f.cells, f.values, f.message[l]];
  const rows = items.flatMap((item) => item.findings.map(row));
  for (const group of set ? [...set.pairs, ...set.wholes] : []) {
    for (const f of group.findings) {
      rows.push(row({ ...f, file: (group.files || [group.file]).join(' / '), body: group.body || '', year: (group.years || [group.year]).join('/'),
        cells: (f.cells || []).join(' '), values: '' }));
    }
  }
  return rows;
}

// RFC 4180, with a BOM so that Excel and WPS read it as UTF-8, CRLF line ends, and a field that a
// spreadsheet would take for a formula (= + - @, or a tab or CR, first) prefixed with ' so that no
// file name runs one.
export function toCsv(header, rows) {
  const field = (value) => {
    let v = String(value ?? '');
    if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return `\ufeff${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

// ---- The summary table: <gouji-batch> ----

const COLUMN_KEYS = ['file', 'body', 'year', 'version', 'source', 'verdict', 'errors', 'warnings', 'cellsFound', 'cellsExpected', 'cross', 'note'];
const SHOWN_COLUMNS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10];  // 应有单元格 and 说明 go to the exports only
const NUMERIC = new Set([2, 6, 7, 8, 9]);
const REDRAW_MS = 500;
const VERDICT_ORDER = ['fail', 'unusable', 'incomplete', 'pass', 'skipped', 'waiting'];

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

export class BatchView extends HTMLElement {
  constructor() {
    super();
    this.language = 'zh-CN';
    this.batch = null;
    this.rules = null;
    this.sort = { column: null, descending: false };
    this.verdict = '';
    this.query = '';
    this.openItem = () => {};
    this.frame = 0;
  }

  // Redraws at most every REDRAW_MS while the batch runs, however many answers arrive (a table of
  // a thousand rows drawn every frame would take the cores the workers need), and at once when a
  // stage ends.
  update() {
    const stage = this.batch ? this.batch.stage : '';
    if (stage !== this.drawnStage) {
      clearTimeout(this.frame);
      this.frame = 0;
      this.drawnStage = stage;
      this.render_();
      return;
    }
    if (this.frame) return;
    this.frame = setTimeout(() => {
      this.frame = 0;
      this.render_();
    }, REDRAW_MS);
  }

  render_() {
    const s = BATCH_STRINGS[this.language];
    const batch = this.batch;
    if (!batch) return;
    const total = batch.items.length;
    const done = batch.done;
    if (!this.built) this.build_();
    this.heading.textContent = s.title(total);
    this.caption.textContent = s.title(total);
    this.progress.max = Math.max(total, 1);
    this.progress.value = done;
    this.progress.setAttribute('aria-label', s.progress(done, total));
    this.progress.hidden = batch.stage === 'done';
    this.status.textContent = batch.stage === 'opening' ? s.opening(batch.opening)
      : batch.stage === 'set' ? s.setChecking
        : batch.stage === 'done' ? s.finished(this.counts_(s)) : s.progress(done, total);
    this.exports.hidden = batch.stage !== 'done';
    // Said aloud when a stage begins or ends, not at every redraw.
    if (this.announced !== batch.stage) {
      this.announced = batch.stage;
      this.announce.textContent = batch.stage === 'checking' ? s.title(total) : this.status.textContent;
    }
    this.renderRows_(s);
  }

  counts_(s) {
    const counts = {};
    for (const item of this.batch.items) counts[item.verdict] = (counts[item.verdict] || 0) + 1;
    return VERDICT_ORDER.filter((v) => counts[v]).map((v) => `${s.verdicts[v]} ${counts[v]}`).join(s.sep);
  }

  build_() {
    const s = BATCH_STRINGS[this.language];
    this.built = true;
    this.drawn = null;
    this.replaceChildren();
    this.heading = el('h3', { class: 'batch-title' });
    this.progress = el('progress', { class: 'batch-progress', 'aria-label': s.progress(0, 0) });
    this.status = el('p', { class: 'status batch-status' });
    this.announce = el('p', { class: 'visually-hidden', role: 'status' });
    this.announced = null;
    this.verdictSelect = el('select', { class: 'batch-verdict', onchange: () => { this.verdict = this.verdictSelect.value; this.render_(); } },
      el('option', { value: '' }, s.all), ...VERDICT_ORDER.slice(0, 5).map((v) => el('option', { value: v }, s.verdicts[v])));
    this.verdictSelect.value = this.verdict;
    this.search = el('input', { type: 'search', class: 'batch-search', placeholder: s.search, 'aria-label': s.search,
      oninput: () => { this.query = this.search.value.trim(); this.render_(); } });
    this.search.value = this.query;
    this.shownCount = el('span', { class: 'batch-shown' });
    this.exports = el('span', { class: 'batch-exports', hidden: true },
      el('button', { type: 'button', class: 'batch-csv', onclick: () => this.exportCsv() }, s.exportCsv), ' ',
      el('button', { type: 'button', class: 'batch-xlsx', onclick: () => this.exportXlsx() }, s.exportXlsx));
    this.head = el('tr');
    SHOWN_COLUMNS.forEach((c) => {
      const sorted = this.sort.column === c;
      this.head.append(el('th', { scope: 'col', 'aria-sort': sorted ? (this.sort.descending ? 'descending' : 'ascending') : 'none' },
        el('button', { type: 'button', class: 'sort', 'data-column': c, onclick: () => this.sortBy_(c) }, s.columns[c])));
    });
    this.body = el('tbody');
    this.caption = el('caption', { class: 'visually-hidden' });
    this.append(this.heading, this.progress, this.status, this.announce,
      el('div', { class: 'batch-controls actions' }, el('label', {}, s.filter, ' ', this.verdictSelect), ' ', this.search, ' ', this.shownCount, ' ', this.exports),
      el('div', { class: 'batch-scroll' }, el('table', { class: 'batch-table' }, this.caption, el('thead', {}, this.head), this.body)));
  }

  sortBy_(column) {
    this.sort = { column, descending: this.sort.column === column ? !this.sort.descending : false };
    this.built = false;  // the header says how it is sorted
    this.render_();
    const button = this.querySelector(`button.sort[data-column="${column}"]`);
    if (button) button.focus();
  }

  rows_() {
    let rows = tableRows(this.batch.items, this.batch.set, this.language);
    if (this.verdict) rows = rows.filter((r) => (r.verdict || r.item.verdict) === this.verdict);
    if (this.query) rows = rows.filter((r) => r.cells[0].includes(this.query) || String(r.cells[1]).includes(this.query));
    const c = this.sort.column;
    if (c !== null) {
      const key = (r) => (c === 5 ? VERDICT_ORDER.indexOf(r.verdict || r.item.verdict) : r.cells[c]);
      const numeric = NUMERIC.has(c) || c === 5;
      // Rows without the value (a file not checked) go last either way; ties keep the batch's order.
      rows = rows.map((r, k) => [r, k]).sort(([a, i], [b, j]) => {
        const x = key(a), y = key(b);
        if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
        const order = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return (this.sort.descending ? -order : order) || i - j;
      }).map(([r]) => r);
    }
    return rows;
  }

  // Rows are drawn once and redrawn only when what they show changes (kept by their text), so that
  // a batch of thousands does not make thousands of elements every redraw; sorting and filtering
  // move the rows already drawn.
  renderRows_(s) {
    const rows = this.rows_();
    const total = this.batch.items.length;
    this.shownCount.textContent = s.shown(rows.length, total);
    const drawn = this.drawn || new Map();
    const next = new Map();
    const nodes = rows.map((r) => {
      const verdict = r.verdict || r.item.verdict;
      const key = `${r.item.index}\u0000${r.cells[0]}`;
      const text = `${verdict}\u0000${r.cells.join('\u0000')}`;
      const old = drawn.get(key);
      const tr = old && old.text === text ? old.tr : this.row_(r, verdict, s);
      next.set(key, { text, tr });
      return tr;
    });
    this.drawn = next;
    // Only rows that changed are put in or taken out, and rows in place stay: a focused row keeps
    // its focus while the batch runs.
    const keep = new Set(nodes);
    for (const child of [...this.body.children]) if (!keep.has(child)) child.remove();
    nodes.forEach((node, k) => {
      const at = this.body.children[k];
      if (at !== node) this.body.insertBefore(node, at || null);
    });
  }

  row_(r, verdict, s) {
    return el('tr', { class: `row-${verdict}`, 'data-index': r.item.index },
      ...SHOWN_COLUMNS.map((c) => {
        if (c === 0) {
          return el('td', {}, r.item.verdict === 'waiting' ? r.cells[0]
            : el('button', { type: 'button', class: 'batch-open', 'aria-label': s.open(r.cells[0]), onclick: () => this.openItem(r.item) }, r.cells[0]));
        }
        return el('td', { class: NUMERIC.has(c) ? 'number' : null }, String(r.cells[c]));
      }));
  }

  // Re-drawn in the other language.
  setLanguage(lang) {
    this.language = lang;
    this.built = false;
    if (this.batch) this.render_();
  }

  focusRow(index) {
    const button = this.querySelector(`tr[data-index="${index}"] .batch-open`);
    if (button) button.focus();
  }

  exportCsv() {
    const s = BATCH_STRINGS[this.language];
    const csv = toCsv(s.columns, tableRows(this.batch.items, this.batch.set, this.language).map((r) => r.cells));
    save(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'gouji-batch.csv');
  }

  // The XLSX writer (write-excel-file) is loaded only now: no one who does not export downloads it.
  async exportXlsx() {
    const s = BATCH_STRINGS[this.language];
    const { xlsxOf } = await import(new URL('batch-xlsx.js', import.meta.url).href);
    const sheets = [
      { name: s.sheets[0], header: s.columns, rows: tableRows(this.batch.items, this.batch.set, this.language).map((r) => r.cells), numeric: NUMERIC },
      { name: s.sheets[1], header: s.findingColumns, rows: findingRows(this.batch.items, this.batch.set, this.language, this.rules), numeric: new Set([2]) },
    ];
    save(await xlsxOf(sheets), 'gouji-batch.xlsx');
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

if (!customElements.get('gouji-batch')) customElements.define('gouji-batch', BatchView);
