// Browser-test harness for gouji's web page: Debian's chromium driven by playwright-core.
//
//   import { startServer, launchBrowser, openPage, runAxe, ... } from './harness.mjs';
//
// Setup: `bash tests/browser/install.sh` (chromium + fonts-noto-cjk from apt, then npm ci).
// Everything here works under the strict CSP that `web/serve.mjs --csp` sends: nothing is
// injected as a <script> or eval()'d by page code; the harness's own page-side code runs
// through the DevTools protocol (page.evaluate, addInitScript, exposeBinding), which CSP
// does not govern. Notes on each helper are at the helper.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository's root folder (two levels above this file). */
export const REPO_ROOT = resolve(here, '../..');
const require = createRequire(import.meta.url);

/** Chromium's path: Debian's package by default, GOUJI_CHROMIUM to override. */
export const CHROMIUM = process.env.GOUJI_CHROMIUM || '/usr/bin/chromium';

/** The machine's network is closed: without these, chromium keeps trying Google's services. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

// ---------------------------------------------------------------------------------------------
// The static server

const servers = new Set();
process.on('exit', () => {
  for (const child of servers) child.kill('SIGKILL');
});

/**
 * Serves `dir` with web/serve.mjs on a free loopback port.
 * A relative `dir` is taken from the repository's root, not from the current folder.
 * { csp: true } sends the strict CSP; { cspAllow: ORIGIN } adds ORIGIN to its script-src and
 * connect-src (serve.mjs --csp-allow; needs csp); { cors: true } sends
 * Access-Control-Allow-Origin: * (serve.mjs --cors).
 * Resolves to { url, origin, close() } once the server has printed its ready line; `url` ends
 * with the base path (e.g. http://127.0.0.1:41234/sub/path/).
 */
export async function startServer({ dir, base = '/', csp = false, cspAllow = null, cors = false, timeout = 10_000 } = {}) {
  if (!dir) throw new Error('startServer: dir is required');
  const root = isAbsolute(dir) ? dir : resolve(REPO_ROOT, dir);
  const args = [join(REPO_ROOT, 'web/serve.mjs'), root, '--port', '0', '--base', base];
  if (csp) args.push('--csp');
  if (cspAllow) {
    if (!csp) throw new Error('startServer: cspAllow needs csp: true');
    args.push('--csp-allow', cspAllow);
  }
  if (cors) args.push('--cors');
  // --port 0: the kernel picks a free port and serve.mjs prints it, so parallel test files
  // cannot race for the same port.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  servers.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));

  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const url = await new Promise((ok, fail) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`startServer: no ready line from serve.mjs in ${timeout} ms\n${stdout}${stderr}`));
    }, timeout);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const match = /^gouji: serving .* at (http:\/\/\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        ok(match[1]);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`startServer: serve.mjs exited (${code ?? signal}) before it was ready\n${stderr}`));
    });
  });
  child.stdout.resume(); // keep draining anything it prints later

  return {
    url,
    origin: new URL(url).origin,
    /** The server's stderr so far (serve.mjs prints errors there). */
    get stderr() {
      return stderr;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      servers.delete(child);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

/** Launches headless chromium (Debian's); close it with `await browser.close()`. */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args || [])],
  });
}

// Runs in every document of the context before the page's first script (addInitScript goes
// through DevTools, so the page's CSP does not block it). Reports each CSP violation to the
// harness through a binding (Runtime.addBinding, likewise outside CSP's reach).
const CSP_INIT_SCRIPT = `(() => {
  const report = globalThis.__goujiHarnessCsp;
  if (typeof report !== 'function') return;
  addEventListener('securitypolicyviolation', (e) => {
    report({
      directive: e.effectiveDirective || e.violatedDirective,
      violatedDirective: e.violatedDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      line: e.lineNumber,
      column: e.columnNumber,
      sample: e.sample,
      disposition: e.disposition,
      documentURI: e.documentURI,
    });
  }, true);
})();`;

// Workers get no init script: the harness adds this listener with worker.evaluate as soon as
// playwright reports the worker, and it reports through a marked console.debug line (workers
// have no bindings). Chromium does not resume a worker for that, so a violation in a worker's
// very first lines can be missed; later ones (on a message from the page, a fetch, a
// service worker's install or fetch handler) are caught.
const WORKER_CSP_MARK = '[gouji-harness:csp] ';
const workerCspListener = (mark) => {
  if (globalThis.__goujiHarnessCsp) return;
  globalThis.__goujiHarnessCsp = true;
  addEventListener('securitypolicyviolation', (e) => {
    console.debug(
      mark +
        JSON.stringify({
          directive: e.effectiveDirective || e.violatedDirective,
          violatedDirective: e.violatedDirective,
          blockedURI: e.blockedURI,
          sourceFile: e.sourceFile,
          line: e.lineNumber,
          column: e.columnNumber,
          sample: e.sample,
          disposition: e.disposition,
          documentURI: e.documentURI,
        }),
    );
  });
};

