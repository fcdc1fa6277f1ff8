// Drawing a report: the summary, the three tables in the format's own layout (rows, columns and
// merged headers from the core's layouts()), the findings, and the source text with marks.
// Everything the report says is put into the page as text, never as markup.

const TABLES = ['t2', 't3', 't4'];

// A DOM element with attributes and children (strings become text nodes).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The rule registry (core.ready's `rules`, docs/json-schema.md) by rule ID.
export function ruleIndex(rules) {
  return new Map((rules || []).map((rule) => [rule.id, rule]));
}

// A cell is marked failing when a rule about it fails, or when a cell rule of error severity (a
// cell that is not a number, a negative count) reports it: the registry says which those are.
function marksFailure(finding, rule) {
  return finding.status === 'failed' || (rule !== undefined && rule.kind === 'cell' && rule.severity === 'error');
}

// Which cells each finding touches, and how each cell is to be marked.
export function cellStates(report, rules) {
  const registry = ruleIndex(rules);
  const states = new Map();
  const state = (id) => {
    if (!states.has(id)) states.set(id, { failed: false, unverifiable: false, findings: [] });
    return states.get(id);
  };
  report.findings.forEach((finding, index) => {
    for (const cell of finding.cells) {
      const s = state(cell.id);
      s.findings.push(index);
      if (marksFailure(finding, registry.get(finding.rule))) {
        s.failed = true;
      } else if (finding.status === 'unverifiable') {
        s.unverifiable = true;
      }
    }
  });
  return states;
}

export function summaryText(report, t) {
  const s = report.summary;
  const parts = [t.template(report.report.template), t.year(report.report.year)];
  parts.push(s.errors === 0 ? t.passed : t.errors(s.errors));
  if (s.errors === 0) parts.push(t.errors(0));
  parts.push(t.warnings(s.warnings), t.infos(s.infos), t.cells(s.cells_found, s.cells_expected));
  return parts.join(' · ');
}

export function renderSummary(container, report, t) {
  const s = report.summary;
  container.replaceChildren(
    el('span', { class: s.errors === 0 ? 'verdict verdict-pass' : 'verdict verdict-fail' },
      s.errors === 0 ? `✓ ${t.passed}` : `✗ ${t.errors(s.errors)}`),
    el('span', { class: 'summary-item' }, t.template(report.report.template)),
    el('span', { class: 'summary-item' }, t.year(report.report.year)),
    el('span', { class: 'summary-item' }, t.warnings(s.warnings)),
    el('span', { class: 'summary-item' }, t.infos(s.infos)),
    el('span', { class: 'summary-item', 'data-testid': 'cells' }, t.cells(s.cells_found, s.cells_expected)),
  );
  // What was read: text, a web page, a Word document or a PDF.
  const format = report.input && report.input.format;
  if (format) container.append(el('span', { class: 'summary-item', 'data-testid': 'format' }, t.source(format)));
  container.hidden = false;
}

export function renderLegend(container, t) {
  container.replaceChildren(
    el('span', {}, t.legend),
    el('span', { class: 'cell-sample cell-failed' }, '✗ ', t.legendFail),
    el('span', { class: 'cell-sample cell-blank' }, '□ ', t.legendBlank),
    el('span', { class: 'cell-sample cell-unverifiable' }, '? ', t.legendUnverifiable),
    el('span', { class: 'cell-sample cell-missing' }, '— ', t.legendMissing),
  );
  container.hidden = false;
}

// Merged header cells for label paths (outermost label first), one path per column or row: a
// label that neighbouring paths share is one cell across them (`span`); a path shorter than the
// deepest one reaches down to the last level (`depth`). Per path, its cells in level order.
function mergedCells(paths) {
  const levels = Math.max(...paths.map((p) => p.length));
  const samePrefix = (a, b, n) => a.slice(0, n).every((label, k) => label === b[k]);
  const cells = paths.map(() => []);
  for (let level = 0; level < levels; level++) {
    for (let i = 0; i < paths.length;) {
      const path = paths[i];
      if (level >= path.length) {
        i++;
      } else if (level < path.length - 1) {
        let span = 1;
        while (i + span < paths.length && paths[i + span].length > level + 1 &&
               samePrefix(paths[i + span], path, level + 1)) span++;
        cells[i].push({ label: path[level], level, span, depth: 1 });
        i += span;
      } else {
        cells[i].push({ label: path[level], level, span: 1, depth: levels - level });
        i++;
      }
    }
  }
  return { levels, cells };
}

// Column headers: one row per level.
export function headerRows(paths) {
  const { levels, cells } = mergedCells(paths);
  const rows = Array.from({ length: levels }, () => []);
  for (const column of cells) {
    for (const c of column) rows[c.level].push({ label: c.label, colspan: c.span, rowspan: c.depth });
  }
  return rows;
}

// Row headers: per row, its header cells left to right.
export function rowHeaders(paths) {
  const { levels, cells } = mergedCells(paths);
  return {
    depth: levels,
    cells: cells.map((row) => row.map((c) => ({ label: c.label, rowspan: c.span, colspan: c.depth }))),
  };
}

