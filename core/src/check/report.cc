// The report's small helpers: the names of its enums, how it shows numbers, its lookups.
#include "gouji/report.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "gouji/format.h"

namespace gouji {

std::string FormatNumber(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string s = buffer;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "info";
}

const char* TemplateName(Template t) {
  if (t == Template::kMixed) return "mixed";
  const FormatVersion* version = FindVersion(t);  // the versions' names are format data
  return version ? version->name : "unknown";
}

const Cell* Report::FindCell(const std::string& id) const {
  for (const Cell& cell : cells) {
    if (cell.id == id) return &cell;
  }
  return nullptr;
}

}  // namespace gouji
