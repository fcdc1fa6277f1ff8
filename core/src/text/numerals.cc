#include "text/numerals.h"

namespace gouji {
namespace {

int DigitOf(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
  }
  return -1;
}

long long UnitOf(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10000;
  }
  return 0;
}

bool IsChineseNumeralChar(char32_t c) { return DigitOf(c) >= 0 || UnitOf(c) > 0; }
bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

}  // namespace

std::optional<long long> ParseChineseNumeral(std::u32string_view text) {
  if (text.empty()) return std::nullopt;
  bool any_unit = false;
  for (char32_t c : text) {
    if (!IsChineseNumeralChar(c)) return std::nullopt;
    any_unit |= UnitOf(c) > 0;
  }
  if (!any_unit) {
    // 二〇 as digits; a lone 零 is 0.
    long long v = 0;
    for (char32_t c : text) v = v * 10 + DigitOf(c);
    return text.size() <= 8 ? std::optional<long long>(v) : std::nullopt;
  }
  // Sections below 万, then 万 scales what came before it.
  long long total = 0, section = 0, digit = -1;
  long long last_unit = 100000;
  bool seen_wan = false;
  for (char32_t c : text) {
    const int d = DigitOf(c);
    if (d >= 0) {
      if (digit > 0) return std::nullopt;  // two digits in a row ("二三十")
      digit = d;
      continue;
    }
    const long long unit = UnitOf(c);
    if (unit == 10000) {
      if (seen_wan) return std::nullopt;
      section += digit > 0 ? digit : 0;
      if (section == 0 && digit < 0) return std::nullopt;  // "万" alone
      total = section * 10000;
      section = 0;
      digit = -1;
      seen_wan = true;
      last_unit = 100000;
      continue;
    }
    if (unit >= last_unit) return std::nullopt;  // "十百"
    // "十二": a unit with no digit before it is one of them, at the start of a section only.
    if (digit < 0 && section != 0) return std::nullopt;
    section += (digit < 0 ? 1 : digit) * unit;
    if (digit == 0) return std::nullopt;  // "零十"
    digit = -1;
    last_unit = unit;
  }
  if (digit > 0) section += digit;
  return total + section;
}

std::vector<StatedCount> FindStatedCounts(std::u32string_view text, std::u32string_view units) {
  std::vector<StatedCount> out;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    if (units.find(text[i]) == std::u32string_view::npos || i == 0) continue;
    size_t b = i;
    std::optional<long long> value;
    if (IsAsciiDigit(text[i - 1])) {
      // 23, or 1,234 with its thousands marked: groups of three after each comma.
      while (b > 0 && IsAsciiDigit(text[b - 1])) --b;
      for (size_t group = i - b; group == 3 && b >= 2 && text[b - 1] == U',' && IsAsciiDigit(text[b - 2]);) {
        size_t lead = b - 1;
        while (lead > 0 && IsAsciiDigit(text[lead - 1])) --lead;
        if (b - 1 - lead > 3) break;
        group = b - 1 - lead;
        b = lead;
      }
      if (b > 0 && (text[b - 1] == U'.' || text[b - 1] == U'-' || text[b - 1] == U'%')) continue;
      long long v = 0;
      size_t digits = 0;
      for (size_t k = b; k < i; ++k) {
        if (text[k] == U',') continue;
        if (++digits > 12) break;
        v = v * 10 + (text[k] - U'0');
      }
      if (digits > 12) continue;
      value = v;
    } else if (IsChineseNumeralChar(text[i - 1])) {
      while (b > 0 && IsChineseNumeralChar(text[b - 1])) --b;
      value = ParseChineseNumeral(text.substr(b, i - b));
    }
    if (!value) continue;
    if (b > 0 && (text[b - 1] == U'第' || text[b - 1] == U'每' || text[b - 1] == U'逐')) continue;
    out.push_back({b, i, i + 1, *value, text[i]});
  }
  return out;
}

}  // namespace gouji
