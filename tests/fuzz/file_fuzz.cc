// Any bytes as a file someone gives gouji (the CLI's FILE, the page's drop): text in any encoding,
// HTML, .docx, a PDF's magic, or anything else. Check() reads or refuses them; what it says must
// hold (fuzz.h). DecodeToUtf8, which the page uses to show the text, must agree with it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz.h"
#include "gouji/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gouji;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Result<Report> report = Check(bytes);
  fuzz::ExpectOutcome(report);
  MayHoldReport(bytes);
  const Result<std::string> text = DecodeToUtf8(bytes);
  if (!text.ok()) fuzz::ExpectStatus(text.status());
  return 0;
}
