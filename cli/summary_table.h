// A batch as one table, a row per report: the columns of the page's batch view (file, body, year,
// format version, source format, verdict, errors, warnings, cells found, the reports of other
// years it was compared with), written as CSV that Excel and WPS open as UTF-8 (a byte-order mark,
// RFC 4180 quoting).
#ifndef GOUJI_CLI_SUMMARY_TABLE_H_
#define GOUJI_CLI_SUMMARY_TABLE_H_

#include <optional>
#include <string>
#include <vector>

#include "gouji/report.h"
#include "gouji/set.h"
#include "gouji/status.h"
#include "text_report.h"

namespace gouji::cli {

struct SummaryRow {
  std::string file;
  std::string body;
  std::optional<int> year;
  std::string version;  // "2021", "2019", "mixed", ""
  std::string source;   // "text", "html", "docx", "pdf", ""
  // "pass", "fail", "incomplete" (the report's verdict), "unusable" (it could not be checked),
  // "skipped" (found in a folder, not a report's format)
  std::string verdict;
  int errors = 0, warnings = 0, cells_found = 0, cells_expected = 0;
  std::string note_zh, note_en;  // the verdict's line, or the refusal's message
};

// One row for each report a file holds (its other_reports as "file#2", …, as MembersOf names them).
std::vector<SummaryRow> RowsOf(const std::string& file, const Report& report);
SummaryRow RowOf(const std::string& file, const Status& refusal, bool skipped);

std::string SummaryCsv(const std::vector<SummaryRow>& rows, const SetReport& set, Language language);

}  // namespace gouji::cli

#endif  // GOUJI_CLI_SUMMARY_TABLE_H_
