// Stage 7: the verdict on a report as a whole — 通过, 未能完整核对, or N 个错误 — from its findings
// and its counts, with the reasons a check was not complete. It is made here once, so that the
// page, the widget and the CLI all say the same.
#ifndef GOUJI_CHECK_VERDICT_H_
#define GOUJI_CHECK_VERDICT_H_

#include "gouji/report.h"

namespace gouji {

// Fills report->summary: the counts by severity, cells found and blank, and from them the
// verdict, its line in both languages and the shortfalls. The rule counts (rules_checked ...)
// must already be there.
void Summarise(Report* report);

}  // namespace gouji

#endif  // GOUJI_CHECK_VERDICT_H_
