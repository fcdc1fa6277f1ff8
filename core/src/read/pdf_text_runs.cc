#include "read/pdf_text_runs.h"

#include "base/unicode.h"

namespace gouji {

namespace {

bool IsLatinLetter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

}  // namespace

void AppendJoined(const std::u32string& text, std::u32string* out) {
  if (!out->empty() && !text.empty() && IsLatinLetter(out->back()) && IsLatinLetter(text.front())) out->push_back(U' ');
  out->append(text);
}

std::u32string WithoutSpreadSpaces(std::u32string_view text) {
  std::u32string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsSpace(text[i])) {
      size_t j = i;
      while (j < text.size() && IsSpace(text[j])) ++j;
      if (!out.empty() && j < text.size() && IsLatinLetter(out.back()) && IsLatinLetter(text[j])) out.push_back(U' ');
      i = j - 1;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

double EmsOf(std::u32string_view text) {
  double ems = 0;
  for (char32_t c : text) {
    const bool full = IsHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2E80 && c <= 0x2FFF);
    ems += full ? 1 : 0.5;
  }
  return ems;
}

}  // namespace gouji
