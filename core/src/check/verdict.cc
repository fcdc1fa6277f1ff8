#include "check/verdict.h"

#include <string>

namespace gouji {
namespace {

int CountFindings(const Report& report, const char* rule) {
  int n = 0;
  for (const Finding& f : report.findings) n += f.rule == rule;
  return n;
}

// "1 error", "3 errors": English needs the plural; Chinese does not.
std::string Count(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Why a report was not checked completely, in the order a person fixes them: what gouji could not
// find or place first (it may hide numbers), then what the report left blank, then what that
// left unverified.
std::vector<Shortfall> Shortfalls(const Report& report) {
  const Summary& s = report.summary;
  std::vector<Shortfall> out;
  auto add = [&out](const char* reason, int count, std::string zh, std::string en) {
    if (count > 0) out.push_back({reason, count, std::move(zh), std::move(en)});
  };
  const int not_found = s.cells_expected - s.cells_found;
  add("cells_not_found", not_found,
      std::to_string(not_found) + " 个单元格未找到（应有 " + std::to_string(s.cells_expected) + " 个，找到 " +
          std::to_string(s.cells_found) + " 个）",
      Count(not_found, "cell was", "cells were") + " not found (" + std::to_string(s.cells_found) + " of " +
          std::to_string(s.cells_expected) + " found)");
  const int unread = CountFindings(report, "table.unread");
  add("tables_unread", unread, std::to_string(unread) + " 张表未能读出",
      Count(unread, "table", "tables") + " could not be read");
  const int unplaced = CountFindings(report, "row.unplaced");
  add("rows_unplaced", unplaced, std::to_string(unplaced) + " 行的数字无法对应到列",
      Count(unplaced, "row's numbers", "rows' numbers") + " could not be placed in columns");
  const int missing = CountFindings(report, "row.missing");
  add("rows_missing", missing, std::to_string(missing) + " 行未找到", Count(missing, "row", "rows") + " not found");
  add("cells_blank", s.cells_blank, std::to_string(s.cells_blank) + " 个单元格为空，格式要求填 0",
      Count(s.cells_blank, "cell is", "cells are") + " blank (the format wants 0)");
  const int old_format = CountFindings(report, "template.pre2019");
  add("format_not_checked", old_format, "报告使用 2019 年以前的格式，统计表未核对",
      "the report is in the format used before 2019: its table was not checked");
  add("rules_unverifiable", s.rules_unverifiable, std::to_string(s.rules_unverifiable) + " 项核对无法完成",
      Count(s.rules_unverifiable, "check", "checks") + " could not be made");
  return out;
}

}  // namespace

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass: return "pass";
    case Verdict::kIncomplete: return "incomplete";
    case Verdict::kFail: return "fail";
  }
  return "fail";
}

void Summarise(Report* report) {
  Summary& s = report->summary;
  // Counted afresh, so that a finding added later (several reports) is counted by calling again.
  s.errors = s.warnings = s.infos = s.cells_found = s.cells_expected = s.cells_blank = 0;
  for (const Finding& f : report->findings) {
    if (f.severity == Severity::kError) ++s.errors;
    else if (f.severity == Severity::kWarning) ++s.warnings;
    else ++s.infos;
  }
  for (const TableInfo& info : report->tables) {
    s.cells_found += info.cells_found;
    s.cells_expected += info.cells_expected;
  }
  for (const Cell& cell : report->cells) s.cells_blank += cell.value.kind == CellValue::Kind::kBlank;
  s.incomplete = Shortfalls(*report);

  // An error is a fail whatever else could not be checked; "passed" is said only of what was
  // checked whole.
  if (s.errors > 0) {
    s.verdict = Verdict::kFail;
    s.verdict_zh = std::to_string(s.errors) + " 个错误";
    s.verdict_en = Count(s.errors, "error", "errors");
  } else if (!s.incomplete.empty()) {
    s.verdict = Verdict::kIncomplete;
    s.verdict_zh = "未能完整核对：";
    s.verdict_en = "Not fully checked: ";
    for (size_t k = 0; k < s.incomplete.size(); ++k) {
      s.verdict_zh += (k ? "；" : "") + s.incomplete[k].message_zh;
      s.verdict_en += (k ? "; " : "") + s.incomplete[k].message_en;
    }
  } else {
    s.verdict = Verdict::kPass;
    s.verdict_zh = "通过";
    s.verdict_en = "Passed";
    if (s.warnings > 0) {
      s.verdict_zh += "（" + std::to_string(s.warnings) + " 个警告）";
      s.verdict_en += " (" + Count(s.warnings, "warning", "warnings") + ")";
    }
  }
}

}  // namespace gouji
