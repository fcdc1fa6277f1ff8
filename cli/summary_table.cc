#include "summary_table.h"

#include <map>
#include <string_view>

namespace gouji::cli {
namespace {

SummaryRow RowOfReport(const std::string& file, const Report& report) {
  SummaryRow row;
  row.file = file;
  row.body = report.body;
  row.year = report.year;
  row.version = report.report_template == Template::kUnknown ? "" : TemplateName(report.report_template);
  row.source = report.format;
  row.verdict = VerdictName(report.summary.verdict);
  row.errors = report.summary.errors;
  row.warnings = report.summary.warnings;
  row.cells_found = report.summary.cells_found;
  row.cells_expected = report.summary.cells_expected;
  row.note_zh = report.summary.verdict_zh;
  row.note_en = report.summary.verdict_en;
  return row;
}

const char* VerdictWords(const std::string& verdict, bool zh) {
  if (verdict == "pass") return zh ? "通过" : "Passed";
  if (verdict == "fail") return zh ? "有错误" : "Errors";
  if (verdict == "incomplete") return zh ? "未能完整核对" : "Not fully checked";
  if (verdict == "skipped") return zh ? "跳过" : "Skipped";
  return zh ? "无法检查" : "Could not be checked";
}

const char* SourceWords(const std::string& source, bool zh) {
  if (source == "text") return zh ? "文本" : "text";
  if (source == "html") return zh ? "网页" : "web page";
  if (source == "docx") return "Word (.docx)";
  if (source == "pdf") return "PDF";
  return "";
}

// The pairs' rules in a cell of the table: short, since the row names the report.
const char* PairRuleWords(const std::string& rule, bool zh) {
  if (rule == "cross_year.carry_over") return zh ? "上年结转衔接" : "carry-over";
  if (rule == "cross_year.in_force") return zh ? "现行有效件数衔接" : "documents in force";
  return rule.c_str();
}

const char* SetVerdictWords(SetVerdict verdict, bool zh) {
  switch (verdict) {
    case SetVerdict::kHolds: return zh ? "成立" : "holds";
    case SetVerdict::kFails: return zh ? "不成立" : "fails";
    case SetVerdict::kUnverifiable: return zh ? "无法核对" : "cannot be checked";
  }
  return "";
}

// What the set says of one report: each pair it is in, each whole it is or is part of, or why it
// was compared with none.
std::map<std::string, std::string> CrossChecks(const SetReport& set, bool zh) {
  std::map<std::string, std::string> out;
  auto add = [&](const std::string& file, const std::string& text) {
    std::string& cell = out[file];
    if (!cell.empty()) cell += zh ? "；" : "; ";
    cell += text;
  };
  for (const ComparedPair& p : set.pairs) {
    std::string verdicts;
    for (const RuleVerdict& v : p.verdicts) {
      if (!verdicts.empty()) verdicts += zh ? "，" : ", ";
      verdicts += std::string(PairRuleWords(v.rule, zh)) + " " + SetVerdictWords(v.verdict, zh);
    }
    for (int side = 0; side < 2; ++side) {
      const std::string year = std::to_string(p.years[1 - side]);
      add(p.files[side], zh ? "与 " + year + " 年《" + p.files[1 - side] + "》：" + verdicts
                            : "with " + year + " (" + p.files[1 - side] + "): " + verdicts);
    }
  }
  for (const WholeCheck& w : set.wholes) {
    const std::string verdict = SetVerdictWords(w.verdict, zh);
    add(w.file, zh ? "汇总 " + std::to_string(w.parts.size()) + " 份下级报告：" + verdict
                   : "whole of " + std::to_string(w.parts.size()) + " parts: " + verdict);
    for (const std::string& part : w.parts) {
      add(part, zh ? "计入汇总《" + w.file + "》：" + verdict : "part of " + w.file + ": " + verdict);
    }
  }
  for (const Duplicate& d : set.duplicates) {
    add(d.file, zh ? "与《" + d.same_as + "》的机关、年度和数字相同（重复的报告），未另行核对"
                   : "the same body, year and numbers as " + d.same_as + " (a duplicate): not compared again");
  }
  for (const NotCompared& n : set.not_compared) add(n.file, (zh ? "未核对：" : "not compared: ") + (zh ? n.reason_zh : n.reason_en));
  return out;
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A field
// that a spreadsheet would take for a formula (=, +, -, @, or a tab or CR before one, first) is
// prefixed with ' so that a file name cannot run one.
std::string Field(const std::string& value) {
  std::string v = value;
  if (!v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<SummaryRow> RowsOf(const std::string& file, const Report& report) {
  std::vector<SummaryRow> rows = {RowOfReport(file, report)};
  for (size_t k = 0; k < report.other_reports.size(); ++k) {
    rows.push_back(RowOfReport(file + "#" + std::to_string(k + 2), report.other_reports[k]));
  }
  return rows;
}

SummaryRow RowOf(const std::string& file, const Status& refusal, bool skipped) {
  SummaryRow row;
  row.file = file;
  row.verdict = skipped ? "skipped" : "unusable";
  row.note_zh = refusal.message_zh();
  row.note_en = refusal.message_en();
  return row;
}

std::string SummaryCsv(const std::vector<SummaryRow>& rows, const SetReport& set, Language language) {
  const bool zh = language == Language::kZh;
  const std::map<std::string, std::string> cross = CrossChecks(set, zh);
  std::string out = "\xEF\xBB\xBF";
  out += zh ? "文件,机关,年度,格式版本,来源格式,结论,错误,警告,找到单元格,应有单元格,跨年度与汇总核对,说明\r\n"
            : "File,Body,Year,Format version,Source format,Verdict,Errors,Warnings,Cells found,Cells expected,"
              "Across reports,Note\r\n";
  for (const SummaryRow& r : rows) {
    const bool checked = r.verdict != "unusable" && r.verdict != "skipped";
    const auto it = cross.find(r.file);
    const std::string fields[] = {
        r.file,
        r.body,
        r.year ? std::to_string(*r.year) : "",
        r.version,
        SourceWords(r.source, zh),
        VerdictWords(r.verdict, zh),
        checked ? std::to_string(r.errors) : "",
        checked ? std::to_string(r.warnings) : "",
        checked ? std::to_string(r.cells_found) : "",
        checked ? std::to_string(r.cells_expected) : "",
        it == cross.end() ? "" : it->second,
        zh ? r.note_zh : r.note_en,
    };
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) out += ',';
      first = false;
      out += Field(f);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace gouji::cli
