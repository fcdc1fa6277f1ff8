// Tests of the browser-test harness itself, on the fixture pages in fixtures/.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  dropFile,
  launchBrowser,
  mark,
  openPage,
  otherOrigins,
  pasteText,
  requestsSince,
  runAxe,
  screenshot,
  startServer,
} from './harness.mjs';

const FIXTURES = 'tests/browser/fixtures';

let browser, strict, open;
before(async () => {
  [browser, strict, open] = await Promise.all([
    launchBrowser(),
    startServer({ dir: FIXTURES, base: '/sub/path/', csp: true }),
    startServer({ dir: FIXTURES }),
  ]);
});
after(async () => {
  await Promise.all([browser?.close(), strict?.close(), open?.close()]);
});

/** Opens a fixture, runs fn({ page, log, response }), closes the context whatever happens. */
async function withPage(url, fn, options) {
  const { page, context, log } = await openPage(browser, url, options);
  try {
    return await fn({ page, context, log });
  } finally {
    await context.close();
  }
}

describe('startServer', () => {
  test('serves under the base path, with the strict CSP when asked, and closes', async () => {
    const server = await startServer({ dir: FIXTURES, base: '/a/b', csp: true });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/a\/b\/$/);
      const response = await fetch(server.url + 'clean.html');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
      assert.equal((await fetch(server.origin + '/clean.html')).status, 404);
      assert.equal((await fetch(server.url + '..%2f..%2fharness.mjs')).status, 403);
      assert.equal((await fetch(server.url + '%E0%A4%A')).status, 400);
      assert.equal((await fetch(server.url + 'clean.html')).status, 200, 'a bad request does not kill the server');
      const plain = await fetch(open.url + 'clean.html');
      assert.equal(plain.headers.get('content-security-policy'), null);
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(server.url));
  });
});

describe('CSP violations', () => {
  test('an inline <script> under --csp is recorded, from the DOM event and from the console', async () => {
    await withPage(strict.url + 'inline.html', async ({ page, log }) => {
      assert.equal(await page.textContent('#out'), 'not run');
      const event = log.cspViolations.find((v) => v.source === 'event');
      assert.ok(event, JSON.stringify(log.cspViolations));
      assert.match(event.directive, /^script-src/);
      assert.equal(event.blockedURI, 'inline');
      const consoleEntry = log.cspViolations.find((v) => v.source === 'console');
      assert.ok(consoleEntry, JSON.stringify(log.cspViolations));
      assert.match(consoleEntry.text, /inline script/);
    });
  });

  test('a page with only an external module script under --csp has none, nor errors', async () => {
    await withPage(strict.url + 'clean.html', async ({ page, log }) => {
      assert.equal(await page.textContent('#status'), 'ready');
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
      assert.deepEqual(
        log.requests.map((r) => new URL(r.url).pathname),
        ['/sub/path/clean.html', '/sub/path/style.css', '/sub/path/clean.mjs'],
      );
    });
  });

  test('page code cannot eval under --csp; that is recorded too', async () => {
    await withPage(strict.url + 'eval.html', async ({ page, log }) => {
      assert.equal(await page.textContent('#status'), 'blocked: EvalError');
      await waitFor(() => log.cspViolations.some((v) => v.source === 'event'));
      const event = log.cspViolations.find((v) => v.source === 'event');
      assert.equal(event.blockedURI, 'eval');
      // Chromium 156 logs nothing to the console for a refused eval that the page catches:
      // the DOM event is the only trace, which is why the harness listens for it.
    });
  });

  test("a worker's violation is recorded, with the worker's kind", async () => {
    await withPage(strict.url + 'worker-csp.html', async ({ page, log }) => {
      await page.waitForFunction(() => document.getElementById('status').textContent === 'ready');
      await page.click('#go');
      await page.waitForFunction(() => document.getElementById('status').textContent === 'refused');
      await waitFor(() => log.cspViolations.length > 0);
      assert.deepEqual(
        log.cspViolations.map((v) => [v.source, v.worker, v.directive, v.blockedURI]),
        [['event', 'dedicated', 'connect-src', 'https://example.invalid/from-worker']],
      );
      assert.deepEqual(otherOrigins(log, page.url()), [], 'a refused request never reaches the network');
      assert.ok(!log.console.some((m) => m.text.includes('gouji-harness')), 'the harness\'s own reports stay out of log.console');
    });
  });
});

