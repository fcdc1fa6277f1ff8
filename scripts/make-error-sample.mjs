#!/usr/bin/env node
// Writes web/samples/error-t4-sum.txt: the page's "含错误的示例" (sample with an error), a real
// report with one number changed so that exactly one relation fails.
//
//   node scripts/make-error-sample.mjs [--samples ../shared/samples] [--check]
//
// From sample 004 (大涌镇 2022, 2021 format, a cell per line, every rule holds: its README says t4
// is all 0), t4.review.upheld (行政复议 · 结果维持) goes from 0 to 1 while the row's total stays 0 —
// the slip reviewers see most, a part updated and its total not (one of the published PDFs in
// ../shared/samples/pdf has two of them). Of the rules, only t4.sum reads that cell, and only its
// review row: the check fails with one error, t4.sum on t4.review.total, and nothing else changes.
// The cell is found by its span in the reviewed golden JSON of the sample, and must read "0" there.
// Deterministic: the same inputs give the same bytes; --check fails if the committed file differs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const i = args.indexOf('--samples');
const samples = i >= 0 ? args[i + 1] : join(root, '..', 'shared', 'samples');
const SOURCE = '004_';
const CELL = 't4.review.upheld';
const FROM = '0';
const TO = '1';
const OUT = join(root, 'web', 'samples', 'error-t4-sum.txt');

const file = readdirSync(samples).find((f) => f.startsWith(SOURCE) && f.endsWith('.txt'));
if (!file) throw new Error(`no sample ${SOURCE}*.txt in ${samples}`);
const text = readFileSync(join(samples, file), 'utf8');
const golden = JSON.parse(readFileSync(join(root, 'tests', 'golden', file.replace(/\.txt$/, '.json')), 'utf8'));
const cell = golden.cells[CELL];
const points = Array.from(text);  // spans count code points
const [begin, end] = cell.span;
const before = points.slice(begin, end).join('');
if (before !== FROM || cell.raw !== FROM) throw new Error(`${file}: ${CELL} should read "${FROM}" at ${begin}, found "${before}"`);
const out = [...points.slice(0, begin), TO, ...points.slice(end)].join('');
if (args.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== out) {
    console.error(`${OUT} is not what scripts/make-error-sample.mjs makes: run it again`);
    process.exit(1);
  }
} else {
  writeFileSync(OUT, out);
  console.log(`wrote ${OUT}: ${file} with ${CELL} ${FROM} -> ${TO} at code point ${begin}`);
}
