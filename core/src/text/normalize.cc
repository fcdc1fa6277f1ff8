#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/unicode.h"
#include "text/hant_hans.h"

namespace gouji {
namespace {

// Builds the output of one step: appends characters with the source position they came from.
class MappedBuilder {
 public:
  void Reserve(size_t n) {
    text_.reserve(n);
    origin_.reserve(n + 1);
  }
  void Append(char32_t c, uint32_t origin) {
    text_.push_back(c);
    origin_.push_back(origin);
  }
  NormalizedText Finish(uint32_t source_length) && {
    NormalizedText out;
    out.text = std::move(text_);
    origin_.push_back(source_length);
    out.origin = std::move(origin_);
    return out;
  }

 private:
  std::u32string text_;
  std::vector<uint32_t> origin_;
};

bool IsZeroWidth(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

// The characters of the BMP that NFKC leaves alone whatever surrounds them (Normalizer2::isInert),
// asked of ICU once for all: nearly every character of a report is one.
const BmpSet* InertBmp(const icu::Normalizer2& nfkc) {
  auto* inert = new BmpSet();
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (nfkc.isInert(c)) inert->Add(static_cast<char32_t>(c));
  }
  return inert;
}

Result<NormalizedText> LineBreaksAndNfkc(std::u32string_view source) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) {
    return Status(StatusCode::kInternal, "内部错误：无法加载 Unicode 规范化数据（NFKC）。",
                  "Internal error: cannot load the Unicode normalisation data (NFKC).");
  }
  static const BmpSet* const inert = InertBmp(*nfkc);
  MappedBuilder out;
  out.Reserve(source.size());
  const uint32_t n = static_cast<uint32_t>(source.size());
  uint32_t i = 0;
  while (i < n) {
    const char32_t c = source[i];
    if (c == U'\r') {
      out.Append(U'\n', i);
      i += (i + 1 < n && source[i + 1] == U'\n') ? 2 : 1;
      continue;
    }
    // A page break (pdftotext writes a form feed between pages) and Unicode's other line breaks end
    // a line as LF does.
    if (c == U'\f' || c == U'\v' || c == 0x85 || c == 0x2028 || c == 0x2029) {
      out.Append(U'\n', i);
      ++i;
      continue;
    }
    if (IsZeroWidth(c)) {
      ++i;
      continue;
    }
    if (inert->Has(c) || (c >= 0x10000 && nfkc->isInert(static_cast<UChar32>(c)))) {
      out.Append(c, i);
      ++i;
      continue;
    }
    // A normalisation segment runs to the next character that starts a new one; all of its output
    // is attributed to its first character.
    uint32_t end = i + 1;
    while (end < n && !nfkc->hasBoundaryBefore(static_cast<UChar32>(source[end]))) ++end;
    icu::UnicodeString segment;
    for (uint32_t k = i; k < end; ++k) segment.append(static_cast<UChar32>(source[k]));
    icu::UnicodeString normalized = nfkc->normalize(segment, status);
    if (U_FAILURE(status)) {
      return Status(StatusCode::kInternal, "内部错误：Unicode 规范化失败。",
                    "Internal error: Unicode normalisation failed.");
    }
    for (int32_t k = 0; k < normalized.length();) {
      const UChar32 nc = normalized.char32At(k);
      if (!IsZeroWidth(static_cast<char32_t>(nc))) out.Append(static_cast<char32_t>(nc), i);
      k += U16_LENGTH(nc);
    }
    i = end;
  }
  return std::move(out).Finish(n);
}

bool IsPinyinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 &&
                                                              c != 0xF7);
}

// Length of a pinyin annotation "(zhèn)" starting at text[i], or 0.
size_t PinyinAnnotationAt(const std::u32string& text, size_t i) {
  if (i >= text.size() || text[i] != U'(') return 0;
  size_t k = i + 1;
  while (k < text.size() && k - i <= 7 && IsPinyinLetter(text[k])) ++k;
  if (k == i + 1 || k >= text.size() || text[k] != U')') return 0;
  return k + 1 - i;
}

