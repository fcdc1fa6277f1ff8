#!/usr/bin/env node
// Builds tests/fixtures/formats/NNN.html from the five sample reports: each report as a government body
// publishes it on its web site — the title, the prose and the section headings as paragraphs, and the three
// tables as real HTML tables in the layout of the State Council's template (国办公开办函〔2019〕60号 or
// 〔2021〕30号), with the template's merged header and label cells.
//
// The cell values are the native CLI's reading of each text sample (`gouji check --format json`): each
// cell holds its `raw` text, so a blank stays blank and an odd value ("5630元") stays as written. The
// table layout is the version the core found for that table. The prose is the sample's own decoded text
// with the tables cut out, one <p> per non-empty line. The test compares each format's cells with the
// text sample's cells.
//
//   node tools/make-format-fixtures.mjs [SAMPLES_DIR] [OUT_DIR]
//
// GOUJI=path/to/gouji picks the CLI (default build/native/gouji). No npm dependencies (Node 20).
// tools/make-format-fixtures.sh runs this and then converts the HTML files to .docx and .pdf.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samplesDir = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'samples'));
const outDir = resolve(process.argv[3] ?? join(repo, 'tests', 'fixtures', 'formats'));
const gouji = resolve(process.env.GOUJI ?? join(repo, 'build', 'native', 'gouji'));

// ---------------------------------------------------------------------------------------------------
// The template's text, as the State Council prints it (full-width punctuation; the core reads it after
// NFKC, which makes it the ASCII text of shared/spec/report-format.md).

const T3_RULE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const T3_COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
const T4_GROUPS = ['review', 'suit_direct', 'suit_after'];
const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const T4_COLUMN_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

// Table t2: blocks of [title, header labels, rows [id, label], column IDs]. The last header label and the
// last value of a row span the columns the block does not use (the template's table is 4 columns wide).
const T2_LAYOUTS = {
  2019: [
    ['第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      [['regulations', '规章'], ['normative', '规范性文件']], ['made', 'published', 'total_public']],
    ['第二十条第（五）项', ['上一年项目数量', '本年增/减', '处理决定数量'],
      [['licensing', '行政许可'], ['other_services', '其他对外管理服务事项']], ['prev_count', 'delta', 'decisions']],
    ['第二十条第（六）项', ['上一年项目数量', '本年增/减', '处理决定数量'],
      [['penalty', '行政处罚'], ['enforcement', '行政强制']], ['prev_count', 'delta', 'decisions']],
    ['第二十条第（八）项', ['上一年项目数量', '本年增/减'],
      [['fees', '行政事业性收费']], ['prev_count', 'delta']],
    ['第二十条第（九）项', ['采购项目数量', '采购总金额'],
      [['procurement', '政府集中采购']], ['projects', 'amount']],
  ],
  2021: [
    ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'],
      [['regulations', '规章'], ['normative', '行政规范性文件']], ['issued', 'repealed', 'in_force']],
    ['第二十条第（五）项', ['本年处理决定数量'], [['licensing', '行政许可']], ['decisions']],
    ['第二十条第（六）项', ['本年处理决定数量'],
      [['penalty', '行政处罚'], ['enforcement', '行政强制']], ['decisions']],
    ['第二十条第（八）项', ['本年收费金额（单位：万元）'], [['fees', '行政事业性收费']], ['amount']],
  ],
};

