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

// Which cells each finding touches, and how each cell is to be marked. Of a failing relation, the
// cells it is about (finding.subject: the total that disagrees) are marked failed, the others that
// take part `involved`; a finding without a subject marks all its cells failed.
export function cellStates(report, rules) {
  const registry = ruleIndex(rules);
  const states = new Map();
  const state = (id) => {
    if (!states.has(id)) states.set(id, { failed: false, involved: false, unverifiable: false, findings: [] });
    return states.get(id);
  };
  report.findings.forEach((finding, index) => {
    const subject = Array.isArray(finding.subject) && finding.subject.length ? new Set(finding.subject) : null;
    const failing = marksFailure(finding, registry.get(finding.rule));
    for (const cell of finding.cells) {
      const s = state(cell.id);
      s.findings.push(index);
      if (failing) {
        if (!subject || subject.has(cell.id)) s.failed = true;
        else s.involved = true;
      } else if (finding.status === 'unverifiable') {
        s.unverifiable = true;
      }
    }
  });
  return states;
}

// The finding a click on `id` selects: the first failing one it is the subject of, else the first
// failing one it takes part in, else its first finding; null for a cell without findings.
export function cellFinding(report, states, id) {
  const s = states.get(id);
  if (!s || !s.findings.length) return null;
  const failed = s.findings.filter((i) => report.findings[i].status === 'failed');
  const about = failed.find((i) => (report.findings[i].subject || []).includes(id));
  if (about !== undefined) return about;
  return failed.length ? failed[0] : s.findings[0];
}

// The input as reports: the first, then any other the text holds (other_reports).
export function reportsOf(result) {
  return [result, ...(Array.isArray(result.other_reports) ? result.other_reports : [])];
}

const VERDICTS = ['pass', 'incomplete', 'fail'];
const VERDICT_ICONS = { pass: '✓', incomplete: '!', fail: '✗' };

// The verdict on one report: the core's summary.verdict, or (a core that gives none) from its counts.
export function verdictOf(report) {
  const s = report.summary;
  if (VERDICTS.includes(s.verdict)) return s.verdict;
  if (s.errors > 0) return 'fail';
  const blank = Object.values(report.cells || {}).some((c) => c.kind === 'blank');
  return s.rules_unverifiable > 0 || s.cells_found < s.cells_expected || blank ? 'incomplete' : 'pass';
}

// The worst verdict of every report in `result` (fail > incomplete > pass); null for a refusal.
export function worstVerdict(result) {
  if (!result || result.error) return null;
  return VERDICTS[Math.max(...reportsOf(result).map((r) => VERDICTS.indexOf(verdictOf(r))))];
}

// The verdict's one line in `lang`: the core's summary.verdict_message, or the page's own words.
export function verdictMessage(report, t, lang) {
  const m = report.summary.verdict_message;
  if (m && typeof m.zh === 'string') return lang === 'en' ? m.en : m.zh;
  const verdict = verdictOf(report);
  return verdict === 'fail' ? t.errors(report.summary.errors) : verdict === 'pass' ? t.passed : t.incompleteVerdict;
}

// The widget's answer: the core's JSON with `verdict`, the worst of its reports' (set on `result`
// itself, so that the event's detail and the promise's value stay one object); a refusal as it is.
export function withVerdict(result) {
  if (result && !result.error && result.summary) result.verdict = worstVerdict(result);
  return result;
}

// Several reports in one text: "这段文字含 N 份报告", then a button per report with its title and
// verdict (aria-pressed: the one shown). onChoose(k): report k of reportsOf(result) chosen.
export function renderReports(container, result, shown, t, lang, onChoose) {
  const reports = result ? reportsOf(result) : [];
  container.hidden = reports.length < 2;
  if (reports.length < 2) return container.replaceChildren();
  container.replaceChildren(el('span', { class: 'reports-count' }, t.severalReports(reports.length)),
    ...reports.map((report, k) => {
      const verdict = verdictOf(report);
      const button = el('button', { type: 'button', class: `report-choice verdict-${verdict}`, 'data-report': k,
        'data-verdict': verdict, 'aria-pressed': String(report === shown) },
      el('span', { class: 'report-choice-title' }, report.report.title || t.reportNumber(k + 1)), ' · ',
      `${VERDICT_ICONS[verdict]} ${verdictMessage(report, t, lang)}`);
      button.addEventListener('click', () => onChoose(k));
      return button;
    }));
}

