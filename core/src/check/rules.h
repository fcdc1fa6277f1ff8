// Stage 6: the one evaluator that serves every calculation of the rule registry (format.h), and
// the cell-level rules.
//
// A calculation is a relation between two sums of cells, instantiated for every column or every
// row of a table (as an XBRL calculation is): "for every t3 column, r1 + r2 = r3_7 + r4". Cell
// patterns name cells relative to the table: "{row}" and "{col}" stand for the row or column the
// instance is for; a row ending in '*' stands for every row of the layout whose ID starts so
// ("r3_3_*"). An instance with a blank, non-numeric or missing cell cannot be evaluated; it is reported as not
// verifiable, naming those cells, never silently skipped and never evaluated on guesses.
#ifndef GOUJI_CHECK_RULES_H_
#define GOUJI_CHECK_RULES_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gouji/format.h"
#include "gouji/report.h"

namespace gouji {

// The calculations of the rule registry (format.h): the rules this file evaluates.
using RuleDef = RuleSpec;
std::vector<const RuleDef*> ConsistencyRules();

// A table as the rules see it: its layout (the detected version), or none if it was not found.
struct TableForRules {
  const char* table;
  const TableLayout* layout = nullptr;  // nullptr: not found
};

// A finding of the registered rule `rule` (format.h), with its severity from the registry: the one
// way findings are made, so none has a rule ID or a severity the registry does not know.
Finding NewFinding(const char* rule, const std::string& table);

using CellsById = std::map<std::string, const Cell*>;

// One instance of a rule: the cells of each side, by ID, for one column or row.
struct RuleInstance {
  const RuleDef* rule = nullptr;
  std::string scope_zh, scope_en;  // "自然人列", "column natural persons"
  std::vector<std::string> lhs, rhs;
};

// Every instance of every rule that applies to the tables found, in evaluation order (made once per
// layout and kept for the life of the process).
std::vector<std::reference_wrapper<const RuleInstance>> InstantiateRules(const std::vector<TableForRules>& tables);

// Evaluates every rule on every table found; adds one finding per failing or unverifiable
// instance and counts instances in `summary`.
void EvaluateRules(const std::vector<TableForRules>& tables, const CellsById& cells,
                   std::vector<Finding>* findings, Summary* summary);

// The cell-level rules: cell.not_number and cell.negative (one finding per cell) and cell.blank
// (one finding per table, listing its blank cells).
void CheckCellValues(const std::vector<TableForRules>& tables, const std::vector<Cell>& cells,
                     std::vector<Finding>* findings);

// The column spec of a cell ID in a layout, or nullptr if the layout has no such cell.
const ColumnSpec* ColumnOf(const std::string& id, const TableLayout& layout);

// "表三", "table 3": how messages name a table.
std::string TableNameZh(const std::string& table);
std::string TableNameEn(const std::string& table);

// "行政许可/处理决定数量" and "licensing/decisions" for "t2.licensing.decisions".
std::string CellNameZh(const std::string& id, const TableLayout& layout);
std::string CellNameEn(const std::string& id, const TableLayout& layout);

}  // namespace gouji

#endif  // GOUJI_CHECK_RULES_H_