// Table t3's rows: [id, label, group label (the (三)…(六) rows), or null].
function t3Rows(version) {
  const rows = [
    ['r3_1', '（一）予以公开', null],
    ['r3_2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', null],
    ['r3_3_1', '1.属于国家秘密', '（三）不予公开'],
    ['r3_3_2', '2.其他法律行政法规禁止公开', '（三）不予公开'],
    ['r3_3_3', '3.危及“三安全一稳定”', '（三）不予公开'],
    ['r3_3_4', '4.保护第三方合法权益', '（三）不予公开'],
    ['r3_3_5', '5.属于三类内部事务信息', '（三）不予公开'],
    ['r3_3_6', '6.属于四类过程性信息', '（三）不予公开'],
    ['r3_3_7', '7.属于行政执法案卷', '（三）不予公开'],
    ['r3_3_8', '8.属于行政查询事项', '（三）不予公开'],
    ['r3_4_1', '1.本机关不掌握相关政府信息', '（四）无法提供'],
    ['r3_4_2', '2.没有现成信息需要另行制作', '（四）无法提供'],
    ['r3_4_3', '3.补正后申请内容仍不明确', '（四）无法提供'],
    ['r3_5_1', '1.信访举报投诉类申请', '（五）不予处理'],
    ['r3_5_2', '2.重复申请', '（五）不予处理'],
    ['r3_5_3', '3.要求提供公开出版物', '（五）不予处理'],
    ['r3_5_4', '4.无正当理由大量反复申请', '（五）不予处理'],
    ['r3_5_5', '5.要求行政机关确认或重新出具已获取信息', '（五）不予处理'],
  ];
  if (version === '2019') {
    rows.push(['r3_6', '（六）其他处理', null]);
  } else {
    rows.push(
      ['r3_6_1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '（六）其他处理'],
      ['r3_6_2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '（六）其他处理'],
      ['r3_6_3', '3.其他', '（六）其他处理'],
    );
  }
  rows.push(['r3_7', '（七）总计', null]);
  return rows;
}

// ---------------------------------------------------------------------------------------------------

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attrs(a) {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== 1)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
}

// One cell: a <td>, as Word and CMS editors write header, label and value cells alike; header cells bold.
function td(text, { colspan, rowspan, bold = false, align = 'center', width } = {}) {
  const inner = text === '' ? '' : bold ? `<b>${esc(text)}</b>` : esc(text);
  return `<td${attrs({ colspan, rowspan, align, width })}>${inner}</td>`;
}

// page-break-inside: avoid keeps each table on one page of the PDF (LibreOffice honours it), so no merged
// label cell is cut in two by a page break.
function tableOpen(id, caption) {
  return `<table id="${id}" border="1" cellspacing="0" cellpadding="4" width="100%" summary="${esc(caption)}" style="page-break-inside: avoid">`;
}

class Cells {
  constructor(json, labelOverrides) {
    this.cells = json.cells;
    this.labels = labelOverrides;
  }
  // The cell's raw text; '' for a blank cell or one the sample lacks.
  raw(id) {
    const cell = this.cells[id];
    return cell ? cell.raw : '';
  }
  label(id, text) {
    return this.labels.get(id) ?? text;
  }
}

function renderT2(version, cells) {
  const out = [tableOpen('t2', '主动公开政府信息情况')];
  for (const [title, headers, rows, columns] of T2_LAYOUTS[version]) {
    const lastSpan = 4 - headers.length; // the last column spans what the block leaves unused
    out.push(`<tr>${td(title, { colspan: 4, bold: true })}</tr>`);
    out.push(
      '<tr>' + td('信息内容', { bold: true, width: '28%' }) +
        headers.map((h, i) => td(h, { bold: true, colspan: i === headers.length - 1 ? lastSpan : 1 })).join('') +
        '</tr>',
    );
    for (const [rowId, label] of rows) {
      out.push(
        '<tr>' + td(cells.label(`t2.${rowId}`, label)) +
          columns
            .map((c, i) => td(cells.raw(`t2.${rowId}.${c}`), { colspan: i === columns.length - 1 ? lastSpan : 1 }))
            .join('') +
          '</tr>',
      );
    }
  }
  out.push('</table>');
  return out.join('\n');
}

function renderT3(version, cells) {
  const rows = t3Rows(version);
  const values = (rowId) => T3_COLUMNS.map((c) => td(cells.raw(`t3.${rowId}.${c}`))).join('');
  const out = [tableOpen('t3', '收到和处理政府信息公开申请情况')];
  out.push(
    '<tr>' + td(T3_RULE, { colspan: 3, rowspan: 3, bold: true, width: '36%' }) +
      td('申请人情况', { colspan: 7, bold: true }) + '</tr>',
  );
  out.push(
    '<tr>' + td('自然人', { rowspan: 2, bold: true }) + td('法人或其他组织', { colspan: 5, bold: true }) +
      td('总计', { rowspan: 2, bold: true }) + '</tr>',
  );
  out.push('<tr>' + ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => td(h, { bold: true })).join('') + '</tr>');
  out.push('<tr>' + td(cells.label('t3.r1', '一、本年新收政府信息公开申请数量'), { colspan: 3, align: 'left' }) + values('r1') + '</tr>');
  out.push('<tr>' + td(cells.label('t3.r2', '二、上年结转政府信息公开申请数量'), { colspan: 3, align: 'left' }) + values('r2') + '</tr>');
  rows.forEach(([rowId, label, group], i) => {
    let tr = '<tr>';
    if (i === 0) tr += td('三、本年度办理结果', { rowspan: rows.length });
    if (group === null) {
      tr += td(cells.label(`t3.${rowId}`, label), { colspan: 2, align: 'left' });
    } else {
      if (rows[i - 1][2] !== group) {
        tr += td(group, { rowspan: rows.filter((r) => r[2] === group).length });
      }
      tr += td(cells.label(`t3.${rowId}`, label), { align: 'left' });
    }
    out.push(tr + values(rowId) + '</tr>');
  });
  out.push('<tr>' + td(cells.label('t3.r4', '四、结转下年度继续办理'), { colspan: 3, align: 'left' }) + values('r4') + '</tr>');
  out.push('</table>');
  return out.join('\n');
}

