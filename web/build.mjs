// Assembles the static checker: web/ sources, the WebAssembly core and the sample reports, into a
// folder that any web server can serve from any path. Bundles the scripts with esbuild (one entry
// point per output; what goes in follows the imports), writes the service worker's asset list and
// build version, and measures the first load against the size budget.
//
//   node web/build.mjs --wasm build/wasm/web --icu ICU_PREFIX --samples ../shared/samples --out build/site
//                      [--budget 300] [--web SOURCE_DIR]
//
// esbuild and pdf.js come from web/node_modules (web/install.sh puts them there, as
// web/package-lock.json pins them).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
const icuPrefix = option('--icu', process.env.GOUJI_ICU_WASM_PREFIX || '');

// Files copied as they are.
const STATIC = ['index.html', 'styles.css', 'components.css', 'manifest.webmanifest',
  'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png'];
// One output per entry point, each with what it imports. gouji.mjs (Emscripten's loader) is the
// core's, copied beside them: worker.js imports it, the widget's main-thread mode loads it at run time.
const ENTRIES = [
  { in: 'app.js', out: 'app.js', format: 'esm', target: 'es2022' },         // the page
  { in: 'worker.js', out: 'worker.js', format: 'esm', target: 'es2022' },   // the page's and the widget's worker
  { in: 'pdf-text.js', out: 'pdf-text.js', format: 'esm', target: 'es2022' }, // the PDF reader, on demand
  // A batch (many files, a folder, a zip), on demand: its view, its workers (the core's batch build)
  // and its XLSX writer (loaded on export only).
  { in: 'batch.js', out: 'batch.js', format: 'esm', target: 'es2022' },
  { in: 'batch-worker.js', out: 'batch-worker.js', format: 'esm', target: 'es2022' },
  { in: 'batch-xlsx.js', out: 'batch-xlsx.js', format: 'esm', target: 'es2022' },
  // <gouji-checker> for a CMS page: one classic script, no syntax beyond ES2020.
  { in: 'widget.js', out: 'gouji-widget.js', format: 'iife', target: 'es2020' },
];
const CORE = ['gouji.mjs', 'gouji.wasm', 'gouji-batch.mjs', 'gouji-batch.wasm'];
// Neither in the first load nor in the budget: loaded when a batch starts, and cached in the
// background like the PDF reader, so that a batch works offline too.
const BATCH = ['batch.js', 'batch-worker.js', 'batch-xlsx.js', 'gouji-batch.mjs', 'gouji-batch.wasm'];
// Fetched by the page only when a file needs it (see core-runner.js), so neither precached at
// install nor in the budget: the service worker caches it in the background once the page is ready.
const ON_DEMAND = ['gouji-gb18030.dat'];
// pdf.js, imported by pdf-text.js only when a PDF is opened: likewise not in the first load nor in
// the budget, and cached in the background like ON_DEMAND. From pdfjs-dist: the library, its worker,
// the predefined CMaps (fetched one by one, only for text in fonts that use them) and the license.
// No standard_fonts: text positions come from the PDF's widths or pdf.js's built-in metrics.
const PDF_DIR = 'pdf';
const PDF_READER = 'pdf-text.js';
const PDFJS_DIST = join(here, 'node_modules', 'pdfjs-dist');
const PDFJS_FILES = [['build/pdf.min.mjs', 'pdf.min.mjs'], ['build/pdf.worker.min.mjs', 'pdf.worker.min.mjs'],
  ['cmaps', 'cmaps'], ['LICENSE', 'LICENSE']];
const WIDGET = 'gouji-widget.js';
const DEMO = 'demo';

// A package of web/package.json, installed at the version it pins.
function pinned(name) {
  const json = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
  const want = (json.dependencies || {})[name] || (json.devDependencies || {})[name];
  const file = join(here, 'node_modules', name, 'package.json');
  const installed = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null;
  if (installed !== want) {
    console.error(`build.mjs: ${installed ? `${name} ${installed} is installed, not ${want}` : `${name} is missing`}` +
      `: run web/install.sh`);
    process.exit(1);
  }
}
pinned('pdfjs-dist');
pinned('esbuild');
pinned('write-excel-file');
const esbuild = createRequire(join(here, 'package.json'))('esbuild');

