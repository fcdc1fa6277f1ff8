// A report as it was published: paragraphs and tables in reading order, with each table's grid
// kept. The readers of published formats (HTML, .docx, a PDF's positioned text) produce one;
// CheckDocument() checks it like text, except that a table's rows and cells are taken from its grid
// instead of being guessed from how the text was flattened.
#ifndef GOUJI_DOCUMENT_H_
#define GOUJI_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gouji {

// The format a document was read from, as the JSON's input.format names it.
enum class SourceFormat { kText, kHtml, kDocx, kPdf };
const char* SourceFormatName(SourceFormat format);  // "text", "html", "docx", "pdf"

struct GridCell {
  std::string text;  // UTF-8; a line break inside the cell as '\n'
  int row_span = 1;
  int col_span = 1;
  // A PDF cell's horizontal centre on its page, in points: lets a row with blank cells, which a
  // PDF does not draw at all, be placed by its columns' positions. Negative where unknown (HTML,
  // .docx): the position is then the cell's column once the grid's spans are resolved.
  double x = -1;
};

// Rows of cells as the source writes them: a cell covered by a merged cell above it (rowspan,
// vMerge) or beside it (colspan, gridSpan) is not written again.
struct Grid {
  std::vector<std::vector<GridCell>> rows;
};

struct Block {
  enum class Kind { kText, kTable };
  Kind kind = Kind::kText;
  std::string text;  // kText: one paragraph (UTF-8; may hold line breaks)
  Grid grid;         // kTable
};

struct Document {
  SourceFormat format = SourceFormat::kText;
  std::vector<Block> blocks;
  // Set by a reader that had to decode bytes (an .html file's declared or detected charset).
  std::string encoding = "UTF-8";
  // Bytes that could not be decoded in that charset (replaced by U+FFFD), and where the first was.
  size_t malformed_bytes = 0;
  uint64_t first_malformed_offset = 0;

  void AddText(std::string text) { blocks.push_back({Block::Kind::kText, std::move(text), {}}); }
  void AddTable(Grid grid) { blocks.push_back({Block::Kind::kTable, "", std::move(grid)}); }
};

}  // namespace gouji

#endif  // GOUJI_DOCUMENT_H_