// A pinyin-annotated text annotates nearly every character; a stray "(PDF)" after a character in
// an ordinary report must not be taken for one.
constexpr size_t kMinPinyinAnnotations = 12;

NormalizedText StripPinyin(NormalizedText in) {
  size_t found = 0;
  for (size_t i = 1; i < in.text.size() && found < kMinPinyinAnnotations; ++i) {
    if (IsHan(in.text[i - 1]) && PinyinAnnotationAt(in.text, i)) ++found;
  }
  if (found < kMinPinyinAnnotations) return in;
  MappedBuilder out;
  for (size_t i = 0; i < in.text.size();) {
    if (i > 0 && IsHan(in.text[i - 1])) {
      if (size_t skip = PinyinAnnotationAt(in.text, i)) {
        i += skip;
        continue;
      }
      // In such a text, a copy that spaces its runs apart puts a space before an annotation too
      // ("復 (fù)議"): it goes with it.
      if (in.text[i] == U' ') {
        if (size_t skip = PinyinAnnotationAt(in.text, i + 1)) {
          i += 1 + skip;
          continue;
        }
      }
    }
    out.Append(in.text[i], in.origin[i]);
    ++i;
  }
  NormalizedText result = std::move(out).Finish(in.origin.back());
  result.stripped_pinyin = true;
  return result;
}

// Character by character, so that the map to the source stays exact; the few phrase-level rules
// of Hant-Hans do not matter for matching the format's labels.
void ToSimplified(NormalizedText* text) {
  for (char32_t& c : text->text) {
    if (!IsHan(c)) continue;
    const char32_t simplified = ToSimplifiedChar(c);
    if (simplified != c) {
      c = simplified;
      text->converted_traditional = true;
    }
  }
}

// A table drawn with box-drawing characters (w3m's and other text browsers' dumps, a console's
// copy) is a pipe table: its vertical lines and joints become '|', its horizontal lines '-', so
// that its ruling lines read as a Markdown table's rule lines.
void BoxDrawingToAscii(NormalizedText* text) {
  for (char32_t& c : text->text) {
    if (c < 0x2500 || c > 0x257F) continue;  // the Box Drawing block
    const bool horizontal = c == 0x2500 || c == 0x2501 || c == 0x2504 || c == 0x2505 || c == 0x2508 ||
                            c == 0x2509 || c == 0x254C || c == 0x254D || c == 0x2550;
    c = horizontal ? U'-' : U'|';
  }
}

}  // namespace

Span NormalizedText::ToSource(size_t begin, size_t end) const {
  if (begin > text.size()) begin = text.size();
  if (end < begin) end = begin;
  if (end > text.size()) end = text.size();
  Span span;
  span.begin = origin[begin];
  span.end = end > begin ? origin[end] : span.begin;
  // Characters dropped after the range (a pinyin annotation, a CR) belong to it only up to the
  // next kept character; a range ending at the end of the text ends at the source's end.
  if (span.end < span.begin) span.end = span.begin;
  return span;
}

Result<NormalizedText> Normalize(std::u32string_view source) {
  Result<NormalizedText> nfkc = LineBreaksAndNfkc(source);
  if (!nfkc.ok()) return nfkc;
  NormalizedText text = StripPinyin(std::move(nfkc).value());
  ToSimplified(&text);
  BoxDrawingToAscii(&text);
  return text;
}

std::vector<uint8_t> DisplayWidths(const NormalizedText& norm, std::u32string_view source) {
  std::vector<uint8_t> widths(norm.text.size(), 0);
  for (size_t i = 0; i < norm.text.size(); ++i) {
    if (norm.text[i] == U'\n') continue;
    if (i > 0 && norm.origin[i] == norm.origin[i - 1] && norm.text[i - 1] != U'\n') continue;
    const uint32_t at = norm.origin[i];
    widths[i] = static_cast<uint8_t>(at < source.size() ? DisplayWidth(source[at]) : 1);
  }
  return widths;
}

}  // namespace gouji
