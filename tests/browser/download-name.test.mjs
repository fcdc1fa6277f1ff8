// Unit tests of the JSON download's name (web/download-name.js; no browser needed): titles as
// reports write them, each with the name written out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { downloadName, reportBody, FALLBACK_NAME } = await import('../../web/download-name.js');

test('the body is what precedes the year, the year the report\'s', () => {
  const cases = [
    [{ title: '北京市朝阳区人民政府2023年政府信息公开工作年度报告', year: 2023 }, '北京市朝阳区人民政府-2023-gouji.json'],
    [{ title: '中山市大涌镇2022年政府信息公开工作年度报告', year: 2022 }, '中山市大涌镇-2022-gouji.json'],
    [{ title: '某某区人民政府2023年度政府信息公开工作年度报告', year: 2023 }, '某某区人民政府-2023-gouji.json'],
    // 关于 between the body and the year, a space before it, full-width digits.
    [{ title: '某某县人民政府办公室关于 2021年政府信息公开工作年度报告', year: 2021 }, '某某县人民政府办公室-2021-gouji.json'],
    [{ title: '某某市财政局２０２４年政府信息公开工作年度报告', year: 2024 }, '某某市财政局-2024-gouji.json'],
    // The year first: the body follows it.
    [{ title: '2020年某某镇人民政府政府信息公开工作年度报告', year: 2020 }, '某某镇人民政府-2020-gouji.json'],
    // No year in the title: the body precedes 政府信息公开, the year is the report's.
    [{ title: '多巴镇政府信息公开工作年度报告', year: 2020 }, '多巴镇-2020-gouji.json'],
    [{ title: '多巴镇政府信息公开工作年度报告', year: null }, '多巴镇-gouji.json'],
    // The report's year wins over none; the title's when the report has none.
    [{ title: '某某街道办事处2019年政府信息公开工作年度报告', year: null }, '某某街道办事处-2019-gouji.json'],
  ];
  for (const [report, name] of cases) assert.equal(downloadName(report), name, report.title);
});

test('characters a file system refuses are dropped', () => {
  assert.equal(downloadName({ title: '某某局/某某中心:"试点"*2023年政府信息公开工作年度报告', year: 2023 }), '某某局某某中心试点-2023-gouji.json');
  assert.equal(reportBody('《某某区<人民>政府|2023年政府信息公开工作年度报告》'), '某某区人民政府');
  assert.equal(reportBody('某某镇\u0000\u0007\t2022年政府信息公开工作年度报告'), '某某镇');
});

test('without a body to name, the old name', () => {
  assert.equal(FALLBACK_NAME, 'gouji-result.json');
  for (const report of [null, {}, { title: null, year: 2020 }, { title: '', year: 2020 }, { title: '2023年政府信息公开工作年度报告', year: 2023 },
    { title: '政府信息公开工作年度报告', year: null }, { title: '///', year: 2021 }]) {
    assert.equal(downloadName(report), 'gouji-result.json', JSON.stringify(report));
  }
});

test('a very long title is cut to 60 characters of body', () => {
  const body = '某'.repeat(80);
  assert.equal(downloadName({ title: `${body}2023年政府信息公开工作年度报告`, year: 2023 }), `${'某'.repeat(60)}-2023-gouji.json`);
});
