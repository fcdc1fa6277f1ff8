#include "text/body.h"

#include "base/unicode.h"

namespace gouji {
namespace {

bool EndsWith(std::u32string_view s, std::u32string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool StripEnd(std::u32string* s, std::u32string_view end) {
  if (!EndsWith(*s, end) || s->size() == end.size()) return false;
  s->resize(s->size() - end.size());
  return true;
}

// Administrative levels, longest first so that 综合实验区 is taken before 区.
const char32_t* const kLevels[] = {U"综合实验区", U"经济技术开发区", U"高新技术产业开发区", U"开发区", U"新区",
                                   U"自治县", U"自治州", U"自治旗", U"街道办事处", U"街道", U"市", U"区", U"县",
                                   U"镇", U"乡", U"旗", U"州", U"盟", U"省"};
// What a name of a higher level ends in, before a lower one's ("淮安市" before "洪泽区").
constexpr std::u32string_view kHigherLevelEnds = U"省市州盟区县旗";

}  // namespace

BodyName ParseBodyName(std::u32string_view name) {
  std::u32string s;
  for (char32_t c : name) {
    if (IsSpace(c) || c == U'(' || c == U')' || c == U'（' || c == U'）' || c == U'[' || c == U']' ||
        c == U'【' || c == U'】' || c == U'“' || c == U'”' || c == U'"')
      continue;
    s.push_back(c);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const char32_t* end : {U"本级", U"人民政府", U"政府", U"管理委员会", U"管委会"}) changed |= StripEnd(&s, end);
  }
  BodyName out;
  for (const char32_t* level : kLevels) {
    if (StripEnd(&s, level)) {
      out.level = level;
      break;
    }
  }
  out.core = std::move(s);
  return out;
}

bool SameBody(std::u32string_view a, std::u32string_view b) {
  const BodyName x = ParseBodyName(a), y = ParseBodyName(b);
  if (x.core.empty() || y.core.empty()) return false;
  if (!x.level.empty() && !y.level.empty() && x.level != y.level) return false;
  const BodyName& longer = x.core.size() >= y.core.size() ? x : y;
  const BodyName& shorter = x.core.size() >= y.core.size() ? y : x;
  if (longer.core == shorter.core) return true;
  if (!EndsWith(longer.core, shorter.core)) return false;
  const size_t cut = longer.core.size() - shorter.core.size();
  return kHigherLevelEnds.find(longer.core[cut - 1]) != std::u32string_view::npos;
}

// SameBody(a, b) needs one core to end with the other, cut right after a higher-level end: the
// last such end of the longer is then the shorter's own last one, or the one before it, and the
// tails after them are equal.
std::u32string BodyKey(std::u32string_view name) {
  const std::u32string core = ParseBodyName(name).core;
  const size_t cut = core.find_last_of(kHigherLevelEnds);
  return cut == std::u32string::npos ? core : core.substr(cut + 1);
}

}  // namespace gouji
