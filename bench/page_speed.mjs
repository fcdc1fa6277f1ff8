// Issue 15's page figures, in headless Chromium on loopback (the site served as users get it, with
// the strict CSP): how long after navigation the page is ready to check (the core loaded: <html
// data-ready="true">), on a first visit (an empty browser profile) and a repeat visit (the service
// worker in control, everything cached), and how long from a paste to the drawn tables (the paste
// event to the status saying the check is done, the tables and findings drawn before it) for each
// sample. Times are the page's own clock (performance.now() from the navigation's start); each is
// the median of --runs. Figures, not pass/fail.
//
//   node bench/page_speed.mjs [--site build/site] [--runs 7]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, pasteText, startServer } from '../tests/browser/harness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const siteDir = resolve(option('--site', join(root, 'build/site')));
const runs = Number(option('--runs', '7'));
const samplesDir = resolve(root, '../shared/samples');

// In every page: when <html data-ready> turns "true", the time since navigation began.
const RECORD_READY = () => {
  new MutationObserver((_, observer) => {
    if (document.documentElement.dataset.ready !== 'true') return;
    window.__goujiReadyAt = performance.now();
    observer.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const readyAt = async (page) => {
  await page.waitForFunction(() => window.__goujiReadyAt !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => window.__goujiReadyAt);
};

const browser = await launchBrowser();
const site = await startServer({ dir: siteDir, base: '/', csp: true });
try {
  const first = [];
  for (let i = 0; i < runs; i++) {
    const { page, context } = await openPage(browser, site.url, { init: RECORD_READY });
    first.push(await readyAt(page));
    await context.close();
  }

  // A repeat visit: the service worker controls the page and has cached every asset.
  const { page, context } = await openPage(browser, site.url, { init: RECORD_READY });
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  await page.waitForSelector('#offline-status[data-state="ready"]', { timeout: 60_000 });
  const repeat = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(site.url, { waitUntil: 'load' });
    repeat.push(await readyAt(page));
  }

  // Paste to drawn tables, each sample.
  const pastes = [];
  for (const name of readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(samplesDir, name), 'utf8');
    const times = [];
    for (let i = 0; i < runs; i++) {
      await page.click('#clear');
      await page.waitForFunction(() => document.getElementById('report-text').value === '');
      await page.evaluate(() => {
        window.__goujiPasteAt = undefined;
        window.__goujiDoneAt = undefined;
        document.addEventListener('paste', () => { window.__goujiPasteAt = performance.now(); }, { capture: true, once: true });
        const status = document.getElementById('status');
        new MutationObserver((_, observer) => {
          if (!/^(检查完成|Checked)/.test(status.textContent) || !document.querySelector('td[data-cell]')) return;
          window.__goujiDoneAt = performance.now();
          observer.disconnect();
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
      await pasteText(page, '#report-text', text);
      await page.waitForFunction(() => window.__goujiDoneAt !== undefined, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => window.__goujiDoneAt - window.__goujiPasteAt));
    }
    pastes.push([name, text.length, median(times)]);
  }
  await context.close();

  console.log(`page figures, headless Chromium, loopback, median of ${runs}:`);
  console.log(`  ready after navigation, first visit:   ${median(first).toFixed(0)} ms   (target 300 ms)`);
  console.log(`  ready after navigation, repeat visit:  ${median(repeat).toFixed(0)} ms   (target 150 ms)`);
  for (const [name, chars, ms] of pastes) {
    console.log(`  paste to drawn tables, ${name} (${chars} characters): ${ms.toFixed(0)} ms   (target 50 ms)`);
  }
} finally {
  await site.close();
  await browser.close();
}