export function summaryText(report, t, lang) {
  const s = report.summary;
  return [t.template(report.report.template), t.year(report.report.year), verdictMessage(report, t, lang),
    t.warnings(s.warnings), t.infos(s.infos), t.cells(s.cells_found, s.cells_expected)].join(' · ');
}

// The summary: the verdict (data-verdict on `container`: pass, incomplete or fail) and its line,
// for a failing report what could not be checked besides, and the counts.
export function renderSummary(container, report, t, lang) {
  const s = report.summary;
  const verdict = verdictOf(report);
  const language = lang === 'en' ? 'en' : 'zh';
  container.dataset.verdict = verdict;
  container.replaceChildren(
    el('span', { class: `verdict verdict-${verdict}`, 'data-testid': 'verdict' },
      `${VERDICT_ICONS[verdict]} ${verdictMessage(report, t, lang)}`),
    el('span', { class: 'summary-item' }, t.template(report.report.template)),
    el('span', { class: 'summary-item' }, t.year(report.report.year)),
    el('span', { class: 'summary-item' }, t.warnings(s.warnings)),
    el('span', { class: 'summary-item' }, t.infos(s.infos)),
    el('span', { class: 'summary-item', 'data-testid': 'cells' }, t.cells(s.cells_found, s.cells_expected)),
  );
  // What was read: text, a web page, a Word document or a PDF.
  const format = report.input && report.input.format;
  if (format) container.append(el('span', { class: 'summary-item', 'data-testid': 'format' }, t.source(format)));
  // Why not everything was checked: the headline of an incomplete report says it already (said
  // once); a failing one's says only its errors, so the reasons are listed under it.
  const reasons = Array.isArray(s.incomplete) && verdict === 'fail' ? s.incomplete : [];
  if (reasons.length) {
    container.append(el('div', { class: 'incomplete', 'data-testid': 'incomplete' }, el('span', {}, t.incompleteWhy),
      el('ul', {}, reasons.map((r) => el('li', { 'data-reason': r.reason }, r.message[language])))));
  }
  // The smallest fix the core found (report.fix, in words in its fix.suggested finding): what one
  // or two changed cells would make hold, said under the verdict.
  if (Array.isArray(report.fix) && report.fix.length) {
    const said = report.findings.find((f) => f.rule === 'fix.suggested');
    if (said) {
      container.append(el('div', { class: 'fix', 'data-testid': 'fix', 'data-cells': report.fix.map((c) => c.cell).join(' ') },
        el('span', { class: 'fix-label' }, t.fixLabel), ' ',
        el('span', { lang: language === 'en' ? 'en' : 'zh-CN' }, said.message[language])));
    }
  }
  container.hidden = false;
}

