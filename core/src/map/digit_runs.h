// Stage 5b: a row's cells run together into one run of digits, as an element's textContent gives
// a table ("一、本年新收政府信息公开申请数量230000023" is 23, 0, 0, 0, 0, 0, 23).
//
// Every way the digits split into the row's cells is enumerated (a cell is "0" or does not start
// with 0), and only those the format's row arithmetic allows are kept (a t3 row's total is the sum
// of its applicants; a t4 group's total is the sum of its four). Where the digits split one way
// only, that is the reading, and the relations are checked on it as on any row (an inconsistency
// is found). Otherwise a reading is taken only when exactly one split satisfies the relations, and
// they are named as used to read the cells, so that they are never reported as verified.
#ifndef GOUJI_MAP_DIGIT_RUNS_H_
#define GOUJI_MAP_DIGIT_RUNS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gouji/format.h"

namespace gouji {

// lhs = rhs over positions of the row's cells.
struct RowRelation {
  const RuleSpec* rule = nullptr;
  std::vector<size_t> lhs, rhs;
};

// The format's equalities within one row (kRows calculations whose terms are all "{row}.<column>"),
// as positions among `columns`, the row's columns in order (t4's unlabelled run: every row's, one
// after another; `rows` names each column's row).
std::vector<RowRelation> RowRelations(const TableLayout& layout, const std::vector<const RowSpec*>& rows,
                                      const std::vector<const ColumnSpec*>& columns);

struct DigitSplit {
  // The cells' [begin, end) in the digit run, when exactly one reading remains.
  std::vector<std::pair<size_t, size_t>> cells;
  std::vector<const RuleSpec*> used;  // the relations needed to choose it
  // Otherwise, some of the readings (each as its cells' text), and how many there are (0: none).
  std::vector<std::vector<std::u32string>> candidates;
  size_t readings = 0;
  bool ok() const { return !cells.empty(); }
};

// A cell holds at most this many digits (no count in a report reaches a billion).
constexpr size_t kMaxCellDigits = 9;

// True if `text` is a run of ASCII digits long enough to hold `n` > 1 cells.
bool IsDigitRun(std::u32string_view text, size_t n);

DigitSplit SplitDigitRun(std::u32string_view digits, size_t n, const std::vector<RowRelation>& relations);

}  // namespace gouji

#endif  // GOUJI_MAP_DIGIT_RUNS_H_
