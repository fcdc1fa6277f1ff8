// Pasted HTML: what a browser's clipboard holds as text/html when a report is copied from a web
// page, read by gumbo into a grid and checked (CheckHtml). Bytes that are not UTF-8 are the
// caller's to avoid, but must still give an answer, not a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz.h"
#include "gouji/check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  gouji::fuzz::ExpectOutcome(gouji::CheckHtml(html));
  return 0;
}
