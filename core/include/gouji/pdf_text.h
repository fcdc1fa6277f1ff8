// Checking a PDF: the core lays its positioned text (pdf_page.h) out into lines and table cells by
// position itself, so that pdf.js in the page and poppler in the CLI give the same answer.
#ifndef GOUJI_PDF_TEXT_H_
#define GOUJI_PDF_TEXT_H_

#include <string_view>
#include <vector>

#include "gouji/pdf_page.h"
#include "gouji/report.h"
#include "gouji/status.h"

namespace gouji {

// Checks a PDF from its pages' positioned text. A PDF with no text at all (a scan) gives kNoText.
Result<Report> CheckPdfText(const std::vector<PdfPage>& pages);

// The two in one: the pages from PdfPagesFromJson's JSON, checked.
Result<Report> CheckPdfTextJson(std::string_view json);

}  // namespace gouji

#endif  // GOUJI_PDF_TEXT_H_
