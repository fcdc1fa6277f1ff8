// The splitter of run-together digits (map/digit_runs.h), on the rows the format has: a layout, a
// t2/t3 row or a run of t4's rows, and digits. What it answers is checked, not only survived:
//   - a reading has one cell per column, covering the digits in order, none longer than
//     kMaxCellDigits, none with a leading zero;
//   - a reading the arithmetic chose (used is not empty) satisfies every relation it names;
//   - candidates are kept only when no single reading was taken.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz.h"
#include "gouji/format.h"
#include "map/digit_runs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gouji;
  FuzzedDataProvider in(data, size);
  const std::vector<const TableLayout*>& layouts = AllLayouts();
  const TableLayout& layout = *layouts[in.ConsumeIntegralInRange<size_t>(0, layouts.size() - 1)];
  if (layout.rows.empty()) return 0;
  const size_t first = in.ConsumeIntegralInRange<size_t>(0, layout.rows.size() - 1);
  const size_t count = layout.labelled_rows ? 1 : in.ConsumeIntegralInRange<size_t>(1, layout.rows.size() - first);
  std::vector<const RowSpec*> rows;
  std::vector<const ColumnSpec*> columns;
  for (size_t r = first; r < first + count; ++r) {
    for (const ColumnSpec& c : layout.rows[r].columns) {
      rows.push_back(&layout.rows[r]);
      columns.push_back(&c);
    }
  }
  const std::vector<RowRelation> relations = RowRelations(layout, rows, columns);
  for (const RowRelation& rel : relations) {
    for (size_t p : rel.lhs) fuzz::Expect(p < columns.size(), "a relation names the row's columns");
    for (size_t p : rel.rhs) fuzz::Expect(p < columns.size(), "a relation names the row's columns");
  }
  std::u32string digits;
  for (const uint8_t byte : in.ConsumeRemainingBytes<uint8_t>()) digits.push_back(U'0' + byte % 10);
  if (digits.size() > columns.size() * kMaxCellDigits + 8) digits.resize(columns.size() * kMaxCellDigits + 8);
  const size_t n = columns.size();
  const DigitSplit split = SplitDigitRun(digits, n, relations);
  if (!split.ok()) {
    fuzz::Expect(split.used.empty(), "no relation is named as used without a reading");
    return 0;
  }
  fuzz::Expect(split.cells.size() == n, "a reading has a cell per column");
  fuzz::Expect(split.candidates.empty(), "a reading is taken only when it is the only one");
  size_t at = 0;
  std::vector<long long> value;
  for (const auto& [b, e] : split.cells) {
    fuzz::Expect(b == at && e > b && e - b <= kMaxCellDigits, "cells cover the digits in order");
    fuzz::Expect(e - b == 1 || digits[b] != U'0', "no cell has a leading zero");
    long long v = 0;
    for (size_t i = b; i < e; ++i) v = v * 10 + (digits[i] - U'0');
    value.push_back(v);
    at = e;
  }
  fuzz::Expect(at == digits.size(), "the cells use every digit");
  for (const RowRelation& rel : relations) {
    bool named = false;
    for (const RuleSpec* used : split.used) named = named || used == rel.rule;
    if (!named) continue;
    long long l = 0, r = 0;
    for (size_t p : rel.lhs) l += value[p];
    for (size_t p : rel.rhs) r += value[p];
    fuzz::Expect(l == r, "a relation used to read the cells holds on them");
  }
  return 0;
}
