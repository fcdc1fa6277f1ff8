#include "read/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstddef>
#include <cstdint>

#include "base/unicode.h"
#include "read/decode.h"

namespace gouji {
namespace {

// Deeper than this, a page is not a report but a trap: refused, so that nothing recurses without
// bound.
constexpr int kMaxDepth = 400;

// Every allocation gumbo makes, so that the whole tree is freed at once without gumbo's recursive
// destroy (a page of 100,000 nested <div>s would overflow the stack there). Each block carries its
// links in a header before it: keeping count costs no hashing and no allocation of its own.
class Allocations {
 public:
  Allocations() { head_.prev = head_.next = &head_; }
  ~Allocations() {
    for (Header* h = head_.next; h != &head_;) {
      Header* next = h->next;
      std::free(h);
      h = next;
    }
  }
  Allocations(const Allocations&) = delete;
  Allocations& operator=(const Allocations&) = delete;

  static void* Allocate(void* self, size_t size) {
    if (size > SIZE_MAX - sizeof(Header)) return nullptr;
    auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (!h) return nullptr;
    Header& head = static_cast<Allocations*>(self)->head_;
    h->prev = &head;
    h->next = head.next;
    head.next->prev = h;
    head.next = h;
    return h + 1;
  }
  static void Deallocate(void*, void* p) {
    if (!p) return;
    Header* h = static_cast<Header*>(p) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    std::free(h);
  }

 private:
  // Two pointers: what follows stays aligned as malloc aligns (16 bytes on 64-bit, 8 on wasm32).
  struct alignas(std::max_align_t) Header {
    Header* prev;
    Header* next;
  };
  Header head_;
};

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BODY: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

bool IsNotText(GumboTag tag) {
  return tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_IFRAME ||
         tag == GUMBO_TAG_OBJECT || tag == GUMBO_TAG_SELECT || tag == GUMBO_TAG_SVG ||
         tag == GUMBO_TAG_MATH || tag == GUMBO_TAG_TEXTAREA;
}

bool IsHidden(const GumboElement& element) {
  if (gumbo_get_attribute(&element.attributes, "hidden")) return true;
  const GumboAttribute* style = gumbo_get_attribute(&element.attributes, "style");
  if (!style) return false;
  std::string compact;
  for (const char* c = style->value; *c; ++c) {
    if (!IsHtmlSpace(*c)) compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*c))));
  }
  return compact.find("display:none") != std::string::npos;
}

int SpanAttribute(const GumboElement& element, const char* name, int limit) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  if (!a) return 1;
  const int n = std::atoi(a->value);
  return std::clamp(n, 1, limit);
}

// Text with white space collapsed as a browser does (a run of spaces, tabs and line breaks is one
// space; none at a line's start or end), with hard line breaks where blocks and <br> are.
class TextSink {
 public:
  void Text(const char* text) {
    for (const char* c = text; *c; ++c) {
      if (IsHtmlSpace(*c)) {
        pending_space_ = !text_.empty() && text_.back() != '\n';
      } else {
        if (pending_space_) text_.push_back(' ');
        pending_space_ = false;
        text_.push_back(*c);
      }
    }
  }
  void LineBreak() {
    pending_space_ = false;
    text_.push_back('\n');
  }
  // A block boundary: a line break unless the text is already at a line's start.
  void BlockBreak() {
    pending_space_ = false;
    if (!text_.empty() && text_.back() != '\n') text_.push_back('\n');
  }
  std::string Take() {
    while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    pending_space_ = false;
    return std::move(text_);
  }
  bool empty() const { return text_.empty(); }

 private:
  std::string text_;
  bool pending_space_ = false;
};

class Walker {
 public:
  explicit Walker(Document* document) : document_(document) {}

  bool too_deep() const { return too_deep_; }