export function renderLegend(container, t) {
  container.replaceChildren(
    el('span', {}, t.legend),
    el('span', { class: 'cell-sample cell-failed' }, '✗ ', t.legendFail),
    el('span', { class: 'cell-sample cell-involved' }, '○ ', t.legendInvolved),
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
    } else if (state && state.involved) {
      classes.push('cell-involved');
      marks.push(el('span', { class: 'mark', 'aria-hidden': 'true' }, '○'), el('span', { class: 'visually-hidden' }, t.cellInvolved));
    } else if (state && state.unverifiable && cell.kind !== 'blank') {
      classes.push('cell-unverifiable');
      marks.push(el('span', { class: 'mark', 'aria-hidden': 'true' }, '?'), el('span', { class: 'visually-hidden' }, t.cellUnverifiable));
    }
  }
  // A cell with findings shows them on hover and focus (cellFindings); a marked one is a tab stop.
  const marked = state && (state.failed || state.involved);
  return el('td', { class: classes.join(' '), 'data-cell': id, 'data-findings': state ? state.findings.join(' ') : null,
    tabindex: marked ? '0' : null },
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

// The severity filters, and "errors only": one click (a button, aria-pressed) to show errors alone
// and one to show everything again. onChange(shown): the new set of severities shown.
export function renderFilters(fieldset, report, t, shown, onChange) {
  const counts = { error: report.summary.errors, warning: report.summary.warnings, info: report.summary.infos };
  const legend = fieldset.querySelector('legend');
  legend.textContent = t.show;
  const boxes = new Map();
  const only = el('button', { type: 'button', class: 'errors-only', 'aria-pressed': 'false' }, t.errorsOnly);
  const sync = () => {
    for (const [severity, input] of boxes) input.checked = shown.has(severity);
    only.setAttribute('aria-pressed', String(shown.size === 1 && shown.has('error')));
  };
  const change = (next) => {
    shown = next;
    sync();
    onChange(new Set(shown));
  };
  only.addEventListener('click', () => change(new Set(only.getAttribute('aria-pressed') === 'true' ? SEVERITIES : ['error'])));
  fieldset.replaceChildren(legend, only, ...SEVERITIES.map((severity) => {
    const input = el('input', { type: 'checkbox', id: `filter-${severity}` });
    boxes.set(severity, input);
    input.addEventListener('change', () => {
      const next = new Set(shown);
      if (input.checked) next.add(severity);
      else next.delete(severity);
      change(next);
    });
    return el('label', { class: `filter sev-${severity}`, for: `filter-${severity}` }, input, ` ${t.severity[severity]} (${counts[severity]})`);
  }));
  sync();
}

// A finding leads with its rule's name in words (its ID where the registry has none); the rule ID
// follows as detail.
function ruleName(rule, id, language) {
  return el('span', { class: 'rule-name' }, rule ? rule.name[language] : id);
}

function ruleDescription(rule, language) {
  return rule ? rule.description[language] : '';
}

const TABLE_ORDER = [null, ...TABLES];

// The findings' indices in the order they are listed: errors, then warnings, then notes; within a
// severity, the report as a whole first, then t2, t3, t4; then the core's order.
export function findingOrder(findings) {
  const rank = (f) => [SEVERITIES.indexOf(f.severity), TABLE_ORDER.indexOf(f.table === undefined ? null : f.table)];
  return findings.map((f, index) => ({ index, key: rank(f) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map(({ index }) => index);
}

// The findings, by severity (errors first), each with its rule's name, its table and its message;
// the checks that could not be made folded apart.
export function renderFindings(container, report, t, lang, shown, onSelect, rules) {
  const registry = ruleIndex(rules);
  const language = lang === 'en' ? 'en' : 'zh';
  const order = findingOrder(report.findings);
  const item = (index) => {
    const f = report.findings[index];
    const rule = registry.get(f.rule);
    const button = el('button', { type: 'button', class: `finding sev-${f.severity}`, 'data-finding': index, 'aria-pressed': 'false' },
      el('span', { class: 'sev-badge' }, el('span', { 'aria-hidden': 'true' }, SEVERITY_ICONS[f.severity], ' '), t.severityOne[f.severity]),
      ' ', ruleName(rule, f.rule, language),
      f.table ? el('span', { class: 'finding-table' }, ' · ', t.tableShort[f.table]) : null,
      ' ', el('code', { class: 'rule', title: ruleDescription(rule, language) }, f.rule), ' ',
      el('span', { class: 'message', lang: lang === 'en' ? 'en' : 'zh-CN' }, f.message[language]));
    button.addEventListener('click', () => onSelect(index, button));
    return el('li', { class: `sev-${f.severity}`, hidden: !shown.has(f.severity) }, button);
  };
  const nodes = [];
  for (const severity of SEVERITIES) {
    const mine = order.filter((i) => report.findings[i].severity === severity);
    if (mine.length === 0) continue;
    const direct = mine.filter((i) => report.findings[i].status !== 'unverifiable');
    const unverifiable = mine.filter((i) => report.findings[i].status === 'unverifiable');
    const section = el('section', { class: 'finding-group', 'data-severity': severity, hidden: !shown.has(severity) },
      el('h4', {}, `${t.severity[severity]} (${mine.length})`));
    if (direct.length) section.append(el('ul', { class: 'finding-list' }, direct.map(item)));
    if (unverifiable.length) {
      section.append(el('details', { class: 'unverifiable' },
        el('summary', {}, t.unverifiableGroup(unverifiable.length)),
        el('ul', { class: 'finding-list' }, unverifiable.map(item))));
    }
    nodes.push(section);
  }
  if (nodes.length === 0) nodes.push(el('p', { class: 'no-findings' }, '✓ ', t.noFindings));
  container.replaceChildren(...nodes);
}

// A cell's findings on hover, focus or tap, in one tooltip per `tables` (role="tooltip", the
// cell's aria-describedby while shown); a click or Enter on a cell with findings selects one
// (cellFinding) through onSelect(index). `view()` gives the current {report, states, t, lang, rules}.
export function attachCellFindings(tables, view, onSelect) {
  const tip = el('div', { class: 'cell-tip', role: 'tooltip', id: `gouji-cell-tip-${Math.random().toString(36).slice(2)}`, hidden: true });
  let current = null;
  tables.classList.add('has-cell-tips');
  const cellOf = (event) => {
    const td = event.target.closest && event.target.closest('td[data-findings]');
    return td && td.dataset.findings && tables.contains(td) ? td : null;
  };
  const hide = () => {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
  };
  const show = (td) => {
    if (current === td) return;
    hide();
    const { report, t, lang, rules } = view();
    const registry = ruleIndex(rules);
    const language = lang === 'en' ? 'en' : 'zh';
    const indices = findingOrder(report.findings).filter((i) => td.dataset.findings.split(' ').includes(String(i)));
    tip.replaceChildren(el('ul', {}, indices.map((i) => {
      const f = report.findings[i];
      const rule = registry.get(f.rule);
      // Of a failing relation with a subject, a cell that is not the subject takes part in it.
      const role = f.status === 'failed' && f.subject && !f.subject.includes(td.dataset.cell) ? t.cellInvolved : null;
      return el('li', { class: `sev-${f.severity}` }, el('strong', {}, rule ? rule.name[language] : f.rule),
        role ? ` (${role})` : '', ': ', f.message[language]);
    })));
    if (!tip.isConnected) tables.append(tip);
    tip.hidden = false;
    const box = tables.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    // Below the cell, within the tables' width (a phone's too).
    tip.style.left = '0px';
    tip.style.left = `${Math.max(0, Math.min(cell.left - box.left, box.width - tip.offsetWidth))}px`;
    tip.style.top = `${cell.bottom - box.top + 4}px`;
    td.setAttribute('aria-describedby', tip.id);
    current = td;
  };
  tables.addEventListener('mouseover', (event) => {
    const td = cellOf(event);
    if (td) show(td);
    else if (!tip.contains(event.target)) hide();
  });
  tables.addEventListener('mouseleave', hide);
  tables.addEventListener('focusin', (event) => {
    const td = cellOf(event);
    if (td) show(td);
  });
  tables.addEventListener('focusout', hide);
  const choose = (td) => {
    const { report, states } = view();
    const index = cellFinding(report, states, td.dataset.cell);
    if (index !== null) onSelect(index);
  };
  tables.addEventListener('click', (event) => {
    const td = cellOf(event);
    if (!td) return;
    show(td);
    choose(td);
  });
  tables.addEventListener('keydown', (event) => {
    const td = cellOf(event);
    if (td && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      choose(td);
    }
    if (event.key === 'Escape') hide();
  });
  return { hide };
}

// Shows `finding` as selected: its button pressed (and no other in `findingsRoot`), its cells
// marked in `tablesRoot`. Returns the first marked cell, or null.
export function markSelection(findingsRoot, tablesRoot, finding, button) {
  for (const b of findingsRoot.querySelectorAll('[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
  if (button) button.setAttribute('aria-pressed', 'true');
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
