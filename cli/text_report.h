// The CLI's readable report: the tables laid out as the format prints them, with every failing,
// blank and unverifiable cell marked (by a symbol, not only colour), then the findings with their
// arithmetic and the source line they point at.
#ifndef GOUJI_CLI_TEXT_REPORT_H_
#define GOUJI_CLI_TEXT_REPORT_H_

#include <string>

#include "gouji/report.h"
#include "gouji/set.h"

namespace gouji::cli {

enum class Language { kZh, kEn };

std::string RenderTextReport(const Report& report, Language language);

// What the reports checked together showed: each pair of one body's years and each whole with its
// verdicts and failing comparisons, then the reports compared with none, and why.
std::string RenderSetReport(const SetReport& set, Language language);

}  // namespace gouji::cli

#endif  // GOUJI_CLI_TEXT_REPORT_H_
