// Stage 0 for PDFs whose tables are drawn: each table's grid from its ruling lines, the way the
// lattice method of Camelot, Tabula and pdfplumber finds it.
//
//   1. the page's segments, horizontal and vertical, are snapped and joined (a border drawn in
//      pieces, or twice, is one line);
//   2. lines that cross or touch make a table; one of at least two rows and two columns is kept;
//   3. the lines' positions cut the table into a lattice; where a border is not drawn between two
//      of its cells, they are one merged cell (rowspan, colspan);
//   4. each text run goes to the cell whose box holds it (a run that crosses a border is split
//      there, by its characters' share of its width); a cell's lines are joined in reading order.
//
// The grid is a Grid like an HTML or .docx table's, mapped by the same mapper. Text outside the
// tables is left to the layout of positioned text (pdf_layout.h).
#ifndef GOUJI_READ_PDF_RULING_H_
#define GOUJI_READ_PDF_RULING_H_

#include <vector>

#include "gouji/document.h"
#include "gouji/pdf_page.h"

namespace gouji {

struct RuledTable {
  double left = 0, top = 0, right = 0, bottom = 0;  // on its page
  Grid grid;
};

// The ruled tables of a page, top to bottom. `used` (resized to page.items.size()) marks the
// items placed in one of them.
std::vector<RuledTable> FindRuledTables(const PdfPage& page, std::vector<bool>* used);

}  // namespace gouji

#endif  // GOUJI_READ_PDF_RULING_H_
