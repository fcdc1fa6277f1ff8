#include "text/labels.h"

#include <algorithm>
#include <vector>

#include "base/unicode.h"

namespace gouji {
namespace {

bool IsChineseNumeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}

bool KeepInLooseForm(char32_t c) {
  return IsHan(c) || IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

size_t EnumeratorLength(std::u32string_view text) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  const bool open = i < text.size() && text[i] == U'(';
  if (open) ++i;
  const size_t start = i;
  while (i < text.size() && (IsAsciiDigit(text[i]) || IsChineseNumeral(text[i]))) ++i;
  if (i == start || i - start > 3) return 0;
  if (open) return i < text.size() && text[i] == U')' ? i + 1 : 0;
  if (i < text.size() && (text[i] == U'、' || text[i] == U'.' || text[i] == U',')) return i + 1;
  return 0;
}

namespace {

// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
int EditDistance(std::u32string_view a, std::u32string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(previous, current);
  }
  return previous[m];
}

// One edit per six characters: enough for a typo or a stray digit, too few to confuse two rows of
// the format (whose labels differ in several characters, or in their leading number).
int AllowedEdits(size_t loose_length) { return static_cast<int>(loose_length / 6); }

}  // namespace

std::u32string LooseForm(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (!KeepInLooseForm(c)) continue;
    out.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

std::u32string CoreForm(std::u32string_view text) {
  return LooseForm(text.substr(EnumeratorLength(text)));
}

LabelForms FormsOf(std::u32string_view text) { return {LooseForm(text), CoreForm(text)}; }

LabelMatch MatchLabel(const LabelForms& text, const LabelForms& label) {
  if (text.loose.empty() || label.loose.empty()) return LabelMatch::kNone;
  if (text.loose == label.loose) return LabelMatch::kExact;
  // A core of one or two characters ("其他") is too short to identify a row without its number.
  if (label.core.size() >= 3 && text.core == label.core) return LabelMatch::kCore;
  const int allowed = AllowedEdits(label.loose.size());
  if (allowed > 0 && EditDistance(text.loose, label.loose, allowed) <= allowed) return LabelMatch::kFuzzy;
  // A long label missing a few characters in one place, as published ("2.其他法律行政止公开" for
  // 2.其他法律行政法规禁止公开): its start and its end are both there, and most of it.
  if (label.loose.size() >= 10 && text.loose.size() < label.loose.size() &&
      text.loose.size() + 3 >= label.loose.size() && text.loose.size() * 4 >= label.loose.size() * 3) {
    size_t head = 0, tail = 0;
    while (head < text.loose.size() && text.loose[head] == label.loose[head]) ++head;
    while (tail < text.loose.size() - head &&
           text.loose[text.loose.size() - 1 - tail] == label.loose[label.loose.size() - 1 - tail]) {
      ++tail;
    }
    if (head + tail == text.loose.size() && head >= 4 && tail >= 2) return LabelMatch::kFuzzy;
  }
  // A long label wrapped over two lines, its values between them (as a PDF's text puts it): the
  // first line is enough when it is long enough to be unmistakable.
  if (text.loose.size() >= 6 && label.loose.size() >= 10 && text.loose.size() * 5 >= label.loose.size() * 2 &&
      label.loose.compare(0, text.loose.size(), text.loose) == 0)
    return LabelMatch::kPrefix;
  return LabelMatch::kNone;
}

std::u32string_view WithoutCountWords(std::u32string_view text, int* sign) {
  *sign = 1;
  std::u32string_view t = Trim(text);
  const auto starts = [&t](std::u32string_view word) { return t.size() > word.size() && t.substr(0, word.size()) == word; };
  bool changed = false;
  for (auto [word, s] : {std::pair<std::u32string_view, int>{U"增加", 1}, {U"减少", -1}, {U"增", 1}, {U"减", -1}}) {
    if (starts(word)) {
      *sign = s;
      t = Trim(t.substr(word.size()));
      changed = true;
      break;
    }
  }
  // A count's unit after it: only after a digit, so that "二项" or a label's last character stays.
  if (t.size() >= 2 && std::u32string_view(U"件个项条次人家宗起").find(t.back()) != std::u32string_view::npos) {
    const std::u32string_view before = Trim(t.substr(0, t.size() - 1));
    if (!before.empty() && IsAsciiDigit(before.back())) {
      t = before;
      changed = true;
    }
  }
  if (!changed) return text;
  // Words around something that is not digits are not a count ("增加了" ...).
  for (char32_t c : t) {
    if (!IsAsciiDigit(c) && c != U',') return text;
  }
  return t.empty() ? text : t;
}

bool IsNothingMark(std::u32string_view text) {
  const std::u32string_view t = Trim(text);
  return t == U"无" || t == U"——" || t == U"—" || t == U"--";
}

bool LooksLikeValue(std::u32string_view text) {
  text = Trim(text);
  if (text.empty() || IsNothingMark(text)) return true;
  int sign;
  text = WithoutCountWords(text, &sign);
  bool digit = false;
  for (char32_t c : text) {
    if (IsAsciiDigit(c)) {
      digit = true;
      continue;
    }
    if (std::u32string_view(U"+-.,/ 元万亿—–").find(c) == std::u32string_view::npos) return false;
  }
  // A separator alone ("/", "-") is how some reports leave a cell empty; a unit alone ("万元", a
  // number's unit wrapped onto a line of its own) is no value.
  return digit || (text.size() <= 2 && text.find_first_of(U"元万亿") == std::u32string_view::npos);
}

}  // namespace gouji