function newLog() {
  let seq = 0;
  return {
    /** Every request the context saw, page's and service workers', in order. */
    requests: [],
    /** Console errors (page, dedicated and service workers) and uncaught exceptions. */
    errors: [],
    /** Uncaught exceptions only (also in `errors`). */
    pageErrors: [],
    /** From the securitypolicyviolation event (source: 'event') and console (source: 'console'). */
    cspViolations: [],
    /** Every console message, any type. */
    console: [],
    next() {
      return ++seq;
    },
  };
}

const isCspText = (text) => /Content[- ]Security[- ]Policy/i.test(text);

// Chromium asks for /favicon.ico at the origin's root on its own, whatever the page links;
// serve.mjs answers 404 outside the base path. That "Failed to load resource" is left out of
// log.errors (it stays in log.console). A page's own icon link is not at the root under a base.
const isFaviconProbe = (url) => {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
};

function workerKind(worker, context) {
  if (!worker) return null;
  return context.serviceWorkers().includes(worker) ? 'service' : 'dedicated';
}

/**
 * Opens `url` in a fresh context (service workers allowed) and records what happens in `log`:
 *   log.requests      { seq, time, url, method, resourceType, navigation, serviceWorker,
 *                       servedByServiceWorker, status, failure }
 *                     serviceWorker: the request was issued by a service worker;
 *                     servedByServiceWorker: the page's request was answered by one
 *                     (status/failure/servedByServiceWorker fill in as the request completes).
 *   log.errors        { seq, time, kind: 'console'|'pageerror', text, url, worker } console
 *                     errors (page and workers) and uncaught exceptions
 *   log.pageErrors    uncaught exceptions only
 *   log.cspViolations { seq, time, source: 'event'|'console', directive, blockedURI, text, ... }
 *                     A refused inline script or load gives two entries, one of each source; a
 *                     refused eval() that the page catches only an 'event' one (chromium logs
 *                     nothing). In workers: 'event' entries only (with `worker` set), and not
 *                     from a worker's very first lines (see workerCspListener); playwright does
 *                     not pass on workers' own log entries, so no 'console' ones.
 *   log.console       every console message
 * With { offline: true } the page is first loaded online, the harness waits (serviceWorkerTimeout,
 * 10 s) for its service worker to be registered and active (reloading once if it does not call
 * clients.claim()), then the context goes offline (that reaches the service worker's own
 * fetches too) and the page is reloaded: the page you get is the one the service worker serves.
 * Without a service worker that throws. The log keeps the online visit's requests as well:
 * mark(log) before an action and use requestsSince().
 * { offlineReady: SELECTOR } waits, before going offline, for SELECTOR: the page's own state saying
 * that its service worker has cached every asset.
 * Other options: { waitUntil = 'load', viewport, locale = 'zh-CN' } (locale sets
 * navigator.language and Accept-Language); { init: FUNCTION } runs in every document of the
 * context before its scripts (context.addInitScript), from the first visit on.
 * Close with `await context.close()`.
 */
