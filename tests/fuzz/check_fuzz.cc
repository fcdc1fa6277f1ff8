// libFuzzer target: any bytes, as a file (text, HTML, .docx, PDF magic), as pasted HTML and as a
// PDF's positioned-text JSON, must give a report or a Status: never a crash, a hang or a leak.
//   cmake -S . -B build/fuzz -DGOUJI_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang
//   cmake --build build/fuzz --target gouji_fuzz && build/fuzz/gouji_fuzz -max_total_time=120 tests/fixtures/formats
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gouji/check.h"
#include "gouji/pdf_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  gouji::Result<gouji::Report> report = gouji::Check(bytes);
  if (report.ok()) gouji::ReportToJson(report.value());
  gouji::CheckHtml(bytes);
  gouji::CheckPdfTextJson(bytes);
  return 0;
}
