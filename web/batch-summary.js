// What a batch keeps of one report's check (batch.js), made in the worker that checked it
// (batch-worker.js): only the small summary crosses to the page, and the page holds a thousand of
// them, not a thousand reports.
//
//   summarise(name, result) -> {verdict, rows, findings, members}
//     rows:     one per report of the answer (a text may hold several: "a.txt", "a.txt#2"), the
//               summary table's values
//     findings: every finding, {file, body, year, rule, severity, status, cells, values, message}
//     members:  what the set's checks read (set.h): {file, body, year, t2, t3, cells: {id: value}}

export function refusalOf(error, skipped) {
  return { verdict: skipped ? 'skipped' : 'unusable', rows: [{ note: error.message }], findings: [], members: [] };
}

// What the batch keeps of one answer: a row per report in it (a text may hold several), its
// findings, and the cells the set compares.
export function summarise(name, result) {
  if (result.error) return refusalOf(result.error, Boolean(result.skipped));
  const reports = [result, ...(result.other_reports || [])];
  const names = reports.map((_, k) => (k === 0 ? name : `${name}#${k + 1}`));
  const rows = reports.map((r, k) => ({
    file: names[k],
    body: r.report.body || '',
    year: r.report.year ?? null,
    version: r.report.template && r.report.template !== 'unknown' ? r.report.template : '',
    source: result.input.format,
    verdict: r.summary.verdict,
    errors: r.summary.errors,
    warnings: r.summary.warnings,
    cellsFound: r.summary.cells_found,
    cellsExpected: r.summary.cells_expected,
    note: r.summary.verdict_message,
  }));
  const findings = reports.flatMap((r, k) => r.findings.map((f) => ({
    file: names[k], body: rows[k].body, year: rows[k].year, rule: f.rule, severity: f.severity, status: f.status,
    cells: (f.cells || []).map((c) => c.id).join(' '),
    values: (f.cells || []).map((c) => (c.value === null || c.value === undefined ? '' : c.value)).join(' '),
    message: f.message,
  })));
  const members = reports.map((r, k) => ({
    file: names[k], body: r.report.body || '', year: r.report.year ?? null,
    t2: r.report.tables && r.report.tables.t2 ? r.report.tables.t2.template : null,
    t3: r.report.tables && r.report.tables.t3 ? r.report.tables.t3.template : null,
    cells: Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, c.value])),
  }));
  // The first report's verdict is the item's: the one its row is sorted and filtered by.
  return { verdict: rows[0].verdict, rows, findings, members };
}

