// The service worker's update flow, as web/sw.js and registerServiceWorker() in web/app.js promise
// it: every asset of a build is precached in `gouji-<version>`; a new build installs beside the
// old one and waits; the page shows #update; its #reload button activates the new worker, each
// open tab reloads once, and from then on every asset comes from the new build, never a mix.
//
// Two builds of the same sources go into the same folder, served as one site: A (web/ as it is)
// and then B (the same sources with a changed tagline, and a marker comment at the end of every
// HTML, JS and CSS file, so that an asset of the wrong build is told apart by its bytes).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, launchBrowser, mark, openPage, pasteText, requestsSince, startServer } from './harness.mjs';
import { SAMPLES_DIR, icuPrefix, pageStrings, samples } from './site.mjs';

const BASE = '/sub/path/';
const WASM_DIR = join(REPO_ROOT, 'build', 'wasm', 'web');
const HAVE_WASM = existsSync(join(WASM_DIR, 'gouji.wasm')) && existsSync(join(WASM_DIR, 'gouji.mjs'));
const NO_WASM = 'build/wasm/web is not built';
const TIMEOUT = 20_000;

let tmp, site, browser, server;

// ---------------------------------------------------------------------------------------------
// Builds

/** Builds `web` (a copy of web/) into `site` with web/build.mjs; returns what the build holds:
 * { version, assets: the service worker's list, files: Map(asset -> bytes), strings, tagline }
 * (strings: its i18n.js's zh-CN words). */
async function build(web) {
  execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'web', 'build.mjs'), '--wasm', WASM_DIR, '--icu', icuPrefix(), '--samples', SAMPLES_DIR,
      '--out', site, '--web', web, '--budget', '100000'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const { version } = JSON.parse(readFileSync(join(site, 'version.json'), 'utf8'));
  const sw = readFileSync(join(site, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`const VERSION = '${version}';`), 'sw.js carries the version of version.json');
  // What it precaches, then what it caches in the background once the page is ready: later.json
  // (named in sw.js with its hash) and the files it lists.
  const laterList = JSON.parse(/^const LATER_LIST = (\{.*\});$/m.exec(sw)[1]);
  const entries = [...JSON.parse(/^const ASSETS = (\[.*\]);$/m.exec(sw)[1]), laterList,
    ...JSON.parse(readFileSync(join(site, laterList.url), 'utf8'))];
  const assets = entries.map((entry) => entry.url);
  const files = new Map(assets.map((a) => [a, readFileSync(join(site, a === './' ? 'index.html' : a))]));
  for (const { url, integrity } of entries) {
    const expected = `sha256-${createHash('sha256').update(files.get(url)).digest('base64')}`;
    assert.equal(integrity, expected, `sw.js carries the hash of ${url}`);
  }
  const source = readFileSync(join(web, 'i18n.js'), 'utf8');
  const { STRINGS } = await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'));
  const later = new Set(JSON.parse(readFileSync(join(site, laterList.url), 'utf8')).map((entry) => entry.url));
  return { version, assets, later, files, strings: STRINGS['zh-CN'], tagline: STRINGS['zh-CN'].tagline };
}

/** A copy of `from` as the next build: another zh-CN tagline, and `marker` at the end of every
 * HTML, JS and CSS file. */
