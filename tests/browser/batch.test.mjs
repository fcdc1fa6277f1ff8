// Browser tests of the batch (issue 14): several files dropped, a .zip of reports, a folder opened
// with the directory picker → one summary row per report, checked in a pool of workers with the
// core's batch build; sorted and filtered; a row opens the report's detail and the back button
// returns; CSV and XLSX exported; offline too; no request to any other origin. Expectations come
// from the samples' README (000 and 002 are not fully checked, 001 and 004 pass, hongze 2023 has
// two errors and forms a pair with 2024) and from the mutated 004 (two errors).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dropFile, launchBrowser, mark, openPage, otherOrigins, requestsSince, runAxe, screenshot, startServer } from './harness.mjs';
import { SAMPLES_DIR, builtSite, mutated004, samples } from './site.mjs';

const BASE = '/batch/';
const SAMPLES = samples();
const sample = (number) => SAMPLES.find((s) => s.number === number);
const PDFS = join(SAMPLES_DIR, 'pdf');
const NO_SAMPLES = 'the sample reports (../shared/samples) are absent';

let browser, site, work;
before(async () => {
  const dir = builtSite();
  [browser, site] = await Promise.all([launchBrowser(), startServer({ dir, base: BASE, csp: true })]);
  work = mkdtempSync(join(tmpdir(), 'gouji-batch-'));
});
after(async () => {
  await Promise.all([browser?.close(), site?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

async function withPage(fn, options = {}) {
  const { page, context, log } = await openPage(browser, site.url, options);
  try {
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
    return await fn({ page, context, log });
  } finally {
    await context.close();
  }
}

// Waits until the batch has checked every file and the set (its status says 检查完成), then gives
// the table: one {file, body, year, version, source, verdict, errors, warnings, cells, cross} per row.
async function finishedTable(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('gouji-batch .batch-status');
    return status && /^(检查完成|Done)/.test(status.textContent);
  }, null, { timeout: 120_000 });
  return page.$$eval('gouji-batch tbody tr', (rows) => rows.map((tr) => {
    const c = [...tr.cells].map((td) => td.textContent);
    return { file: c[0], body: c[1], year: c[2], version: c[3], source: c[4], verdict: c[5], errors: c[6], warnings: c[7], cells: c[8], cross: c[9] };
  }));
}

const text = (number) => readFileSync(sample(number).file);

// A zip written by Python's zipfile (the test machine's, as a reviewer's archiver would): entries
// given as [name, path], plus what macOS adds.
function zipOf(path, entries) {
  execFileSync('python3', ['-c', `
import sys, zipfile, json
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, src in json.loads(sys.argv[2]):
        z.write(src, name)
    z.writestr("__MACOSX/._x.txt", b"\\0\\5")
`, path, JSON.stringify(entries)]);
  return readFileSync(path);
}

describe('batch', { skip: SAMPLES.length < 5 && NO_SAMPLES }, () => {
  test('several files dropped: a row each, in name order, with the verdicts the README gives', async () => {
    await withPage(async ({ page, log }) => {
      const since = mark(log);
      const mutated = mutated004(sample('004')).text;
      await dropFile(page, '#drop-zone', [
        { name: '001.txt', mimeType: 'text/plain', bytes: text('001') },
        { name: '000.txt', mimeType: 'text/plain', bytes: text('000') },
        { name: 'mutated-004.txt', mimeType: 'text/plain', bytes: Buffer.from(mutated) },
        { name: 'scan.png', mimeType: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) },
      ]);
      const rows = await finishedTable(page);
      assert.deepEqual(rows.map((r) => [r.file, r.body, r.year, r.verdict, r.errors]), [
        ['000.txt', '巡检司镇', '2019', '未能完整核对', '0'],
        ['001.txt', '多巴镇', '2020', '通过', '0'],
        ['mutated-004.txt', '中山市大涌镇', '2022', '有错误', '2'],
        // Named by the person, so not passed over: it cannot be checked, and says why.
        ['scan.png', '', '', '无法检查', ''],
      ]);
      assert.equal(rows[1].cells, '198');
      assert.equal(rows[1].cross, '未核对：这组文件中没有“多巴镇”2019 年或 2021 年的报告');
      assert.match(await page.textContent('gouji-batch .batch-status'), /检查完成：有错误 1，无法检查 1，未能完整核对 1，通过 1/);
      // The batch's core was fetched from this site only.
      assert.deepEqual(otherOrigins(log, new URL(site.url).origin), []);
      const fetched = requestsSince(log, since).map((r) => new URL(r.url).pathname.split('/').pop());
      assert.ok(fetched.includes('gouji-batch.wasm'), fetched.join(' '));

      // Sorted by errors, most first; then filtered to the ones with errors.
      await page.click('gouji-batch th button.sort[data-column="6"]');
      await page.click('gouji-batch th button.sort[data-column="6"]');
      assert.equal(await page.getAttribute('gouji-batch th:nth-child(7)', 'aria-sort'), 'descending');
      assert.equal((await page.$$eval('gouji-batch tbody tr td:first-child', (tds) => tds.map((td) => td.textContent)))[0], 'mutated-004.txt');
      await page.selectOption('gouji-batch select.batch-verdict', 'fail');
      assert.deepEqual(await page.$$eval('gouji-batch tbody tr td:first-child', (tds) => tds.map((td) => td.textContent)), ['mutated-004.txt']);
      assert.equal(await page.textContent('gouji-batch .batch-shown'), '显示 1 / 4 份');
      await page.selectOption('gouji-batch select.batch-verdict', '');
      await page.fill('gouji-batch input.batch-search', '巡检司');
      await page.waitForFunction(() => document.querySelectorAll('gouji-batch tbody tr').length === 1);
      await page.fill('gouji-batch input.batch-search', '');
      await page.waitForFunction(() => document.querySelectorAll('gouji-batch tbody tr').length === 4);
      await screenshot(page, 'batch-table');
      const violations = await runAxe(page, { context: 'gouji-batch' });
      assert.deepEqual(violations, []);

      // A row opens the report in the single view: its errors, its tables; back returns to the row.
      await page.click('gouji-batch button.batch-open:text("mutated-004.txt")');
      await page.waitForSelector('#summary:not([hidden])');
      assert.match(await page.textContent('#summary'), /2 个错误/);
      assert.equal(await page.isHidden('#batch'), true);
      await page.click('#back-to-batch');
      assert.equal(await page.isVisible('gouji-batch'), true);
      assert.equal(await page.isHidden('#summary'), true);
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'mutated-004.txt');

      // CSV: UTF-8 with a BOM, the CLI's columns, CRLF.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('gouji-batch button.batch-csv')]);
      const csv = readFileSync(await download.path(), 'utf8');
      assert.ok(csv.startsWith('\ufeff文件,机关,年度,格式版本,来源格式,结论,错误,警告,找到单元格,应有单元格,跨年度与汇总核对,说明\r\n'), csv.slice(0, 80));
      assert.match(csv, /\r\nmutated-004\.txt,中山市大涌镇,2022,2021,文本,有错误,2,0,200,200,未核对：/);
      assert.equal(csv.split('\r\n').length, 6);  // header, 4 rows, and the last line's end
    });
  });

  test('a .zip of reports and the published PDFs: the archive\'s files each a row, the pair of years found', { skip: !existsSync(PDFS) && 'no PDFs' }, async () => {
    const zip = zipOf(join(work, 'reports.zip'), [
      ['县/2023/洪泽区.pdf', join(PDFS, 'hongze-district-2023.pdf')],
      ['县/2024/洪泽区.pdf', join(PDFS, 'hongze-district-2024.pdf')],
      ['县/松山镇.txt', sample('002').file],
      ['县/说明.md', join(SAMPLES_DIR, 'README.md')],  // text, but not a report
    ]);
    await withPage(async ({ page }) => {
      await dropFile(page, '#drop-zone', [{ name: 'reports.zip', mimeType: 'application/zip', bytes: zip }]);
      const rows = await finishedTable(page);
      assert.deepEqual(rows.map((r) => [r.file, r.body, r.year, r.source, r.verdict, r.errors]), [
        ['reports.zip/县/2023/洪泽区.pdf', '洪泽区人民政府', '2023', 'PDF', '有错误', '2'],
        ['reports.zip/县/2024/洪泽区.pdf', '淮安市洪泽区人民政府', '2024', 'PDF', '通过', '0'],
        ['reports.zip/县/松山镇.txt', '罗源县松山镇', '2019', '文本', '未能完整核对', '0'],
        ['reports.zip/县/说明.md', '', '', '', '无法检查', ''],
      ]);
      assert.equal(rows[0].cross, '与 2024 年《reports.zip/县/2024/洪泽区.pdf》：上年结转衔接 成立，现行有效件数衔接 成立');
      assert.equal(rows[1].cross, '与 2023 年《reports.zip/县/2023/洪泽区.pdf》：上年结转衔接 成立，现行有效件数衔接 成立');
      // An entry of the archive opens too (read again from the archive in its worker).
      await page.click('gouji-batch button.batch-open:text("reports.zip/县/2023/洪泽区.pdf")');
      await page.waitForSelector('#summary:not([hidden])');
      assert.match(await page.textContent('#summary'), /2 个错误/);
      await page.click('#back-to-batch');

      // XLSX: two sheets, the reports' and every finding's; read back with Python's zipfile.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('gouji-batch button.batch-xlsx')]);
      const path = join(work, 'batch.xlsx');
      copyFileSync(await download.path(), path);
      const sheets = JSON.parse(execFileSync('python3', ['-c', `
import sys, zipfile, json, re
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
wb = z.read("xl/workbook.xml").decode()
shared = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in names else ""
sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
sheet2 = z.read("xl/worksheets/sheet2.xml").decode()
print(json.dumps({"sheets": re.findall(r'<sheet [^>]*name="([^"]+)"', wb),
  "rows1": len(re.findall(r"<row ", sheet1)), "rows2": len(re.findall(r"<row ", sheet2)),
  "text": shared + sheet1 + sheet2}))
`, path]).toString());
      assert.deepEqual(sheets.sheets, ['报告', '问题']);
      assert.equal(sheets.rows1, 5);  // the header and 4 reports
      assert.ok(sheets.rows2 > 3, `findings sheet has ${sheets.rows2} rows`);
      assert.ok(sheets.text.includes('reports.zip/县/2023/洪泽区.pdf'));
      assert.ok(sheets.text.includes('t4.sum'));  // hongze 2023's two errors, by rule
    });
  });

  test('a folder opened with the directory picker: every file in it, hidden ones and images passed over', async () => {
    const folder = join(work, '报告');
    mkdirSync(join(folder, '乡镇'), { recursive: true });
    mkdirSync(join(folder, '.git'), { recursive: true });
    copyFileSync(sample('004').file, join(folder, 'b.txt'));
    copyFileSync(sample('001').file, join(folder, '乡镇', 'a.txt'));
    writeFileSync(join(folder, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(folder, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await withPage(async ({ page }) => {
      await page.setInputFiles('#folder-input', folder);
      const rows = await finishedTable(page);
      assert.deepEqual(rows.map((r) => [r.file, r.verdict]), [
        ['报告/b.txt', '通过'],
        ['报告/logo.png', '跳过'],
        ['报告/乡镇/a.txt', '通过'],
      ]);
    });
  });

  test('a batch whose core cannot be loaded still ends, every file a row saying why', async () => {
    await withPage(async ({ page, context }) => {
      await context.route('**/gouji-batch.wasm', (route) => route.abort());
      await page.evaluate(async () => {
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) if (request.url.endsWith('gouji-batch.wasm')) await cache.delete(request);
        }
      });
      await dropFile(page, '#drop-zone', [
        { name: '004.txt', mimeType: 'text/plain', bytes: text('004') },
        { name: '001.txt', mimeType: 'text/plain', bytes: text('001') },
      ]);
      const rows = await finishedTable(page);
      assert.deepEqual(rows.map((r) => [r.file, r.verdict]), [['001.txt', '无法检查'], ['004.txt', '无法检查']]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('gouji-batch button.batch-csv')]);
      const csv = readFileSync(await download.path(), 'utf8');
      assert.match(csv, /\r\n001\.txt,,,,,无法检查,,,,,,[^\r]*检查程序未能加载/);
    });
  });

  test('offline: a batch works from the service worker\'s cache', async () => {
    await withPage(async ({ page, context }) => {
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
      await page.waitForSelector('#offline-status[data-state="ready"]', { timeout: 20_000 });
      // The background cache (later.json: the batch's files among them) is filled once the page is ready.
      await page.waitForFunction(async () => {
        const names = await caches.keys();
        for (const name of names) {
          const cache = await caches.open(name);
          if (await cache.match(new URL('gouji-batch.wasm', location.href).href)) return true;
        }
        return false;
      }, null, { timeout: 60_000, polling: 200 });
      await context.setOffline(true);
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
      await dropFile(page, '#drop-zone', [
        { name: '004.txt', mimeType: 'text/plain', bytes: text('004') },
        { name: '001.txt', mimeType: 'text/plain', bytes: text('001') },
      ]);
      const rows = await finishedTable(page);
      assert.deepEqual(rows.map((r) => r.verdict), ['通过', '通过']);
    });
  });
});
