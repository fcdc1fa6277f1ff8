#include "read/xml.h"

#include <algorithm>
#include <cstring>

#include "base/unicode.h"
#include "read/refusals.h"

namespace gouji {
namespace {

Status Malformed(size_t at, const std::string& what) {
  return DamagedFile("Word 文档（.docx）", "Word document (.docx)",
                     "XML: " + what + " at byte " + std::to_string(at));
}

// Decodes &lt; &gt; &amp; &quot; &apos; &#N; &#xN; into *out; false on any other reference.
// pugixml would leave an unknown one as it is written; the old reader refused it, and so does this.
bool AppendDecoded(std::string_view raw, std::string* out) {
  for (size_t i = 0; i < raw.size();) {
    if (raw[i] != '&') {
      out->push_back(raw[i++]);
      continue;
    }
    const size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) return false;
    const std::string_view entity = raw.substr(i + 1, semi - i - 1);
    if (entity == "lt") out->push_back('<');
    else if (entity == "gt") out->push_back('>');
    else if (entity == "amp") out->push_back('&');
    else if (entity == "quot") out->push_back('"');
    else if (entity == "apos") out->push_back('\'');
    else if (entity.size() >= 2 && entity[0] == '#') {
      const bool hex = entity[1] == 'x';
      uint32_t code = 0;
      const std::string_view digits = entity.substr(hex ? 2 : 1);
      if (digits.empty()) return false;
      for (char c : digits) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return false;
        code = code * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        if (code > 0x10FFFF) return false;
      }
      if (code == 0) return false;  // not an XML character, and pugixml's strings end at a NUL
      AppendUtf8(static_cast<char32_t>(code), out);
    } else {
      return false;
    }
    i = semi + 1;
  }
  return true;
}

// One pass over the tree (pugixml walks it without recursion): depth checked, references decoded.
class Checker : public pugi::xml_tree_walker {
 public:
  Status status;

  bool for_each(pugi::xml_node& node) override {
    if (node.type() == pugi::node_element) {
      // Walking from the document, depth() is 0 for the document element: level depth() + 1.
      if (static_cast<size_t>(depth()) + 1 > kMaxXmlDepth) return Fail(node, "nested too deeply");
      for (pugi::xml_attribute attribute : node.attributes()) {
        if (!Decode(attribute.value(), [&](const std::string& v) { return attribute.set_value(v.data(), v.size()); })) {
          return Fail(node, "bad entity");
        }
      }
    } else if (node.type() == pugi::node_pcdata) {
      if (!Decode(node.value(), [&](const std::string& v) { return node.set_value(v.data(), v.size()); })) {
        return Fail(node, "bad entity");
      }
    }
    return true;
  }

 private:
  template <typename Set>
  static bool Decode(const char* raw, Set set) {
    if (!std::strchr(raw, '&')) return true;
    std::string decoded;
    return AppendDecoded(raw, &decoded) && set(decoded);
  }
  bool Fail(const pugi::xml_node& node, const char* what) {
    status = Malformed(static_cast<size_t>(std::max<ptrdiff_t>(node.offset_debug(), 0)), what);
    return false;
  }
};

}  // namespace

Result<XmlDocument> ParseXml(std::string xml) {
  // Refused before pugixml builds anything: every element, text run, comment or CDATA section
  // starts at or after a '<'.
  if (static_cast<size_t>(std::count(xml.begin(), xml.end(), '<')) > kMaxXmlNodes) {
    return Malformed(0, "too many elements");
  }
  XmlDocument doc;
  doc.tree_ = std::make_unique<XmlDocument::Tree>();
  doc.tree_->text = std::move(xml);
  std::string& text = doc.tree_->text;
  // CDATA and whitespace-only text kept; references decoded by the Checker; no line-end or
  // attribute-whitespace normalisation (as Word's text was read before pugixml).
  const unsigned options = pugi::parse_cdata | pugi::parse_ws_pcdata;
  const pugi::xml_parse_result parsed =
      doc.tree_->document.load_buffer_inplace(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!parsed) return Malformed(static_cast<size_t>(parsed.offset), parsed.description());
  size_t elements = 0;
  for (pugi::xml_node child : doc.tree_->document.children()) {
    if (child.type() == pugi::node_element && ++elements > 1) {
      return Malformed(static_cast<size_t>(child.offset_debug()), "a second document element");
    }
  }
  if (elements == 0) return Malformed(0, "no document element");
  Checker checker;
  if (!doc.tree_->document.traverse(checker)) return checker.status;
  return doc;
}

}  // namespace gouji
