// A PDF's positioned text, as the page's pdf.js reader and `gouji pdf-text` write it (pdf_page.h):
// pages of text runs and ruling lines, laid out by position into lines and cells and checked.
// Malformed JSON is the one input where an internal error is the right answer: it comes from
// gouji's own reader, never from a user.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz.h"
#include "gouji/pdf_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  gouji::fuzz::ExpectOutcome(gouji::CheckPdfTextJson(json), /*internal_allowed=*/true);
  return 0;
}
