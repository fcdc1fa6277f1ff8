// Stage 5: a table's cells (tokens) -> cells by canonical ID.
//
// Rows are found by their labels, matched tolerantly against every layout of the table (both
// format versions); a row's values are the cells after its label, up to the next label or the end
// of the row. The layout that places the most cells wins, which is how the format version of each
// table is told. Where a row's values cannot be placed with confidence (too many or too few for its
// columns) the row is reported and none of its cells is placed: gouji never guesses a cell.
#ifndef GOUJI_MAP_MAP_H_
#define GOUJI_MAP_MAP_H_

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "gouji/format.h"
#include "map/digit_runs.h"
#include "text/labels.h"
#include "text/tokenize.h"

namespace gouji {

struct PlacedCell {
  std::string id;  // "t3.r1.total"
  const RowSpec* row = nullptr;
  const ColumnSpec* column = nullptr;
  const Token* token = nullptr;
  // Where the row's cells ran together into one run of digits and the format's arithmetic chose
  // how to split it: the relations it used (reported as used to read the cells, never verified).
  std::vector<const RuleSpec*> read_by;
  const Token* run = nullptr;  // the run of digits the cell was read from, if it was
};

struct LabelDeviation {
  const RowSpec* row = nullptr;
  const Token* token = nullptr;
  const char* expected = nullptr;  // the format's text
  LabelMatch match = LabelMatch::kNone;
};

struct RowProblem {
  enum class Kind {
    kMissing,   // the row's label was not found
    kUnplaced,  // found, but its values do not fit its columns
  };
  Kind kind = Kind::kMissing;
  const RowSpec* row = nullptr;
  const Token* label = nullptr;  // kUnplaced
  size_t values_found = 0;       // kUnplaced
  size_t values_expected = 0;
  // kUnplaced, where the row's cells ran together into one run of digits: that run, how many
  // readings the format's arithmetic allows (0 or more than 1), and some of them.
  const Token* run = nullptr;
  size_t readings = 0;
  std::vector<std::vector<std::u32string>> candidates;
  // kUnplaced, where the row's label came right after another row's label with no number between
  // (a text in content order, as pdftotext writes some tables): that row, whose numbers these may
  // as well be.
  const Token* label_before = nullptr;
};

struct MappedTable {
  const TableLayout* layout = nullptr;
  bool found = false;
  std::vector<PlacedCell> cells;  // in the layout's order
  std::vector<LabelDeviation> deviations;
  std::vector<RowProblem> problems;
  // Blank cells a PDF did not draw, placed by their column's position (cells may point at them).
  std::deque<Token> undrawn;
  size_t begin = 0, end = 0;  // normalised extent, first label to last value
  int score = 0;              // how well the layout fits; compared between layouts
};

// Splits each cell that is a row label with its values run onto it ("行政许可6181", as an element's
// textContent gives a row) into the label and the run of digits, where the label part is a row
// label of one of the layouts and the whole is not.
void SeparateRunTogetherLabels(TokenizedRegion* region, const std::vector<const TableLayout*>& candidates);

// Maps the region's tokens with each candidate layout of one table and keeps the best fit. The
// tokens must outlive the result (cells point at them).
MappedTable MapTable(const TokenizedRegion& region, const std::vector<const TableLayout*>& candidates);

}  // namespace gouji

#endif  // GOUJI_MAP_MAP_H_