  // Reads a subtree as blocks: paragraphs and tables, in order.
  void Blocks(const GumboNode* node, int depth) {
    if (depth > kMaxDepth) {
      too_deep_ = true;
      return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      paragraph_.Text(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
        node->type != GUMBO_NODE_TEMPLATE) {
      return;  // comments
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type != GUMBO_NODE_DOCUMENT) {
      const GumboElement& element = node->v.element;
      if (IsNotText(element.tag) || IsHidden(element)) return;
      if (element.tag == GUMBO_TAG_BR) {
        paragraph_.LineBreak();
        return;
      }
      if (element.tag == GUMBO_TAG_TABLE) {
        EndParagraph();
        Table(node, depth);
        return;
      }
      if (IsBlock(element.tag)) EndParagraph();
    }
    for (unsigned i = 0; i < children.length; ++i) {
      Blocks(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    }
    if (node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag)) EndParagraph();
  }

  void EndParagraph() {
    std::string text = paragraph_.Take();
    // Each line of a paragraph broken by <br> is a line of the text, as it shows on the page.
    if (!text.empty()) document_->AddText(std::move(text));
  }

 private:
  static bool HoldsTable(const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return false;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT &&
          (child->v.element.tag == GUMBO_TAG_TABLE || HoldsTable(child, depth + 1))) {
        return true;
      }
    }
    return false;
  }

  // The rows of a table (through thead, tbody and tfoot) and each row's cells.
  static std::vector<std::vector<const GumboNode*>> Rows(const GumboNode* table) {
    std::vector<std::vector<const GumboNode*>> rows;
    auto add_row = [&rows](const GumboNode* tr) {
      std::vector<const GumboNode*> cells;
      const GumboVector& children = tr->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
        if (c->type == GUMBO_NODE_ELEMENT && (c->v.element.tag == GUMBO_TAG_TD || c->v.element.tag == GUMBO_TAG_TH) &&
            !IsHidden(c->v.element)) {
          cells.push_back(c);
        }
      }
      rows.push_back(std::move(cells));
    };
    const GumboVector& children = table->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type != GUMBO_NODE_ELEMENT || IsHidden(c->v.element)) continue;
      const GumboTag tag = c->v.element.tag;
      if (tag == GUMBO_TAG_TR) {
        add_row(c);
      } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
        const GumboVector& section = c->v.element.children;
        for (unsigned k = 0; k < section.length; ++k) {
          const GumboNode* tr = static_cast<const GumboNode*>(section.data[k]);
          if (tr->type == GUMBO_NODE_ELEMENT && tr->v.element.tag == GUMBO_TAG_TR && !IsHidden(tr->v.element)) {
            add_row(tr);
          }
        }
      }
    }
    return rows;
  }

  void Table(const GumboNode* table, int depth) {
    // A caption is the table's title: a paragraph before it.
    const GumboVector& parts = table->v.element.children;
    for (unsigned i = 0; i < parts.length; ++i) {
      const GumboNode* part = static_cast<const GumboNode*>(parts.data[i]);
      if (part->type == GUMBO_NODE_ELEMENT && part->v.element.tag == GUMBO_TAG_CAPTION) Blocks(part, depth + 1);
    }
    const auto rows = Rows(table);
    bool layout = false;
    for (const auto& row : rows) {
      for (const GumboNode* cell : row) layout = layout || HoldsTable(cell, depth + 2);
    }
    if (layout) {
      // A page laid out with a table: its cells are regions of the page.
      for (const auto& row : rows) {
        for (const GumboNode* cell : row) {
          Blocks(cell, depth + 2);
          EndParagraph();
        }
      }
      return;
    }
    Grid grid;
    for (const auto& row : rows) {
      std::vector<GridCell> cells;
      for (const GumboNode* cell : row) {
        GridCell out;
        out.row_span = SpanAttribute(cell->v.element, "rowspan", 65534);
        out.col_span = SpanAttribute(cell->v.element, "colspan", 1000);
        TextSink text;
        CellText(cell, depth + 2, &text);
        out.text = text.Take();
        cells.push_back(std::move(out));
      }
      grid.rows.push_back(std::move(cells));
    }
    document_->AddTable(std::move(grid));
  }

  void CellText(const GumboNode* node, int depth, TextSink* text) {
    if (depth > kMaxDepth) {
      too_deep_ = true;
      return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      text->Text(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& element = node->v.element;
    if (IsNotText(element.tag) || IsHidden(element)) return;
    if (element.tag == GUMBO_TAG_BR) {
      text->LineBreak();
      return;
    }
    const bool block = IsBlock(element.tag);
    if (block) text->BlockBreak();
    for (unsigned i = 0; i < element.children.length; ++i) {
      CellText(static_cast<const GumboNode*>(element.children.data[i]), depth + 1, text);
    }
    if (block) text->BlockBreak();
  }

  Document* document_;
  TextSink paragraph_;
  bool too_deep_ = false;
};

Result<Document> Parse(std::string_view utf8, const DecodedText* decoded) {
  Allocations allocations;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Allocations::Allocate;
  options.deallocator = &Allocations::Deallocate;
  options.userdata = &allocations;
  options.max_errors = 0;  // gumbo's parse errors are not ours to report
  GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  Document document;
  document.format = SourceFormat::kHtml;
  if (decoded) {
    document.encoding = decoded->encoding;
    document.malformed_bytes = decoded->malformed;
    document.first_malformed_offset = decoded->first_malformed_offset.value_or(0);
  }
  if (!output) return Status(StatusCode::kInternal, "网页解析失败（内存不足）。", "The page could not be parsed (out of memory).");
  Walker walker(&document);
  walker.Blocks(output->document, 0);
  walker.EndParagraph();
  // The tree goes with `allocations`: gumbo_destroy_output is not called (see Allocations).
  if (walker.too_deep()) {
    return Status(StatusCode::kUnsupportedFormat,
                  "这个网页的结构嵌套超过 " + std::to_string(kMaxDepth) + " 层，不像一份年度报告，未予读取。",
                  "This page nests its elements more than " + std::to_string(kMaxDepth) +
                      " levels deep; it does not look like an annual report and was not read.");
  }
  return document;
}

bool HasNonAscii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

Encoding EncodingOfCharset(const std::string& charset) {
  std::optional<Encoding> named = EncodingFromName(charset);
  if (!named) return Encoding::kAuto;
  // A page that says UTF-16 in a <meta> is, by the HTML standard, read as UTF-8 (a real UTF-16 page
  // starts with a byte-order mark, which decoding honours first).
  if (*named == Encoding::kUtf16) return Encoding::kUtf8;
  return *named;
}

}  // namespace

