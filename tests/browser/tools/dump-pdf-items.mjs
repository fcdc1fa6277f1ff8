// Dumps what web/pdf-text.js reads from PDFs, run in Chromium inside a module Web Worker (as the
// checker's worker.js would run it), under the page's strict CSP: one JSON file per PDF,
// { pages: [{ width, height, items: [{ x, y, w, h, text }] }] }, or { error, code } when pdf.js
// refuses the file.
//
//   node tests/browser/tools/dump-pdf-items.mjs [--out /tmp/pdfjs-items] [--main-thread] [--compact]
//                                               [--site DIR] [FILE.pdf ...]
//
// Files default to ../shared/samples/pdf/*.pdf. The files are served as a built site lays them out
// (pdf-text.js beside pdf/pdf.min.mjs, pdf/pdf.worker.min.mjs, pdf/cmaps/), from web/ and
// web/node_modules/pdfjs-dist (run web/install.sh first), or from a site built by web/build.mjs
// with --site DIR. --main-thread calls pdfTextItems from the page instead of the worker. --compact
// writes each file as JSON.stringify gives what pdfTextItems returned (one line): the native
// tests' fixtures (tests/fixtures/formats/pdfjs/, tests/golden/pdfjs/) are written that way:
//
//   node tests/browser/tools/dump-pdf-items.mjs --compact --out tests/fixtures/formats/pdfjs \
//        tests/fixtures/formats/00?.pdf
//   node tests/browser/tools/dump-pdf-items.mjs --compact --out tests/golden/pdfjs
// Setup: bash tests/browser/install.sh.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { launchBrowser, REPO_ROOT } from '../harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const out = resolve(option('--out', '/tmp/pdfjs-items'));
const site = option('--site', null);
const mainThread = flag('--main-thread');
const compact = flag('--compact');
const samples = resolve(REPO_ROOT, '..', 'shared', 'samples', 'pdf');
const pdfs = args.length ? args.map((f) => resolve(f))
  : readdirSync(samples).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(samples, f));

const WEB = join(REPO_ROOT, 'web');
const PDFJS = join(WEB, 'node_modules', 'pdfjs-dist');
if (!site && !existsSync(join(PDFJS, 'build', 'pdf.min.mjs'))) {
  console.error(`dump-pdf-items: ${PDFJS} is missing: run web/install.sh`);
  process.exit(1);
}
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

