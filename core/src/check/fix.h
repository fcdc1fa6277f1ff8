// Stage 6b: the smallest fix. For a report whose calculations fail, the fewest cell changes that
// make every calculation of the rule registry hold: an exact search over the cells the rules read,
// one cell first, then two. A fix is given only when it is the only one of its size; a person is
// never shown one guess among several equally small ones.
//
// What a change may be: a cell that holds a number, not read by a relation (Cell::read_by: its
// digits were split by the arithmetic, so changing one changes how they read), to a value the cell
// can hold (a count: a whole number, not negative unless the column allows it). An instance that
// cannot be evaluated (a blank, a text, a missing cell) constrains nothing, before or after.
// A relation "at least" (t2.public_total) has no one value to restore: when only such a relation
// fails, no fix is unique.
#ifndef GOUJI_CHECK_FIX_H_
#define GOUJI_CHECK_FIX_H_

#include <optional>
#include <vector>

#include "check/rules.h"
#include "gouji/report.h"

namespace gouji {

struct FixSearch {
  // Empty: no calculation fails, nothing to fix. nullopt: some fails and no fix of one or two cells
  // is the only one of its size (`alternatives` says how many there were of the smallest size found,
  // 0 if none).
  std::optional<std::vector<CellChange>> fix = std::vector<CellChange>{};
  int alternatives = 0;
  int size_searched = 0;  // the most cells a candidate changed: 0 (nothing failed), 1 or 2
};

FixSearch FindSmallestFix(const std::vector<TableForRules>& tables, const CellsById& cells);

// The fix.suggested finding that says it ("若 表三 一/自然人 为 4（而非 5），所有规则均成立"), or, when
// calculations fail and no small fix is unique, the one that says so; nothing when none fails.
std::optional<Finding> DescribeFix(const FixSearch& search, const std::vector<TableForRules>& tables);

}  // namespace gouji

#endif  // GOUJI_CHECK_FIX_H_
