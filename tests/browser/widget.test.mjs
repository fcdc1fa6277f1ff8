// Browser tests of the embeddable widget (web/widget.js, built into gouji-widget.js) and its demo CMS
// page (web/demo/). The oracle for results is the core's golden JSON of each sample
// (tests/golden/<sample>.json, equal to the CLI's output).
//
// Pages are served from a temporary tree that links to the built site:
//   same/gouji/*                 the built site (symlinks) plus two variants of the demo page:
//   same/gouji/demo-no-widget/   the demo without its <script src="../gouji-widget.js">
//   same/gouji/demo-no-cms-css/  the demo without the CMS's aggressive stylesheet
//   same/cms/news/edit/          a host page elsewhere on the same origin, with its own script
//   same/cms/multi/              three widgets: lang="en", a plain one and a compact one
//   cross/cms/                   a host page on another origin (another port) that loads the
//                                widget from the asset server (built site, --cors)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { REPO_ROOT, dropFile, launchBrowser, openPage, pasteText, runAxe, screenshot, startServer } from './harness.mjs';
import { builtSite, mutated004 as mutatedSample004, pageStrings, replaceSpan, samples } from './site.mjs';

const SAMPLES = samples();
const sample = (number) => SAMPLES.find((s) => s.number === number);
const NO_SAMPLES = 'the sample reports (../shared/samples/*.txt beside tests/golden/*.json) are absent';
const ACORN = '/usr/share/nodejs/acorn';

const MUTATED_BALANCE = '自然人列：一(5) + 二(0) = 5，但 三(七)(4) + 四(0) = 4，相差 1';

// What each sample's check concludes (../shared/samples/README.md): 000 and 002 leave cells blank
// that the format wants filled with 0, so that some checks cannot be made; the others are whole.
const SAMPLE_VERDICTS = { '000': 'incomplete', '001': 'pass', '002': 'incomplete', '003': 'pass', '004': 'pass' };
// Sample 000's verdict line (150 blank cells, 38 checks that cannot be made).
const VERDICT_000 = {
  zh: '未能完整核对：150 个单元格为空，格式要求填 0；38 项核对无法完成',
  en: 'Not fully checked: 150 cells are blank (the format wants 0); 38 checks could not be made',
};

/** What the widget's API and event give for a sample: the CLI's JSON with the verdict added. */
const answer = (s) => ({ ...s.golden, verdict: SAMPLE_VERDICTS[s.number] });

const mutated004 = () => mutatedSample004(sample('004')).text;

let browser, site, tmp, same, assets, cross, STRINGS;

// ---------------------------------------------------------------------------------------------
// The temporary tree of pages

const WIDGET_TAG = /<script\b[^>]*\bsrc="\.\.\/gouji-widget\.js"[^>]*><\/script>\s*/;
const CMS_CSS_LINK = /<link\b[^>]*\bhref="cms\.css"[^>]*>\s*/;

function without(html, pattern, what) {
  assert.match(html, pattern, `the demo page has ${what}`);
  return html.replace(pattern, '');
}

function buildSameOriginTree(root) {
  const gouji = join(root, 'gouji');
  mkdirSync(gouji, { recursive: true });
  for (const name of readdirSync(site)) symlinkSync(join(site, name), join(gouji, name));
  const demo = readFileSync(join(site, 'demo', 'index.html'), 'utf8');
  const variants = {
    'demo-no-widget': without(demo, WIDGET_TAG, 'the widget script tag'),
    'demo-no-cms-css': without(demo, CMS_CSS_LINK, 'the CMS stylesheet link'),
  };
  for (const [name, html] of Object.entries(variants)) {
    mkdirSync(join(gouji, name));
    writeFileSync(join(gouji, name, 'index.html'), html);
    for (const file of ['cms.css', 'cms.js']) symlinkSync(join(site, 'demo', file), join(gouji, name, file));
  }
  // A CMS page at another path than the assets, with its own (external) script.
  mkdirSync(join(root, 'cms', 'news', 'edit'), { recursive: true });
  writeFileSync(join(root, 'cms', 'news', 'edit', 'index.html'), hostPage('/gouji/gouji-widget.js', '<gouji-checker id="checker"></gouji-checker>'));
  writeFileSync(join(root, 'cms', 'news', 'edit', 'host.js'), HOST_JS);
  // Three widgets on one page, no script of the page's own.
  mkdirSync(join(root, 'cms', 'multi'), { recursive: true });
  writeFileSync(
    join(root, 'cms', 'multi', 'index.html'),
    hostPage('/gouji/gouji-widget.js', '<gouji-checker id="en" lang="en"></gouji-checker>\n<gouji-checker id="a"></gouji-checker>\n<gouji-checker id="b" compact></gouji-checker>', false),
  );
}

function buildCrossOriginTree(root, widgetUrl) {
  mkdirSync(join(root, 'cms', 'blank'), { recursive: true });
  writeFileSync(join(root, 'cms', 'index.html'), hostPage(widgetUrl, '<gouji-checker id="checker"></gouji-checker>'));
  writeFileSync(join(root, 'cms', 'host.js'), HOST_JS);
  // The same page with no script at all: the globals a page has without gouji.
  writeFileSync(join(root, 'cms', 'blank', 'index.html'), hostPage(null, '<p>blank</p>', false));
}

function hostPage(widgetSrc, body, ownScript = true) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>host page</title>
  ${widgetSrc ? `<script src="${widgetSrc}" defer></script>` : ''}
  ${ownScript ? '<script src="host.js" defer></script>' : ''}
</head>
<body>
  <p id="mode"></p>
  <p id="results">0</p>
  ${body}
