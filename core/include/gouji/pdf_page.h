// A PDF as gouji reads it: the text of each page with its position, as a PDF library extracts it
// (pdf.js in the page, poppler in the CLI), and the JSON it travels in between them and the core.
#ifndef GOUJI_PDF_PAGE_H_
#define GOUJI_PDF_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "gouji/status.h"

namespace gouji {

// A run of text on a page, in PDF points, from the page's top-left corner, y growing downward:
// (x, y) is the top-left corner of the run's box, height its font size.
struct PdfTextItem {
  double x = 0, y = 0, width = 0, height = 0;
  std::string text;  // UTF-8
};

// A straight line drawn on a page (a table's ruling), in the same coordinates: from (x0, y0) to
// (x1, y1). A rectangle the PDF fills or strokes comes as its edges (a thin filled one, as Word
// draws a border, as the line along its middle).
struct PdfSegment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct PdfPage {
  double width = 0, height = 0;
  std::vector<PdfTextItem> items;     // in any order
  std::vector<PdfSegment> segments;  // in any order; none if the reader gave no drawing
};

// The pages from JSON: {"pages": [{"width": w, "height": h, "items": [{"x", "y", "w", "h",
// "text"}], "lines": [[x0, y0, x1, y1], ...]}]}, which the page's pdf.js reader (web/pdf-text.js)
// writes ("lines" may be absent). kInternal if malformed,
// kTooLarge beyond eight times the largest input gouji checks.
Result<std::vector<PdfPage>> PdfPagesFromJson(std::string_view json);
std::string PdfPagesToJson(const std::vector<PdfPage>& pages);

}  // namespace gouji

#endif  // GOUJI_PDF_PAGE_H_
