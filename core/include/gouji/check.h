// gouji's entry point: check one annual report on government information disclosure
// (政府信息公开工作年度报告) and say, cell by cell, whether its tables add up.
//
//   gouji::Result<gouji::Report> r = gouji::Check(bytes);
//   if (!r.ok()) { show r.status().message_zh(); }
//   else         { std::string json = gouji::ReportToJson(r.value()); }
//
// Check() never throws and never aborts on bad input: empty, binary, oversized, undecodable input
// and text that is not a report come back as a Status (see status.h); inputs over 16 MiB are refused
// (kTooLarge). Everything it can say about a report it could read comes back as Findings in the
// Report (see report.h).
#ifndef GOUJI_CHECK_H_
#define GOUJI_CHECK_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "gouji/document.h"
#include "gouji/encoding.h"
#include "gouji/report.h"
#include "gouji/status.h"

namespace gouji {

struct CheckOptions {
  Encoding encoding = Encoding::kAuto;  // see encoding.h
};

// `bytes` is a file as it was published, its format told by its content: text (UTF-8, UTF-16,
// GBK/GB18030), an HTML page, or a Word document (.docx). A PDF gives kNeedsPdfText: the caller
// extracts its positioned text (pdf.js, poppler) and calls CheckPdfText (pdf_text.h). Formats
// gouji does not read (.doc, .wps, images) give kUnsupportedFormat with a message saying what to do.
Result<Report> Check(std::string_view bytes, const CheckOptions& options = {});

// Whether a file found in a folder is one to check, told by its content: text, HTML, .docx, PDF,
// or a document Check() names when it refuses it (.doc, .wps, RTF, .xlsx); not an image or an
// archive of another kind (a .zip of reports: archive.h).
bool MayHoldReport(std::string_view bytes);

// HTML that is already text: what a browser's clipboard holds as text/html when a report is
// copied from a web page.
Result<Report> CheckHtml(std::string_view utf8);

// Checks a report read from a published format (document.h): the same pipeline, with each table's
// rows and cells taken from its grid.
Result<Report> CheckDocument(const Document& document);

// The JSON documented in docs/json-schema.md. Deterministic: the same report gives the same bytes
// on every platform (native and WebAssembly builds are compared byte for byte in the tests).
std::string ReportToJson(const Report& report);

// {"error": {"code": ..., "message": {"zh": ..., "en": ...}, "byte_offset": ...}}
std::string StatusToJson(const Status& status);

// A file's bytes as UTF-8 text, decoded as Check() would decode them (so that a page can show the
// text whose positions a report's spans count), or the Status that refuses them.
Result<std::string> DecodeToUtf8(std::string_view bytes, Encoding encoding = Encoding::kAuto);

// {"text": text}
std::string TextToJson(const std::string& text);

// Registers an ICU common-data package (such as the GB18030 tables a browser build fetches only when
// a file needs them; see StatusCode::kMissingData). The bytes must stay valid for the life of the
// process. Returns false if ICU refuses them.
bool AddIcuData(const void* package);

// gouji's version, "MAJOR.MINOR.PATCH".
const char* Version();

}  // namespace gouji

#endif  // GOUJI_CHECK_H_