std::string DeclaredCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const size_t end = std::min(head.find('>', at), head.size());
    const size_t charset = head.find("charset", at);
    if (charset == std::string::npos || charset > end) continue;
    size_t k = charset + 7;
    while (k < end && (IsHtmlSpace(head[k]) || head[k] == '=' || head[k] == '"' || head[k] == '\'')) ++k;
    size_t e = k;
    while (e < end && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_')) ++e;
    if (e > k) return head.substr(k, e - k);
  }
  return "";
}

Result<Document> ReadHtml(std::string_view bytes, Encoding requested) {
  Encoding encoding = requested;
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" ||
                   bytes.substr(0, 2) == "\xFE\xFF";
  if (encoding == Encoding::kAuto && !bom) {
    encoding = EncodingOfCharset(DeclaredCharset(bytes));
    if (encoding == Encoding::kGb18030 && HasNonAscii(bytes)) {
      // A page declared GBK whose bytes are valid UTF-8 (non-ASCII included) is UTF-8.
      Result<DecodedText> as_utf8 = Decode(bytes, Encoding::kUtf8);
      if (as_utf8.ok() && as_utf8.value().malformed == 0) encoding = Encoding::kUtf8;
    }
  }
  Result<DecodedText> decoded = Decode(bytes, encoding);
  if (!decoded.ok()) return decoded.status();
  return Parse(ToUtf8(decoded.value().text), &decoded.value());
}

Result<Document> ReadHtmlText(std::string_view utf8) { return Parse(utf8, nullptr); }

}  // namespace gouji