function changedCopy(from, to, marker) {
  cpSync(from, to, { recursive: true });
  const i18n = join(to, 'i18n.js');
  const source = readFileSync(i18n, 'utf8');
  const changed = source.replace(/(\btagline: ')([^']*)'/, `$1${marker} · $2'`);
  assert.notEqual(changed, source, 'the tagline is in i18n.js');
  writeFileSync(i18n, changed);
  for (const name of readdirSync(to)) {
    if (/\.(m?js|css)$/.test(name)) appendFileSync(join(to, name), `\n/* ${marker} */\n`);
    else if (name.endsWith('.html')) appendFileSync(join(to, name), `<!-- ${marker} -->\n`);
  }
  return to;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// ---------------------------------------------------------------------------------------------
// The page, its caches and its service workers

const waitReady = (page) =>
  page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: TIMEOUT });
// Controlled, and every asset cached, the background's too (the page says so only then).
const waitControlled = async (page) => {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: TIMEOUT });
  await page.waitForSelector('#offline-status[data-state="ready"]', { timeout: TIMEOUT });
};
const waitUpdateOffered = (page) =>
  page.waitForFunction(() => document.getElementById('update').checkVisibility(), null, { timeout: TIMEOUT });
const tagline = (page) => page.textContent('.tagline');

/** The page's gouji-* caches, each as { name: { url: sha256 of the body } }. */
const cachesOf = (page) =>
  page.evaluate(async () => {
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const out = {};
    for (const name of (await caches.keys()).filter((n) => n.startsWith('gouji-'))) {
      const cache = await caches.open(name);
      out[name] = {};
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        out[name][request.url] = hex(await crypto.subtle.digest('SHA-256', body));
      }
    }
    return out;
  });

/** The registration as the page sees it. */
const registrationOf = (page) =>
  page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return {
      controller: navigator.serviceWorker.controller?.state ?? null,
      active: r?.active?.state ?? null,
      waiting: r?.waiting?.state ?? null,
      installing: r?.installing?.state ?? null,
    };
  });

/** Each live service worker of the context: the build it runs (its VERSION) and its state. */
async function workersOf(context) {
  const out = [];
  for (const worker of context.serviceWorkers()) {
    // A worker that is going away may never answer: give it 2 s.
    const seen = await Promise.race([
      worker.evaluate(() => ({ version: VERSION, state: self.serviceWorker.state })),
      new Promise((r) => setTimeout(r, 2000, null)),
    ]).catch(() => null);
    if (seen && seen.state !== 'redundant') out.push(seen);
  }
  return out.sort((a, b) => a.state.localeCompare(b.state));
}

/** Polls `fn` until it returns a truthy value (for what only the harness can see). */
async function until(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The cache a build must have: every asset of it (the background's included), with the build's own bytes. */
const expectedCache = (built) =>
  Object.fromEntries(built.assets.map((a) => [new URL(a, server.url).href, sha256(built.files.get(a))]));
// What a waiting build has cached: its precache, and those of its background assets that an older
// build holds with the same bytes (copied at install); the ones that changed (the batch's scripts,
// which share i18n.js with the page) are fetched once it controls a page.
const waitingCache = (built, older) =>
  Object.fromEntries(built.assets.filter((a) => !built.later.has(a) || (older.files.get(a) && older.files.get(a).equals(built.files.get(a))))
    .map((a) => [new URL(a, server.url).href, sha256(built.files.get(a))]));

const assetOf = (url) => {
  const path = url.slice(server.url.length).split(/[?#]/)[0];
  return path === '' ? './' : path;
};

/**
 * Records the body of every response to a page (or its dedicated worker) under the site, with the
 * phase that was current when it was requested. The service workers' own requests are left out.
 */
function recordResponses(context) {
  const phases = new WeakMap();
  const responses = [];
  const recorder = { phase: 'first visit', responses };
  context.on('request', (request) => phases.set(request, recorder.phase));
  context.on('response', (response) => {
    const request = response.request();
    if (request.serviceWorker() || !request.url().startsWith(server.url)) return;
    responses.push({
      phase: phases.get(request),
      url: request.url(),
      status: response.status(),
      fromServiceWorker: response.fromServiceWorker(),
      body: response.body().catch(() => null),
    });
  });
  return recorder;
}

/** Every response of `phase` came from the service worker, with exactly the bytes of `built`. */
async function assertServedFrom(recorder, phase, built, label) {
  const rows = recorder.responses.filter((r) => r.phase === phase);
  let compared = 0;
  assert.ok(rows.some((r) => assetOf(r.url) === './'), `${label}: the page itself was loaded (${rows.map((r) => r.url)})`);
  // app.js: the page's script, i18n.js (the tagline) bundled into it.
  assert.ok(rows.some((r) => assetOf(r.url) === 'app.js'), `${label}: app.js was loaded`);
  for (const row of rows) {
    const asset = assetOf(row.url);
    const where = `${label}: ${asset}`;
    assert.ok(built.files.has(asset), `${where} is not an asset of the build`);
    assert.ok(row.fromServiceWorker, `${where} came from the network, not from the service worker`);
    assert.equal(row.status, 200, where);
    const body = await row.body;
    // Chromium may drop a body once its page has navigated on; the page's and app.js's must be there.
    if (body === null && asset !== './' && asset !== 'app.js') continue;
    assert.ok(body, `${where}: no body to compare`);
    assert.equal(sha256(body), sha256(built.files.get(asset)), `${where}: not the bytes of build ${built.version}`);
    compared += 1;
  }
  return { responses: rows.length, compared };
}

/** Counts the main-frame navigations of `page` (a load, a reload). */
function countNavigations(page) {
  const counter = { count: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counter.count += 1;
  });
  return counter;
}

async function pasteSample(page) {
  const s = samples().find((x) => x.number === '004') ?? samples()[0];
  if (!s) return false;
  await page.click('#clear');
  await page.waitForFunction(() => document.getElementById('report-text').value === '');
  await pasteText(page, '#report-text', s.text);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('检查完成：'), null, {
    timeout: TIMEOUT,
  });
  const STRINGS = await pageStrings();
  assert.equal(
    await page.textContent('#summary [data-testid=cells]'),
    STRINGS['zh-CN'].cells(s.golden.summary.cells_found, s.golden.summary.cells_expected),
    `sample ${s.number}`,
  );
  assert.ok((await page.locator('td[data-cell]').count()) > 0, `sample ${s.number}: tables drawn`);
  return true;
}

// ---------------------------------------------------------------------------------------------

before(async () => {
  if (!HAVE_WASM) return;
  tmp = mkdtempSync(join(tmpdir(), 'gouji-update-'));
  site = join(tmp, 'out', 'site');
  browser = await launchBrowser();
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('service worker update', () => {
  test('a new build waits beside the old one; #reload switches every tab to it at once', { timeout: 60_000 }, async (t) => {
    if (!HAVE_WASM) return t.skip(NO_WASM);
    // Build A: web/ as it is (copied once, so that both builds start from the same sources).
    const webA = join(tmp, 'web-a');
    // Not web/node_modules: build.mjs takes pdf.js from beside itself.
    cpSync(join(REPO_ROOT, 'web'), webA, { recursive: true, filter: (path) => !path.includes(`${sep}node_modules`) });
    const A = await build(webA);
    server = await startServer({ dir: site, base: BASE, csp: true });

    const { page, context, log } = await openPage(browser, server.url);
    try {
      const recorder = recordResponses(context);
      const navigations = countNavigations(page);
      await waitReady(page);
      await waitControlled(page);

      // 1. Build A is precached, all of it, in gouji-<A>.
      assert.equal(await tagline(page), A.tagline);
      assert.deepEqual(await cachesOf(page), { [`gouji-${A.version}`]: expectedCache(A) }, 'the precache of build A');
      assert.deepEqual(
        await until(async () => {
          const workers = await workersOf(context);
          return workers.length > 0 && workers;
        }, 'the worker'),
        [{ version: A.version, state: 'activated' }],
      );
      assert.equal(await page.$eval('#update', (e) => e.hidden), true, 'no update offered for the first build');

      // 2. Build B replaces A in the same folder.
      const B = await build(changedCopy(webA, join(tmp, 'web-b'), 'build-B'));
      assert.notEqual(B.version, A.version);
      assert.notEqual(B.tagline, A.tagline);
      assert.deepEqual(B.assets, A.assets, 'the same list of assets');
      const changed = A.assets.filter((a) => !A.files.get(a).equals(B.files.get(a)));
      assert.ok(changed.includes('worker.js') && changed.includes('./') && changed.includes('app.js'), `changed: ${changed}`);

      // 3. A reload still runs build A; build B installs beside it and waits; #update is offered.
      recorder.phase = 'waiting';
      const beforeWaiting = navigations.count;
      await page.reload();
      await waitReady(page);
      await waitUpdateOffered(page);
      assert.equal(navigations.count, beforeWaiting + 1);
      assert.equal(await tagline(page), A.tagline, 'the old tagline while B waits');
      assert.deepEqual(await registrationOf(page), { controller: 'activated', active: 'activated', waiting: 'installed', installing: null });
      assert.deepEqual(
        await until(async () => {
          const workers = await workersOf(context);
          return workers.length === 2 && workers;
        }, 'both workers'),
        [{ version: A.version, state: 'activated' }, { version: B.version, state: 'installed' }],
        'A controls, B waits',
      );
      assert.deepEqual(
        await cachesOf(page),
        { [`gouji-${A.version}`]: expectedCache(A), [`gouji-${B.version}`]: waitingCache(B, A) },
        'both builds precached, each with its own bytes',
      );
      // The offer: a live region with a button.
      assert.deepEqual(
        await page.$eval('#update', (e) => ({ role: e.getAttribute('role'), text: e.textContent.replace(/\s+/g, ' ').trim() })),
        { role: 'status', text: `${A.strings.updateReady} ${A.strings.reload}` },
      );
      assert.equal(await page.$eval('#reload', (e) => e.tagName === 'BUTTON' && e.checkVisibility()), true);

      // 4. A second tab, without clicking: build A too, and the same offer.
      const page2 = await context.newPage();
      const navigations2 = countNavigations(page2);
      await page2.goto(server.url);
      await waitReady(page2);
      await waitControlled(page2);
      await waitUpdateOffered(page2);
      assert.equal(await tagline(page2), A.tagline, 'a second tab runs build A while B waits');
      assert.deepEqual(await registrationOf(page2), { controller: 'activated', active: 'activated', waiting: 'installed', installing: null });
      const waitingRows = await assertServedFrom(recorder, 'waiting', A, 'while B waits');

      // 5. Click: B activates, each tab reloads once, and runs build B.
      recorder.phase = 'switched';
      const switchMark = mark(log);
      const before1 = navigations.count;
      const before2 = navigations2.count;
      await page.click('#reload');
      for (const p of [page, page2]) {
        await p.waitForFunction((want) => document.querySelector('.tagline')?.textContent === want, B.tagline, { timeout: TIMEOUT });
        await waitReady(p);
        await waitControlled(p);
      }
      assert.deepEqual(await cachesOf(page), { [`gouji-${B.version}`]: expectedCache(B) }, 'gouji-<A> is deleted');
      assert.deepEqual(
        await until(async () => {
          const workers = await workersOf(context);
          return workers.length === 1 && workers;
        }, 'A to be gone'),
        [{ version: B.version, state: 'activated' }],
      );
      for (const p of [page, page2]) {
        assert.deepEqual(await registrationOf(p), { controller: 'activated', active: 'activated', waiting: null, installing: null });
        assert.equal(await p.$eval('#update', (e) => e.hidden), true, 'no offer once B runs');
        assert.equal(await p.evaluate(() => performance.getEntriesByType('navigation')[0].type), 'reload');
      }

      // Checking still works on build B.
      const pasted = await pasteSample(page);
      if (!pasted) t.diagnostic('no sample report under ../shared/samples: the check after the switch was not tried');

      // Exactly one reload per tab, even now that the check has run.
      assert.equal(navigations.count, before1 + 1, 'the tab that clicked reloaded exactly once');
      assert.equal(navigations2.count, before2 + 1, 'the other tab reloaded exactly once');
      // After the switch, every asset came from build B's cache (none from the network, none of A's
      // bytes), and the service worker fetched nothing but sw.js (the browser's update check) and
      // the background assets B changed, which it could not copy from A's cache.
      const switchedRows = await assertServedFrom(recorder, 'switched', B, 'after the switch');
      const fetched = requestsSince(log, switchMark).filter((r) => r.serviceWorker);
      const changedLater = [...B.later].filter((a) => !A.files.get(a) || !A.files.get(a).equals(B.files.get(a)));
      assert.deepEqual(fetched.map((r) => assetOf(r.url)).filter((a) => a !== 'sw.js' && !changedLater.includes(a)), [],
        'no network fetch of an asset after the switch');
      assert.deepEqual(log.errors, []);
      assert.deepEqual(log.cspViolations, []);
      t.diagnostic(`A ${A.version} -> B ${B.version}: ${changed.length} assets changed; ${JSON.stringify(waitingRows)} while B waited, ${JSON.stringify(switchedRows)} after the switch`);
    } finally {
      await context.close();
    }
  });
});
