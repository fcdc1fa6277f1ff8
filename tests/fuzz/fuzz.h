// What every fuzz target asks of what the core gives back, whatever the input: a Report or a
// Status, never a crash (the sanitizers stop at the first bad access, leak or undefined operation),
// and on top of that these properties, each of which aborts the run where it does not hold:
//   - a refusal says why, in Chinese and in English;
//   - the JSON is well-formed, for a report and for a refusal alike;
//   - every span lies inside the text it indexes;
//   - "pass" only when every cell was found and no error or shortfall was reported: gouji never
//     says "passed" about what it could not check.
#ifndef GOUJI_TESTS_FUZZ_FUZZ_H_
#define GOUJI_TESTS_FUZZ_FUZZ_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "gouji/check.h"
#include "gouji/report.h"
#include "gouji/status.h"

namespace gouji::fuzz {

inline void Expect(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "gouji fuzz: property broken: %s\n", property);
  std::abort();
}

inline void ExpectSpan(const Span& span, size_t text_size) {
  Expect(span.begin <= span.end && span.end <= text_size, "a span lies inside the source");
}

inline void ExpectStatus(const Status& status, bool internal_allowed = false) {
  Expect(!status.ok(), "a failed Result holds a failing Status");
  Expect(!status.message_zh().empty() && !status.message_en().empty(), "a refusal says why in both languages");
  Expect(internal_allowed || status.code() != StatusCode::kInternal, "user input is never an internal error");
  Expect(nlohmann::json::accept(StatusToJson(status)), "a refusal's JSON is well-formed");
}

inline void ExpectReport(const Report& report, size_t source_size) {
  for (const Cell& cell : report.cells) ExpectSpan(cell.span, source_size);
  for (const Finding& finding : report.findings) {
    if (finding.span) ExpectSpan(*finding.span, source_size);
    Expect(!finding.message_zh.empty() && !finding.message_en.empty(), "a finding says what it is in both languages");
  }
  for (const TableInfo& table : report.tables) ExpectSpan(table.span, source_size);
  const Summary& s = report.summary;
  if (s.verdict == Verdict::kPass) {
    Expect(s.errors == 0 && s.incomplete.empty() && s.cells_found == s.cells_expected && s.cells_expected > 0 &&
               s.rules_unverifiable == 0,
           "pass only when everything was found and checked");
  }
  if (s.errors > 0) Expect(s.verdict == Verdict::kFail, "an error fails the report");
  for (const Report& other : report.other_reports) ExpectReport(other, source_size);
  if (report.span) ExpectSpan(*report.span, source_size);
}

// The whole outcome of a check: the properties above, then the JSON a caller would write.
inline void ExpectOutcome(const Result<Report>& result, bool internal_allowed = false) {
  if (!result.ok()) return ExpectStatus(result.status(), internal_allowed);
  const Report& report = result.value();
  ExpectReport(report, report.source.size());
  Expect(nlohmann::json::accept(ReportToJson(report)), "a report's JSON is well-formed");
}

}  // namespace gouji::fuzz

#endif  // GOUJI_TESTS_FUZZ_FUZZ_H_
