// The page's batch on N reports (default 1,000) made by bench/batch.py (the same mix as the CLI's
// benchmark): the folder opened with the directory picker in headless Chromium, timed until the
// summary says it is done (the set checked too), with the peak memory of Chromium's processes
// (the page and its workers: the sum of their resident sets, sampled every 200 ms) and the JS heap
// of the page. Figures, not pass/fail.
//
//   node bench/page_batch.mjs [--count 1000] [--site build/site] [--kinds text,html,docx,pdf]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, startServer } from '../tests/browser/harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(option('--count', '1000'));
const siteDir = resolve(option('--site', join(root, 'build/site')));
const gouji = option('--gouji', join(root, 'build/native/gouji'));
const kinds = option('--kinds', 'text,html,docx,pdf');

const dir = mkdtempSync(join(tmpdir(), 'gouji-page-batch-'));
execFileSync('python3', [join(root, 'bench/batch.py'), '--gouji', gouji, '--count', String(count), '--keep', dir, '--make-only', '--kinds', kinds], { stdio: 'inherit' });

// Resident memory of Chromium's processes that are not in `old` (the browser, its renderer and
// the workers' threads in it, its utility processes), in MB.
function chromiumPids() {
  return execFileSync('ps', ['-e', '-o', 'pid=,rss=,comm=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/))
    .filter(([, , comm]) => /chrom/.test(comm)).map(([pid, rss]) => [Number(pid), Number(rss)]);
}
const old = new Set(chromiumPids().map(([pid]) => pid));
const rssNow = () => chromiumPids().filter(([pid]) => !old.has(pid)).reduce((sum, [, rss]) => sum + rss, 0) / 1024;

const browser = await launchBrowser(process.env.GOUJI_JS_FLAGS ? { args: [`--js-flags=${process.env.GOUJI_JS_FLAGS}`] } : {});
const site = await startServer({ dir: siteDir, base: '/', csp: true });
const { page, context } = await openPage(browser, site.url, {});
try {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  const before = rssNow();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssNow());
  }, 200);
  const start = Date.now();
  await page.setInputFiles('#folder-input', dir);
  await page.waitForFunction(() => /^(检查完成|Done)/.test(document.querySelector('gouji-batch .batch-status')?.textContent || ''),
    null, { timeout: 30 * 60_000, polling: 250 });
  const seconds = (Date.now() - start) / 1000;
  clearInterval(sampler);
  const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 1048576 : NaN));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const status = await page.textContent('gouji-batch .batch-status');
  console.log(`${count} reports in the page: ${seconds.toFixed(1)} s, ${(count / seconds).toFixed(0)} reports/s, ` +
    `${Math.min(cores, 4)} workers (hardwareConcurrency ${cores})`);
  console.log(`Chromium's memory: ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB; the page's JS heap after: ${heap.toFixed(0)} MB`);
  console.log(status);
} finally {
  await context.close();
  await browser.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
}
