// A Word document's body: the input is word/document.xml, packed into a .docx as Word packs it
// (a stored entry with its CRC, so the mutations reach the XML reader and the table reader instead
// of stopping at the zip's checksum; zip_fuzz.cc mutates the package itself), then read by
// ReadDocx and checked.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz.h"
#include "gouji/check.h"
#include "read/docx.h"
#include "read/zip_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gouji;
  const std::string xml(reinterpret_cast<const char*>(data), size);
  const std::string docx = testing::StoredZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", xml}});
  const Result<Document> document = ReadDocx(docx);
  if (!document.ok()) {
    fuzz::ExpectStatus(document.status());
    return 0;
  }
  fuzz::ExpectOutcome(CheckDocument(document.value()));
  return 0;
}
