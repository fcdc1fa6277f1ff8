// Several reports checked together: what no single report shows.
//
//   cross_year.carry_over  one body's reports on consecutive years: every t3 column's 二、上年结转 of
//                          year N equals 四、结转下年度继续办理 of year N−1 (error).
//   cross_year.in_force    2021 format, both years: t2 现行有效件数 of year N equals year N−1's plus
//                          N's 本年制发 minus N's 本年废止, for 规章 and 规范性文件 (warning: documents
//                          can also lapse).
//   parts.sum              a report marked as the whole of the set's others of its year: each t3 and t4
//                          cell equals the sum of the parts' (error).
//
// Each report is recognised by its body (Report::body, matched by text/body.h: "淮安市洪泽区人民政府"
// and "洪泽区人民政府" are one) and its year. A blank or missing cell makes its comparison
// unverifiable, never failed. The result lists every pair compared and every report that was
// compared with none, and why, so that a reviewer sees what was and was not checked.
//
//   std::vector<gouji::SetMember> members;
//   for (...) members.push_back(gouji::MemberOf(file, report));
//   gouji::SetReport set = gouji::CheckSet(members);
//   std::string json = gouji::SetReportToJson(set);  // {"set": {...}}
#ifndef GOUJI_SET_H_
#define GOUJI_SET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gouji/report.h"

namespace gouji {

// What the set's checks read of one report: kept small, so that a batch of thousands holds only
// this of each.
struct SetMember {
  std::string file;  // as the user named it ("2023/洪泽区.pdf"; "a.txt#2" for a text's second report)
  std::string title;
  std::string body;
  std::optional<int> year;
  Template t2_version = Template::kUnknown;  // of t2 as found, kUnknown if not found
  Template t3_version = Template::kUnknown;
  std::vector<Cell> cells;  // numbers and blanks of t2, t3 and t4 (raw text and spans dropped)
  bool whole = false;       // the user marked it as the sum of the set's other reports of its year
  // Of every cell of the report as found (IDs, kinds and numbers), whichever cells are kept: two
  // reports with the same body, year and digest are one report twice. 0: unknown (then the kept
  // cells are compared).
  uint64_t digest = 0;
};

// Which cells a member keeps: all of t2, t3 and t4 (a whole and its parts need them), or only the
// numbers the pairs of years compare (t2, t3's 二 and 四; a blank is as unverifiable as a missing
// cell), for a batch of thousands without a whole.
enum class MemberCells { kAll, kPairs };

// The member of one report (and not of its other_reports: MembersOf gives those too).
SetMember MemberOf(const std::string& file, const Report& report, MemberCells which = MemberCells::kAll);
// One member for each report in a file: the first as `file`, the others as "file#2", "file#3".
std::vector<SetMember> MembersOf(const std::string& file, const Report& report,
                                 MemberCells which = MemberCells::kAll);
enum class SetVerdict { kHolds, kFails, kUnverifiable };
const char* SetVerdictName(SetVerdict verdict);  // "holds", "fails", "unverifiable"

struct RuleVerdict {
  std::string rule;  // "cross_year.carry_over"
  SetVerdict verdict = SetVerdict::kUnverifiable;
};

// Two reports of one body on consecutive years.
struct ComparedPair {
  std::string files[2];  // year N−1's, year N's
  std::string body;      // as the later report names it
  int years[2] = {0, 0};
  std::vector<RuleVerdict> verdicts;
  std::vector<Finding> findings;  // failing and unverifiable instances, naming both files and years
};

// A report marked as the whole of others.
struct WholeCheck {
  std::string file;
  std::vector<std::string> parts;  // the set's other reports of its year
  int year = 0;
  SetVerdict verdict = SetVerdict::kUnverifiable;
  std::vector<Finding> findings;
};

struct NotCompared {
  std::string file;
  std::string reason_zh, reason_en;  // "没有同一机关 2022 年的报告", "no body in its title"
};

// A report whose body, year and numbers are another's of the set (the same report saved twice, as
// crawls and folders often hold it): compared no further, since its first copy is.
struct Duplicate {
  std::string file;
  std::string same_as;  // the first of the set with the same body, year and cells
};

struct SetReport {
  std::vector<ComparedPair> pairs;
  std::vector<WholeCheck> wholes;
  std::vector<Duplicate> duplicates;
  std::vector<NotCompared> not_compared;
  int errors = 0;    // failing findings of severity error, over pairs and wholes
  int warnings = 0;
};

SetReport CheckSet(const std::vector<SetMember>& members);

// {"set": {"reports": [...], "pairs": [...], "wholes": [...], "duplicates": [...], "not_compared":
// [...], "errors": N, "warnings": N}}: docs/json-schema.md.
std::string SetReportToJson(const SetReport& set, const std::vector<SetMember>& members);

}  // namespace gouji

#endif  // GOUJI_SET_H_