// The widget's styles, imported by widget.js as `gouji:widget-css` (a string, for a constructable
// stylesheet). rem inside a shadow root is still the host page's root size (a CMS may set any):
// the widget's sizes are fixed to what the page shows with the usual 16px root.
const widgetCss = {
  name: 'gouji-widget-css',
  setup(build) {
    build.onResolve({ filter: /^gouji:widget-css$/ }, (a) => ({ path: a.path, namespace: 'gouji' }));
    build.onLoad({ filter: /.*/, namespace: 'gouji' }, () => ({
      loader: 'text',
      watchFiles: ['components.css', 'widget.css'].map((f) => join(webDir, f)),
      contents: ['components.css', 'widget.css'].map((f) => readFileSync(join(webDir, f), 'utf8')).join('\n')
        .replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+n * 16}px`),
    }));
  },
};

async function bundle() {
  for (const entry of ENTRIES) {
    const result = await esbuild.build({
      entryPoints: [join(webDir, entry.in)],
      outfile: join(out, entry.out),
      bundle: true,
      format: entry.format,
      target: entry.target,
      minify: true,
      legalComments: 'none',
      // The core's loader stays a file of its own (built by Emscripten, loaded beside the wasm).
      external: ['./gouji.mjs', './gouji-batch.mjs'],
      // npm packages (write-excel-file) from web/node_modules, also for a copy built with --web.
      nodePaths: [join(here, 'node_modules')],
      plugins: [widgetCss],
      logLevel: 'error',
      metafile: true,
      charset: 'utf8',
    });
    // The modules that went into it (imported, and not shaken off as unused).
    const [output] = Object.values(result.metafile.outputs);
    entry.modules = Object.entries(output.inputs).filter(([, use]) => use.bytesInOutput > 0)
      .map(([path]) => (path.includes(':') ? path.slice(path.lastIndexOf(':') + 1) : relative(webDir, path)));
  }
  await esbuild.stop();
  // A classic script has no import.meta: esbuild would make it {} (a bug there, not an error).
  const widget = readFileSync(join(out, WIDGET), 'utf8');
  if (/\bimport\.meta\b|\bimportMeta\b/.test(widget)) throw new Error(`${WIDGET} uses import.meta`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'icons'), { recursive: true });
for (const file of STATIC) cpSync(join(webDir, file), join(out, file));
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
try {
  await bundle();
} catch (error) {
  console.error(`build.mjs: bundling failed: ${error.message}`);
  process.exit(1);
}
cpSync(join(webDir, DEMO), join(out, DEMO), { recursive: true });

// The sample reports: the shared ones, then the page's own (web/samples: the sample with an error,
// made by scripts/make-error-sample.mjs). index.json lists each file with its kind, what it shows
// (how its tables were flattened), which the page names in i18n.js (sampleNames).
const SAMPLE_KINDS = { '000': 'pipe', '001': 'tab-indented', '002': 'cell-spaced-blank', '003': 'hant-pinyin',
  '004': 'cell-spaced', error: 'error' };
const texts = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : []);
const shared = texts(samplesDir);
const own = texts(join(webDir, 'samples'));
const samples = [...shared.map((file) => [samplesDir, file]), ...own.map((file) => [join(webDir, 'samples'), file])];
mkdirSync(join(out, 'samples'), { recursive: true });
for (const [dir, file] of samples) cpSync(join(dir, file), join(out, 'samples', file));
writeFileSync(join(out, 'samples', 'index.json'), JSON.stringify(samples.map(([, file]) => {
  const kind = SAMPLE_KINDS[file.slice(0, 3)] || SAMPLE_KINDS[file.split('-')[0]];
  return kind ? { file, kind } : { file };
})));
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
// The sample texts, fetched only when their button is pressed (index.json, which names them, is
// in the first load): cached in the background like the PDF reader, so that they work offline too.
const sampleTexts = walk(out).filter((file) => file.startsWith('samples/') && file.endsWith('.txt'));
const files = walk(out).filter((file) => !ON_DEMAND.includes(file) && !pdfFiles.includes(file) && !BATCH.includes(file) &&
  !sampleTexts.includes(file) && file !== WIDGET && !file.startsWith(`${DEMO}/`));
// The PDF reader and the on-demand data are in the version too: they are kept in the build's
// cache, so another reader or other tables must come with another cache.
const later = [...ON_DEMAND, ...sampleTexts, ...pdfFiles, ...BATCH];
const hash = createHash('sha256');
for (const file of [...files, ...later]) hash.update(file).update(readFileSync(join(out, file)));
const version = hash.digest('hex').slice(0, 12);
// Each asset with its hash: the service worker installs a build only if every file it fetched is
// that build's (a deploy landing mid-install must not mix two builds in one cache).
const integrity = (file) => `sha256-${createHash('sha256').update(readFileSync(join(out, file))).digest('base64')}`;
const assets = [{ url: './', integrity: integrity('index.html') }, ...files.map((file) => ({ url: file, integrity: integrity(file) }))];
// What the service worker caches after the first load, with their hashes: a file of its own, so
// that the hashes are not in sw.js (not in the first load).
const LATER_LIST = 'later.json';
const laterList = JSON.stringify(later.map((file) => ({ url: file, integrity: integrity(file) })));
const worker = readFileSync(join(webDir, 'sw.js'), 'utf8')
  .replace('__GOUJI_VERSION__', version)
  .replace('__GOUJI_ASSETS__', JSON.stringify(assets))
  .replace('__GOUJI_LATER__', JSON.stringify({ url: LATER_LIST, integrity: `sha256-${createHash('sha256').update(laterList).digest('base64')}` }));
writeFileSync(join(out, LATER_LIST), laterList);
writeFileSync(join(out, 'sw.js'), worker);
writeFileSync(join(out, 'version.json'), JSON.stringify({ version }));

// ---- Sizes, all measured here: the first load (everything the service worker fetches: every file
// of the page's build) against the budget, and each asset fetched on demand.
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
// Each file's sizes, kept by its hash in web/node_modules/.cache (compressing the wasm and pdf.js's
// 3 MB at the highest levels takes seconds; most builds change only a few small files).
const SIZE_CACHE = join(here, 'node_modules', '.cache', 'gouji-sizes.json');
let sizeCache = {};
try {
  sizeCache = JSON.parse(readFileSync(SIZE_CACHE, 'utf8'));
} catch {
  // not measured yet
}
const seen = {};
function sizeOf(file) {
  const bytes = readFileSync(join(out, file));
  const key = createHash('sha256').update(bytes).digest('hex');
  seen[key] = sizeCache[key] || { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) };
  return { file, ...seen[key] };
}
function measure(list) {
  const rows = list.map(sizeOf);
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}
function sizes() {
  const first = measure([...files, 'sw.js', 'version.json']);
  const onDemand = {
    [WIDGET]: measure([WIDGET]).total,
    ...Object.fromEntries(ON_DEMAND.map((file) => [file, measure([file]).total])),
    [`PDF reader (${pdfFiles.length} files)`]: { files: pdfFiles.length, ...measure(pdfFiles).total },
    [`batch (${BATCH.length} files)`]: { files: BATCH.length, ...measure(BATCH).total },
    'batch, XLSX export': measure(['batch-xlsx.js']).total,
  };
  // What the service worker caches after the first load (not in the budget).
  const background = { files: later.length + 1, ...measure([...later, LATER_LIST]).total };
  try {
    mkdirSync(dirname(SIZE_CACHE), { recursive: true });
    writeFileSync(SIZE_CACHE, JSON.stringify(seen));  // this build's files only: it does not grow
  } catch {
    // a read-only node_modules: measure again next time
  }
  const pad = (s, n) => String(s).padStart(n);
  const line = (name, r) => console.log(`${name.padEnd(38)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
  console.log(`${'asset'.padEnd(38)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
  for (const r of first.rows) line(r.file, r);
  line('first load, total', first.total);
  for (const [name, r] of Object.entries(onDemand)) line(`on demand: ${name}`, r);
  line(`cached in the background (${background.files} files)`, background);
  const report = {
    version, total: first.total, rows: first.rows, onDemand, background,
    widget: onDemand[WIDGET], pdf: onDemand[`PDF reader (${pdfFiles.length} files)`],
    modules: Object.fromEntries(ENTRIES.map((e) => [e.out, e.modules])),
  };
  writeFileSync(join(out, '..', 'site-sizes.json'), JSON.stringify(report, null, 1));
  if (first.total.brotli > budgetKB * 1024) {
    console.error(`build.mjs: the first load is ${(first.total.brotli / 1024).toFixed(1)} KB brotli, over the ${budgetKB} KB budget`);
    process.exit(3);
  }
}
sizes();
console.log(`build.mjs: built ${out} (version ${version})`);
