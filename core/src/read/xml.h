// A small XML reader for the parts of an Office package: elements, attributes and text, with the
// predefined and numeric entities. No DTDs, no namespaces resolved (names keep their prefix,
// "w:tbl"), no validation: Word writes well-formed XML, and what is not well-formed is refused.
#ifndef GOUJI_READ_XML_H_
#define GOUJI_READ_XML_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gouji/status.h"

namespace gouji {

struct XmlNode {
  std::string name;  // "w:p"; empty for a text node
  std::string text;  // a text node's text, entities decoded
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlNode> children;

  // The attribute's value, or nullptr.
  const std::string* Attribute(std::string_view attribute) const;
  // The first child element of that name, or nullptr.
  const XmlNode* Child(std::string_view element) const;
};

// Documents nested deeper than this are refused (real ones nest a few dozen levels).
constexpr size_t kMaxXmlDepth = 256;
// Nor are more nodes kept than this (a report's document.xml has tens of thousands): a small zip can
// unpack to megabytes of empty elements, and each node costs a hundred bytes or so.
constexpr size_t kMaxXmlNodes = 1'000'000;

// The document element, or a Status (kDamagedFile) saying what is wrong and where.
Result<XmlNode> ParseXml(std::string_view xml);

}  // namespace gouji

#endif  // GOUJI_READ_XML_H_
