// The WebAssembly surface of gouji, through Embind. Nothing but bindings: every decision is the
// core's, so the page, the widget and the CLI give the same answer.
//
//   const gouji = await createGouji();
//   gouji.check(text)                    -> JSON string (report, or {"error": ...})
//   gouji.checkBytes(uint8array, "auto") -> the same, for a file's bytes ("auto", "utf-8",
//                                           "gb18030", "utf-16"); the format (text, HTML, .docx)
//                                           and the encoding are detected. A PDF answers
//                                           {"error": {"code": "pdf_text_needed"}}: extract its
//                                           text with web/pdf-text.js and call checkPdfText
//   gouji.checkHtml(html)                -> the same, for HTML as text (a paste's text/html)
//   gouji.checkPdfText(json)             -> the same, for a PDF's positioned text (pdf_text.h)
//   gouji.decode(uint8array)             -> {"text": ...}: a file's bytes as text, the encoding
//                                           detected as check() would; or {"error": ...}
//   gouji.addData(uint8array)            -> true if ICU took the data package (the GB18030 tables,
//                                           fetched when a check says "missing_data")
//   gouji.layouts()                      -> JSON: every table's rows, columns and merged headers
//   gouji.rules()                        -> JSON: the rule registry, every rule a finding can name,
//                                           with its severity and its names (RulesToJson, format.h)
//   gouji.version()                      -> "0.1.0"
//
// The batch page's build (gouji-batch.wasm) adds batch_bindings.cc.
#include <emscripten/bind.h>

#include <algorithm>
#include <string>

#include "gouji/check.h"
#include "gouji/format.h"
#include "gouji/pdf_text.h"

namespace {

// The report's JSON, or the Status that refused the input.
std::string ToJson(const gouji::Result<gouji::Report>& result) {
  return result.ok() ? gouji::ReportToJson(result.value()) : gouji::StatusToJson(result.status());
}

std::string Run(const std::string& input, gouji::Encoding encoding) {
  gouji::CheckOptions options;
  options.encoding = encoding;
  return ToJson(gouji::Check(input, options));
}

// Embind passes a JS string as its UTF-8 bytes.
std::string CheckText(const std::string& text) { return Run(text, gouji::Encoding::kUtf8); }

// Embind passes a Uint8Array's bytes unchanged.
std::string CheckBytes(const std::string& bytes, const std::string& encoding) {
  // An unknown name is detection, as a page that names no encoding gets.
  gouji::Encoding e = gouji::EncodingFromName(encoding).value_or(gouji::Encoding::kAuto);
  return Run(bytes, e);
}

std::string CheckHtml(const std::string& html) { return ToJson(gouji::CheckHtml(html)); }

std::string CheckPdfText(const std::string& json) { return ToJson(gouji::CheckPdfTextJson(json)); }

std::string Decode(const std::string& bytes) {
  gouji::Result<std::string> text = gouji::DecodeToUtf8(bytes);
  if (!text.ok()) return gouji::StatusToJson(text.status());
  return gouji::TextToJson(text.value());
}

// ICU keeps a pointer to the package: the copy lives as long as the module.
bool AddData(const std::string& package) {
  char* copy = new char[package.size()];
  std::copy(package.begin(), package.end(), copy);
  return gouji::AddIcuData(copy);
}

std::string Version() { return gouji::Version(); }

std::string Layouts() { return gouji::LayoutsToJson(); }

std::string Rules() { return gouji::RulesToJson(); }

}  // namespace

EMSCRIPTEN_BINDINGS(gouji) {
  emscripten::function("check", &CheckText);
  emscripten::function("checkBytes", &CheckBytes);
  emscripten::function("checkHtml", &CheckHtml);
  emscripten::function("checkPdfText", &CheckPdfText);
  emscripten::function("addData", &AddData);
  emscripten::function("decode", &Decode);
  emscripten::function("layouts", &Layouts);
  emscripten::function("rules", &Rules);
  emscripten::function("version", &Version);

}