// The page and its worker, written here: nothing inline (the CSP forbids it).
const PAGE = '<!doctype html><meta charset="utf-8"><title>pdf items</title><script type="module" src="dump-page.js"></script>';
const PAGE_JS = `
import { pdfTextItems } from './pdf-text.js';
const worker = new Worker(new URL('dump-worker.js', import.meta.url), { type: 'module' });
let next = 1;
const pending = new Map();
worker.onmessage = (event) => {
  if (!pending.has(event.data.id)) return;
  pending.get(event.data.id)(event.data);
  pending.delete(event.data.id);
};
async function fetchBytes(url) {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}
window.dumpInWorker = async (url) => {
  const bytes = await fetchBytes(url);
  const id = next++;
  return new Promise((done) => { pending.set(id, done); worker.postMessage({ id, bytes }, [bytes.buffer]); });
};
window.dumpOnPage = async (url) => {
  const start = performance.now();
  try {
    const result = await pdfTextItems(await fetchBytes(url), new URL('pdf/', import.meta.url));
    return { result, ms: performance.now() - start, where: 'page', sameThread: !!globalThis.pdfjsWorker };
  } catch (error) {
    return { error: error.message, code: error.code, ms: performance.now() - start, where: 'page' };
  }
};
window.dumpReady = true;
`;
const WORKER_JS = `
import { pdfTextItems } from './pdf-text.js';
self.onmessage = async (event) => {
  const { id, bytes } = event.data;
  const start = performance.now();
  const where = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope ? 'worker' : 'page';
  try {
    const result = await pdfTextItems(bytes, new URL('pdf/', import.meta.url));
    self.postMessage({ id, result, ms: performance.now() - start, where, sameThread: !!globalThis.pdfjsWorker });
  } catch (error) {
    self.postMessage({ id, error: error.message, code: error.code, ms: performance.now() - start, where });
  }
};
`;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.pdf': 'application/pdf' };
// URL path -> file: the site's layout.
function fileFor(path) {
  const under = (root, rel) => {
    const file = normalize(join(root, rel));
    return file.startsWith(root + sep) ? file : null;
  };
  if (path.startsWith('samples/')) return pdfs.find((f) => basename(f) === decodeURIComponent(path.slice(8))) || null;
  if (site) return under(resolve(site), path);
  if (path === 'pdf-text.js') return join(WEB, path);
  if (path === 'pdf/pdf.min.mjs' || path === 'pdf/pdf.worker.min.mjs') return join(PDFJS, 'build', path.slice(4));
  if (path.startsWith('pdf/cmaps/')) return under(join(PDFJS, 'cmaps'), path.slice(10));
  return null;
}
const requests = [];
const missing = [];
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname.slice(1);
  requests.push(path);
  const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  const generated = { 'index.html': PAGE, 'dump-page.js': PAGE_JS, 'dump-worker.js': WORKER_JS }[path || 'index.html'];
  if (generated) {
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path || 'index.html')] });
    response.end(generated);
    return;
  }
  const file = fileFor(path);
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    if (path !== 'favicon.ico') missing.push(path);
    response.writeHead(404, headers);
    response.end('not found');
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchBrowser();
let failures = 0;
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => problems.push(`worker console ${m.type()}: ${m.text()}`)));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.dumpReady === true);
  mkdirSync(out, { recursive: true });
  for (const pdf of pdfs) {
    const url = `samples/${encodeURIComponent(basename(pdf))}`;
    const answer = await page.evaluate(([u, onPage]) => (onPage ? window.dumpOnPage(u) : window.dumpInWorker(u)), [url, mainThread]);
    const name = basename(pdf, extname(pdf));
    const target = join(out, `${name}.json`);
    if (answer.error) {
      failures += 1;
      writeFileSync(target, JSON.stringify({ error: answer.error, code: answer.code }, null, 1) + '\n');
      console.log(`${name}: error (${answer.code}) in the ${answer.where}: ${answer.error}`);
      continue;
    }
    const { pages } = answer.result;
    // One item per line: small enough to read, easy to diff.
    const json = compact ? `${JSON.stringify(answer.result)}\n` : '{"pages": [\n' + pages.map((p) => ` {"width": ${p.width}, "height": ${p.height}, "items": [\n` +
      p.items.map((item) => `  ${JSON.stringify(item)}`).join(',\n') + '\n ]}').join(',\n') + '\n]}\n';
    writeFileSync(target, json);
    const counts = pages.map((p) => p.items.length).join('+');
    const engine = answer.sameThread ? "pdf.js's worker code on the same thread" : "pdf.js's worker in a nested Worker";
    console.log(`${name}: ${pages.length} pages, ${counts} items, ${answer.ms.toFixed(0)} ms in the ${answer.where} (${engine}) -> ${target}`);
  }
  const cmaps = requests.filter((p) => p.startsWith('pdf/cmaps/'));
  console.log(`cmaps fetched: ${cmaps.length ? [...new Set(cmaps)].join(', ') : 'none'}`);
  if (missing.length) console.log(`not found: ${[...new Set(missing)].join(', ')}`);
  // Chromium asks for /favicon.ico by itself: its 404 is no problem of the page's.
  for (const line of new Set(problems)) if (!/status of 404/.test(line) || missing.length) console.log(line);
} finally {
  await browser.close();
  server.close();
}
process.exit(failures ? 1 : 0);