function renderT4(cells) {
  const out = [tableOpen('t4', '政府信息公开行政复议、行政诉讼情况')];
  out.push('<tr>' + td('行政复议', { colspan: 5, bold: true }) + td('行政诉讼', { colspan: 10, bold: true }) + '</tr>');
  out.push(
    '<tr>' + T4_COLUMN_LABELS.map((h) => td(h, { rowspan: 2, bold: true })).join('') +
      td('未经复议直接起诉', { colspan: 5, bold: true }) + td('复议后起诉', { colspan: 5, bold: true }) + '</tr>',
  );
  out.push('<tr>' + [...T4_COLUMN_LABELS, ...T4_COLUMN_LABELS].map((h) => td(h, { bold: true })).join('') + '</tr>');
  out.push(
    '<tr>' + T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => td(cells.raw(`t4.${g}.${c}`)))).join('') + '</tr>',
  );
  out.push('</table>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------

const nfkc = (s) => s.normalize('NFKC').replace(/\s+/g, '');
const stripPunct = (s) => nfkc(s).replace(/[\p{P}\p{S}]/gu, '');

// Row labels the sample writes differently from the template (label.deviation findings): the sample's
// own text goes in the table, so the HTML reads as the text does. Keyed "tN.rowId".
function labelOverrides(json, chars) {
  const overrides = new Map();
  const candidates = [];
  for (const version of ['2019', '2021']) {
    for (const [, , rows] of T2_LAYOUTS[version]) for (const [id, label] of rows) candidates.push(['t2', id, label]);
    for (const [id, label] of t3Rows(version)) candidates.push(['t3', id, label]);
  }
  candidates.push(['t3', 'r1', '一、本年新收政府信息公开申请数量'], ['t3', 'r2', '二、上年结转政府信息公开申请数量'],
    ['t3', 'r4', '四、结转下年度继续办理']);
  for (const f of json.findings) {
    if (f.rule !== 'label.deviation' || !f.span || (f.table !== 't2' && f.table !== 't3')) continue;
    const text = chars.slice(f.span[0], f.span[1]).join('').trim();
    const key = stripPunct(text);
    // The template's row label that shares the longest prefix with the sample's.
    let best = null;
    let bestLen = 0;
    for (const [table, id, label] of candidates) {
      if (table !== f.table) continue;
      const l = stripPunct(label);
      let n = 0;
      while (n < l.length && n < key.length && l[n] === key[n]) n++;
      if (n > bestLen) [best, bestLen] = [`${table}.${id}`, n];
    }
    if (best && bestLen >= 4) overrides.set(best, text);
    else throw new Error(`label.deviation at ${f.span}: no row for "${text}"`);
  }
  return overrides;
}

function runGouji(file) {
  const r = spawnSync(gouji, ['check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${gouji}: ${r.error.message} (build it first, or set GOUJI)`);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${gouji} check ${file}: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

function buildHtml(file) {
  const json = runGouji(file);
  const report = json.report;
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const chars = Array.from(text); // spans are code-point offsets into the decoded text
  if (chars.length !== json.input.characters) {
    throw new Error(`${file}: ${chars.length} code points, the CLI decoded ${json.input.characters}`);
  }
  const lineStart = (i) => { while (i > 0 && chars[i - 1] !== '\n') i--; return i; };
  const lineEnd = (i) => { while (i < chars.length && chars[i] !== '\n') i++; return i; };
  const sections = new Map(report.sections.filter((s) => s.found).map((s) => [s.number, s.span]));

  // Each table's cut: from the line after its section's heading (the header rows precede the table's span,
  // which begins at its first row label) to the end of the line its span ends on.
  const cuts = [];
  for (const [table, section] of [['t2', 2], ['t3', 3], ['t4', 4]]) {
    const t = report.tables[table];
    if (!t.found) throw new Error(`${file}: ${table} not found`);
    let begin = lineStart(t.span[0]);
    const heading = sections.get(section);
    if (heading && heading[1] <= t.span[0]) {
      const afterHeading = lineEnd(heading[1]) + 1;
      const header = chars.slice(afterHeading, begin).join('');
      // The header rows hold no prose; stop if they seem to (a sentence).
      if (/[。；]/.test(header)) throw new Error(`${file}: prose between the ${table} heading and the table:\n${header}`);
      begin = Math.min(begin, afterHeading);
    }
    cuts.push({ table, version: t.template, begin, end: lineEnd(t.span[1]) });
  }

  const cells = new Cells(json, labelOverrides(json, chars));
  const render = { t2: (v) => renderT2(v, cells), t3: (v) => renderT3(v, cells), t4: () => renderT4(cells) };
  const title = report.title;
  const body = [];
  const prose = (from, to) => {
    let i = from;
    while (i < to) {
      const e = Math.min(lineEnd(i), to);
      const raw = chars.slice(i, e).join('');
      const line = raw.trim();
      if (line !== '') {
        const heading = [...sections.values()].find(([b, en]) => b >= i && en <= e && line.length <= en - b + 2);
        if (title && nfkc(line) === nfkc(title)) body.push(`<h1 align="center">${esc(line)}</h1>`);
        else if (heading) body.push(`<h2>${esc(line)}</h2>`);
        else body.push(`<p>${esc(line)}</p>`);
      }
      i = e + 1;
    }
  };
  let at = 0;
  for (const cut of cuts) {
    prose(at, cut.begin);
    body.push(render[cut.table](cut.version));
    at = cut.end;
  }
  prose(at, chars.length);

  const name = basename(file, '.txt');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title ?? name)}</title>
<style>
@page { size: 21cm 29.7cm; margin: 2.5cm 2cm; }
body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 12pt; }
h1 { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 18pt; text-align: center; }
h2 { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 13pt; page-break-after: avoid; }
p { font-family: "WenQuanYi Zen Hei", sans-serif; text-indent: 24pt; }
table { border-collapse: collapse; }
td { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 9pt; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

mkdirSync(outDir, { recursive: true });
const samples = readdirSync(samplesDir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
if (samples.length === 0) throw new Error(`no samples in ${samplesDir}`);
for (const f of samples) {
  const html = buildHtml(join(samplesDir, f));
  const out = join(outDir, `${f.slice(0, 3)}.html`);
  writeFileSync(out, html);
  console.log(`${out}  ${Buffer.byteLength(html)} bytes`);
}
