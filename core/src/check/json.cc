// Report and Status to JSON (docs/json-schema.md). nlohmann's ordered_json keeps keys in the order
// they are written, so the output reads in the format's order and is the same bytes everywhere.
#include <nlohmann/json.hpp>

#include <cmath>
#include <unordered_map>

#include "base/unicode.h"
#include "check/json_number.h"
#include "gouji/check.h"
#include "gouji/format.h"

namespace gouji {
namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(const Span& span) { return Json::array({span.begin, span.end}); }

const char* KindName(CellValue::Kind kind) {
  switch (kind) {
    case CellValue::Kind::kBlank: return "blank";
    case CellValue::Kind::kNumber: return "number";
    case CellValue::Kind::kNotNumber: return "text";
  }
  return "text";
}

Json CellValueJson(const Cell& cell) {
  return cell.value.kind == CellValue::Kind::kNumber ? NumberJson(cell.value.number) : Json(nullptr);
}

const char* StatusName(Finding::Status status) {
  switch (status) {
    case Finding::Status::kFailed: return "failed";
    case Finding::Status::kUnverifiable: return "unverifiable";
    case Finding::Status::kReported: return "reported";
  }
  return "reported";
}

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What one report of the input holds: "report", "cells", "findings", "summary" (in `json`).
void AddReport(const Report& report, Json* out) {
  Json& json = *out;
  Json sections = Json::array();
  for (const SectionInfo& s : report.sections) {
    Json section = {{"number", s.number}, {"found", s.found}};
    if (s.found) section["span"] = SpanJson(s.span);
    sections.push_back(std::move(section));
  }
  Json tables = Json::object();
  for (const TableInfo& t : report.tables) {
    Json table = {{"found", t.found}};
    table["template"] = t.found && t.version != Template::kUnknown ? Json(TemplateName(t.version)) : Json(nullptr);
    if (t.found) {
      table["flattening"] = t.flattening;
      table["span"] = SpanJson(t.span);
    }
    table["cells_found"] = t.cells_found;
    table["cells_expected"] = t.cells_expected;
    tables[t.id] = std::move(table);
  }
  json["report"] = {
      {"template", TemplateName(report.report_template)},
      {"year", report.year ? Json(*report.year) : Json(nullptr)},
      {"year_source", report.year_source.empty() ? Json(nullptr) : Json(report.year_source)},
      {"title", report.title.empty() ? Json(nullptr) : Json(report.title)},
      {"body", report.body.empty() ? Json(nullptr) : Json(report.body)},
      {"sections", std::move(sections)},
      {"tables", std::move(tables)},
  };
  if (report.span) json["report"]["span"] = SpanJson(*report.span);

  Json cells = Json::object();
  for (const Cell& cell : report.cells) {
    Json c = {{"value", CellValueJson(cell)}, {"raw", cell.raw}, {"span", SpanJson(cell.span)},
              {"kind", KindName(cell.value.kind)}};
    if (!cell.value.unit.empty()) c["unit"] = cell.value.unit;
    if (!cell.read_by.empty()) c["read_by"] = cell.read_by;
    cells[cell.id] = std::move(c);
  }
  json["cells"] = std::move(cells);

  std::unordered_map<std::string, const Cell*> cells_by_id;
  for (const Cell& cell : report.cells) cells_by_id.emplace(cell.id, &cell);
  Json findings = Json::array();
  for (const Finding& f : report.findings) {
    Json finding = {{"rule", f.rule}, {"severity", SeverityName(f.severity)}, {"status", StatusName(f.status)}};
    finding["table"] = f.table.empty() ? Json(nullptr) : Json(f.table);
    Json involved = Json::array();
    for (const std::string& id : f.cells) {
      Json c = {{"id", id}};
      if (auto it = cells_by_id.find(id); it != cells_by_id.end()) {
        const Cell* cell = it->second;
        c["value"] = CellValueJson(*cell);
        c["span"] = SpanJson(cell->span);
      } else {
        c["value"] = nullptr;
        c["found"] = false;
      }
      involved.push_back(std::move(c));
    }
    finding["cells"] = std::move(involved);
    if (!f.subject_cells.empty()) finding["subject"] = f.subject_cells;
    if (!f.unverified_cells.empty()) finding["unverified_cells"] = f.unverified_cells;
    if (f.expected) finding["expected"] = NumberJson(*f.expected);
    if (f.actual) finding["actual"] = NumberJson(*f.actual);
    if (f.span) finding["span"] = SpanJson(*f.span);
    finding["message"] = {{"zh", f.message_zh}, {"en", f.message_en}};
    findings.push_back(std::move(finding));
  }
  json["findings"] = std::move(findings);
  if (report.fix) {
    Json fix = Json::array();
    for (const CellChange& c : *report.fix) {
      fix.push_back({{"cell", c.cell}, {"from", NumberJson(c.from)}, {"to", NumberJson(c.to)}});
    }
    json["fix"] = std::move(fix);
  } else {
    json["fix"] = nullptr;
  }

  const Summary& s = report.summary;
  Json incomplete = Json::array();
  for (const Shortfall& why : s.incomplete) {
    incomplete.push_back({{"reason", why.reason},
                          {"count", why.count},
                          {"message", {{"zh", why.message_zh}, {"en", why.message_en}}}});
  }
  json["summary"] = {{"verdict", VerdictName(s.verdict)},
                     {"verdict_message", {{"zh", s.verdict_zh}, {"en", s.verdict_en}}},
                     {"incomplete", std::move(incomplete)},
                     {"errors", s.errors},
                     {"warnings", s.warnings},
                     {"infos", s.infos},
                     {"rules_checked", s.rules_checked},
                     {"rules_failed", s.rules_failed},
                     {"rules_unverifiable", s.rules_unverifiable},
                     {"cells_found", s.cells_found},
                     {"cells_expected", s.cells_expected},
                     {"cells_blank", s.cells_blank}};
}

}  // namespace

Json NumberJson(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return Json(static_cast<int64_t>(v));
  const double rounded = std::round(v * 1e6) / 1e6;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 9e15) return Json(static_cast<int64_t>(rounded));
  return Json(std::fabs(v) < 1e9 ? rounded : v);
}

std::string ReportToJson(const Report& report) {
  Json json;
  json["gouji"] = Version();
  json["input"] = {{"format", report.format}, {"encoding", report.encoding}, {"characters", report.source.size()}};
  // A published format's text exists only here: the page shows it as the source the spans index.
  if (report.format != "text") json["input"]["text"] = ToUtf8(report.source);
  AddReport(report, &json);
  if (!report.other_reports.empty()) {
    Json others = Json::array();
    for (const Report& other : report.other_reports) {
      Json o;
      AddReport(other, &o);
      others.push_back(std::move(o));
    }
    json["other_reports"] = std::move(others);
  }
  return Dump(json);
}

std::string TextToJson(const std::string& text) { return Dump(Json{{"text", text}}); }

std::string StatusToJson(const Status& status) {
  Json error = {{"code", StatusCodeName(status.code())},
                {"message", {{"zh", status.message_zh()}, {"en", status.message_en()}}}};
  if (status.byte_offset()) error["byte_offset"] = *status.byte_offset();
  return Dump(Json{{"gouji", Version()}, {"error", std::move(error)}});
}

}  // namespace gouji