</body>
</html>
`;
}

// The host page's own script: shows gouji.ready()'s mode and counts gouji-result events.
const HOST_JS = `(function () {
  var results = 0;
  document.addEventListener('gouji-result', function () {
    results += 1;
    document.getElementById('results').textContent = String(results);
  });
  window.gouji.ready().then(function (info) {
    document.getElementById('mode').textContent = info.mode;
  });
})();
`;

before(async () => {
  site = builtSite();
  tmp = mkdtempSync(join(tmpdir(), 'gouji-widget-test-'));
  buildSameOriginTree(join(tmp, 'same'));
  [browser, same, assets, STRINGS] = await Promise.all([
    launchBrowser(),
    startServer({ dir: join(tmp, 'same'), csp: true }),
    startServer({ dir: site, base: '/gouji/', cors: true }),
    pageStrings(),
  ]);
  assert.notEqual(assets.origin, same.origin);
  buildCrossOriginTree(join(tmp, 'cross'), `${assets.url}gouji-widget.js`);
  cross = await startServer({ dir: join(tmp, 'cross'), csp: true, cspAllow: assets.origin });
});

after(async () => {
  await Promise.all([browser?.close(), same?.close(), assets?.close(), cross?.close()]);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers

const DEMO = () => `${same.url}gouji/demo/`;

/** Opens `url`, runs fn, closes the context whatever happens. */
async function withPage(url, fn, options = {}) {
  const { page, context, log } = await openPage(browser, url, options);
  try {
    return await fn({ page, context, log });
  } finally {
    await context.close();
  }
}

/** Waits until `count` widgets have their core ready (they set data-ready). */
const widgetsReady = (page, count) =>
  page.waitForFunction((n) => document.querySelectorAll('gouji-checker[data-ready]').length === n, count, { timeout: 20_000 });

/** The demo page after its first check (cms.js loads the last sample and checks it). */
async function demoSettled(page) {
  await widgetsReady(page, 2);
  await page.waitForFunction(() => document.getElementById('publish-note').textContent !== '', null, { timeout: 20_000 });
  await page.waitForFunction(() => document.getElementById('full-checker').shadowRoot.querySelector('.summary:not([hidden])'));
}

/** Calls element.check(text) on #id; records every gouji-result event the document sees meanwhile
 * (and 100 ms after). Resolves to { result, events: [{ target, composed, bubbles, same }], equal }. */
function elementCheck(page, id, text) {
  return page.evaluate(
    async ({ id, text }) => {
      const element = document.getElementById(id);
      const events = [];
      const listener = (event) =>
        events.push({ target: event.target.id, composed: event.composed, bubbles: event.bubbles, detail: event.detail });
      document.addEventListener('gouji-result', listener);
      try {
        const result = await element.check(text);
        await new Promise((r) => setTimeout(r, 100));
        return { result, events: events.map(({ detail, ...e }) => ({ ...e, same: detail === result })), detail: events[0]?.detail ?? null };
      } finally {
        document.removeEventListener('gouji-result', listener);
      }
    },
    { id, text },
  );
}

/** What a widget shows: its parts, read inside its shadow root. */
function shown(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const q = (s) => root.querySelector(s);
    const visible = (e) => Boolean(e && e.checkVisibility());
    return {
      label: q('.label')?.textContent,
      labelVisible: visible(q('.label')),
      textarea: q('textarea')?.value,
      textareaVisible: visible(q('textarea')),
      status: q('.status')?.textContent,
      verdict: q('.verdict')?.textContent ?? null,
      dataVerdict: q('.summary')?.dataset.verdict ?? null,
      reasons: [...root.querySelectorAll('[data-testid=incomplete] li')].map((li) => li.dataset.reason),
      cellsSummary: q('[data-testid=cells]')?.textContent ?? null,
      tables: root.querySelectorAll('table').length,
      cells: root.querySelectorAll('td[data-cell]').length,
      failedCells: [...root.querySelectorAll('td.cell-failed')].map((td) => td.dataset.cell).sort(),
      tableTitles: [...root.querySelectorAll('h3')].map((h) => h.textContent),
      findings: [...root.querySelectorAll('button.finding')].map((b) => ({
        index: Number(b.dataset.finding),
        rule: b.querySelector('.rule')?.textContent,
        message: b.querySelector('.message')?.textContent,
        lang: b.querySelector('.message')?.lang,
        visible: visible(b),
      })),
      error: q('.error-box')?.hidden === false ? q('.error-box').textContent : null,
    };
  }, id);
}

/** Shown findings in the report's order (the widget groups them by table). */
const byIndex = (findings) => [...findings].sort((x, y) => x.index - y.index);

// Computed styles that follow the element's box or position, i.e. the layout around it, which a
// missing stylesheet or a widget taking room may change without any style reaching the element.
const LAYOUT_PROPERTIES = new Set(['width', 'height', 'inline-size', 'block-size', 'transform-origin', 'perspective-origin']);

/** Every computed style (minus LAYOUT_PROPERTIES) of the elements given as [label, host selector,
 * selector in its shadow root | null]. */
function computedStyles(page, targets) {
  return page.evaluate(
    ({ targets, skip }) => {
      const out = {};
      for (const [label, host, inner] of targets) {
        let element = document.querySelector(host);
        if (element && inner) element = element.shadowRoot.querySelector(inner);
        if (!element) {
          out[label] = null;
          continue;
        }
        const style = getComputedStyle(element);
        const values = {};
        for (const name of style) if (!skip.includes(name)) values[name] = style.getPropertyValue(name);
        out[label] = values;
      }
      return out;
    },
    { targets, skip: [...LAYOUT_PROPERTIES] },
  );
}

/** { label: { property: [a, b] } } for every property that differs. */
function styleDiff(a, b) {
  const diff = {};
  for (const label of Object.keys(a)) {
    assert.ok(a[label] && b[label], `${label}: element found on both pages`);
    for (const name of Object.keys(a[label])) {
      if (a[label][name] !== b[label][name]) (diff[label] ??= {})[name] = [a[label][name], b[label][name]];
    }
  }
  return diff;
}

/** Fills the demo editor as a user would (fill fires `input`), waits for the sidebar's verdict. */
async function editDemo(page, text, { blocked }) {
  const before = await page.evaluate(() => (window.__results = (window.__results || 0)));
  await page.evaluate(() => {
    if (!window.__counting) {
      window.__counting = true;
      document.getElementById('checker').addEventListener('gouji-result', () => (window.__results += 1));
    }
  });
  await page.fill('#article-body', text);
  await page.waitForFunction((n) => window.__results > n, before, { timeout: 20_000 });
  await page.waitForFunction((blocked) => document.getElementById('publish').disabled === blocked, blocked);
}

// ---------------------------------------------------------------------------------------------

describe('demo CMS page, same origin, strict CSP', () => {
  test('ready, one shared worker for both widgets and the API, compact sidebar without tables or textarea, no CSP violation or console error, one global name', async () => {
    const withWidget = await withPage(DEMO(), async ({ page, log }) => {
      await demoSettled(page);
      const ready = await page.evaluate(() => window.gouji.ready());
      assert.equal(ready.mode, 'worker');
      assert.match(ready.version, /^\d+\.\d+\.\d+/);
      // Both elements, the API, and the core they use: exactly one worker, the site's worker.js.
      const mutated = sample('004') ? mutated004() : '';
      if (mutated) {
        const [api, element] = await Promise.all([
          page.evaluate((t) => window.gouji.check(t), mutated),
          page.evaluate((t) => document.getElementById('checker').check(t), mutated),
        ]);
        assert.deepEqual(api, element);
      }
      await page.waitForTimeout(300); // a worker started late would show up by now
      assert.deepEqual(page.workers().map((w) => w.url()), [`${same.origin}/gouji/worker.js`], 'the page\'s workers');
      // The demo's sidebar is compact: summary and findings, no tables, no textarea.
      const sidebar = await shown(page, 'checker');
      assert.deepEqual([sidebar.tables, sidebar.cells, sidebar.textareaVisible, Boolean(sidebar.verdict)], [0, 0, false, true]);
      const full = await shown(page, 'full-checker');
      assert.deepEqual([full.tables > 0, full.textareaVisible, Boolean(full.verdict)], [true, true, true]);
      assert.deepEqual(log.cspViolations, [], 'CSP violations');
      assert.deepEqual(log.errors, [], 'console errors');
      return { keys: await page.evaluate(() => Object.keys(window)) };
    });
    const plain = await withPage(`${same.url}gouji/demo-no-widget/`, async ({ page }) => {
      await page.waitForFunction(() => document.getElementById('article-body').value !== '', null, { timeout: 20_000 });
      await page.waitForTimeout(500); // cms.js's debounced review (which fails here: no widget)
      assert.equal(await page.evaluate(() => typeof window.gouji), 'undefined');
      assert.equal(page.workers().length, 0);
      return { keys: await page.evaluate(() => Object.keys(window)) };
    });
    const mine = (k) => !k.startsWith('__gouji'); // the harness's own init-script globals
    const added = withWidget.keys.filter(mine).filter((k) => !plain.keys.includes(k));
    const removed = plain.keys.filter(mine).filter((k) => !withWidget.keys.includes(k));
    assert.deepEqual({ added, removed }, { added: ['gouji'], removed: [] }, 'globals the widget script adds');
  });
});

describe('styles do not leak', () => {
  const INSIDE = [
    ['host (compact)', '#checker', null],
    ['host (full)', '#full-checker', null],
    ['section', '#full-checker', 'section.gouji'],
    ['status', '#full-checker', '.status'],
    ['label', '#full-checker', '.label'],
    ['textarea', '#full-checker', 'textarea'],
    ['verdict', '#full-checker', '.verdict'],
    ['summary item', '#full-checker', '.summary-item'],
    ['table title', '#full-checker', 'h3'],
    ['table', '#full-checker', 'table.report-table'],
    ['th', '#full-checker', 'table.report-table th'],
    ['td', '#full-checker', 'td.cell'],
    ['failed td', '#full-checker', 'td.cell-failed'],
    ['finding button', '#full-checker', 'button.finding'],
    ['finding message', '#full-checker', 'button.finding .message'],
    ['rule', '#full-checker', 'button.finding .rule'],
    ['compact finding button', '#checker', 'button.finding'],
    ['compact status', '#checker', '.status'],
  ];

  /** The demo (or its variant) with the mutated sample checked, so that there are failed cells and
   * finding buttons; resolves to the computed styles of INSIDE (once per page). */
  const insideCache = new Map();
  function insideStyles(path) {
    if (!insideCache.has(path)) {
      insideCache.set(path, withPage(`${same.url}gouji/${path}/`, async ({ page }) => {
        await demoSettled(page);
        await editDemo(page, mutated004(), { blocked: true });
        await page.waitForFunction(() => document.getElementById('full-checker').shadowRoot.querySelector('td.cell-failed'));
        await page.mouse.move(0, 0);
        return computedStyles(page, INSIDE);
      }));
    }
    return insideCache.get(path);
  }

  test("the demo's global !important rules do not reach into the widget", async (t) => {
    if (!sample('004')) return t.skip(NO_SAMPLES);
    insideStyles('demo-no-cms-css').catch(() => {}); // for the next test, loading meanwhile
    const demo = await insideStyles('demo');
    // The CMS's rules (cms.css): * { font-family: "Comic Sans MS" ...; color: #5b0a91; font-size: 19px;
    // letter-spacing: 1px; line-height: 2.2 }, table/td/th { border: 4px dotted #ff00cc; background:
    // yellow }, button { text-transform: uppercase; background: #111; color: #0f0; padding: 14px 28px }.
    for (const [label] of INSIDE) {
      const s = demo[label];
      assert.ok(s, `${label}: found`);
      assert.doesNotMatch(s['font-family'], /Comic Sans/i, `${label}: font-family`);
      assert.notEqual(s.color, 'rgb(91, 10, 145)', `${label}: color`);
      assert.notEqual(s['font-size'], '19px', `${label}: font-size`);
      assert.equal(s['letter-spacing'], 'normal', `${label}: letter-spacing`);
      assert.notEqual(s['border-top-style'], 'dotted', `${label}: border-style`);
      assert.notEqual(s['background-color'], 'rgb(255, 255, 0)', `${label}: background`);
      assert.equal(s['text-transform'], 'none', `${label}: text-transform`);
    }
    for (const label of ['td', 'th', 'table']) assert.notEqual(demo[label]['border-top-color'], 'rgb(255, 0, 204)', label);
    for (const label of ['finding button', 'compact finding button']) {
      assert.notEqual(demo[label]['background-color'], 'rgb(17, 17, 17)', `${label}: background`);
      assert.notEqual(demo[label]['padding-top'], '14px', `${label}: padding`);
    }
    // The widget's own sizes, set in px or em from :host { font-size: 15px }.
    assert.equal(demo['host (full)']['font-size'], '15px');
    assert.equal(demo['host (compact)']['font-size'], '15px');
    assert.equal(demo.status['font-size'], '15px');
    assert.equal(demo.textarea['font-size'], '13.5px'); // .9em
  });

  test(
    'every computed style inside the widget is the same with and without the CMS stylesheet',
    async (t) => {
      if (!sample('004')) return t.skip(NO_SAMPLES);
      const [demo, unstyled] = await Promise.all([insideStyles('demo'), insideStyles('demo-no-cms-css')]);
      const diff = styleDiff(demo, unstyled);
      assert.deepEqual(diff, {}, 'computed styles inside the widget: [with cms.css, without]');
    },
  );

  test('the widget changes no style outside it: editor textarea, publish button, a td of the page', async (t) => {
    const OUTSIDE = [
      ['editor textarea', '#article-body', null],
      ['publish button', '#publish', null],
      ['publish note', '#publish-note', null],
      ['title input', '#article-title', null],
      ['page td', '#page-table td', null],
      ['page table', '#page-table', null],
      ['body', 'body', null],
      ['html', 'html', null],
    ];
    const outside = (path, settled) =>
      withPage(`${same.url}gouji/${path}/`, async ({ page }) => {
        await settled(page);
        await page.evaluate(() => {
          // A table of the CMS's own, added at the end of the editor.
          const table = document.createElement('table');
          table.id = 'page-table';
          table.innerHTML = '<tbody><tr><td>本页的表格</td><td>1</td></tr></tbody>';
          document.querySelector('.editor').append(table);
          document.getElementById('publish').disabled = false; // the same state on both pages
        });
        await page.mouse.move(0, 0);
        return computedStyles(page, OUTSIDE);
      });
    const [withWidget, plain] = await Promise.all([
      outside('demo', demoSettled),
      outside('demo-no-widget', async (page) => {
        await page.waitForFunction(() => document.getElementById('article-body').value !== '', null, { timeout: 20_000 });
        await page.waitForTimeout(500);
      }),
    ]);
    // The CMS's rules do apply outside (so the comparison means something).
    assert.equal(withWidget['page td']['border-top-style'], 'dotted');
    assert.match(withWidget['publish button']['font-family'], /Comic Sans/);
    assert.deepEqual(styleDiff(withWidget, plain), {}, 'computed styles outside the widget: [with widget, without]');
  });
});

describe('results equal the CLI', () => {
  test('each sample: gouji.check() and element.check() give the golden JSON; one gouji-result event per check', async (t) => {
    if (SAMPLES.length === 0) return t.skip(NO_SAMPLES);
    await withPage(DEMO(), async ({ page, log }) => {
      await demoSettled(page);
      await page.waitForTimeout(400); // nothing of cms.js's first review is still on its way
      for (const s of SAMPLES) {
        const api = await page.evaluate((text) => window.gouji.check(text), s.text);
        assert.deepEqual(api, answer(s), `${s.number}: gouji.check()`);
        for (const id of ['full-checker', 'checker']) {
          const { result, events, detail } = await elementCheck(page, id, s.text);
          assert.deepEqual(result, answer(s), `${s.number}: #${id}.check()`);
          assert.deepEqual(events, [{ target: id, composed: true, bubbles: true, same: true }], `${s.number}: #${id}: gouji-result events`);
          assert.deepEqual(detail, answer(s), `${s.number}: #${id}: event detail`);
        }
        const full = await shown(page, 'full-checker');
        assert.equal(full.findings.length, s.golden.findings.length, `${s.number}: findings shown`);
        assert.equal(full.cells, Object.values(s.golden.report.tables).filter((x) => x.found).reduce((n, x) => n + x.cells_expected, 0));
      }
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });
});

