// The XML of an Office package's parts, parsed by pugixml (compiled from Debian's source into both
// builds; see CMakeLists.txt) into its tree: elements, attributes and text, names keeping their
// prefix ("w:tbl"), no namespaces resolved, no validation. Word writes well-formed XML, and what is
// not well-formed is refused.
//
// What gouji adds to pugixml, for files from anyone:
//   - entities: only the predefined five and numeric references are decoded; any other reference
//     (&bogus;, or an entity a DTD declares) is refused, never expanded (a billion laughs is
//     refused in microseconds);
//   - size: a document with more than kMaxXmlNodes tags is refused before a tree is built;
//   - depth: elements nested more than kMaxXmlDepth levels are refused, so readers may recurse.
// Text keeps its bytes as written: whitespace-only text is kept (xml:space="preserve" runs), line
// ends and attribute whitespace are not normalised.
#ifndef GOUJI_READ_XML_H_
#define GOUJI_READ_XML_H_

#include <memory>
#include <string>

#include <pugixml.hpp>

#include "gouji/status.h"

namespace gouji {

// Documents nested deeper than this are refused (real ones nest a few dozen levels).
constexpr size_t kMaxXmlDepth = 256;
// Nor are more tags ('<') than this parsed (a report's document.xml has tens of thousands): a small
// zip can unpack to megabytes of empty elements, and each node costs tens of bytes.
constexpr size_t kMaxXmlNodes = 1'000'000;

class XmlDocument {
 public:
  // The document element.
  pugi::xml_node Root() const { return tree_->document.document_element(); }

 private:
  friend Result<XmlDocument> ParseXml(std::string xml);
  XmlDocument() = default;
  struct Tree {
    std::string text;  // parsed in place: the tree's strings point into it, so it never moves
    pugi::xml_document document;
  };
  std::unique_ptr<Tree> tree_;
};

// The parsed document, or a Status (kDamagedFile) saying what is wrong and where.
Result<XmlDocument> ParseXml(std::string xml);

}  // namespace gouji

#endif  // GOUJI_READ_XML_H_
