// Unit tests of the page's pure drawing helpers (no browser needed): merged headers as the format
// draws them, and the map from the core's code point spans to JavaScript string indices.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const { headerRows, rowHeaders, codePointIndex } = await import('../../web/render.js');

test('t4 column headers merge as the format prints them', () => {
  const columns = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const paths = [
    ...columns.map((c) => ['行政复议', c]),
    ...columns.map((c) => ['行政诉讼', '未经复议直接起诉', c]),
    ...columns.map((c) => ['行政诉讼', '复议后起诉', c]),
  ];
  const rows = headerRows(paths);
  assert.equal(rows.length, 3);
  assert.deepEqual(rows[0], [
    { label: '行政复议', colspan: 5, rowspan: 1 },
    { label: '行政诉讼', colspan: 10, rowspan: 1 },
  ]);
  assert.deepEqual(rows[1].slice(0, 1), [{ label: '结果维持', colspan: 1, rowspan: 2 }]);
  assert.deepEqual(rows[1].slice(5), [
    { label: '未经复议直接起诉', colspan: 5, rowspan: 1 },
    { label: '复议后起诉', colspan: 5, rowspan: 1 },
  ]);
  assert.equal(rows[2].length, 10);
});

test('t3 row headers span the rows of their groups', () => {
  const { depth, cells } = rowHeaders([
    ['一、本年新收'],
    ['三、本年度办理结果', '(一)予以公开'],
    ['三、本年度办理结果', '(三)不予公开', '1.属于国家秘密'],
    ['三、本年度办理结果', '(三)不予公开', '2.其他法律行政法规禁止公开'],
    ['三、本年度办理结果', '(七)总计'],
    ['四、结转下年度继续办理'],
  ]);
  assert.equal(depth, 3);
  assert.deepEqual(cells[0], [{ label: '一、本年新收', rowspan: 1, colspan: 3 }]);
  assert.deepEqual(cells[1], [
    { label: '三、本年度办理结果', rowspan: 4, colspan: 1 },
    { label: '(一)予以公开', rowspan: 1, colspan: 2 },
  ]);
  assert.deepEqual(cells[2], [
    { label: '(三)不予公开', rowspan: 2, colspan: 1 },
    { label: '1.属于国家秘密', rowspan: 1, colspan: 1 },
  ]);
  assert.deepEqual(cells[3], [{ label: '2.其他法律行政法规禁止公开', rowspan: 1, colspan: 1 }]);
  assert.deepEqual(cells[5], [{ label: '四、结转下年度继续办理', rowspan: 1, colspan: 3 }]);
});

test('code point spans become string indices past characters outside the BMP', () => {
  const plain = codePointIndex('规章 0');
  assert.equal(plain(3), 3);
  const text = '𠀀镇 12';  // U+20000 takes two UTF-16 units
  const index = codePointIndex(text);
  assert.equal(index(0), 0);
  assert.equal(index(1), 2);
  assert.equal(text.slice(index(3), index(5)), '12');
});
