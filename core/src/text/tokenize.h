// Stage 3: a table's stretch of normalised text -> its cells, in reading order.
//
// Tables reach gouji flattened in many ways; this stage recognises how, and undoes it:
//   pipe           one row per line, cells between '|' (also Markdown tables)
//   tab_rows       one row per line, cells between tabs (a table copied from a browser)
//   tab_indented   one cell per line, each indented by a tab; an empty line ends a row; a short
//                  line without the tab continues the cell above (a header split over two lines)
//   cell_per_line  one cell per line; a line of spaces only is an empty cell
//   cell_per_line_spaced  the same with an empty line between every two cells
//   grid           a table read from a published format (HTML, .docx, PDF): its rows and cells are
//                  known, nothing is guessed (TokenizeGrid)
// A line of a label followed by numbers separated by spaces ("规章 0 0 0") is read as a row in
// the line-based flattenings. Cells keep their position in the normalised text.
#ifndef GOUJI_TEXT_TOKENIZE_H_
#define GOUJI_TEXT_TOKENIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gouji {

struct Token {
  std::u32string text;  // trimmed
  size_t begin = 0;     // normalised position of the trimmed text (of the cell, when empty)
  size_t end = 0;
  bool row_start = false;    // the first cell of a row, where the flattening shows rows
  bool placeholder = false;  // a cell with nothing at all in it: a merged cell's leftover
  bool run_together = false;  // digits split off the label they ran onto: maybe several cells
  bool line_start = false;   // the cell begins its line (where cells are lines, every cell does)
  bool alone = false;        // the cell is all its line holds
  double x = -1;             // where the cell stands across its row: a PDF cell's horizontal centre on its
                             // page in points, or a text grid's column index; < 0 unknown
};

enum class Flattening { kPipe, kTabRows, kTabIndented, kCellPerLine, kCellPerLineSpaced, kColumns, kGrid };
const char* FlatteningName(Flattening f);  // "pipe", "tab_rows", ...

struct TokenizedRegion {
  Flattening flattening = Flattening::kCellPerLine;
  std::vector<Token> tokens;
};

// Tokenises text[begin, end), which should start at a line start. `widths`, if given, is each
// character's display width as the source showed it (DisplayWidths in normalize.h), by which a
// table laid out in columns is read; without it, the characters' own.
TokenizedRegion Tokenize(const std::u32string& text, size_t begin, size_t end,
                         const std::vector<uint8_t>* widths = nullptr);

// A table row whose cells are known, in positions of a text.
struct GridCellSpan {
  size_t begin = 0, end = 0;
  double x = -1;  // as Token::x
};
struct GridRowSpan {
  size_t begin = 0, end = 0;  // the row's line
  std::vector<GridCellSpan> cells;
};

// One token per written cell of the rows, in order; an empty cell is a blank cell (a real cell the
// source left empty), never a placeholder.
TokenizedRegion TokenizeGrid(const std::u32string& text, const std::vector<GridRowSpan>& rows);

}  // namespace gouji

#endif  // GOUJI_TEXT_TOKENIZE_H_
