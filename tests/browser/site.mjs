// Fixtures for the checker's browser tests: the built site, the sample reports and their golden JSON.
//
// The site is built from the working tree (web/, build/wasm/web, ../shared/samples) into
// build/browser-tests/site, and rebuilt only when one of those inputs changed since the last
// build (a hash of them is kept beside it), so the tests always run the current page without
// paying for web/build.mjs's brotli pass on every run. GOUJI_SITE=DIR uses a ready-built site
// instead, as is.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { REPO_ROOT } from './harness.mjs';

export const SAMPLES_DIR = resolve(REPO_ROOT, '..', 'shared', 'samples');
export const GOLDEN_DIR = resolve(REPO_ROOT, 'tests', 'golden');
const WEB_DIR = resolve(REPO_ROOT, 'web');
const WASM_DIR = resolve(REPO_ROOT, 'build', 'wasm', 'web');
const OUT_PARENT = resolve(REPO_ROOT, 'build', 'browser-tests');
const OUT = join(OUT_PARENT, 'site');

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

/** The folder to serve: GOUJI_SITE, or build/browser-tests/site (built now when out of date). */
export function builtSite() {
  if (process.env.GOUJI_SITE) return resolve(process.env.GOUJI_SITE);
  for (const file of ['gouji.mjs', 'gouji.wasm']) {
    if (!existsSync(join(WASM_DIR, file))) throw new Error(`${join(WASM_DIR, file)} is missing: build the wasm preset first`);
  }
  // web/node_modules (pdf.js) is what web/package-lock.json, one of web/'s files, says it is.
  const webFiles = files(WEB_DIR).filter((f) => !f.startsWith(join(WEB_DIR, 'node_modules') + sep));
  const inputs = [...webFiles, ...files(WASM_DIR), ...files(SAMPLES_DIR).filter((f) => f.endsWith('.txt'))];
  const args = [join(WEB_DIR, 'build.mjs'), '--wasm', WASM_DIR, '--icu', icuPrefix(), '--samples', SAMPLES_DIR,
    '--out', OUT, '--budget', '100000'];
  const hash = createHash('sha256').update(args.join('\0'));
  for (const file of inputs) hash.update(file).update('\0').update(readFileSync(file));
  const digest = hash.digest('hex');
  const stamp = join(OUT_PARENT, 'inputs.sha256');
  if (existsSync(join(OUT, 'sw.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return OUT;
  mkdirSync(OUT_PARENT, { recursive: true });
  try {
    execFileSync(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    throw new Error(`building the site failed (set GOUJI_SITE=DIR to test a site built already):\n${error.stderr}`);
  }
  writeFileSync(stamp, digest);
  return OUT;
}

// The ICU data prefix web/build.mjs wants for its on-demand files: GOUJI_ICU_WASM_PREFIX, else the
// newest finished prefix under the cache that scripts/build-icu-wasm.sh fills (it is not run here:
// it may have to build ICU).
export function icuPrefix() {
  if (process.env.GOUJI_ICU_WASM_PREFIX) return process.env.GOUJI_ICU_WASM_PREFIX;
  const cache = process.env.GOUJI_CACHE || join(process.env.HOME || '/tmp', '.cache', 'gouji');
  const found = (existsSync(cache) ? readdirSync(cache) : [])
    .filter((name) => /^icu-wasm-[\d.]+-[0-9a-f]+$/.test(name))
    .map((name) => join(cache, name))
    .filter((dir) => existsSync(join(dir, '.complete')) && existsSync(join(dir, 'share', 'gouji-gb18030.dat')))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found.length) throw new Error(`no finished ICU prefix with share/gouji-gb18030.dat under ${cache}: run scripts/build-icu-wasm.sh or set GOUJI_ICU_WASM_PREFIX`);
  return found[0];
}

/** The sample reports that have both a text under ../shared/samples and a golden JSON. */
export function samples() {
  if (!existsSync(SAMPLES_DIR)) return [];
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.txt') && existsSync(join(GOLDEN_DIR, f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      return {
        name,
        number: name.slice(0, 3),
        file: join(SAMPLES_DIR, file),
        text: readFileSync(join(SAMPLES_DIR, file), 'utf8'),
        golden: JSON.parse(readFileSync(join(GOLDEN_DIR, `${name}.json`), 'utf8')),
      };
    });
}

/** The page's own strings (web/i18n.js), loaded as a module whatever node thinks of web/*.js. */
export async function pageStrings() {
  const source = readFileSync(join(WEB_DIR, 'i18n.js'), 'utf8');
  return (await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'))).STRINGS;
}

/** `text` with the code points [begin, end) replaced (the core's spans count code points). */
export function replaceSpan(text, [begin, end], replacement) {
  const points = Array.from(text);
  return { before: points.slice(begin, end).join(''), text: [...points.slice(0, begin), replacement, ...points.slice(end)].join('') };
}

/** What the page must show for each cell of `golden`, keyed by cell ID: of a failing relation, the
 * cells it is about (its `subject`) are failed, the others taking part `involved`. */
export function expectedCells(golden) {
  const failed = new Set();
  const takesPart = new Set();
  const unverifiable = new Set();
  for (const finding of golden.findings) {
    for (const cell of finding.cells) {
      if (finding.status === 'failed' || finding.rule === 'cell.not_number' || finding.rule === 'cell.negative') {
        if (!finding.subject || finding.subject.includes(cell.id)) failed.add(cell.id);
        else takesPart.add(cell.id);
      } else if (finding.status === 'unverifiable') unverifiable.add(cell.id);
    }
  }
  const expected = new Map();
  for (const [id, cell] of Object.entries(golden.cells)) {
    const value = cell.kind === 'number' ? (cell.unit ? cell.raw : String(cell.value)) : cell.kind === 'text' ? cell.raw : '';
    expected.set(id, {
      value,
      blank: cell.kind === 'blank',
      failed: failed.has(id),
      involved: takesPart.has(id) && !failed.has(id),
      unverifiable: unverifiable.has(id) && !failed.has(id) && cell.kind !== 'blank',
    });
  }
  return expected;
}

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Sample 004 (as `samples()` gives it) with t3.r1.natural changed from 4 to 5, through the golden
 * cell's span: {text, span}. */
export function mutated004(s) {
  const cell = s.golden.cells['t3.r1.natural'];
  const { before, text } = replaceSpan(s.text, cell.span, '5');
  if (before !== cell.raw || cell.raw !== '4') {
    throw new Error(`sample 004: t3.r1.natural should be "4" at its golden span, found "${before}"`);
  }
  return { text, span: cell.span };
}