function headerCell(tag, spec, scope) {
  return el(tag, {
    colspan: spec.colspan > 1 ? spec.colspan : null,
    rowspan: spec.rowspan > 1 ? spec.rowspan : null,
    scope,
  }, spec.label);
}

function valueText(cell) {
  if (cell.kind === 'number') return cell.unit ? cell.raw : String(cell.value);
  if (cell.kind === 'text') return cell.raw;
  return '';
}

function dataCell(report, states, id, t) {
  const cell = report.cells[id];
  const state = states.get(id);
  const classes = ['cell'];
  const marks = [];
  if (!cell) {
    classes.push('cell-missing');
    marks.push(el('span', { class: 'mark', 'aria-hidden': 'true' }, '—'), el('span', { class: 'visually-hidden' }, t.cellMissing));
  } else {
    if (cell.kind === 'blank') {
      classes.push('cell-blank');
      marks.push(el('span', { class: 'mark', 'aria-hidden': 'true' }, '□'), el('span', { class: 'visually-hidden' }, t.cellBlank));
    }
    if (state && state.failed) {
      classes.push('cell-failed');
      marks.push(el('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'), el('span', { class: 'visually-hidden' }, t.cellFail));
    } else if (state && state.unverifiable && cell.kind !== 'blank') {
      classes.push('cell-unverifiable');
      marks.push(el('span', { class: 'mark', 'aria-hidden': 'true' }, '?'), el('span', { class: 'visually-hidden' }, t.cellUnverifiable));
    }
  }
  return el('td', { class: classes.join(' '), 'data-cell': id },
    cell ? el('span', { class: 'value' }, valueText(cell)) : null, ...marks);
}

function tableT2(report, layout, states, t) {
  const maxColumns = Math.max(...layout.rows.map((r) => r.columns.length));
  const body = el('tbody');
  let block = null;
  for (const row of layout.rows) {
    if (row.groups[0] !== block) {
      block = row.groups[0];
      body.append(el('tr', { class: 'block-title' }, el('th', { colspan: maxColumns + 1, scope: 'colgroup' }, block)));
      body.append(el('tr', { class: 'block-header' },
        el('th', { scope: 'col' }, t.infoContent),
        ...row.columns.map((c) => el('th', { scope: 'col' }, c.label)),
        ...Array.from({ length: maxColumns - row.columns.length }, () => el('td', { class: 'filler' }))));
    }
    body.append(el('tr', {},
      el('th', { scope: 'row' }, row.label),
      ...row.columns.map((c) => dataCell(report, states, `t2.${row.id}.${c.id}`, t)),
      ...Array.from({ length: maxColumns - row.columns.length }, () => el('td', { class: 'filler' }))));
  }
  return el('table', { class: 'report-table t2' }, body);
}

function tableT3(report, layout, states, t) {
  const columns = layout.rows[0].columns;
  const columnPaths = columns.map((c) => [t.applicants, ...(c.group ? [c.group] : []), c.label]);
  const rowPaths = layout.rows.map((r) => [...r.groups, r.label]);
  const { depth, cells } = rowHeaders(rowPaths);
  const header = headerRows(columnPaths);
  const head = el('thead');
  header.forEach((specs, level) => {
    const tr = el('tr');
    if (level === 0) tr.append(el('td', { class: 'corner', rowspan: header.length, colspan: depth }, t.t3Corner));
    specs.forEach((spec) => tr.append(headerCell('th', spec, spec.colspan > 1 ? 'colgroup' : 'col')));
    head.append(tr);
  });
  const body = el('tbody');
  layout.rows.forEach((row, r) => {
    body.append(el('tr', {},
      ...cells[r].map((spec) => headerCell('th', spec, spec.rowspan > 1 ? 'rowgroup' : 'row')),
      ...columns.map((c) => dataCell(report, states, `t3.${row.id}.${c.id}`, t))));
  });
  return el('table', { class: 'report-table t3' }, head, body);
}

function tableT4(report, layout, states, t) {
  const paths = [];
  const ids = [];
  for (const row of layout.rows) {
    for (const c of row.columns) {
      paths.push([...row.groups, c.label]);
      ids.push(`t4.${row.id}.${c.id}`);
    }
  }
  const head = el('thead');
  for (const specs of headerRows(paths)) {
    head.append(el('tr', {}, ...specs.map((spec) => headerCell('th', spec, spec.colspan > 1 ? 'colgroup' : 'col'))));
  }
  const body = el('tbody', {}, el('tr', {}, ...ids.map((id) => dataCell(report, states, id, t))));
  return el('table', { class: 'report-table t4' }, head, body);
}

export function renderTables(container, report, layouts, states, t) {
  const sections = TABLES.map((id) => {
    const info = report.report.tables[id];
    const title = el('h3', { id: `table-${id}-title` }, t.tableNames[id]);
    const section = el('section', { class: 'table-section', 'aria-labelledby': `table-${id}-title`, 'data-table': id }, title);
    if (!info.found) {
      section.append(el('p', { class: 'not-found' }, '— ', t.notFound));
      return section;
    }
    const layout = layouts[id][info.template || 'any'];
    const draw = id === 't2' ? tableT2 : id === 't3' ? tableT3 : tableT4;
    section.append(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': `table-${id}-title` },
      draw(report, layout, states, t)));
    return section;
  });
  container.replaceChildren(...sections);
}

