#include "read/xml.h"

#include "base/unicode.h"
#include "read/refusals.h"

namespace gouji {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsNameChar(char c) {
  return !IsXmlSpace(c) && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' && c != '\'';
}

// Decodes &lt; &gt; &amp; &quot; &apos; &#N; &#xN; into *out; false on anything else.
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
      AppendUtf8(static_cast<char32_t>(code), out);
    } else {
      return false;
    }
    i = semi + 1;
  }
  return true;
}

Status Malformed(size_t at, const char* what) {
  return DamagedFile("Word 文档（.docx）", "Word document (.docx)",
                     std::string("XML: ") + what + " at byte " + std::to_string(at));
}

}  // namespace

const std::string* XmlNode::Attribute(std::string_view attribute) const {
  for (const auto& [key, value] : attributes) {
    if (key == attribute) return &value;
  }
  return nullptr;
}

const XmlNode* XmlNode::Child(std::string_view element) const {
  for (const XmlNode& child : children) {
    if (child.name == element) return &child;
  }
  return nullptr;
}

Result<XmlNode> ParseXml(std::string_view xml) {
  XmlNode root;  // a holder: the document element becomes its only element child
  std::vector<XmlNode*> open = {&root};
  size_t i = 0, nodes = 0;
  while (i < xml.size()) {
    if (++nodes > kMaxXmlNodes) return Malformed(i, "too many elements");
    if (xml[i] != '<') {
      const size_t next = std::min(xml.find('<', i), xml.size());
      if (open.size() > 1) {
        XmlNode text;
        if (!AppendDecoded(xml.substr(i, next - i), &text.text)) return Malformed(i, "bad entity");
        open.back()->children.push_back(std::move(text));
      }
      i = next;
      continue;
    }
    const std::string_view rest = xml.substr(i);
    if (rest.compare(0, 4, "<!--") == 0 || rest.compare(0, 2, "<?") == 0 || rest.compare(0, 9, "<!DOCTYPE") == 0) {
      const char* end = rest[1] == '!' && rest[2] == '-' ? "-->" : rest[1] == '?' ? "?>" : ">";
      const size_t close = xml.find(end, i);
      if (close == std::string_view::npos) return Malformed(i, "unclosed markup");
      i = close + std::string_view(end).size();
      continue;
    }
    if (rest.compare(0, 9, "<![CDATA[") == 0) {
      const size_t close = xml.find("]]>", i);
      if (close == std::string_view::npos) return Malformed(i, "unclosed CDATA");
      XmlNode text;
      text.text = std::string(xml.substr(i + 9, close - i - 9));
      open.back()->children.push_back(std::move(text));
      i = close + 3;
      continue;
    }
    if (rest.compare(0, 2, "</") == 0) {
      size_t k = i + 2;
      while (k < xml.size() && IsNameChar(xml[k])) ++k;
      const std::string_view name = xml.substr(i + 2, k - i - 2);
      while (k < xml.size() && IsXmlSpace(xml[k])) ++k;
      if (k >= xml.size() || xml[k] != '>') return Malformed(i, "bad end tag");
      if (open.size() < 2 || open.back()->name != name) return Malformed(i, "mismatched end tag");
      open.pop_back();
      i = k + 1;
      continue;
    }
    // A start tag: name, attributes, then '>' or '/>'.
    size_t k = i + 1;
    while (k < xml.size() && IsNameChar(xml[k])) ++k;
    XmlNode element;
    element.name = std::string(xml.substr(i + 1, k - i - 1));
    if (element.name.empty()) return Malformed(i, "bad start tag");
    bool self_closing = false;
    for (;;) {
      while (k < xml.size() && IsXmlSpace(xml[k])) ++k;
      if (k >= xml.size()) return Malformed(i, "unclosed start tag");
      if (xml[k] == '>') {
        ++k;
        break;
      }
      if (xml[k] == '/' && k + 1 < xml.size() && xml[k + 1] == '>') {
        self_closing = true;
        k += 2;
        break;
      }
      const size_t name_begin = k;
      while (k < xml.size() && IsNameChar(xml[k])) ++k;
      const std::string_view name = xml.substr(name_begin, k - name_begin);
      while (k < xml.size() && IsXmlSpace(xml[k])) ++k;
      if (name.empty() || k + 1 >= xml.size() || xml[k] != '=') return Malformed(k, "bad attribute");
      ++k;
      while (k < xml.size() && IsXmlSpace(xml[k])) ++k;
      if (k >= xml.size() || (xml[k] != '"' && xml[k] != '\'')) return Malformed(k, "unquoted attribute");
      const size_t close = xml.find(xml[k], k + 1);
      if (close == std::string_view::npos) return Malformed(k, "unclosed attribute");
      std::string value;
      if (!AppendDecoded(xml.substr(k + 1, close - k - 1), &value)) return Malformed(k, "bad entity");
      element.attributes.push_back({std::string(name), std::move(value)});
      k = close + 1;
    }
    i = k;
    if (open.size() == 1 && !root.children.empty()) return Malformed(i, "a second document element");
    open.back()->children.push_back(std::move(element));
    if (!self_closing) {
      if (open.size() > kMaxXmlDepth) return Malformed(i, "nested too deeply");
      open.push_back(&open.back()->children.back());
    }
  }
  if (open.size() != 1) return Malformed(xml.size(), "unclosed element");
  for (XmlNode& child : root.children) {
    if (!child.name.empty()) return std::move(child);
  }
  return Malformed(0, "no document element");
}

}  // namespace gouji
