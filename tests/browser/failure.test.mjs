// When the core cannot be loaded (gouji.wasm missing: a 404; or broken: bytes that are not
// WebAssembly), nothing is left hanging: the page says so in Chinese (and in English when asked),
// and the widget's gouji.check() promise rejects with a structured error, in the worker mode (same
// origin) and in the main-thread mode (assets on another origin) alike.
//
// The sites served are the built site with gouji.wasm taken away or replaced (every other file a
// symlink to the real build).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, startServer } from './harness.mjs';
import { builtSite, pageStrings } from './site.mjs';

const TIMEOUT = 20_000;
// What the widget's API gives for a check while the core is broken: {resolved} or {rejected, ...}.
const CHECK = () =>
  window.gouji.check('一、总体情况').then(
    (result) => ({ resolved: JSON.stringify(result).slice(0, 200) }),
    (error) => ({ rejected: true, name: error.name, code: error.code, error: error.error }),
  );

let browser, tmp, STRINGS;
const servers = {};

/** A copy of the built site (symlinks) under `root`, its gouji.wasm missing or `wasm` instead. */
function brokenSite(site, root, wasm) {
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(site)) {
    if (name !== 'gouji.wasm') symlinkSync(join(site, name), join(root, name));
  }
  if (wasm) writeFileSync(join(root, 'gouji.wasm'), wasm);
  // A CMS page beside the assets (same origin: the worker mode).
  mkdirSync(join(root, 'cms'));
  writeFileSync(join(root, 'cms', 'index.html'), hostPage('../gouji-widget.js'));
  return root;
}

function hostPage(widgetSrc) {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>host</title><script src="${widgetSrc}" defer></script></head>
<body><gouji-checker id="checker"></gouji-checker></body>
</html>
`;
}

const CASES = {
  'gouji.wasm missing (404)': null,
  'gouji.wasm broken (not WebAssembly)': Buffer.from('<html>not found</html>\n'.repeat(40)),
};

before(async () => {
  const site = builtSite();
  tmp = mkdtempSync(join(tmpdir(), 'gouji-failure-'));
  browser = await launchBrowser();
  STRINGS = await pageStrings();
  let k = 0;
  for (const [name, wasm] of Object.entries(CASES)) {
    const root = brokenSite(site, join(tmp, `site-${k}`), wasm);
    const assets = await startServer({ dir: root, csp: true, cors: true });
    // A CMS page on another origin, loading the widget from the broken assets (main-thread mode).
    const crossRoot = join(tmp, `cross-${k}`);
    mkdirSync(crossRoot, { recursive: true });
    writeFileSync(join(crossRoot, 'index.html'), hostPage(`${assets.url}gouji-widget.js`));
    const cross = await startServer({ dir: crossRoot, csp: true, cspAllow: assets.origin });
    servers[name] = { assets, cross };
    k += 1;
  }
});

after(async () => {
  await Promise.all([browser?.close(), ...Object.values(servers).flatMap((s) => [s.assets.close(), s.cross.close()])]);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function withPage(url, fn, options) {
  const { page, context, log } = await openPage(browser, url, options);
  try {
    return await fn({ page, log });
  } finally {
    await context.close();
  }
}

const zhPrefix = () => STRINGS['zh-CN'].coreUnavailable('\u0000').split('\u0000')[0];
const enPrefix = () => STRINGS.en.coreUnavailable('\u0000').split('\u0000')[0];

for (const name of Object.keys(CASES)) {
  describe(name, () => {
    test('the page says in Chinese that the checker could not be loaded, and a pending check is answered', { timeout: 60_000 }, async () => {
      await withPage(servers[name].assets.url, async ({ page }) => {
        // Typed before the core has failed (or just after): its check must not wait for ever.
        await page.fill('#report-text', '一、总体情况');
        await page.waitForFunction(() => document.documentElement.dataset.ready === 'failed', null, { timeout: TIMEOUT });
        await page.waitForFunction(() => !document.getElementById('error').hidden, null, { timeout: TIMEOUT });
        const error = await page.textContent('#error');
        assert.ok(error.startsWith(zhPrefix()), `in Chinese: ${error}`);
        assert.equal(await page.getAttribute('#error', 'role'), 'alert');
        // The typing pause has passed and its check was rejected: the status says nothing (not
        // 正在检查, nor the error again: #error says it, once).
        await page.waitForFunction(() => document.getElementById('status').textContent === '', null, { timeout: TIMEOUT });
        assert.equal(await page.isVisible('#summary'), false, 'no results');
        // English on request.
        await page.click('#language');
        const en = await page.textContent('#error');
        assert.ok(en.startsWith(enPrefix()), `in English: ${en}`);
      });
    });

    test('same origin (worker): gouji.check() rejects with core_unavailable and the element says so', { timeout: 60_000 }, async () => {
      await withPage(`${servers[name].assets.url}cms/`, async ({ page }) => {
        await page.waitForFunction(() => window.gouji, null, { timeout: TIMEOUT });
        assert.equal(await page.evaluate(() => document.querySelector('gouji-checker').shadowRoot !== null), true);
        const answer = await page.evaluate(CHECK);
        assert.equal(answer.rejected, true, JSON.stringify(answer));
        assert.equal(answer.name, 'CoreUnavailable');
        assert.equal(answer.code, 'core_unavailable');
        assert.equal(answer.error.code, 'core_unavailable');
        assert.ok(answer.error.message.zh.startsWith(zhPrefix()), answer.error.message.zh);
        assert.ok(answer.error.message.en.startsWith(enPrefix()), answer.error.message.en);
        // Later calls reject too, at once.
        assert.equal((await page.evaluate(CHECK)).code, 'core_unavailable');
        const ready = await page.evaluate(() => window.gouji.ready().then(() => 'resolved', (e) => e.code));
        assert.equal(ready, 'core_unavailable');
        // The element shows it in its error box, in Chinese.
        await page.waitForFunction(() => document.querySelector('gouji-checker').hasAttribute('data-failed'), null, { timeout: TIMEOUT });
        const shown = await page.evaluate(() => document.querySelector('gouji-checker').shadowRoot.querySelector('.error-box').textContent);
        assert.ok(shown.startsWith(zhPrefix()), shown);
        // Its own check() rejects as well.
        const element = await page.evaluate(() =>
          document.querySelector('gouji-checker').check('一、总体情况').then(() => 'resolved', (e) => e.code));
        assert.equal(element, 'core_unavailable');
      });
    });

    test('another origin (main thread): gouji.check() rejects with core_unavailable', { timeout: 60_000 }, async () => {
      await withPage(servers[name].cross.url, async ({ page }) => {
        await page.waitForFunction(() => window.gouji, null, { timeout: TIMEOUT });
        const answer = await page.evaluate(CHECK);
        assert.equal(answer.rejected, true, JSON.stringify(answer));
        assert.equal(answer.code, 'core_unavailable');
        assert.ok(answer.error.message.zh.startsWith(zhPrefix()), answer.error.message.zh);
        const mode = await page.evaluate(() => window.gouji.ready().then(() => 'resolved', (e) => e.name));
        assert.equal(mode, 'CoreUnavailable');
        await page.waitForFunction(() => document.querySelector('gouji-checker').hasAttribute('data-failed'), null, { timeout: TIMEOUT });
        assert.equal(page.workers().length, 0, 'no worker: the core was tried on this thread');
      });
    });
  });
}
