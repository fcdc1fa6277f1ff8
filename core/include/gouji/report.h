// Report: everything gouji learned from one document.
//
// Cells are keyed by the canonical IDs of shared/spec/report-format.md ("t3.r1.total"). A cell that
// was found but left empty is present with kind kBlank; a cell that could not be found or placed is
// absent. Findings are the rules' verdicts and everything else worth telling the person who checks
// the report (blank cells, label deviations, rows that could not be placed).
//
// Spans count Unicode code points of the decoded input text (after any byte-order mark), so they
// point into the text the person gave, whatever its encoding, not into gouji's normalised copy.
#ifndef GOUJI_REPORT_H_
#define GOUJI_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gouji {

enum class Severity { kError, kWarning, kInfo };
const char* SeverityName(Severity severity);  // "error", "warning", "info"

// The format version a table (or the report) follows: 国办公开办函〔2019〕60号 or 〔2021〕30号.
enum class Template { kUnknown, k2019, k2021, kMixed };
const char* TemplateName(Template t);  // "unknown", "2019", "2021", "mixed"

// A number as messages and reports show it: 3 -> "3", 0.563 -> "0.563", -2 -> "-2" (at most six
// decimals, trailing zeros dropped).
std::string FormatNumber(double value);

struct Span {
  uint32_t begin = 0;  // first code point
  uint32_t end = 0;    // one past the last
};

struct CellValue {
  enum class Kind { kBlank, kNumber, kNotNumber };
  Kind kind = Kind::kBlank;
  double number = 0;   // kNumber: counts as written; amounts converted to 万元
  bool integral = true;
  std::string unit;    // amounts only: the unit as written ("元", "万元", or "" for none)
};

struct Cell {
  std::string id;   // "t3.r1.total"
  std::string raw;  // the cell's text as normalised (NFKC, Simplified), trimmed
  CellValue value;
  Span span;
  // Rule IDs whose relation chose how a run of digits split into this cell ("t3.applicant_sum"):
  // those relations are reported as used to read it, never as verified.
  std::vector<std::string> read_by;
};

struct Finding {
  enum class Status {
    kFailed,        // a rule's relation does not hold
    kUnverifiable,  // a rule could not be evaluated: some of its cells are blank or missing
    kReported,      // anything else: a blank cell, a label deviation, a missing table
  };
  std::string rule;   // rule ID from the spec ("t3.balance") or gouji's own ("row.unplaced")
  Severity severity = Severity::kInfo;
  Status status = Status::kReported;
  std::string table;  // "t2", "t3", "t4", or "" for the report as a whole
  std::vector<std::string> cells;             // IDs of the cells involved, in reading order
  std::vector<std::string> unverified_cells;  // kUnverifiable: the blank or missing ones
  // A calculation's subject: the cells of its left side, the total a sum is checked against
  // ("t3.r3_7.natural" for t3.outcome_sum); the other cells merely take part.
  std::vector<std::string> subject_cells;
  std::optional<double> expected;
  std::optional<double> actual;
  std::optional<Span> span;  // where in the source, for findings not tied to cells
  std::string message_zh;
  std::string message_en;
};

// One cell changed by the smallest fix (Report::fix): from the value it holds to the one that
// makes every rule hold.
struct CellChange {
  std::string cell;  // "t3.r1.natural"
  double from = 0;
  double to = 0;
};

struct TableInfo {
  std::string id;  // "t2", "t3", "t4"
  bool found = false;
  Template version = Template::kUnknown;
  std::string flattening;  // how the table reached us: "pipe", "tab_rows", "cell_per_line", ...
  Span span;
  int cells_expected = 0;
  int cells_found = 0;
};

struct SectionInfo {
  int number = 0;  // 1..6
  bool found = false;
  Span span;       // the heading
};

// What gouji can say of a report as a whole, computed once (verdict.h) and shown the same
// everywhere: the page, the widget, the CLI's exit status.
// From the best to the worst: a comparison of two verdicts tells the worse.
enum class Verdict {
  kPass,        // every cell found, every rule verified, none failing
  kIncomplete,  // no error, but some cells or rules could not be checked (Summary::incomplete says why)
  kFail,        // some finding of severity error
};
const char* VerdictName(Verdict verdict);  // "pass", "incomplete", "fail"

// One reason a report could not be checked completely, with how often it occurs.
struct Shortfall {
  std::string reason;  // "cells_not_found", "rows_unplaced", "rows_missing", "cells_blank", "format_not_checked",
                       // "rules_unverifiable"
  int count = 0;
  std::string message_zh;  // "138 个单元格为空，格式要求填 0"
  std::string message_en;
};

struct Summary {
  Verdict verdict = Verdict::kIncomplete;  // until Summarise (verdict.h) has judged: never "pass" unjudged
  std::string verdict_zh;  // the one line that says it: "通过", "未能完整核对：…", "3 个错误"
  std::string verdict_en;
  std::vector<Shortfall> incomplete;  // why not everything was checked; may accompany a fail too
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  int rules_checked = 0;       // rule instances evaluated to a verdict
  int rules_failed = 0;
  int rules_unverifiable = 0;  // rule instances that could not be evaluated
  int cells_found = 0;
  int cells_expected = 0;
  int cells_blank = 0;
};

struct Report {
  std::string format = "text";  // what was read: "text", "html", "docx", "pdf" (document.h)
  std::string encoding;  // "UTF-8", "UTF-16LE", "GB18030", ...
  std::string title;     // the report's title line, if one was found
  std::string body;      // the body it is of, as its title names it ("中山市大涌镇"), or ""
  std::optional<int> year;
  std::string year_source;  // "title", "text", or "" when unknown
  Template report_template = Template::kUnknown;
  std::vector<SectionInfo> sections;
  std::vector<TableInfo> tables;
  std::vector<Cell> cells;  // in the format's reading order: t2, t3 row by row, t4
  std::vector<Finding> findings;
  // The smallest set of cell changes that makes every calculation hold (check/fix.h): empty when
  // none fails; nullopt when some fails and no change of one or two cells is the only one of its
  // size (several would do, or none).
  std::optional<std::vector<CellChange>> fix = std::vector<CellChange>{};
  Summary summary;
  // The decoded input, which spans index. For a published format (HTML, .docx, PDF), the text gouji
  // made of it: paragraphs as lines, a table row as its cells separated by tabs (flatten.h).
  std::u32string source;

  // A text may hold more than one report (pasted twice, or one after another). Each is found and
  // checked on its own: this Report is the first, `span` is its part of the source, and the others
  // follow in `other_reports` (their spans index the same source; their own `source` is empty).
  std::optional<Span> span;  // set only when the text holds several reports
  std::vector<Report> other_reports;

  const Cell* FindCell(const std::string& id) const;
};

}  // namespace gouji

#endif  // GOUJI_REPORT_H_
