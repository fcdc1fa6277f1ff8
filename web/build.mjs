// Assembles the static checker: web/ sources, the WebAssembly core and the sample reports, into a
// folder that any web server can serve from any path. Writes the service worker's asset list and
// build version, and measures the first load against the size budget.
//
//   node web/build.mjs --wasm build/wasm/web --icu ICU_PREFIX --samples ../shared/samples --out build/site
//                      [--budget 300] [--web SOURCE_DIR]
//
// pdf.js comes from web/node_modules (web/install.sh puts it there, as web/package-lock.json pins it).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const wasmDir = option('--wasm', 'build/wasm/web');
const samplesDir = option('--samples', join(here, '..', '..', 'shared', 'samples'));
const out = option('--out', 'build/site');
const budgetKB = Number(option('--budget', '300'));
// The page's sources (this folder unless given: a test builds a changed copy as a new version).
const webDir = option('--web', here);

const SOURCES = ['index.html', 'app.js', 'checker-client.js', 'core-runner.js', 'i18n.js', 'pdf-text.js', 'render.js',
  'worker.js', 'styles.css', 'components.css',
  'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png'];
const CORE = ['gouji.mjs', 'gouji.wasm'];
// Fetched only when a file needs it (see worker.js), so neither precached nor in the budget.
const ON_DEMAND = ['gouji-gb18030.dat'];
// pdf.js, imported by pdf-text.js only when a PDF is opened: likewise neither precached nor in the
// budget (the service worker keeps what was fetched). From pdfjs-dist: the library, its worker,
// the predefined CMaps (fetched one by one, only for text in fonts that use them) and the license.
// No standard_fonts: text positions come from the PDF's widths or pdf.js's built-in metrics.
const PDF_DIR = 'pdf';
// The page's PDF reader (it imports pdf.js from pdf/): on demand like pdf.js.
const PDF_READER = 'pdf-text.js';
const PDFJS_DIST = join(here, 'node_modules', 'pdfjs-dist');
const PDFJS_FILES = [['build/pdf.min.mjs', 'pdf.min.mjs'], ['build/pdf.worker.min.mjs', 'pdf.worker.min.mjs'],
  ['cmaps', 'cmaps'], ['LICENSE', 'LICENSE']];
const icuPrefix = option('--icu', process.env.GOUJI_ICU_WASM_PREFIX || '');
// The embeddable widget: these modules, in this order, bundled into one classic script.
const WIDGET_MODULES = ['checker-client.js', 'core-runner.js', 'i18n.js', 'render.js', 'widget.js'];
const WIDGET = 'gouji-widget.js';
const DEMO = 'demo';

// pdf.js, as web/package.json pins it.
function checkPdfjs() {
  const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies['pdfjs-dist'];
  const installed = existsSync(join(PDFJS_DIST, 'package.json'))
    ? JSON.parse(readFileSync(join(PDFJS_DIST, 'package.json'), 'utf8')).version : null;
  if (installed !== pinned) {
    console.error(`build.mjs: ${installed ? `pdfjs-dist ${installed} is installed, not ${pinned}` : `${PDFJS_DIST} is missing`}` +
      `: run web/install.sh`);
    process.exit(1);
  }
}
checkPdfjs();

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'icons'), { recursive: true });
for (const file of SOURCES) cpSync(join(webDir, file), join(out, file));
for (const file of CORE) {
  if (!existsSync(join(wasmDir, file))) {
    console.error(`build.mjs: ${join(wasmDir, file)} is missing: build the wasm preset first`);
    process.exit(1);
  }
  cpSync(join(wasmDir, file), join(out, file));
}
for (const file of ON_DEMAND) {
  const from = join(icuPrefix, 'share', file);
  if (!icuPrefix || !existsSync(from)) {
    console.error(`build.mjs: ${from} is missing: pass --icu PREFIX (scripts/build-icu-wasm.sh prints it)`);
    process.exit(1);
  }
  cpSync(from, join(out, file));
}
for (const [from, to] of PDFJS_FILES) cpSync(join(PDFJS_DIST, from), join(out, PDF_DIR, to), { recursive: true });
// One script for a CMS page: the modules without their import and export lines, in one function
// scope, with the widget's styles as a string for a constructable stylesheet.
function bundleWidget() {
  // rem inside a shadow root is still the host page's root size (a CMS may set any): the widget's
  // sizes are fixed to what the page shows with the usual 16px root.
  const css = ['components.css', 'widget.css'].map((f) => readFileSync(join(webDir, f), 'utf8')).join('\n')
    .replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+n * 16}px`);
  const body = WIDGET_MODULES.map((file) => {
    const source = readFileSync(join(webDir, file), 'utf8')
      .replace(/^import\s[\s\S]*?\sfrom\s+'[^']+';\n/gm, '')
      .replace(/^export\s+(?=(async\s+)?(function|class|const|let)\b)/gm, '');
    return `// ---- ${file}\n${source}`;
  }).join('\n');
  if (!body.includes("'__GOUJI_WIDGET_CSS__'")) throw new Error('widget.js lost its styles placeholder');
  return `// gouji-widget.js: <gouji-checker> and window.gouji (built by web/build.mjs; see docs/embedding.md)\n` +
    `(function () {\n'use strict';\n${body.replace("'__GOUJI_WIDGET_CSS__'", JSON.stringify(css))}\n})();\n`;
}
writeFileSync(join(out, WIDGET), bundleWidget());
cpSync(join(webDir, DEMO), join(out, DEMO), { recursive: true });

