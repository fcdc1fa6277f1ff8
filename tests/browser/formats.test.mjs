// Browser tests of the published formats on the checker page: a table pasted as HTML (the
// clipboard's text/html), and web pages, Word documents (.docx) and PDFs dropped as files. The
// oracle is the text sample each fixture was made from (tests/fixtures/formats/README.md): every
// cell of NNN.{html,docx,pdf} is the cell of ../shared/samples/NNN_*.txt as the core checks it
// (its golden JSON, tests/golden/NNN_*.json); cms-page-gbk.html has its own expected cells. The
// published PDFs of ../shared/samples/pdf are checked against what their README says.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, dropFile, launchBrowser, mark, openPage, pasteText, requestsSince, screenshot, startServer } from './harness.mjs';
import { SAMPLES_DIR, builtSite, expectedCells, median, pageStrings, samples } from './site.mjs';

const BASE = '/sub/path/';
const FORMATS = join(REPO_ROOT, 'tests', 'fixtures', 'formats');
const PDF_SAMPLES = join(SAMPLES_DIR, 'pdf');
const SAMPLES = samples();
const sample = (number) => SAMPLES.find((s) => s.number === number);
const NO_SAMPLES = 'the sample reports (../shared/samples/*.txt beside tests/golden/*.json) are absent';
const NO_PDF_SAMPLES = 'the published PDFs (../shared/samples/pdf) are absent';
const DONE = '检查完成：';
const MIME = {
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
const fixture = (name) => readFileSync(join(FORMATS, name));
// The fixtures that have a text sample beside them.
const numbered = () => SAMPLES.filter((s) => existsSync(join(FORMATS, `${s.number}.html`)));

let browser, site, STRINGS;
before(async () => {
  const dir = builtSite();
  [browser, site, STRINGS] = await Promise.all([launchBrowser(), startServer({ dir, base: BASE, csp: true }), pageStrings()]);
});
after(async () => {
  await Promise.all([browser?.close(), site?.close()]);
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Opens the page, waits until it is ready and its service worker controls it (its precache is
 * done), runs fn, closes the context whatever happens. */
async function withPage(fn, options = {}) {
  const { page, context, log } = await openPage(browser, site.url, options);
  try {
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
    // Every asset cached, as the page says (the offline tests go offline right away).
    await page.waitForSelector('#offline-status[data-state="ready"]', { timeout: 20_000 });
    return await fn({ page, context, log });
  } finally {
    await context.close();
  }
}

async function clear(page) {
  await page.click('#clear');
  await page.waitForFunction(() => document.getElementById('report-text').value === '');
}

const waitDone = (page, timeout = 30_000) =>
  page.waitForFunction((prefix) => document.getElementById('status').textContent.startsWith(prefix), DONE, { timeout });

const waitError = (page) => page.waitForFunction(() => !document.getElementById('error').hidden, null, { timeout: 30_000 });

/** The report the page keeps, as its "download JSON" button saves it. */
async function keptReport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

/** The value each table cell of the page shows, by cell ID. */
const shownValues = (page) =>
  page.$$eval('td[data-cell]', (tds) => Object.fromEntries(tds.map((td) => [td.dataset.cell, td.querySelector('.value')?.textContent ?? null])));

/** The cells of `report` have the `raw` texts of `expected` ({id: raw}), no more, no fewer; and the
 * page's tables show what the golden JSON of the text sample shows (when given). */
async function assertSameCells(page, report, expected, label, golden = null) {
  const raw = Object.fromEntries(Object.entries(report.cells).map(([id, cell]) => [id, cell.raw]));
  const differ = [...new Set([...Object.keys(raw), ...Object.keys(expected)])]
    .filter((id) => raw[id] !== expected[id])
    .map((id) => `${id}: ${JSON.stringify(raw[id])}, text sample ${JSON.stringify(expected[id])}`);
  assert.deepEqual(differ, [], `${label}: every cell's raw text as in the text sample`);
  if (!golden) return;
  const shown = await shownValues(page);
  for (const [id, want] of expectedCells(golden)) assert.equal(shown[id], want.value, `${label}: ${id} shown`);
}

const rawCells = (golden) => Object.fromEntries(Object.entries(golden.cells).map(([id, cell]) => [id, cell.raw]));

/** What the page shows of a report read from another format than text. */
async function assertShownAsDerived(page, report, format, label) {
  assert.equal(report.input.format, format, `${label}: input.format`);
  assert.equal(typeof report.input.text, 'string', `${label}: input.text`);
  assert.equal(await page.inputValue('#report-text'), report.input.text, `${label}: the textarea holds the text the core read`);
  assert.equal(await page.textContent('#source'), report.input.text, `${label}: the source is that text`);
  assert.equal(await page.textContent('#summary [data-testid=format]'), STRINGS['zh-CN'].source(format), `${label}: summary`);
  assert.equal(await page.isVisible('#input-note'), true, `${label}: the note under the textarea`);
  assert.equal(await page.textContent('#input-note'), STRINGS['zh-CN'].derivedNote(format), `${label}: note`);
  assert.equal(await page.isVisible('#error'), false, `${label}: no error`);
}

/** What a browser's copy puts on the clipboard as text/plain beside the HTML: the page's
 * rendered text (innerText), from a page of its own. */
async function renderedText(context, html) {
  const page = await context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.evaluate(() => document.body.innerText);
  } finally {
    await page.close();
  }
}

const isPdfReader = (url) => {
  const path = new URL(url).pathname;
  return path.startsWith(`${BASE}pdf/`) || path === `${BASE}pdf-text.js`;
};

/** A one-page PDF written by hand: `content` is the page's content stream; `trailer` adds to the
 * trailer dictionary, `objects` adds objects (numbered from 5). The xref offsets are exact. */
function handMadePdf(content, { trailer = '', objects = [] } = {}) {
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    ...objects,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// A page with a filled rectangle and no text at all, as a scan's page has no text.
const BLANK_PDF = handMadePdf('0.2 g\n72 600 300 120 re f');
// Encrypted with the standard handler, with O and U values that no password opens: pdf.js asks for
// a password.
const LOCKED_PDF = handMadePdf('0.2 g\n72 600 300 120 re f', {
  objects: [`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`],
  trailer: `/Encrypt 5 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `,
});
// A PDF header and then nothing a PDF reader can use.
const BROKEN_PDF = Buffer.from('%PDF-1.7\n' + 'this is not a PDF body\n'.repeat(40), 'latin1');

/** Drops `bytes` as `name` on the drop zone and waits for the check (or the refusal). */
async function drop(page, name, bytes, mimeType, { expectError = false } = {}) {
  await clear(page);
  const result = await dropFile(page, '#drop-zone', { name, mimeType, bytes });
  assert.deepEqual(result, { accepted: true, dropped: true }, `${name}: the drop zone takes the file`);
  if (expectError) await waitError(page);
  else await waitDone(page);
}

// ---------------------------------------------------------------------------------------------

describe('a table pasted as HTML', () => {
  test('each NNN.html as clipboard text/html: read by its grid, every cell as in the text sample; the textarea and the source show the text read', async (t) => {
    const cases = numbered();
    if (cases.length === 0) return t.skip(NO_SAMPLES);
    await withPage(async ({ page, context, log }) => {
      for (const s of cases) {
        const html = fixture(`${s.number}.html`).toString('utf8');
        const plain = await renderedText(context, html);
        await clear(page);
        const since = mark(log);
        const { handled } = await pasteText(page, '#report-text', plain, html);
        assert.equal(handled, true, `${s.number}: the page takes an HTML paste itself`);
        await waitDone(page);
        assert.deepEqual(requestsSince(log, since).map((r) => r.url), [], `${s.number}: no request while checking`);
        const report = await keptReport(page);
        await assertShownAsDerived(page, report, 'html', `${s.number}.html pasted`);
        await assertSameCells(page, report, rawCells(s.golden), `${s.number}.html pasted`, s.golden);
      }
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });

  test('editing the text read from a paste checks it again as plain text; a plain-text paste and a paste into text stay text', async (t) => {
    const s = sample('004');
    if (!s) return t.skip(NO_SAMPLES);
    await withPage(async ({ page, context, log }) => {
      const html = fixture('004.html').toString('utf8');
      const plain = await renderedText(context, html);
      await clear(page);
      await pasteText(page, '#report-text', plain, html);
      await waitDone(page);
      const read = await page.inputValue('#report-text');
      // Typed at the end: the note goes, the text is checked as text.
      await page.focus('#report-text');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n');
      await page.waitForFunction(() => document.getElementById('input-note').hidden);
      await page.waitForFunction(
        (format) => document.querySelector('#summary [data-testid=format]')?.textContent === format,
        STRINGS['zh-CN'].source('text'),
        { timeout: 20_000 },
      );
      await waitDone(page);
      const edited = await keptReport(page);
      assert.equal(edited.input.format, 'text');
      assert.equal(await page.textContent('#source'), `${read}\n`);
      // The text read from the grid (tab-separated rows) reads as the same cells.
      await assertSameCells(page, edited, rawCells(s.golden), '004.html read, then edited', s.golden);

      // text/plain only: the textarea takes it as typed.
      await clear(page);
      assert.deepEqual(await pasteText(page, '#report-text', s.text), { handled: false });
      await waitDone(page);
      assert.equal((await keptReport(page)).input.format, 'text');
      assert.equal(await page.isVisible('#input-note'), false);
      // HTML pasted into the middle of a text: inserted as its plain text, not read as HTML.
      await page.evaluate(() => document.getElementById('report-text').setSelectionRange(10, 10));
      assert.deepEqual(await pasteText(page, '#report-text', 'x', '<table><tr><td>x</td></tr></table>'), { handled: false });
      // Clipboard HTML without a table (a text editor's, a styled paragraph): plain text as well.
      await clear(page);
      assert.deepEqual(await pasteText(page, '#report-text', s.text, `<div><span>${s.text.slice(0, 100)}</span></div>`), { handled: false });
      await waitDone(page);
      assert.equal((await keptReport(page)).input.format, 'text');
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });
});

describe('files in their published formats', () => {
  test('each NNN.html, NNN.docx, cms-page-gbk.html and NNN.pdf dropped: every cell as in the text sample; pdf.js loaded only at the first PDF', async (t) => {
    const cases = numbered();
    if (cases.length === 0) return t.skip(NO_SAMPLES);
    await withPage(async ({ page, log }) => {
      // One subtest per file, in one page: the PDFs come last.
      const dropped = (name, format, expected, golden, check = async () => {}) =>
        t.test(name, async () => {
          await drop(page, name, fixture(name), MIME[format]);
          const report = await keptReport(page);
          await assertShownAsDerived(page, report, format, name);
          await check(report);
          await assertSameCells(page, report, expected, name, golden);
        });
      for (const format of ['html', 'docx']) {
        for (const s of cases) {
          await dropped(`${s.number}.${format}`, format, rawCells(s.golden), s.golden, async () => {
            if (format === 'docx' && s.number === '004') console.log(`screenshot: ${await screenshot(page, 'formats-004-docx')}`);
          });
        }
      }
      // A GBK page of a government CMS: the GB18030 tables are fetched on demand, as for text.
      await dropped('cms-page-gbk.html', 'html', JSON.parse(fixture('cms-page-gbk.expected.json')), null, async (report) => {
        assert.equal(report.input.encoding, 'GB18030');
      });

      // From the page's first request on: the page loads nothing of the PDF reader before a PDF is
      // dropped (its service worker caches it in the background, for offline use).
      const beforePdf = log.requests.filter((r) => isPdfReader(r.url) && !r.serviceWorker);
      assert.ok(log.requests.some((r) => r.serviceWorker), 'the service worker has precached the site meanwhile');
      assert.deepEqual(beforePdf.map((r) => r.url), [], 'the page loads nothing of the PDF reader before a PDF is dropped');
      const pdfStart = mark(log);
      for (const s of cases) {
        await dropped(`${s.number}.pdf`, 'pdf', rawCells(s.golden), s.golden, async () => {
          if (s.number === '004') console.log(`screenshot: ${await screenshot(page, 'formats-004-pdf')}`);
        });
      }
      const reader = requestsSince(log, pdfStart).filter((r) => isPdfReader(r.url) && !r.serviceWorker);
      const paths = [...new Set(reader.map((r) => new URL(r.url).pathname.slice(BASE.length)))].sort();
      for (const file of ['pdf-text.js', 'pdf/pdf.min.mjs', 'pdf/pdf.worker.min.mjs']) {
        assert.ok(paths.includes(file), `${file} is fetched for the PDFs: ${paths.join(', ')}`);
      }
      assert.deepEqual(log.cspViolations, [], 'CSP violations');
      assert.deepEqual(log.errors, [], 'console errors');
    });
  });

  test('published PDFs: huaian-city-2024 and hongze-district-2023 read as their README says, hongze-2023 with its two t4.sum errors', async (t) => {
    if (!existsSync(join(PDF_SAMPLES, 'huaian-city-2024.pdf'))) return t.skip(NO_PDF_SAMPLES);
    const values = (report, ids) => Object.fromEntries(ids.map((id) => [id, report.cells[id]?.value ?? null]));
    const t4 = (row, list) => Object.fromEntries(['upheld', 'corrected', 'other', 'pending', 'total'].map((c, i) => [`t4.${row}.${c}`, list[i]]));
    await withPage(async ({ page, log }) => {
      await drop(page, 'huaian-city-2024.pdf', readFileSync(join(PDF_SAMPLES, 'huaian-city-2024.pdf')), MIME.pdf);
      const huaian = await keptReport(page);
      await assertShownAsDerived(page, huaian, 'pdf', 'huaian-city-2024.pdf');
      const huaianWant = {
        't3.r1.total': 3119, 't3.r2.total': 34, 't3.r3_1.total': 1362, 't3.r3_2.total': 454, 't3.r3_7.total': 3050,
        't3.r4.total': 103, 't3.r1.natural': 3001, 't3.r3_7.natural': 2932,
        ...t4('review', [72, 64, 178, 37, 351]), ...t4('suit_direct', [13, 4, 8, 1, 26]), ...t4('suit_after', [12, 1, 1, 6, 20]),
      };
      assert.deepEqual(values(huaian, Object.keys(huaianWant)), huaianWant, 'huaian-city-2024: the README\'s cells');
      assert.equal(huaian.report.year, 2024);
      assert.equal(huaian.summary.errors, 0, 'huaian-city-2024 is consistent');
      assert.match(await page.textContent('#summary .verdict'), /^✓/);
      const shown = await shownValues(page);
      for (const [id, value] of Object.entries(huaianWant)) assert.equal(shown[id], String(value), `huaian: ${id} shown`);

      await drop(page, 'hongze-district-2023.pdf', readFileSync(join(PDF_SAMPLES, 'hongze-district-2023.pdf')), MIME.pdf);
      const hongze = await keptReport(page);
      await assertShownAsDerived(page, hongze, 'pdf', 'hongze-district-2023.pdf');
      const hongzeWant = {
        't3.r1.total': 21, 't3.r3_7.total': 21, 't3.r4.total': 0,
        't4.review.upheld': 10, 't4.review.corrected': 1, 't4.review.total': 0, 't4.suit_after.upheld': 5, 't4.suit_after.total': 0,
      };
      assert.deepEqual(values(hongze, Object.keys(hongzeWant)), hongzeWant, 'hongze-district-2023: the README\'s cells');
      assert.equal(hongze.report.template, 'mixed');
      const sums = hongze.findings.filter((f) => f.rule === 't4.sum' && f.status === 'failed');
      assert.equal(sums.length, 2, `two t4.sum errors: ${JSON.stringify(hongze.findings.map((f) => f.rule))}`);
      assert.equal(hongze.summary.errors, 2, 'and no other error');
      // The page lists them as errors and marks their total cells.
      const listed = await page.$$eval('button.finding.sev-error', (buttons) => buttons.map((b) => b.querySelector('.rule')?.textContent));
      assert.deepEqual(listed, ['t4.sum', 't4.sum']);
      const failed = await page.$$eval('td.cell-failed', (tds) => tds.map((td) => td.dataset.cell));
      assert.ok(failed.includes('t4.review.total') && failed.includes('t4.suit_after.total'), failed.join());
      assert.match(await page.textContent('#summary .verdict'), /^✗/);
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });
});

describe('files gouji cannot read', () => {
  test('a .doc (OLE2 magic) and a PNG get the core\'s unsupported-format message; a PDF without text the no-text one; a locked and a broken PDF pdf.js\'s reason; in the person\'s language', async () => {
    await withPage(async ({ page, log }) => {
      const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
      await drop(page, '年度报告.doc', doc, 'application/msword', { expectError: true });
      const docError = await page.textContent('#error');
      assert.ok(docError.startsWith('年度报告.doc: 这是 Word 97-2003 (.doc)'), docError);
      assert.match(docError, /无法读取/);
      assert.match(docError, /\.docx/, 'it says what to convert to');
      assert.equal(await page.textContent('#status'), '', 'said once, in #error');
      // The same in English, after a switch.
      await page.click('#language');
      const docErrorEn = await page.textContent('#error');
      assert.match(docErrorEn, /^年度报告\.doc: This is a Word 97-2003 \(\.doc\).*cannot read/);
      await page.click('#language');

      await drop(page, 'scan.pdf', BLANK_PDF, MIME.pdf, { expectError: true });
      const blank = await page.textContent('#error');
      assert.match(blank, /^scan\.pdf: 这个 PDF 的 1 页里没有文字/, blank);
      assert.equal(await page.$eval('#summary', (e) => e.hidden), true, 'no results');

      await drop(page, 'locked.pdf', LOCKED_PDF, MIME.pdf, { expectError: true });
      assert.equal(await page.textContent('#error'), `locked.pdf: ${STRINGS['zh-CN'].pdfPassword}`);

      await drop(page, 'broken.pdf', BROKEN_PDF, MIME.pdf, { expectError: true });
      assert.equal(await page.textContent('#error'), `broken.pdf: ${STRINGS['zh-CN'].pdfDamaged}`);
      await page.click('#language');
      assert.equal(await page.textContent('#error'), `broken.pdf: ${STRINGS.en.pdfDamaged}`);
      await page.click('#language');

      const png = readFileSync(join(REPO_ROOT, 'web', 'icons', 'icon-192.png'));
      await drop(page, 'photo.png', png, 'image/png', { expectError: true });
      assert.match(await page.textContent('#error'), /^photo\.png: 这是 ?PNG 图片/);
      assert.deepEqual(log.cspViolations, []);
      assert.deepEqual(log.errors, []);
    });
  });

  test('offline without the PDF reader cached (not yet, or evicted): the page says a PDF needs the network once; back online, the PDF is read', async (t) => {
    // 002.pdf: a fixture whose cells pdf.js and the core read in full.
    const s = sample('002');
    if (!s) return t.skip(NO_SAMPLES);
    await withPage(async ({ page, context, log }) => {
      // The service worker has cached the reader in the background: take it out again, as a
      // browser evicting it would, or as before the background fetches are done.
      const evicted = await page.evaluate(async () => {
        let n = 0;
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            const path = new URL(request.url).pathname;
            if (path.endsWith('/pdf-text.js') || path.includes('/pdf/')) n += Number(await cache.delete(request));
          }
        }
        return n;
      });
      assert.ok(evicted > 2, `the reader was cached: ${evicted} files`);
      await context.setOffline(true);
      await drop(page, '002.pdf', fixture('002.pdf'), MIME.pdf, { expectError: true });
      assert.equal(await page.textContent('#error'), `002.pdf: ${STRINGS['zh-CN'].pdfReaderUnavailable}`);
      assert.equal(await page.textContent('#status'), '', 'said once, in #error');
      await context.setOffline(false);
      await drop(page, '002.pdf', fixture('002.pdf'), MIME.pdf);
      await assertSameCells(page, await keptReport(page), rawCells(s.golden), '002.pdf, back online', s.golden);
      // Fetched once, kept by the service worker: offline now, a PDF is still read.
      await context.setOffline(true);
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
      await drop(page, '002.pdf', fixture('002.pdf'), MIME.pdf);
      await assertSameCells(page, await keptReport(page), rawCells(s.golden), '002.pdf, offline after one PDF', s.golden);
      assert.deepEqual(log.cspViolations, []);
      // The offline failures are the network's (the service worker's fetch of the reader), not the page's.
      const own = log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource|dynamically imported module/i.test(e.text));
      assert.deepEqual(own, []);
    });
  });
});

describe('measurements (printed, not asserted)', () => {
  test('PDF drop to rendered report, huaian-city-2024.pdf: cold pdf.js (fresh context) and warm', async (t) => {
    const file = join(PDF_SAMPLES, 'huaian-city-2024.pdf');
    if (!existsSync(file)) return t.skip(NO_PDF_SAMPLES);
    const bytes = readFileSync(file);
    const timeDrop = async (page) => {
      await clear(page);
      const t0 = await page.evaluate(() => {
        window.__goujiDone = null;
        const status = document.getElementById('status');
        new MutationObserver((_, observer) => {
          if (status.textContent.startsWith('检查完成：')) {
            window.__goujiDone = performance.now();
            observer.disconnect();
          }
        }).observe(status, { childList: true, characterData: true, subtree: true });
        return performance.now();
      });
      await dropFile(page, '#drop-zone', { name: 'huaian-city-2024.pdf', mimeType: MIME.pdf, bytes });
      await page.waitForFunction(() => window.__goujiDone != null, null, { timeout: 30_000 });
      return (await page.evaluate(() => window.__goujiDone)) - t0;
    };
    const cold = [];
    const warm = [];
    for (let run = 0; run < 5; run++) {
      await withPage(async ({ page }) => {
        cold.push(await timeDrop(page));
        if (run === 0) for (let k = 0; k < 5; k++) warm.push(await timeDrop(page));
      });
    }
    console.log(`PDF drop -> report, huaian-city-2024.pdf (${bytes.length} B), Chromium, loopback, median of 5:` +
      ` cold pdf.js ${median(cold).toFixed(0)} ms (${cold.map((x) => x.toFixed(0)).join(', ')});` +
      ` warm ${median(warm).toFixed(0)} ms (${warm.map((x) => x.toFixed(0)).join(', ')})`);
  });
});