const SEVERITIES = ['error', 'warning', 'info'];
const SEVERITY_ICONS = { error: '✗', warning: '!', info: 'i' };

export function renderFilters(fieldset, report, t, shown, onChange) {
  const counts = { error: report.summary.errors, warning: report.summary.warnings, info: report.summary.infos };
  const legend = fieldset.querySelector('legend');
  legend.textContent = t.show;
  fieldset.replaceChildren(legend, ...SEVERITIES.map((severity) => {
    const input = el('input', { type: 'checkbox', id: `filter-${severity}`, checked: shown.has(severity) });
    input.addEventListener('change', () => onChange(severity, input.checked));
    return el('label', { class: `filter sev-${severity}`, for: `filter-${severity}` }, input, ` ${t.severity[severity]} (${counts[severity]})`);
  }));
}

// A finding leads with its rule's name in words; the rule ID follows as detail.
function ruleName(rule, language) {
  return rule ? el('span', { class: 'rule-name' }, rule.name[language]) : '';
}

function ruleDescription(rule, language) {
  return rule ? rule.description[language] : '';
}

export function renderFindings(container, report, t, lang, shown, onSelect, rules) {
  const registry = ruleIndex(rules);
  const language = lang === 'en' ? 'en' : 'zh';
  const groups = [[null, t.wholeReport], ...TABLES.map((id) => [id, t.tableNames[id]])];
  const nodes = [];
  for (const [table, title] of groups) {
    const findings = report.findings.map((f, index) => ({ f, index })).filter(({ f }) => f.table === table);
    if (findings.length === 0) continue;
    const item = ({ f, index }) => {
      const button = el('button', { type: 'button', class: `finding sev-${f.severity}`, 'data-finding': index, 'aria-pressed': 'false' },
        el('span', { class: 'sev-badge' }, el('span', { 'aria-hidden': 'true' }, SEVERITY_ICONS[f.severity], ' '), t.severityOne[f.severity]),
        ' ', ruleName(registry.get(f.rule), language),
        ' ', el('code', { class: 'rule', title: ruleDescription(registry.get(f.rule), language) }, f.rule), ' ',
        el('span', { class: 'message', lang: lang === 'en' ? 'en' : 'zh-CN' }, lang === 'en' ? f.message.en : f.message.zh));
      button.addEventListener('click', () => onSelect(index, button));
      return el('li', { class: `sev-${f.severity}`, hidden: !shown.has(f.severity) }, button);
    };
    const direct = findings.filter(({ f }) => f.status !== 'unverifiable');
    const unverifiable = findings.filter(({ f }) => f.status === 'unverifiable');
    const section = el('section', { class: 'finding-group' }, el('h4', {}, title));
    if (direct.length) section.append(el('ul', { class: 'finding-list' }, direct.map(item)));
    if (unverifiable.length) {
      section.append(el('details', { class: 'unverifiable', hidden: !shown.has('info') },
        el('summary', {}, t.unverifiableGroup(unverifiable.length)),
        el('ul', { class: 'finding-list' }, unverifiable.map(item))));
    }
    nodes.push(section);
  }
  if (nodes.length === 0) nodes.push(el('p', { class: 'no-findings' }, '✓ ', t.noFindings));
  container.replaceChildren(...nodes);
}

// Shows `finding` as selected: its button pressed (and no other in `findingsRoot`), its cells
// marked in `tablesRoot`. Returns the first marked cell, or null.
export function markSelection(findingsRoot, tablesRoot, finding, button) {
  for (const b of findingsRoot.querySelectorAll('[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-pressed', 'true');
  const ids = new Set(finding.cells.map((c) => c.id));
  let first = null;
  for (const cell of tablesRoot.querySelectorAll('td[data-cell]')) {
    const selected = ids.has(cell.dataset.cell);
    cell.classList.toggle('cell-selected', selected);
    if (selected && !first) first = cell;
  }
  return first;
}

// Code point offsets (the core's spans) to UTF-16 indices (JavaScript's strings).
export function codePointIndex(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const index = [];
  let u = 0;
  for (const ch of text) {
    index.push(u);
    u += ch.length;
  }
  index.push(u);
  return (i) => index[Math.min(i, index.length - 1)];
}

// The source text with the given code point spans marked.
export function renderSource(pre, text, spans) {
  const toUtf16 = codePointIndex(text);
  const ranges = spans
    .map(([b, e]) => [toUtf16(b), toUtf16(Math.max(e, b + 1))])
    .sort((a, b) => a[0] - b[0]);
  const nodes = [];
  let at = 0;
  for (const [b, e] of ranges) {
    if (b < at) continue;
    if (b > at) nodes.push(document.createTextNode(text.slice(at, b)));
    nodes.push(el('mark', {}, text.slice(b, e) || ' '));
    at = e;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  pre.replaceChildren(...nodes);
  return pre.querySelector('mark');
}
