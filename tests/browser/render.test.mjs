// Unit tests of the page's pure drawing helpers (no browser needed): merged headers as the format
// draws them, the map from the core's code point spans to JavaScript string indices, how cells are
// marked, the findings' order and the verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { headerRows, rowHeaders, codePointIndex, cellStates, cellFinding, findingOrder, verdictOf, verdictMessage, worstVerdict, withVerdict } =
  await import('../../web/render.js');
const { STRINGS } = await import('../../web/i18n.js');

test('t4 column headers merge as the format prints them', () => {
  const columns = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const paths = [
    ...columns.map((c) => ['行政复议', c]),
    ...columns.map((c) => ['行政诉讼', '未经复议直接起诉', c]),
    ...columns.map((c) => ['行政诉讼', '复议后起诉', c]),
  ];
  const rows = headerRows(paths);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], [
    { label: '行政复议', colspan: 5, rowspan: 1 },
    { label: '行政诉讼', colspan: 10, rowspan: 1 },
  ]);
  assert.deepEqual(rows[1].slice(0, 1), [{ label: '结果维持', colspan: 1, rowspan: 2 }]);
  assert.deepEqual(rows[1].slice(5), [
    { label: '未经复议直接起诉', colspan: 5, rowspan: 1 },
    { label: '复议后起诉', colspan: 5, rowspan: 1 },
  ]);
  assert.equal(rows[2].length, 10);
});

test('t3 row headers span the rows of their groups', () => {
  const { depth, cells } = rowHeaders([
    ['一、本年新收'],
    ['三、本年度办理结果', '(一)予以公开'],
    ['三、本年度办理结果', '(三)不予公开', '1.属于国家秘密'],
    ['三、本年度办理结果', '(三)不予公开', '2.其他法律行政法规禁止公开'],
    ['三、本年度办理结果', '(七)总计'],
    ['四、结转下年度继续办理'],
  ]);
  assert.equal(depth, 3);
  assert.deepEqual(cells[0], [{ label: '一、本年新收', rowspan: 1, colspan: 3 }]);
  assert.deepEqual(cells[1], [
    { label: '三、本年度办理结果', rowspan: 4, colspan: 1 },
    { label: '(一)予以公开', rowspan: 1, colspan: 2 },
  ]);
  assert.deepEqual(cells[2], [
    { label: '(三)不予公开', rowspan: 2, colspan: 1 },
    { label: '1.属于国家秘密', rowspan: 1, colspan: 1 },
  ]);
  assert.deepEqual(cells[3], [{ label: '2.其他法律行政法规禁止公开', rowspan: 1, colspan: 1 }]);
  assert.deepEqual(cells[5], [{ label: '四、结转下年度继续办理', rowspan: 1, colspan: 3 }]);
});

test('code point spans become string indices past characters outside the BMP', () => {
  const plain = codePointIndex('规章 0');
  assert.equal(plain(3), 3);
  const text = '𠀀镇 12';  // U+20000 takes two UTF-16 units
  const index = codePointIndex(text);
  assert.equal(index(0), 0);
  assert.equal(index(1), 2);
  assert.equal(text.slice(index(3), index(5)), '12');
});

// A t3.outcome_sum failure in the natural persons' column, as the core reports it: about III.7 (its
// subject), with the outcomes taking part; and a t3.applicant_sum failure of row III.2.
const OUTCOME = {
  rule: 't3.outcome_sum', severity: 'error', status: 'failed', table: 't3', subject: ['t3.r3_7.natural'],
  cells: [{ id: 't3.r3_7.natural' }, { id: 't3.r3_1.natural' }, { id: 't3.r3_2.natural' }],
  message: { zh: 'a', en: 'a' },
};
const ROW = {
  rule: 't3.applicant_sum', severity: 'error', status: 'failed', table: 't3', subject: ['t3.r3_2.total'],
  cells: [{ id: 't3.r3_2.total' }, { id: 't3.r3_2.natural' }], message: { zh: 'b', en: 'b' },
};

test('a failing relation marks its subject failed and the cells taking part involved', () => {
  const states = cellStates({ findings: [OUTCOME] }, []);
  assert.deepEqual([...states].map(([id, s]) => [id, s.failed, s.involved]), [
    ['t3.r3_7.natural', true, false],
    ['t3.r3_1.natural', false, true],
    ['t3.r3_2.natural', false, true],
  ]);
});

