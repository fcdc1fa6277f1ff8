// The CLI's PDF reader: each page's words and their boxes, from poppler (libpoppler-cpp). The page
// reads PDFs with pdf.js instead; both hand the same kind of positioned text to the core.
#ifndef GOUJI_CLI_PDF_READER_H_
#define GOUJI_CLI_PDF_READER_H_

#include <string_view>
#include <vector>

#include "gouji/pdf_text.h"
#include "gouji/status.h"

namespace gouji::cli {

// Once, before any thread reads a PDF: poppler's messages silenced (a global of poppler's, set
// here rather than by each reader). poppler's own parameters are made by each document.
void InitPdfReader();

// kDamagedFile for a PDF poppler cannot open; kUnsupportedFormat for an encrypted one.
Result<std::vector<PdfPage>> ReadPdfText(std::string_view bytes);

}  // namespace gouji::cli

#endif  // GOUJI_CLI_PDF_READER_H_