const samples = existsSync(samplesDir) ? readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort() : [];
mkdirSync(join(out, 'samples'), { recursive: true });
for (const file of samples) cpSync(join(samplesDir, file), join(out, 'samples', file));
writeFileSync(join(out, 'samples', 'index.json'), JSON.stringify(samples));
if (samples.length === 0) console.warn(`build.mjs: no samples under ${samplesDir}; the page will offer none`);

// Every file of the build, and a version that changes when any of them does.
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(out, path)];
  }).sort();
}
// The page's files: not the on-demand data or the PDF reader (pdf-text.js and pdf.js), nor the
// widget and its demo, which are other entry points.
const pdfFiles = walk(out).filter((file) => file.startsWith(`${PDF_DIR}/`) || file === PDF_READER);
const files = walk(out).filter((file) => !ON_DEMAND.includes(file) && !pdfFiles.includes(file) &&
  file !== WIDGET && !file.startsWith(`${DEMO}/`));
// The PDF reader is in the version too: its files are kept in the build's cache once fetched, so
// another reader must come with another cache.
const hash = createHash('sha256');
for (const file of [...files, ...pdfFiles]) hash.update(file).update(readFileSync(join(out, file)));
const version = hash.digest('hex').slice(0, 12);
// Each asset with its hash: the service worker installs a build only if every file it fetched is
// that build's (a deploy landing mid-install must not mix two builds in one cache).
const integrity = (file) => `sha256-${createHash('sha256').update(readFileSync(join(out, file))).digest('base64')}`;
const assets = [{ url: './', integrity: integrity('index.html') }, ...files.map((file) => ({ url: file, integrity: integrity(file) }))];
const worker = readFileSync(join(webDir, 'sw.js'), 'utf8')
  .replace('__GOUJI_VERSION__', version)
  .replace('__GOUJI_ASSETS__', JSON.stringify(assets));
writeFileSync(join(out, 'sw.js'), worker);
writeFileSync(join(out, 'version.json'), JSON.stringify({ version }));

// The first load is everything the service worker fetches: every file of the build.
const rows = [...files, 'sw.js', 'version.json'].map((file) => {
  const bytes = readFileSync(join(out, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const pad = (s, n) => String(s).padStart(n);
console.log(`${'asset'.padEnd(34)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
for (const r of rows) console.log(`${r.file.padEnd(34)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
console.log(`${'first load, total'.padEnd(34)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
// The PDF reader's sizes (pdf-text.js and pdf.js), computed once per version of them (compressing
// pdf.js's 3 MB takes seconds) and kept in web/node_modules/.cache.
function pdfSizes() {
  const key = createHash('sha256');
  for (const file of pdfFiles) key.update(file).update(readFileSync(join(out, file)));
  const digest = key.digest('hex');
  const cacheFile = join(here, 'node_modules', '.cache', 'gouji-pdf-sizes.json');
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    if (cached.digest === digest) return cached.sizes;
  } catch {
    // not measured yet
  }
  const sizes = { files: pdfFiles.length, raw: 0, gzip: 0, brotli: 0 };
  for (const file of pdfFiles) {
    const bytes = readFileSync(join(out, file));
    sizes.raw += bytes.length;
    sizes.gzip += gzipSync(bytes, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ digest, sizes }));
  } catch {
    // a read-only node_modules: measure again next time
  }
  return sizes;
}
const pdf = pdfSizes();
console.log(`${`PDF reader on demand (${pdf.files} files)`.padEnd(34)}${pad(pdf.raw, 10)}${pad(pdf.gzip, 10)}${pad(pdf.brotli, 10)}`);
const widgetBytes = readFileSync(join(out, WIDGET));
const widget = {
  raw: widgetBytes.length,
  gzip: gzipSync(widgetBytes, { level: 9 }).length,
  brotli: brotliCompressSync(widgetBytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
};
console.log(`${'widget script (wasm and data excluded)'.padEnd(34)}${pad(widget.raw, 10)}${pad(widget.gzip, 10)}${pad(widget.brotli, 10)}`);
writeFileSync(join(out, '..', 'site-sizes.json'), JSON.stringify({ version, total, rows, widget, pdf }, null, 1));
console.log(`build.mjs: built ${out} (version ${version})`);
if (total.brotli > budgetKB * 1024) {
  console.error(`build.mjs: the first load is ${(total.brotli / 1024).toFixed(1)} KB brotli, over the ${budgetKB} KB budget`);
  process.exit(3);
}