describe('requests', () => {
  test('a fetch to another origin is in otherOrigins(); data: is not; requestsSince() sees later ones', async () => {
    await withPage(open.url + 'fetch-other.html', async ({ page, log }) => {
      await page.waitForFunction(() => document.getElementById('status').textContent !== 'loading');
      const others = otherOrigins(log, page.url());
      assert.deepEqual(
        others.map((r) => r.url),
        ['https://example.invalid/x'],
      );
      assert.ok(others[0].failure, 'the closed network refuses it');

      const before = mark(log);
      const since = Date.now();
      await page.evaluate(() => fetch('clean.mjs').then((r) => r.text()));
      assert.deepEqual(requestsSince(log, before).map((r) => new URL(r.url).pathname), ['/clean.mjs']);
      assert.deepEqual(requestsSince(log, since).map((r) => new URL(r.url).pathname), ['/clean.mjs']);
      assert.deepEqual(otherOrigins(log, open.origin).length, 1);
    });
  });

  test('otherOrigins() ignores data:, blob: and about:, and takes a URL or an origin', () => {
    const log = {
      requests: ['data:text/plain,x', 'blob:http://127.0.0.1:1/uuid', 'about:blank', 'http://127.0.0.1:1/a', 'http://127.0.0.1:2/b', 'https://x.invalid/'].map(
        (url) => ({ url }),
      ),
    };
    const expected = ['http://127.0.0.1:2/b', 'https://x.invalid/'];
    assert.deepEqual(otherOrigins(log, 'http://127.0.0.1:1/sub/path/index.html').map((r) => r.url), expected);
    assert.deepEqual(otherOrigins(log, 'http://127.0.0.1:1').map((r) => r.url), expected);
  });
});

describe('errors', () => {
  test('console errors of the page and of a worker, and uncaught exceptions, are in log.errors', async () => {
    await withPage(strict.url + 'errors.html', async ({ page, log }) => {
      await page.waitForFunction(() => document.getElementById('status').textContent === 'done');
      await assert.doesNotReject(waitFor(() => log.pageErrors.length > 0));
      const texts = log.errors.map((e) => `${e.kind}:${e.worker}:${e.text.split('\n')[0]}`);
      assert.ok(texts.includes('console:null:page console error'), texts.join('\n'));
      assert.ok(texts.includes('console:dedicated:worker console error'), texts.join('\n'));
      assert.ok(texts.includes('pageerror:null:Error: uncaught page error'), texts.join('\n'));
      assert.equal(texts.length, 3, texts.join('\n'));
      assert.deepEqual(log.cspViolations, []);
    });
  });
});

describe('axe', () => {
  test('an unlabeled <input> is a serious or critical violation, with axe under the strict CSP', async () => {
    await withPage(strict.url + 'unlabeled.html', async ({ page, log }) => {
      assert.equal(await page.textContent('#status'), 'ready');
      const violations = await runAxe(page);
      const label = violations.find((v) => v.id === 'label');
      assert.ok(label, JSON.stringify(violations));
      assert.ok(['serious', 'critical'].includes(label.impact));
      assert.deepEqual(label.nodes, ['input']);
      assert.equal(typeof label.help, 'string');
      assert.deepEqual(log.cspViolations, [], 'running axe violates nothing');
    });
  });

  test('a labeled page has none, and axe is not blocked by the CSP', async () => {
    await withPage(strict.url + 'clean.html', async ({ page, log }) => {
      const violations = await runAxe(page);
      assert.deepEqual(violations, []);
      assert.deepEqual(await runAxe(page), [], 'a second run reuses the injected axe');
      // The CSP is in force all the while: an inline script the harness adds is still refused.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
        return window.__inlineRan === true;
      });
      assert.equal(ran, false);
      await waitFor(() => log.cspViolations.some((v) => v.source === 'event'));
      assert.match(log.cspViolations.find((v) => v.source === 'event').directive, /^script-src/);
    });
  });
});

