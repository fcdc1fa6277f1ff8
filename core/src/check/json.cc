// Report and Status to JSON (docs/json-schema.md). Keys are written in the format's order, so the
// output reads in that order and is the same bytes everywhere. The report, most of a check's
// output, is written straight into its string (base/json_writer.h), and so are the small documents.
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "base/json_writer.h"
#include "base/unicode.h"
#include "gouji/check.h"
#include "gouji/format.h"
#include "gouji/stages.h"

namespace gouji {
namespace {

void WriteSpan(const Span& span, JsonWriter* w) {
  w->BeginArray();
  w->Uint(span.begin);
  w->Uint(span.end);
  w->EndArray();
}

const char* KindName(CellValue::Kind kind) {
  switch (kind) {
    case CellValue::Kind::kBlank: return "blank";
    case CellValue::Kind::kNumber: return "number";
    case CellValue::Kind::kNotNumber: return "text";
  }
  return "text";
}

void WriteCellValue(const Cell& cell, JsonWriter* w) {
  if (cell.value.kind == CellValue::Kind::kNumber) {
    w->Number(cell.value.number);
  } else {
    w->Null();
  }
}

const char* StatusName(Finding::Status status) {
  switch (status) {
    case Finding::Status::kFailed: return "failed";
    case Finding::Status::kUnverifiable: return "unverifiable";
    case Finding::Status::kReported: return "reported";
  }
  return "reported";
}

void WriteStringOrNull(const std::string& s, JsonWriter* w) {
  if (s.empty()) {
    w->Null();
  } else {
    w->String(s);
  }
}

// An object keyed by items' ids as a JSON object map makes it: a key named twice keeps its first
// place and its last value. Calls write(item) for each key's item.
template <typename Item, typename Write>
void WriteKeyed(const std::vector<Item>& items, JsonWriter* w, Write write) {
  std::unordered_map<std::string_view, size_t> last;
  last.reserve(items.size());
  for (size_t k = 0; k < items.size(); ++k) last[items[k].id] = k;
  std::unordered_map<std::string_view, bool> written;
  const bool repeats = last.size() != items.size();
  w->BeginObject();
  for (const Item& item : items) {
    if (repeats && !written.emplace(item.id, true).second) continue;
    w->Key(item.id);
    write(items[last[item.id]]);
  }
  w->EndObject();
}

// What one report of the input holds: "report", "cells", "findings", "fix", "summary", written as
// the members of an object already open.
void WriteReport(const Report& report, JsonWriter* w) {
  w->Key("report");
  w->BeginObject();
  w->Key("template");
  w->String(TemplateName(report.report_template));
  w->Key("year");
  if (report.year) {
    w->Int(*report.year);
  } else {
    w->Null();
  }
  w->Key("year_source");
  WriteStringOrNull(report.year_source, w);
  w->Key("title");
  WriteStringOrNull(report.title, w);
  w->Key("body");
  WriteStringOrNull(report.body, w);
  w->Key("sections");
  w->BeginArray();
  for (const SectionInfo& s : report.sections) {
    w->BeginObject();
    w->Key("number");
    w->Int(s.number);
    w->Key("found");
    w->Bool(s.found);
    if (s.found) {
      w->Key("span");
      WriteSpan(s.span, w);
    }
    w->EndObject();
  }
  w->EndArray();
  w->Key("tables");
  WriteKeyed(report.tables, w, [&](const TableInfo& t) {
    w->BeginObject();
    w->Key("found");
    w->Bool(t.found);
    w->Key("template");
    if (t.found && t.version != Template::kUnknown) {
      w->String(TemplateName(t.version));
    } else {
      w->Null();
    }
    if (t.found) {
      w->Key("flattening");
      w->String(t.flattening);
      w->Key("span");
      WriteSpan(t.span, w);
    }
    w->Key("cells_found");
    w->Int(t.cells_found);
    w->Key("cells_expected");
    w->Int(t.cells_expected);
    w->EndObject();
  });
  if (report.span) {
    w->Key("span");
    WriteSpan(*report.span, w);
  }
  w->EndObject();

  w->Key("cells");
  WriteKeyed(report.cells, w, [&](const Cell& cell) {
    w->BeginObject();
    w->Key("value");
    WriteCellValue(cell, w);
    w->Key("raw");
    w->String(cell.raw);
    w->Key("span");
    WriteSpan(cell.span, w);
    w->Key("kind");
    w->String(KindName(cell.value.kind));
    if (!cell.value.unit.empty()) {
      w->Key("unit");
      w->String(cell.value.unit);
    }
    if (!cell.read_by.empty()) {
      w->Key("read_by");
      w->StringArray(cell.read_by);
    }
    w->EndObject();
  });

  std::unordered_map<std::string_view, const Cell*> cells_by_id;
  cells_by_id.reserve(report.cells.size());
  for (const Cell& cell : report.cells) cells_by_id.emplace(cell.id, &cell);
  w->Key("findings");
  w->BeginArray();
  for (const Finding& f : report.findings) {
    w->BeginObject();
    w->Key("rule");
    w->String(f.rule);
    w->Key("severity");
    w->String(SeverityName(f.severity));
    w->Key("status");
    w->String(StatusName(f.status));
    w->Key("table");
    WriteStringOrNull(f.table, w);
    w->Key("cells");
    w->BeginArray();
    for (const std::string& id : f.cells) {
      w->BeginObject();
      w->Key("id");
      w->String(id);
      if (auto it = cells_by_id.find(id); it != cells_by_id.end()) {
        w->Key("value");
        WriteCellValue(*it->second, w);
        w->Key("span");
        WriteSpan(it->second->span, w);
      } else {
        w->Key("value");
        w->Null();
        w->Key("found");
        w->Bool(false);
      }
      w->EndObject();
    }
    w->EndArray();
    if (!f.subject_cells.empty()) {
      w->Key("subject");
      w->StringArray(f.subject_cells);
    }
    if (!f.unverified_cells.empty()) {
      w->Key("unverified_cells");
      w->StringArray(f.unverified_cells);
    }
    if (f.expected) {
      w->Key("expected");
      w->Number(*f.expected);
    }
    if (f.actual) {
      w->Key("actual");
      w->Number(*f.actual);
    }
    if (f.span) {
      w->Key("span");
      WriteSpan(*f.span, w);
    }
    w->Key("message");
    w->ZhEn(f.message_zh, f.message_en);
    w->EndObject();
  }
  w->EndArray();
  w->Key("fix");
  if (report.fix) {
    w->BeginArray();
    for (const CellChange& c : *report.fix) {
      w->BeginObject();
      w->Key("cell");
      w->String(c.cell);
      w->Key("from");
      w->Number(c.from);
      w->Key("to");
      w->Number(c.to);
      w->EndObject();
    }
    w->EndArray();
  } else {
    w->Null();
  }

  const Summary& s = report.summary;
  w->Key("summary");
  w->BeginObject();
  w->Key("verdict");
  w->String(VerdictName(s.verdict));
  w->Key("verdict_message");
  w->ZhEn(s.verdict_zh, s.verdict_en);
  w->Key("incomplete");
  w->BeginArray();
  for (const Shortfall& why : s.incomplete) {
    w->BeginObject();
    w->Key("reason");
    w->String(why.reason);
    w->Key("count");
    w->Int(why.count);
    w->Key("message");
    w->ZhEn(why.message_zh, why.message_en);
    w->EndObject();
  }
  w->EndArray();
  const std::pair<const char*, int> counts[] = {
      {"errors", s.errors},
      {"warnings", s.warnings},
      {"infos", s.infos},
      {"rules_checked", s.rules_checked},
      {"rules_failed", s.rules_failed},
      {"rules_unverifiable", s.rules_unverifiable},
      {"cells_found", s.cells_found},
      {"cells_expected", s.cells_expected},
      {"cells_blank", s.cells_blank},
  };
  for (const auto& [name, count] : counts) {
    w->Key(name);
    w->Int(count);
  }
  w->EndObject();
}

}  // namespace

std::string ReportToJson(const Report& report) {
  StageTimer timer(kStageJson);
  std::string out;
  out.reserve(4096 + report.source.size() * (report.format != "text" ? 3 : 0) + report.cells.size() * 120 +
              report.findings.size() * 400);
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("gouji");
  w.String(Version());
  w.Key("input");
  w.BeginObject();
  w.Key("format");
  w.String(report.format);
  w.Key("encoding");
  w.String(report.encoding);
  w.Key("characters");
  w.Uint(report.source.size());
  // A published format's text exists only here: the page shows it as the source the spans index.
  if (report.format != "text") {
    w.Key("text");
    w.String(ToUtf8(report.source));
  }
  w.EndObject();
  WriteReport(report, &w);
  if (!report.other_reports.empty()) {
    w.Key("other_reports");
    w.BeginArray();
    for (const Report& other : report.other_reports) {
      w.BeginObject();
      WriteReport(other, &w);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return out;
}

std::string TextToJson(const std::string& text) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("text");
  w.String(text);
  w.EndObject();
  return out;
}

std::string StatusToJson(const Status& status) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("gouji");
  w.String(Version());
  w.Key("error");
  w.BeginObject();
  w.Key("code");
  w.String(StatusCodeName(status.code()));
  w.Key("message");
  w.ZhEn(status.message_zh(), status.message_en());
  if (status.byte_offset()) {
    w.Key("byte_offset");
    w.Uint(*status.byte_offset());
  }
  w.EndObject();
  w.EndObject();
  return out;
}

}  // namespace gouji
