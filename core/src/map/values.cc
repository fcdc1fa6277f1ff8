#include "map/values.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "base/unicode.h"
#include "text/labels.h"

namespace gouji {
namespace {

bool IsBlankMark(std::u32string_view t) {
  if (t.empty()) return true;
  for (char32_t c : t) {
    if (c != U'/' && c != U'-' && c != U'—' && c != U'–' && c != U'\\') return false;
  }
  return t.size() <= 2;
}

// Parses [+-]digits[,ddd...][.digits] exactly; returns false on anything else. The digits are
// collected as an integer and divided once, so that "821.73" is the double nearest 821.73.
bool ParseDecimal(std::u32string_view t, double* value, bool* integral) {
  size_t i = 0;
  bool negative = false;
  if (i < t.size() && (t[i] == U'-' || t[i] == U'+')) {
    negative = t[i] == U'-';
    ++i;
    while (i < t.size() && t[i] == U' ') ++i;
  }
  const size_t digits_start = i;
  int64_t mantissa = 0;
  int digits = 0;
  size_t group = 0;
  bool grouped = false;
  for (; i < t.size(); ++i) {
    if (IsAsciiDigit(t[i])) {
      if (++digits > 15) return false;  // beyond any count or amount in a report, and exactness
      mantissa = mantissa * 10 + (t[i] - U'0');
      ++group;
    } else if (t[i] == U',' && i > digits_start && (!grouped ? group <= 3 : group == 3)) {
      grouped = true;
      group = 0;
    } else {
      break;
    }
  }
  if (i == digits_start || (grouped && group != 3)) return false;
  int decimals = 0;
  if (i < t.size() && t[i] == U'.') {
    ++i;
    const size_t fraction_start = i;
    for (; i < t.size() && IsAsciiDigit(t[i]); ++i) {
      if (++digits > 15) return false;
      mantissa = mantissa * 10 + (t[i] - U'0');
      ++decimals;
    }
    if (i == fraction_start) return false;
  }
  if (i != t.size()) return false;
  double v = static_cast<double>(mantissa);
  if (decimals > 0) v /= std::pow(10.0, decimals);
  *integral = decimals == 0;
  *value = negative ? -v : v;
  return true;
}

}  // namespace

CellValue ParseCellValue(std::u32string_view text, bool amount) {
  CellValue out;
  std::u32string_view t = Trim(text);
  if (IsBlankMark(t) || IsNothingMark(t)) {
    out.kind = CellValue::Kind::kBlank;
    return out;
  }
  // Amounts are kept in 万元, the unit the 2021 format prints in its header.
  struct Unit {
    std::u32string_view suffix;
    const char* name;
    double per_wanyuan;  // how many of this unit make one 万元
  };
  static constexpr Unit kUnits[] = {{U"万元", "万元", 1}, {U"亿元", "亿元", 0.0001}, {U"元", "元", 10000}};
  double per_wanyuan = 1;
  if (amount) {
    for (const Unit& unit : kUnits) {
      if (t.size() > unit.suffix.size() && t.substr(t.size() - unit.suffix.size()) == unit.suffix) {
        out.unit = unit.name;
        per_wanyuan = unit.per_wanyuan;
        t = Trim(t.substr(0, t.size() - unit.suffix.size()));
        break;
      }
    }
  }
  int sign = 1;
  if (!amount) t = WithoutCountWords(t, &sign);
  double value = 0;
  bool integral = true;
  if (!ParseDecimal(t, &value, &integral) || (!amount && !integral)) {
    out.kind = CellValue::Kind::kNotNumber;
    return out;
  }
  out.kind = CellValue::Kind::kNumber;
  out.number = sign * (per_wanyuan == 1 ? value : value / per_wanyuan);
  out.integral = out.number == std::floor(out.number);
  return out;
}

}  // namespace gouji
