// Stage 0 for PDFs: positioned text (pdf_text.h) -> a Document.
//
// A PDF has no paragraphs, rows or cells, only runs of text at positions. They are rebuilt:
//   1. lines: runs that share at least half the height of the taller are one line;
//   2. cells: within a line, a gap wider than half the line's height starts a new cell (and a
//      label's fragments, spread to fill their line, are joined again);
//   3. rows: a line with values ("3001  53  0") is a table row; the lines of a wrapped label above
//      or below it (left of its values, nearer to it than to any other row) are joined to it,
//      cell by cell where they stand over one another. Vertically written group labels (三、/本/年
//      /度...) become leading cells of the rows beside them, which the mapper passes over;
//   4. a row of two or more cells is a table row; a line of one cell is a paragraph.
// Page by page, top to bottom; the core then maps the rows like any other grid.
#ifndef GOUJI_READ_PDF_LAYOUT_H_
#define GOUJI_READ_PDF_LAYOUT_H_

#include <vector>

#include "gouji/document.h"
#include "gouji/pdf_page.h"

namespace gouji {

Document LayOutPdf(const std::vector<PdfPage>& pages);

}  // namespace gouji

#endif  // GOUJI_READ_PDF_LAYOUT_H_
