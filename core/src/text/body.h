// Bodies' names as reports write them, made comparable: the same government or department is
// "淮安市洪泽区人民政府" one year and "洪泽区人民政府" the next, "平潭综合实验区" and "平潭", "XX市本级" and
// "XX市". Used to tell which reports of a set are one body's (check/set.cc).
#ifndef GOUJI_TEXT_BODY_H_
#define GOUJI_TEXT_BODY_H_

#include <string>
#include <string_view>

namespace gouji {

// A name taken apart: its core ("淮安市洪泽") and its administrative level ("区"), with spaces,
// brackets, a trailing 本级 and the words for the government itself (人民政府, 政府, 管委会) taken
// away. A department keeps its name whole as its core ("中山市教育局", level "").
struct BodyName {
  std::u32string core;
  std::u32string level;  // "市", "区", "县", "镇", "乡", "街道", "旗", "州", "综合实验区", "新区", ... or ""
};
BodyName ParseBodyName(std::u32string_view name);

// Whether two names are one body's: the same core, or one core the other's with higher-level
// names before it ("淮安市" + "洪泽"), and the same level unless one of them names none.
bool SameBody(std::u32string_view a, std::u32string_view b);

// A key equal for any two names SameBody holds for (and for some it does not): the core's end
// after its last higher-level name ("洪泽" of "淮安市洪泽区人民政府" and of "洪泽区"), so that a batch
// of thousands compares each report with the few of the same key, not with every other.
std::u32string BodyKey(std::u32string_view name);

}  // namespace gouji

#endif  // GOUJI_TEXT_BODY_H_