export async function openPage(
  browser,
  url,
  { offline = false, offlineReady, waitUntil = 'load', viewport, locale = 'zh-CN', serviceWorkerTimeout = 10_000, init } = {},
) {
  const context = await browser.newContext({
    serviceWorkers: 'allow',
    locale,
    ...(viewport ? { viewport } : {}),
  });
  const log = newLog();
  const entries = new WeakMap(); // Request -> its log entry
  const now = () => Date.now();

  context.on('request', (request) => {
    const entry = {
      seq: log.next(),
      time: now(),
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      navigation: request.isNavigationRequest(),
      serviceWorker: Boolean(request.serviceWorker()),
      servedByServiceWorker: false,
      status: null,
      failure: null,
    };
    entries.set(request, entry);
    log.requests.push(entry);
  });
  context.on('response', (response) => {
    const entry = entries.get(response.request());
    if (!entry) return;
    entry.status = response.status();
    entry.servedByServiceWorker = response.fromServiceWorker();
  });
  context.on('requestfailed', (request) => {
    const entry = entries.get(request);
    if (entry) entry.failure = request.failure()?.errorText || 'failed';
  });

  const onConsole = (message) => {
    const type = message.type();
    const text = message.text();
    const location = message.location();
    if (text.startsWith(WORKER_CSP_MARK)) {
      onViolation(JSON.parse(text.slice(WORKER_CSP_MARK.length)), workerKind(message.worker(), context));
      return;
    }
    const entry = {
      seq: log.next(),
      time: now(),
      type,
      text,
      url: location?.url || '',
      line: location?.lineNumber,
      worker: workerKind(message.worker(), context),
    };
    log.console.push(entry);
    if (type === 'error' && !isFaviconProbe(entry.url)) log.errors.push({ ...entry, kind: 'console' });
    if (isCspText(text)) log.cspViolations.push({ seq: entry.seq, time: entry.time, source: 'console', text, url: entry.url, worker: entry.worker });
  };
  // The context's 'console' event carries the pages', their dedicated workers' and the service
  // workers' messages (listening on each Worker as well would count them twice), and also
  // chromium's own log entries: failed loads, CSP reports.
  context.on('console', onConsole);

  context.on('weberror', (webError) => {
    const error = webError.error();
    const entry = {
      seq: log.next(),
      time: now(),
      kind: 'pageerror',
      text: error?.stack || String(error),
      url: webError.page()?.url() || '',
      worker: null,
    };
    log.pageErrors.push(entry);
    log.errors.push(entry);
  });

  const onViolation = (violation, worker = null) => {
    log.cspViolations.push({
      seq: log.next(),
      time: now(),
      source: 'event',
      text: `${violation.directive} blocked ${violation.blockedURI || '(inline)'}`,
      worker,
      ...violation,
    });
  };
  await context.exposeBinding('__goujiHarnessCsp', (_source, violation) => onViolation(violation));
  await context.addInitScript({ content: CSP_INIT_SCRIPT });
  if (init) await context.addInitScript(init);
  const watchWorker = (worker) => worker.evaluate(workerCspListener, WORKER_CSP_MARK).catch(() => {});
  context.on('page', (page) => page.on('worker', watchWorker));
  context.on('serviceworker', watchWorker);

  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil });
    if (offline) {
      const state = await page.evaluate(async (timeout) => {
        const sw = navigator.serviceWorker;
        if (!sw) return 'unsupported';
        const end = Date.now() + timeout;
        const sleep = () => new Promise((r) => setTimeout(r, 25));
        while (!(await sw.getRegistration())) {
          if (Date.now() > end) return 'none';
          await sleep();
        }
        while (!sw.controller) {
          const registration = await sw.getRegistration();
          if (registration?.active && !registration.installing && !registration.waiting) return 'active';
          if (Date.now() > end) return 'installing';
          await sleep();
        }
        return 'controlled';
      }, serviceWorkerTimeout);
      if (state === 'active') await page.reload({ waitUntil }); // active, but no clients.claim()
      else if (state !== 'controlled')
        throw new Error(`openPage: { offline: true } but no service worker controls ${url} (${state})`);
      if (!(await page.evaluate(() => navigator.serviceWorker.controller != null)))
        throw new Error(`openPage: { offline: true } but no service worker controls ${url} after a reload`);
      // The page's own word that every asset is cached, where it has one.
      if (offlineReady) await page.waitForSelector(offlineReady, { state: 'attached', timeout: serviceWorkerTimeout });
      await context.setOffline(true);
      await page.reload({ waitUntil });
    }
  } catch (error) {
    await context.close();
    throw error;
  }
  return { page, context, log };
}

/** A mark for requestsSince: `const m = mark(log); ...; requestsSince(log, m)`. */
export function mark(log) {
  return { seq: log.next(), time: Date.now() };
}

/**
 * Requests recorded after `since`: a mark() (exact), or a time in ms since the epoch
 * (e.g. Date.now() taken before an action; requests at that very millisecond count).
 */
export function requestsSince(log, since) {
  if (since && typeof since === 'object' && 'seq' in since) return log.requests.filter((r) => r.seq > since.seq);
  const time = since instanceof Date ? since.getTime() : Number(since);
  return log.requests.filter((r) => r.time >= time);
}

/** Requests to any origin but `origin` (a URL or an origin); data:, blob: and about: are ignored. */
export function otherOrigins(log, origin) {
  const own = new URL(origin).origin;
  return log.requests.filter((r) => {
    if (/^(data|blob|about):/i.test(r.url)) return false;
    try {
      return new URL(r.url).origin !== own;
    } catch {
      return true;
    }
  });
}

/**
 * The text a sighted person sees on the page: the text nodes that are displayed (not hidden,
 * not display:none, not transparent) and not clipped to a pixel as visually hidden words for
 * screen readers are, one per line.
 */
export function visibleText(page) {
  return page.evaluate(() => {
    const seen = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      const parent = node.parentElement;
      if (!node.data.trim() || !parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      let clipped = false;
      for (let e = parent; e && !clipped; e = e.parentElement) {
        const box = e.getBoundingClientRect();
        clipped = box.width <= 1 && box.height <= 1;
      }
      if (!clipped) seen.push(node.data);
    }
    return seen.join('\n');
  });
}

