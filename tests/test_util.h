// Helpers shared by the tests: reading the samples from ../shared and checking text in one call.
//
// Missing samples: with GOUJI_REQUIRE_SAMPLES=1 in the environment (./dev.sh test, and so CI) a
// test that reads one fails. Without it the test stops there with a warning, and the test binary
// exits with kSkippedExitCode once every test has run and none failed, which ctest shows as
// "Skipped" (SKIP_RETURN_CODE in CMakeLists.txt), never as passed: see tests/main.cc.
#ifndef GOUJI_TESTS_TEST_UTIL_H_
#define GOUJI_TESTS_TEST_UTIL_H_

#include <unicode/ucnv.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "gouji/check.h"

namespace gouji::testing {

// The exit code of a run that passed only because samples were missing (automake's "skipped").
constexpr int kSkippedExitCode = 77;

// Whether missing samples fail (set once by tests/main.cc from GOUJI_REQUIRE_SAMPLES).
inline bool& SamplesRequired() {
  static bool required = false;
  return required;
}

// How many times a test stopped for want of a sample.
inline int& SamplesMissing() {
  static int missing = 0;
  return missing;
}

inline const std::vector<std::string>& SampleNames() {
  static const std::vector<std::string> names = {
      "000_2efa133927cd4048", "001_eabb943c232c0218", "002_819d0f33b79d307e",
      "003_6997cc47fc5df21f", "004_2621131c2785ac51"};
  return names;
}

inline bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// The sample's bytes. When the sample is missing: a failure if samples are required, else "" (the
// caller returns at once), a WARN, and the skip counted for the binary's exit code.
inline std::string SampleText(const std::string& name) {
  std::string text;
  const std::string path = std::string(GOUJI_SAMPLES_DIR) + "/" + name + ".txt";
  if (ReadFile(path, &text) && !text.empty()) return text;
  if (SamplesRequired()) {
    FAIL("sample " << path << " not found, and GOUJI_REQUIRE_SAMPLES=1 requires it (../shared must be "
                   "beside the clone, or GOUJI_SHARED_DIR point at it)");
  }
  ++SamplesMissing();
  WARN("SKIPPED: sample " << path << " not found (../shared is not beside the clone); "
                          "GOUJI_REQUIRE_SAMPLES=1 makes this a failure");
  return "";
}

inline Report CheckOk(const std::string& text) {
  Result<Report> result = Check(text);
  INFO("status: " << result.status().message_en());
  REQUIRE(result.ok());
  return std::move(result).value();
}

// UTF-8 text in another encoding ("GB18030", "UTF-16LE"), through ICU.
inline std::string Encode(const char* converter, const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(converter, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(n);
  return out;
}

inline const Cell& CellOf(const Report& report, const std::string& id) {
  const Cell* cell = report.FindCell(id);
  INFO("cell " << id);
  REQUIRE(cell != nullptr);
  return *cell;
}

// The source text a span covers, as UTF-8.
inline std::string ToUtf8Span(const Report& report, const Span& span) {
  return ToUtf8(std::u32string_view(report.source).substr(span.begin, span.end - span.begin));
}

// The cells two reports disagree on ("id: a | b", "" where a report lacks the cell), for INFO.
inline std::string CellDifferences(const Report& a, const Report& b) {
  std::map<std::string, std::string> in_a, in_b;
  for (const Cell& c : a.cells) in_a[c.id] = c.raw;
  for (const Cell& c : b.cells) in_b[c.id] = c.raw;
  std::string out;
  for (const auto& [id, raw] : in_a) {
    auto it = in_b.find(id);
    if (it == in_b.end()) out += id + ": " + raw + " | (none)\n";
    else if (it->second != raw) out += id + ": " + raw + " | " + it->second + "\n";
  }
  for (const auto& [id, raw] : in_b) {
    if (!in_a.count(id)) out += id + ": (none) | " + raw + "\n";
  }
  return out;
}

inline int CountFindings(const Report& report, const std::string& rule) {
  int n = 0;
  for (const Finding& f : report.findings) n += f.rule == rule;
  return n;
}

inline const Finding* FirstFinding(const Report& report, const std::string& rule) {
  for (const Finding& f : report.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

// The report's source with some cells' text replaced by whole numbers: {id, value}, in any order.
inline std::string WithCells(const Report& report, std::vector<std::pair<std::string, long long>> values) {
  std::vector<std::pair<const Cell*, long long>> edits;
  for (const auto& [id, value] : values) edits.emplace_back(&CellOf(report, id), value);
  // From the last span back, so that each replacement leaves the earlier spans where they are.
  std::sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return a.first->span.begin > b.first->span.begin; });
  std::u32string source = report.source;
  for (const auto& [cell, value] : edits) {
    std::u32string digits;
    for (char c : std::to_string(value)) digits.push_back(static_cast<char32_t>(c));
    source.replace(cell->span.begin, cell->span.end - cell->span.begin, digits);
  }
  return ToUtf8(source);
}

}  // namespace gouji::testing

#endif  // GOUJI_TESTS_TEST_UTIL_H_
