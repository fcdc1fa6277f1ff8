// XML as the core parses an Office package's parts (read/xml.h: pugixml, with gouji's bounds on
// entities, size and depth): a document is parsed or refused, and a parsed one is no deeper than
// kMaxXmlDepth, so readers may recurse.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz.h"
#include "read/xml.h"

namespace {

size_t Depth(const pugi::xml_node& node) {
  size_t deepest = 0;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const size_t d = Depth(child);
    if (d > deepest) deepest = d;
  }
  return deepest + 1;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gouji;
  Result<XmlDocument> xml = ParseXml(std::string(reinterpret_cast<const char*>(data), size));
  if (!xml.ok()) {
    fuzz::ExpectStatus(xml.status());
    return 0;
  }
  if (xml.value().Root()) fuzz::Expect(Depth(xml.value().Root()) <= kMaxXmlDepth + 1, "depth is bounded");
  return 0;
}