describe('publishing', () => {
  test('a mutated sample blocks 发布; the compact widget shows the t3.balance arithmetic; the original text unblocks', async (t) => {
    if (!sample('004')) return t.skip(NO_SAMPLES);
    const s = sample('004');
    assert.equal(s.golden.summary.errors, 0);
    await withPage(DEMO(), async ({ page, log }) => {
      await demoSettled(page);
      await editDemo(page, mutated004(), { blocked: true });
      assert.equal(await page.isDisabled('#publish'), true);
      assert.equal(await page.textContent('#publish-note'), '检查发现 2 个错误，请修改后再发布。');
      const compact = await shown(page, 'checker');
      const balance = compact.findings.filter((f) => f.rule === 't3.balance');
      assert.deepEqual(balance.map((f) => [f.message, f.visible]), [[MUTATED_BALANCE, true]]);
      assert.ok(compact.findings.some((f) => f.rule === 't3.applicant_sum'), JSON.stringify(compact.findings));
      assert.equal(compact.verdict, `✗ ${STRINGS['zh-CN'].errors(2)}`);
      // The full widget marks the changed cell.
      await page.waitForFunction(() => document.getElementById('full-checker').shadowRoot.querySelector('td.cell-failed'));
      assert.ok((await shown(page, 'full-checker')).failedCells.includes('t3.r1.natural'));
      // Both say the one change that mends it, under the verdict.
      for (const id of ['checker', 'full-checker']) {
        assert.equal(await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[data-testid=fix]')?.textContent, id),
          '最小修改： 若 表三 一/自然人 为 4（而非 5），所有规则均成立。', id);
      }
      const path = await screenshot(page, 'widget-demo-004-mutated');
      console.log(`screenshot: ${path}`);

      await editDemo(page, s.text, { blocked: false });
      assert.equal(await page.textContent('#publish-note'), '检查通过，可以发布。');
      assert.equal((await shown(page, 'checker')).verdict, `✓ ${STRINGS['zh-CN'].passed}`);
      await page.click('#publish');
      await page.waitForFunction(() => document.getElementById('publish-note').textContent === '已发布（演示）。');
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });
});

describe('the verdict in the widget', () => {
  test('fail, incomplete, pass: shown as the page shows it, and `verdict` in gouji.check(), element.check() and gouji-result', async (t) => {
    if (!sample('000') || !sample('004')) return t.skip(NO_SAMPLES);
    await withPage(`${same.url}cms/multi/`, async ({ page, log }) => {
      await widgetsReady(page, 3);
      const cases = [
        { label: 'mutated 004', text: mutated004(), verdict: 'fail', line: '✗ 2 个错误', reasons: [] },
        { label: '000', text: sample('000').text, verdict: 'incomplete', line: `! ${VERDICT_000.zh}`, reasons: [] },
        { label: '004', text: sample('004').text, verdict: 'pass', line: '✓ 通过', reasons: [] },
      ];
      for (const c of cases) {
        const { result, events, detail } = await elementCheck(page, 'a', c.text);
        assert.equal(result.verdict, c.verdict, `${c.label}: element.check()`);
        assert.equal(detail.verdict, c.verdict, `${c.label}: gouji-result`);
        assert.equal(events.length, 1);
        assert.equal(await page.evaluate((text) => window.gouji.check(text).then((r) => r.verdict), c.text), c.verdict, `${c.label}: gouji.check()`);
        const view = await shown(page, 'a');
        assert.deepEqual([view.dataVerdict, view.verdict, view.reasons], [c.verdict, c.line, c.reasons], c.label);
        // The compact one too.
        await elementCheck(page, 'b', c.text);
        const compact = await shown(page, 'b');
        assert.deepEqual([compact.dataVerdict, compact.verdict], [c.verdict, c.line], `${c.label}: compact`);
      }
      // 只看错误 in one click, in the compact one too: sample 000 with t3.r1.total 0 -> 5 has an error
      // (t3.balance), warnings (blank cells) and notes.
      const cell = sample('000').golden.cells['t3.r1.total'];
      const { before, text } = replaceSpan(sample('000').text, cell.span, '5');
      assert.equal(before, '0');
      await elementCheck(page, 'b', text);
      const listed = () => page.evaluate(() => [...document.getElementById('b').shadowRoot.querySelectorAll('button.finding')]
        .filter((b) => b.checkVisibility()).map((b) => b.querySelector('code.rule').textContent));
      assert.ok((await listed()).length > 2);
      await page.click('#b button.errors-only');
      assert.equal(await page.getAttribute('#b button.errors-only', 'aria-pressed'), 'true');
      assert.deepEqual(await listed(), ['t3.balance']);
      await page.click('#b button.errors-only');
      assert.equal(await page.getAttribute('#b button.errors-only', 'aria-pressed'), 'false');
      assert.ok((await listed()).length > 2);

      // A text that is not a report: refused, with no verdict.
      const refused = await page.evaluate(() => window.gouji.check('今天天气很好。'));
      assert.ok(refused.error && !('verdict' in refused), JSON.stringify(refused));
      assert.deepEqual(log.errors, []);
    });
  });

  test('several reports in one text: `verdict` is the worst of them, and the widget offers each', async (t) => {
    if (!sample('004')) return t.skip(NO_SAMPLES);
    await withPage(`${same.url}cms/multi/`, async ({ page }) => {
      await widgetsReady(page, 3);
      const text = `${sample('004').text}\n\n${mutated004()}`;
      const { result } = await elementCheck(page, 'a', text);
      assert.equal(result.other_reports?.length, 1, 'the core found two reports');
      assert.equal(result.summary.verdict, 'pass', 'the first passes');
      assert.equal(result.verdict, 'fail', 'the second fails: the text fails');
      const choices = await page.evaluate(() => [...document.getElementById('a').shadowRoot.querySelectorAll('.reports button')]
        .map((b) => [b.dataset.verdict, b.getAttribute('aria-pressed')]));
      assert.deepEqual(choices, [['pass', 'true'], ['fail', 'false']]);
      await page.click('#a .reports button[data-report="1"]');
      assert.equal((await shown(page, 'a')).dataVerdict, 'fail');
      assert.ok((await shown(page, 'a')).failedCells.includes('t3.r1.natural'));
    });
  });
});

describe('the demo\'s publish gate', () => {
  test('fail blocks 发布; incomplete asks in an in-page dialog (cancel, then publish anyway); pass publishes', async (t) => {
    if (!sample('000') || !sample('004')) return t.skip(NO_SAMPLES);
    await withPage(DEMO(), async ({ page, log }) => {
      await demoSettled(page);
      const dialogOpen = () => page.$eval('#confirm-publish', (d) => d.open);
      // fail: blocked.
      await editDemo(page, mutated004(), { blocked: true });
      assert.equal(await page.textContent('#publish-note'), '检查发现 2 个错误，请修改后再发布。');
      assert.equal(await dialogOpen(), false);

      // incomplete: the button works, and asks first.
      await editDemo(page, sample('000').text, { blocked: false });
      assert.equal(await page.textContent('#publish-note'), `${VERDICT_000.zh}。发布前需要确认。`);
      await page.click('#publish');
      await page.waitForSelector('#confirm-publish[open]');
      assert.equal(await page.isVisible('#confirm-publish'), true);
      assert.equal(await page.textContent('#confirm-text'), `${VERDICT_000.zh}。确定仍要发布吗？`);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-cancel', 'the safe choice has the focus');
      const violations = await runAxe(page, { context: '#confirm-publish' });
      assert.deepEqual(violations, [], JSON.stringify(violations));
      // The dialog's close event, which writes the note, comes in a task after it closes: wait
      // for the note, not only for the dialog.
      const noteSays = (text) => page.waitForFunction((t) => document.getElementById('publish-note').textContent === t, text);
      await page.click('#confirm-cancel');
      await page.waitForFunction(() => !document.getElementById('confirm-publish').open);
      await noteSays('未发布。');
      assert.equal(await page.textContent('#publish-note'), '未发布。');
      await page.click('#publish');
      await page.waitForSelector('#confirm-publish[open]');
      await page.click('#confirm-publish-anyway');
      await page.waitForFunction(() => !document.getElementById('confirm-publish').open);
      await noteSays('已发布（演示），未能完整核对。');
      assert.equal(await page.textContent('#publish-note'), '已发布（演示），未能完整核对。');

      // pass: published at once.
      await editDemo(page, sample('004').text, { blocked: false });
      assert.equal(await page.textContent('#publish-note'), '检查通过，可以发布。');
      await page.click('#publish');
      await page.waitForFunction(() => document.getElementById('publish-note').textContent === '已发布（演示）。');
      assert.equal(await dialogOpen(), false);
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });
});

describe('hosting', () => {
  test('cross-origin: assets on another origin (--cors), host page with strict CSP + --csp-allow: main thread, golden results', async (t) => {
    const url = `${cross.url}cms/`;
    const blankKeys = await withPage(`${cross.url}cms/blank/`, ({ page }) => page.evaluate(() => Object.keys(window)));
    await withPage(url, async ({ page, log }) => {
      await widgetsReady(page, 1);
      await page.waitForFunction(() => document.getElementById('mode').textContent !== '', null, { timeout: 20_000 });
      assert.equal(await page.textContent('#mode'), 'main-thread', 'the host page\'s own script saw gouji.ready()');
      const ready = await page.evaluate(() => window.gouji.ready());
      assert.equal(ready.mode, 'main-thread');
      assert.equal(page.workers().length, 0, 'no worker (a worker cannot start from another origin)');
      for (const s of [sample('000'), sample('004')].filter(Boolean)) {
        assert.deepEqual(await page.evaluate((text) => window.gouji.check(text), s.text), answer(s), `${s.number}: gouji.check()`);
        const { result, events } = await elementCheck(page, 'checker', s.text);
        assert.deepEqual(result, answer(s), `${s.number}: element.check()`);
        assert.equal(events.length, 1);
        assert.equal((await shown(page, 'checker')).findings.length, s.golden.findings.length);
      }
      if (sample('004')) assert.equal(await page.textContent('#results'), '2', 'the host script counted the events');
      // The core came from the asset server, with CORS.
      const core = log.requests.filter((r) => /\/gouji\/gouji\.(mjs|wasm)$/.test(r.url));
      assert.deepEqual(core.map((r) => [new URL(r.url).origin, r.status]), [[assets.origin, 200], [assets.origin, 200]]);
      assert.deepEqual(log.cspViolations, [], 'CSP violations');
      assert.deepEqual(log.errors, [], 'console errors');
      const keys = await page.evaluate(() => Object.keys(window));
      assert.deepEqual(keys.filter((k) => !k.startsWith('__gouji') && !blankKeys.includes(k)), ['gouji'], 'globals added');
    });
  });

  test('same origin, host page at /cms/news/edit/ and assets under /gouji/: worker mode, golden results', async (t) => {
    await withPage(`${same.url}cms/news/edit/`, async ({ page, log }) => {
      await widgetsReady(page, 1);
      await page.waitForFunction(() => document.getElementById('mode').textContent !== '', null, { timeout: 20_000 });
      assert.equal(await page.textContent('#mode'), 'worker');
      assert.equal((await page.evaluate(() => window.gouji.ready())).mode, 'worker');
      for (const s of [sample('000'), sample('004')].filter(Boolean)) {
        assert.deepEqual(await page.evaluate((text) => window.gouji.check(text), s.text), answer(s), `${s.number}: gouji.check()`);
        const { result, events } = await elementCheck(page, 'checker', s.text);
        assert.deepEqual(result, answer(s), `${s.number}: element.check()`);
        assert.equal(events.length, 1);
      }
      assert.deepEqual(page.workers().map((w) => w.url()), [`${same.origin}/gouji/worker.js`]);
      const outside = log.requests.filter((r) => {
        const path = new URL(r.url).pathname;
        return !path.startsWith('/gouji/') && !path.startsWith('/cms/news/edit/') && path !== '/favicon.ico';
      });
      assert.deepEqual(outside.map((r) => r.url), [], 'requests outside the page\'s and the assets\' folders');
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });
});

describe('attributes and several widgets', () => {
  test('lang="en": English strings and message.en', async (t) => {
    if (!sample('000')) return t.skip(NO_SAMPLES);
    const s = sample('000');
    const en = STRINGS.en;
    await withPage(`${same.url}cms/multi/`, async ({ page, log }) => {
      await widgetsReady(page, 3);
      const idle = await shown(page, 'en');
      assert.equal(idle.label, en.textareaLabel);
      assert.equal(idle.status, en.ready);
      assert.equal((await shown(page, 'a')).status, STRINGS['zh-CN'].ready);
      const { result } = await elementCheck(page, 'en', s.text);
      assert.deepEqual(result, answer(s));
      const view = await shown(page, 'en');
      assert.equal(view.verdict, `! ${VERDICT_000.en}`);
      assert.equal(view.status, en.announce(`${en.template(s.golden.report.template)} · ${VERDICT_000.en}`));
      assert.equal(view.cellsSummary, en.cells(s.golden.summary.cells_found, s.golden.summary.cells_expected));
      assert.deepEqual(view.tableTitles, ['t2', 't3', 't4'].map((id) => en.tableNames[id]));
      assert.equal(view.findings.length, s.golden.findings.length);
      assert.ok(view.findings.length > 0);
      for (const f of view.findings) {
        assert.equal(f.message, s.golden.findings[f.index].message.en, `finding ${f.index}`);
        assert.equal(f.lang, 'en');
      }
      // Switching the attribute redraws in Chinese.
      await page.evaluate(() => document.getElementById('en').setAttribute('lang', 'zh-CN'));
      const zh = await shown(page, 'en');
      assert.equal(zh.label, STRINGS['zh-CN'].textareaLabel);
      for (const f of zh.findings) assert.equal(f.message, s.golden.findings[f.index].message.zh);
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });

  test('compact: no tables, no textarea; two widgets on one page work independently', async (t) => {
    if (!sample('000') || !sample('004')) return t.skip(NO_SAMPLES);
    const mutated = mutated004();
    await withPage(`${same.url}cms/multi/`, async ({ page, log }) => {
      await widgetsReady(page, 3);
      // Different texts, at the same time.
      const [a, b] = await Promise.all([elementCheck(page, 'a', sample('000').text), elementCheck(page, 'b', mutated)]);
      assert.deepEqual(a.result, answer(sample('000')));
      assert.equal(b.result.summary.errors, 2);
      assert.ok(b.result.findings.some((f) => f.rule === 't3.balance' && f.message.zh === MUTATED_BALANCE));
      const viewA = await shown(page, 'a');
      const viewB = await shown(page, 'b');
      // a: the full widget, with its text, tables and findings.
      assert.equal(viewA.textarea, sample('000').text);
      assert.equal(viewA.textareaVisible, true);
      assert.ok(viewA.tables > 0 && viewA.cells > 0);
      assert.equal(viewA.verdict, `! ${VERDICT_000.zh}`);
      assert.deepEqual(viewA.failedCells, []);
      assert.deepEqual(byIndex(viewA.findings).map((f) => f.message), sample('000').golden.findings.map((f) => f.message.zh));
      // b: compact: summary and findings only.
      assert.equal(viewB.tables, 0, 'compact: no tables');
      assert.equal(viewB.cells, 0);
      assert.equal(viewB.textareaVisible, false, 'compact: no textarea');
      assert.equal(viewB.labelVisible, false, 'compact: no textarea label');
      assert.equal(viewB.verdict, `✗ ${STRINGS['zh-CN'].errors(2)}`);
      assert.deepEqual(byIndex(viewB.findings).map((f) => f.message), b.result.findings.map((f) => f.message.zh));
      // The third widget was left alone.
      assert.equal((await shown(page, 'en')).verdict, null);

      // Typing in a's own textarea checks a only.
      await page.evaluate(() => {
        window.__targets = [];
        document.addEventListener('gouji-result', (e) => window.__targets.push(e.target.id));
      });
      await page.fill('#a textarea', sample('004').text);
      await page.waitForFunction(() => window.__targets.length > 0, null, { timeout: 20_000 });
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(() => window.__targets), ['a']);
      assert.equal((await shown(page, 'a')).cellsSummary, STRINGS['zh-CN'].cells(sample('004').golden.summary.cells_found, sample('004').golden.summary.cells_expected));
      assert.equal((await shown(page, 'b')).verdict, `✗ ${STRINGS['zh-CN'].errors(2)}`, 'b keeps its own result');
      assert.equal(page.workers().length, 1, 'the three widgets share one worker');
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Published formats: a table pasted as HTML, a .docx, .html or PDF dropped on the element.

const FORMATS = join(REPO_ROOT, 'tests', 'fixtures', 'formats');
// Sample 002: a fixture whose cells the core reads in full from each of its formats.
const FORMAT_SAMPLE = '002';
const fixture = (name) => readFileSync(join(FORMATS, name));
const rawCells = (cells) => Object.fromEntries(Object.entries(cells).map(([id, cell]) => [id, cell.raw]));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Runs `action` and resolves to the detail of the next gouji-result event of #id. */
async function nextResult(page, id, action) {
  await page.evaluate((id) => {
    window.__goujiNext = new Promise((resolve) =>
      document.getElementById(id).addEventListener('gouji-result', (event) => resolve(event.detail), { once: true }));
  }, id);
  await action();
  return page.evaluate(() => window.__goujiNext);
}

/** The result is the sample's, read from `format`, and the widget shows the text the core read. */
async function assertFormatResult(page, id, result, s, format, label) {
  assert.equal(result.error, undefined, `${label}: ${JSON.stringify(result.error)}`);
  assert.equal(result.input.format, format, `${label}: input.format`);
  assert.deepEqual(rawCells(result.cells), rawCells(s.golden.cells), `${label}: every cell as in the text sample`);
  const view = await shown(page, id);
  assert.equal(view.textarea, result.input.text, `${label}: the textarea shows the text the core read`);
  assert.equal(view.cellsSummary, STRINGS['zh-CN'].cells(result.summary.cells_found, result.summary.cells_expected), label);
  const extra = await page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    return { note: root.querySelector('.note').hidden ? null : root.querySelector('.note').textContent,
      format: root.querySelector('[data-testid=format]')?.textContent };
  }, id);
  assert.deepEqual(extra, { note: STRINGS['zh-CN'].derivedNote(format), format: STRINGS['zh-CN'].source(format) }, label);
}

const isPdfReader = (url) => /\/gouji\/(pdf\/|pdf-text\.js$)/.test(new URL(url).pathname);

describe('published formats in the widget', () => {
  test('worker mode: HTML pasted, .html, .docx and .pdf dropped on the element; gouji.checkHtml() and gouji.checkBytes(); pdf.js only for the PDF', async (t) => {
    const s = sample(FORMAT_SAMPLE);
    if (!s) return t.skip(NO_SAMPLES);
    await withPage(`${same.url}cms/multi/`, async ({ page, context, log }) => {
      await widgetsReady(page, 3);
      assert.equal((await page.evaluate(() => window.gouji.ready())).mode, 'worker');
      const html = fixture(`${FORMAT_SAMPLE}.html`).toString('utf8');
      // The clipboard of a browser's copy: the page's HTML and its rendered text.
      const other = await context.newPage();
      await other.setContent(html);
      const plain = await other.evaluate(() => document.body.innerText);
      await other.close();

      let handled;
      const pasted = await nextResult(page, 'a', async () => {
        ({ handled } = await pasteText(page, '#a textarea', plain, html));
      });
      assert.equal(handled, true, 'the widget takes an HTML paste itself');
      await assertFormatResult(page, 'a', pasted, s, 'html', 'HTML pasted');

      for (const [ext, mimeType] of [['html', 'text/html'], ['docx', DOCX]]) {
        const name = `${FORMAT_SAMPLE}.${ext}`;
        const result = await nextResult(page, 'a', async () => {
          assert.deepEqual(await dropFile(page, '#a section.gouji', { name, mimeType, bytes: fixture(name) }), { accepted: true, dropped: true });
        });
        await assertFormatResult(page, 'a', result, s, ext, `${name} dropped`);
      }
      assert.deepEqual(log.requests.filter((r) => isPdfReader(r.url)).map((r) => r.url), [], 'no PDF reader before a PDF');
      const name = `${FORMAT_SAMPLE}.pdf`;
      const pdf = await nextResult(page, 'a', async () => {
        await dropFile(page, '#a section.gouji', { name, mimeType: 'application/pdf', bytes: fixture(name) });
      });
      await assertFormatResult(page, 'a', pdf, s, 'pdf', `${name} dropped`);
      assert.ok(log.requests.some((r) => r.url.endsWith('/gouji/pdf/pdf.min.mjs')), 'pdf.js fetched for the PDF');
      console.log(`screenshot: ${await screenshot(page, 'widget-002-pdf')}`);

      // The API, for an editor of the page's own.
      const apiHtml = await page.evaluate((h) => window.gouji.checkHtml(h), html);
      assert.deepEqual(rawCells(apiHtml.cells), rawCells(s.golden.cells), 'gouji.checkHtml()');
      const docx = [...fixture(`${FORMAT_SAMPLE}.docx`)];
      const apiBytes = await page.evaluate((b) => window.gouji.checkBytes(new Uint8Array(b)), docx);
      assert.equal(apiBytes.input.format, 'docx');
      assert.deepEqual(rawCells(apiBytes.cells), rawCells(s.golden.cells), 'gouji.checkBytes()');
      const doc = await page.evaluate(() => window.gouji.checkBytes(new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])])));
      assert.equal(doc.error.code, 'unsupported_format');
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });

  test('main-thread mode (assets on another origin): a PDF dropped is read by pdf.js on the page, with no CSP violation', async (t) => {
    const s = sample(FORMAT_SAMPLE);
    if (!s) return t.skip(NO_SAMPLES);
    await withPage(`${cross.url}cms/`, async ({ page, log }) => {
      await widgetsReady(page, 1);
      assert.equal((await page.evaluate(() => window.gouji.ready())).mode, 'main-thread');
      for (const [ext, mimeType] of [['docx', DOCX], ['pdf', 'application/pdf']]) {
        const name = `${FORMAT_SAMPLE}.${ext}`;
        const result = await nextResult(page, 'checker', async () => {
          await dropFile(page, '#checker section.gouji', { name, mimeType, bytes: fixture(name) });
        });
        await assertFormatResult(page, 'checker', result, s, ext, `${name} dropped, main thread`);
      }
      const reader = log.requests.filter((r) => isPdfReader(r.url));
      assert.ok(reader.length > 0 && reader.every((r) => new URL(r.url).origin === assets.origin && r.status === 200),
        reader.map((r) => `${r.url} ${r.status}`).join('\n'));
      assert.equal(page.workers().length, 0, 'no worker');
      assert.deepEqual(log.cspViolations, [], 'CSP violations');
      assert.deepEqual(log.errors, [], 'console errors');
    });
  });
});

describe('the widget script', () => {
  test('parses as ES2020 (acorn); size printed', async (t) => {
    const source = readFileSync(join(site, 'gouji-widget.js'));
    const size = {
      raw: source.length,
      gzip: gzipSync(source, { level: 9 }).length,
      brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    console.log(`gouji-widget.js: ${size.raw} B raw, ${size.gzip} B gzip -9, ${size.brotli} B brotli 11 (wasm and data excluded)`);
    assert.ok(size.raw > 5_000 && size.raw < 300_000, `a sane size: ${size.raw}`);
    assert.ok(size.gzip < size.raw && size.brotli < 60_000);
    if (!existsSync(ACORN)) return t.skip(`acorn is not at ${ACORN}`);
    const { createRequire } = await import('node:module');
    const acorn = createRequire(import.meta.url)(ACORN);
    const text = source.toString('utf8');
    assert.doesNotThrow(() => acorn.parse(text, { ecmaVersion: 2020, sourceType: 'script' }), 'parses as an ES2020 script');
    let es2019 = 'parses';
    try {
      acorn.parse(text, { ecmaVersion: 2019, sourceType: 'script' });
    } catch (error) {
      es2019 = error.message;
    }
    console.log(`gouji-widget.js as ES2019: ${es2019} (acorn ${acorn.version})`);
  });
});
