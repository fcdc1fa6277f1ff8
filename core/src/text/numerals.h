// Counts as prose writes them: Arabic digits (23, 1,234) or Chinese numerals (十二, 一百零三, 两,
// 〇), each followed by its measure word (23件, 两起). The prose checks (check/prose.h) compare them
// with the tables.
#ifndef GOUJI_TEXT_NUMERALS_H_
#define GOUJI_TEXT_NUMERALS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gouji {

// The value of a Chinese numeral written whole ("十二" 12, "一百零三" 103, "两千" 2000, "二〇" 20,
// "零" 0), or nullopt for anything else. Up to 万 (9999 9999); digits one by one ("二〇二三")
// are read as positional only when no unit (十百千万) is among them.
std::optional<long long> ParseChineseNumeral(std::u32string_view text);

struct StatedCount {
  size_t begin = 0, end = 0;  // the number's characters in the text
  size_t unit_end = 0;        // one past its measure word
  long long value = 0;
  char32_t unit = 0;          // U'件', U'起', ...
};

// Every number in `text` followed at once by one of `units`, as the prose states a count. A number
// right after 第 (an ordinal), 每 or 逐 (each one), or inside a longer run of digits, a year
// (2023年) or a decimal, is not one.
std::vector<StatedCount> FindStatedCounts(std::u32string_view text, std::u32string_view units);

}  // namespace gouji

#endif  // GOUJI_TEXT_NUMERALS_H_
