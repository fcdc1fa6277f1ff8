#include "read/flatten.h"

#include <algorithm>

#include "base/unicode.h"

namespace gouji {
namespace {

// A cell's text on one line: tabs and line breaks inside it would split the row.
std::u32string CellLine(const std::string& utf8) {
  const std::u32string text = FromUtf8(utf8);
  std::u32string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c == U'\n' || c == U'\r') {
      // Join the lines of a wrapped label; keep words apart.
      const char32_t before = out.empty() ? U' ' : out.back();
      size_t j = i + 1;
      while (j < text.size() && (text[j] == U'\n' || text[j] == U'\r')) ++j;
      const char32_t after = j < text.size() ? text[j] : U' ';
      if (!IsHan(before) && !IsHan(after) && !IsSpace(before) && !IsSpace(after)) out += U' ';
      i = j - 1;
    } else if (c == U'\t') {
      out += U' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Only so many columns are kept track of for the rows a cell spans down: a report's tables have a
// dozen, and a page of cells 1000 columns wide spanning 65534 rows would otherwise take time and
// memory by the width times the rows. Cells further right are placed as if nothing spanned into them.
constexpr size_t kMaxSpannedColumns = 1000;

// Where each written cell of a grid without positions (HTML, .docx) stands: the middle of the
// columns it covers once rowspan and colspan are resolved as a browser resolves them. A row short of
// cells is then placed by its columns, like a PDF's row whose blank cells were not drawn.
std::vector<std::vector<double>> ColumnPositions(const Grid& grid) {
  std::vector<std::vector<double>> positions(grid.rows.size());
  std::vector<int> busy_until;  // per column: the first row that column is free again
  for (size_t r = 0; r < grid.rows.size(); ++r) {
    size_t column = 0;
    for (const GridCell& cell : grid.rows[r]) {
      while (column < busy_until.size() && busy_until[column] > static_cast<int>(r)) ++column;
      const size_t span = static_cast<size_t>(std::clamp(cell.col_span, 1, 1000));
      const int rows = std::clamp(cell.row_span, 1, static_cast<int>(grid.rows.size() - r));
      // A cell of one row leaves its columns free for the next: only a rowspan keeps them busy.
      const size_t busy_end = rows > 1 ? std::min(column + span, kMaxSpannedColumns) : 0;
      if (busy_until.size() < busy_end) busy_until.resize(busy_end, 0);
      for (size_t k = column; k < busy_end; ++k) busy_until[k] = static_cast<int>(r) + rows;
      positions[r].push_back(static_cast<double>(column) + static_cast<double>(span) / 2);
      column += span;
    }
  }
  return positions;
}

}  // namespace

FlatDocument Flatten(const Document& document) {
  FlatDocument flat;
  std::u32string& text = flat.text;
  auto new_line = [&] {
    if (!text.empty() && text.back() != U'\n') text += U'\n';
  };
  for (const Block& block : document.blocks) {
    new_line();
    if (block.kind == Block::Kind::kText) {
      text += FromUtf8(block.text);
      continue;
    }
    bool positioned = false;
    for (const auto& row : block.grid.rows) {
      for (const GridCell& cell : row) positioned |= cell.x >= 0;
    }
    const std::vector<std::vector<double>> columns = positioned ? std::vector<std::vector<double>>() : ColumnPositions(block.grid);
    for (size_t r = 0; r < block.grid.rows.size(); ++r) {
      const std::vector<GridCell>& row = block.grid.rows[r];
      new_line();
      GridRowSpan placed;
      placed.begin = text.size();
      for (size_t k = 0; k < row.size(); ++k) {
        if (k > 0) text += U'\t';
        const size_t begin = text.size();
        text += CellLine(row[k].text);
        placed.cells.push_back({begin, text.size(), positioned ? row[k].x : columns[r][k]});
      }
      placed.end = text.size();
      flat.rows.push_back(std::move(placed));
    }
  }
  new_line();
  return flat;
}

}  // namespace gouji
