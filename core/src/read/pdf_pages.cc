// Positioned text to and from JSON (pdf_page.h).
#include "gouji/pdf_page.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/json_writer.h"
#include "base/unicode.h"
#include "read/decode.h"

namespace gouji {

namespace {

// A reader for the one JSON shape positioned text comes in. Not a JSON library: nlohmann's parser
// alone was 50 KB of the browser's WebAssembly, for this. Unknown members are skipped; anything
// malformed, or nested deeper than real positioned text is, fails.
class PositionsReader {
 public:
  explicit PositionsReader(std::string_view text) : s_(text) {}

  bool Read(std::vector<PdfPage>* pages) {
    bool have_pages = false;
    const bool ok = Object([&](const std::string& key) {
      if (key != "pages") return Skip(0);
      have_pages = true;
      return Array([&] {
        PdfPage page;
        bool have_items = false;
        const bool page_ok = Object([&](const std::string& k) {
          if (k == "width") return Number(&page.width);
          if (k == "height") return Number(&page.height);
          if (k == "lines") return Array([&] { return Segment(&page); });
          if (k != "items") return Skip(0);
          have_items = true;
          return Array([&] { return Item(&page); });
        });
        pages->push_back(std::move(page));
        return page_ok && have_items;
      });
    });
    Space();
    return ok && have_pages && at_ == s_.size();
  }

 private:
  bool Item(PdfPage* page) {
    PdfTextItem item;
    bool have_text = false;
    const bool ok = Object([&](const std::string& key) {
      if (key == "x") return Number(&item.x);
      if (key == "y") return Number(&item.y);
      if (key == "w") return Number(&item.width);
      if (key == "h") return Number(&item.height);
      if (key == "text") return have_text = String(&item.text);
      return Skip(0);
    });
    page->items.push_back(std::move(item));
    return ok && have_text;
  }

  // [x0, y0, x1, y1]
  bool Segment(PdfPage* page) {
    PdfSegment s;
    double* const ends[] = {&s.x0, &s.y0, &s.x1, &s.y1};
    size_t n = 0;
    const bool ok = Array([&] { return n < 4 && Number(ends[n++]); });
    page->segments.push_back(s);
    return ok && n == 4;
  }

  void Space() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\n' || s_[at_] == '\r' || s_[at_] == '\t')) ++at_;
  }
  bool Eat(char c) {
    Space();
    if (at_ < s_.size() && s_[at_] == c) return ++at_, true;
    return false;
  }

  // {"key": value, ...}: member(key) reads each value.
  template <typename Member>
  bool Object(Member&& member) {
    if (!Eat('{')) return false;
    if (Eat('}')) return true;
    do {
      std::string key;
      Space();
      if (!String(&key) || !Eat(':') || !member(key)) return false;
    } while (Eat(','));
    return Eat('}');
  }
  template <typename Element>
  bool Array(Element&& element) {
    if (!Eat('[')) return false;
    if (Eat(']')) return true;
    do {
      if (!element()) return false;
    } while (Eat(','));
    return Eat(']');
  }

  bool String(std::string* out) {
    Space();
    if (at_ >= s_.size() || s_[at_] != '"') return false;
    for (++at_; at_ < s_.size();) {
      const char c = s_[at_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (at_ >= s_.size()) return false;
      const char e = s_[at_++];
      switch (e) {
        case '"': case '\\': case '/': out->push_back(e); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t unit;
          if (!Hex4(&unit)) return false;
          if (unit >= 0xD800 && unit < 0xDC00) {  // a surrogate pair
            uint32_t low;
            if (s_.substr(at_, 2) != "\\u") return false;
            at_ += 2;
            if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(static_cast<char32_t>(unit), out);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool Hex4(uint32_t* out) {
    if (s_.size() - at_ < 4) return false;
    *out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[at_++];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      *out = *out * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }
  bool Number(double* out) {
    Space();
    const size_t start = at_;
    while (at_ < s_.size() && std::string_view("+-0123456789.eE").find(s_[at_]) != std::string_view::npos) ++at_;
    if (at_ == start || at_ - start > 32) return false;
    const std::string token(s_.substr(start, at_ - start));
    char* end = nullptr;
    *out = std::strtod(token.c_str(), &end);
    return end == token.c_str() + token.size() && std::isfinite(*out);
  }
  // Any value, for members this reader does not use.
  bool Skip(int depth) {
    if (depth > 16) return false;
    Space();
    if (at_ >= s_.size()) return false;
    std::string ignored;
    double number;
    switch (s_[at_]) {
      case '{': return Object([&](const std::string&) { return Skip(depth + 1); });
      case '[': return Array([&] { return Skip(depth + 1); });
      case '"': return String(&ignored);
      case 't': return Word("true");
      case 'f': return Word("false");
      case 'n': return Word("null");
      default: return Number(&number);
    }
  }
  bool Word(std::string_view word) {
    if (s_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  std::string_view s_;
  size_t at_ = 0;
};

}  // namespace

Result<std::vector<PdfPage>> PdfPagesFromJson(std::string_view text) {
  // Positioned text takes several times the bytes of the text itself.
  if (text.size() > 8 * kMaxInputBytes) {
    return Status(StatusCode::kTooLarge, "PDF 过大：其中的文字超出了年度报告应有的篇幅。",
                  "The PDF is too large: it holds far more text than an annual report does.");
  }
  std::vector<PdfPage> pages;
  if (!PositionsReader(text).Read(&pages)) {
    return Status(StatusCode::kInternal, "PDF 文字数据格式有误（这是 gouji 的问题，请报告）。",
                  "The PDF text data is malformed (a bug in gouji; please report it).");
  }
  return pages;
}

std::string PdfPagesToJson(const std::vector<PdfPage>& pages) {
  std::string out;
  JsonWriter w(&out);
  const auto rounded = [&w](double v) { w.Double(std::round(v * 100) / 100); };
  w.BeginObject();
  w.Key("pages");
  w.BeginArray();
  for (const PdfPage& page : pages) {
    w.BeginObject();
    w.Key("width");
    rounded(page.width);
    w.Key("height");
    rounded(page.height);
    w.Key("items");
    w.BeginArray();
    for (const PdfTextItem& item : page.items) {
      w.BeginObject();
      w.Key("x");
      rounded(item.x);
      w.Key("y");
      rounded(item.y);
      w.Key("w");
      rounded(item.width);
      w.Key("h");
      rounded(item.height);
      w.Key("text");
      w.String(item.text);
      w.EndObject();
    }
    w.EndArray();
    if (!page.segments.empty()) {
      w.Key("lines");
      w.BeginArray();
      for (const PdfSegment& s : page.segments) {
        w.BeginArray();
        for (double v : {s.x0, s.y0, s.x1, s.y1}) rounded(v);
        w.EndArray();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace gouji