describe('paste and drop', () => {
  test('pasteText delivers text/plain and text/html to a paste handler', async () => {
    await withPage(strict.url + 'paste.html', async ({ page, log }) => {
      const result = await pasteText(page, '#handled', '第一行\t1,234.5', '<table><tr><td>第一行</td><td>1,234.5</td></tr></table>');
      assert.deepEqual(result, { handled: true });
      assert.equal(await page.textContent('#got-text'), '第一行\t1,234.5');
      assert.equal(await page.textContent('#got-html'), '<table><tr><td>第一行</td><td>1,234.5</td></tr></table>');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'handled');
      assert.equal(await page.inputValue('#handled'), '', 'the handler prevented the default');
      assert.deepEqual(log.cspViolations, []);
    });
  });

  test('pasteText falls back to inserting the text and firing input', async () => {
    await withPage(strict.url + 'paste.html', async ({ page }) => {
      await page.evaluate(() => document.getElementById('plain').setSelectionRange(1, 1));
      const result = await pasteText(page, '#plain', 'XY');
      assert.deepEqual(result, { handled: false });
      assert.equal(await page.inputValue('#plain'), 'aXYb');
      assert.equal(await page.textContent('#plain-input'), 'insertFromPaste:aXYb');
    });
  });

  test('dropFile delivers a File through dragenter, dragover and drop', async () => {
    await withPage(strict.url + 'paste.html', async ({ page, log }) => {
      const bytes = Buffer.from('一、总体情况\n收到申请 12 件\n', 'utf8');
      const result = await dropFile(page, '#zone', { name: '报告.txt', mimeType: 'text/plain', bytes });
      assert.deepEqual(result, { accepted: true, dropped: true });
      assert.equal(await page.textContent('#drop-events'), 'dragenter,dragover,drop');
      await page.waitForFunction(() => document.getElementById('got-file').textContent !== '');
      assert.deepEqual(JSON.parse(await page.textContent('#got-file')), {
        name: '报告.txt',
        type: 'text/plain',
        size: bytes.length,
        text: bytes.toString('utf8'),
        count: 1,
      });
      assert.deepEqual(log.cspViolations, []);
    });
  });
});

describe('screenshot', () => {
  test('writes a PNG under build/screenshots/', async () => {
    await withPage(strict.url + 'clean.html', async ({ page }) => {
      const path = await screenshot(page, 'harness-clean');
      assert.match(path, /build\/screenshots\/harness-clean\.png$/);
      assert.ok(existsSync(path));
      const head = readFileSync(path).subarray(0, 8);
      assert.deepEqual([...head], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });
  });
});

describe('service worker', () => {
  let site;
  before(async () => {
    site = await startServer({ dir: `${FIXTURES}/sw-site`, base: '/x/y/', csp: true });
  });
  after(async () => {
    await site?.close();
  });

  test('{ offline: true } reloads the page from the service worker; its requests are flagged', async () => {
    await withPage(
      site.url,
      async ({ page, log }) => {
        assert.equal(await page.textContent('#status'), 'controlled');
        await page.waitForFunction(() => document.getElementById('data').textContent !== '');
        assert.equal(await page.textContent('#data'), 'data from the server');

        const byWorker = () => log.requests.filter((r) => r.serviceWorker).map((r) => new URL(r.url).pathname);
        assert.ok(byWorker().includes('/x/y/data.txt'), byWorker().join('\n')); // cache.addAll
        await waitFor(() => byWorker().includes('/x/y/sw-ping.txt')); // fetch() in the worker (on activation)
        const served = log.requests.filter((r) => r.servedByServiceWorker).map((r) => new URL(r.url).pathname);
        assert.ok(served.includes('/x/y/') && served.includes('/x/y/data.txt'), served.join('\n'));

        // Offline reaches the service worker's own fetches too.
        const status = await page.evaluate(() => fetch('sw-ping.txt?again').then((r) => r.status, () => 'failed'));
        assert.equal(status, 'failed');

        await waitFor(() => log.errors.some((e) => e.worker === 'service' && e.text === 'service worker console error'));
        assert.equal(log.errors.filter((e) => e.text === 'service worker console error').length, 1, 'counted once');
        assert.deepEqual(log.cspViolations, []);
        assert.equal(await page.evaluate(() => fetch('probe-other').then((r) => r.text())), 'refused');
        await waitFor(() => log.cspViolations.length > 0);
        assert.deepEqual(
          log.cspViolations.map((v) => [v.source, v.worker, v.directive, v.blockedURI]),
          [['event', 'service', 'connect-src', 'https://example.invalid/from-service-worker']],
        );
        assert.deepEqual(otherOrigins(log, site.url), []);
      },
      { offline: true },
    );
  });

  test('{ offline: true } on a page without a service worker throws', async () => {
    await assert.rejects(
      openPage(browser, strict.url + 'clean.html', { offline: true, serviceWorkerTimeout: 300 }),
      /no service worker controls .* \(none\)/,
    );
  });
});

/** Polls `check` until it returns true (or `timeout` ms pass). */
async function waitFor(check, timeout = 5000) {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