// ---------------------------------------------------------------------------------------------
// Accessibility

let axeSource;

/**
 * Runs axe-core on the page and returns its serious and critical violations, each as
 * { id, impact, help, nodes: [target selectors] }.
 *
 * How axe runs under `script-src 'self'`: page.addScriptTag({ content }) inserts an inline
 * <script>, which the CSP refuses (playwright throws, and the page logs a violation). Instead
 * page.evaluate(source) hands axe.min.js to DevTools' Runtime.evaluate, which the page's CSP
 * does not govern (in Chromium 156 even eval() and new Function() inside evaluated code run).
 * So axe runs in the page's main world with the strict CSP in force for the page, no
 * bypassCSP, no header changes, and adds nothing to log.cspViolations (harness.test.mjs
 * checks this, and that an inline script is still refused afterwards).
 * `options` go to axe.run (e.g. { runOnly: ['wcag2a', 'wcag2aa'] }); `context` is axe's
 * context (default: the whole document).
 */
export async function runAxe(page, { context = null, options = {}, impacts = ['serious', 'critical'] } = {}) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof globalThis.axe?.run === 'function');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ context, options }) => {
      const result = await globalThis.axe.run(context ?? document, { ...options, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    },
    { context, options },
  );
  return violations.filter((v) => impacts.includes(v.impact));
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** Writes build/screenshots/<name>.png (from the repository's root) and returns its path. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  const folder = join(REPO_ROOT, 'build', 'screenshots');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

// ---------------------------------------------------------------------------------------------
// Paste and drop

/**
 * Pastes as Ctrl+V would: focuses the element and dispatches a `paste` ClipboardEvent
 * (bubbling, cancelable) whose clipboardData holds text/plain and, when given, text/html.
 * A synthetic event has no default action, so when no handler called preventDefault() the
 * harness performs the browser's default itself: in an <input>/<textarea> it fires
 * beforeinput, replaces the selection with the text (setRangeText) and fires `input`
 * (inputType 'insertFromPaste'); in a contenteditable it uses execCommand('insertHTML' or
 * 'insertText'), which fires those events itself.
 * Resolves to { handled: true } when the page's handler took the paste, else { handled: false }.
 */
export async function pasteText(page, selector, text, html) {
  const element = page.locator(selector).first();
  await element.waitFor({ state: 'attached' });
  return element.evaluate(
    (el, { text, html }) => {
      el.focus();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      if (html != null) data.setData('text/html', html);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
      if (!el.dispatchEvent(event)) return { handled: true };

      const init = { inputType: 'insertFromPaste', data: text, bubbles: true, composed: true };
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        if (!el.dispatchEvent(new InputEvent('beforeinput', { ...init, cancelable: true }))) return { handled: false };
        const start = el.selectionStart ?? el.value.length;
        const end = el.selectionEnd ?? el.value.length;
        el.setRangeText(text, start, end, 'end');
        el.dispatchEvent(new InputEvent('input', init));
      } else if (el.isContentEditable) {
        if (html != null) document.execCommand('insertHTML', false, html);
        else document.execCommand('insertText', false, text);
      } else {
        if ('value' in el) el.value = text;
        else el.textContent = text;
        el.dispatchEvent(new InputEvent('input', init));
      }
      return { handled: false };
    },
    { text, html: html ?? null },
  );
}

/**
 * Drops a file (or an array of files) on the element as a user dragging it from the desktop:
 * dragenter, dragover, then drop, each a bubbling, cancelable DragEvent whose dataTransfer
 * holds File objects made from `bytes` (a Buffer, Uint8Array or string).
 * Resolves to { accepted }: whether the page called preventDefault() on dragover (as it must
 * for a real drop to happen) and { dropped }: whether it did on drop.
 */
export async function dropFile(page, selector, files) {
  const list = (Array.isArray(files) ? files : [files]).map(({ name, mimeType = 'application/octet-stream', bytes }) => ({
    name,
    mimeType,
    base64: Buffer.from(bytes ?? []).toString('base64'),
  }));
  const element = page.locator(selector).first();
  await element.waitFor({ state: 'attached' });
  return element.evaluate((el, list) => {
    const data = new DataTransfer();
    for (const { name, mimeType, base64 } of list) {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      data.items.add(new File([bytes], name, { type: mimeType, lastModified: Date.now() }));
    }
    const rect = el.getBoundingClientRect();
    const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
    const fire = (type) =>
      el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true, ...at }));
    fire('dragenter');
    const accepted = !fire('dragover');
    const dropped = !fire('drop');
    return { accepted, dropped };
  }, list);
}