test('without a subject (an older core), every cell of a failing relation is marked failed', () => {
  const { subject, ...old } = OUTCOME;
  const states = cellStates({ findings: [old] }, []);
  assert.deepEqual([...states.values()].map((s) => [s.failed, s.involved]), [[true, false], [true, false], [true, false]]);
});

test('a cell that is the subject of one failure and takes part in another is marked failed', () => {
  const both = { ...OUTCOME, cells: [...OUTCOME.cells, { id: 't3.r3_2.total' }] };
  const states = cellStates({ findings: [ROW, both] }, []);
  assert.equal(states.get('t3.r3_2.total').failed, true);
  assert.deepEqual(states.get('t3.r3_2.total').findings, [0, 1]);
  assert.equal(states.get('t3.r3_2.natural').failed, false);
  assert.equal(states.get('t3.r3_2.natural').involved, true);
});

test('a click on a cell selects the failure it is the subject of, else one it takes part in', () => {
  const report = { findings: [ROW, OUTCOME] };
  const states = cellStates(report, []);
  assert.equal(cellFinding(report, states, 't3.r3_7.natural'), 1);
  assert.equal(cellFinding(report, states, 't3.r3_2.total'), 0);
  assert.equal(cellFinding(report, states, 't3.r3_1.natural'), 1);
  assert.equal(cellFinding(report, states, 't3.r9.natural'), null);
});

test('findings are listed errors first, then warnings, then notes; by table within a severity', () => {
  const f = (severity, table) => ({ severity, table });
  const findings = [f('info', null), f('warning', 't3'), f('error', 't4'), f('info', 't2'), f('error', null), f('warning', null), f('error', 't4')];
  assert.deepEqual(findingOrder(findings), [4, 2, 6, 5, 1, 0, 3]);
});

const summary = (extra) => ({ errors: 0, warnings: 0, infos: 0, rules_unverifiable: 0, cells_found: 200, cells_expected: 200, ...extra });

test('the verdict is the core\'s; an older core\'s is read from its counts', () => {
  assert.equal(verdictOf({ summary: summary({ verdict: 'incomplete', errors: 0 }), cells: {} }), 'incomplete');
  assert.equal(verdictOf({ summary: summary({ errors: 2 }), cells: {} }), 'fail');
  assert.equal(verdictOf({ summary: summary({ rules_unverifiable: 3 }), cells: {} }), 'incomplete');
  assert.equal(verdictOf({ summary: summary({ cells_found: 150 }), cells: {} }), 'incomplete');
  assert.equal(verdictOf({ summary: summary(), cells: { 't3.r1.natural': { kind: 'blank' } } }), 'incomplete');
  assert.equal(verdictOf({ summary: summary({ warnings: 2 }), cells: { 't3.r1.natural': { kind: 'number' } } }), 'pass');
});

test('the verdict line is the core\'s message in the language shown, else the page\'s words', () => {
  const report = { summary: summary({ verdict: 'pass', warnings: 2, verdict_message: { zh: '通过（2 个警告）', en: 'Passed (2 warnings)' } }) };
  assert.equal(verdictMessage(report, STRINGS['zh-CN'], 'zh-CN'), '通过（2 个警告）');
  assert.equal(verdictMessage(report, STRINGS.en, 'en'), 'Passed (2 warnings)');
  assert.equal(verdictMessage({ summary: summary({ errors: 3 }), cells: {} }, STRINGS['zh-CN'], 'zh-CN'), '3 个错误');
});

test('several reports: the worst verdict, fail over incomplete over pass; added to the widget\'s answer', () => {
  const r = (verdict) => ({ summary: summary({ verdict }), cells: {} });
  assert.equal(worstVerdict({ ...r('pass'), other_reports: [r('incomplete'), r('pass')] }), 'incomplete');
  assert.equal(worstVerdict({ ...r('incomplete'), other_reports: [r('fail')] }), 'fail');
  assert.equal(worstVerdict(r('pass')), 'pass');
  assert.equal(worstVerdict({ error: { code: 'not_a_report' } }), null);
  const result = { ...r('incomplete'), other_reports: [r('fail')] };
  assert.equal(withVerdict(result), result, 'the same object');
  assert.equal(result.verdict, 'fail');
  assert.deepEqual(withVerdict({ error: { code: 'x' } }), { error: { code: 'x' } });
});
