// The CLI's reader of a PDF's drawing: the straight lines each page strokes or fills (a table's
// ruling, as its edges), from poppler's own renderer interface (OutputDev, Debian's
// libpoppler-private-dev: poppler-cpp gives text but no drawing). The page reads them with pdf.js.
#ifndef GOUJI_CLI_PDF_RULINGS_H_
#define GOUJI_CLI_PDF_RULINGS_H_

#include <string_view>
#include <vector>

#include "gouji/pdf_page.h"

namespace gouji::cli {

// Each page's nearly horizontal or vertical straight segments, in points from the top-left corner
// of its crop box (as poppler-cpp places text). Empty for a page poppler cannot draw; no pages
// for a PDF it cannot open (ReadPdfText says why).
std::vector<std::vector<PdfSegment>> ReadPdfRulings(std::string_view bytes);

}  // namespace gouji::cli

#endif  // GOUJI_CLI_PDF_RULINGS_H_
