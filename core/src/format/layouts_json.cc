// LayoutsToJson (format.h): the format's tables as the web page draws them.
#include <string_view>
#include <vector>

#include "base/json_writer.h"
#include "gouji/format.h"

namespace gouji {
namespace {

void WriteRow(const RowSpec& row, JsonWriter* w) {
  w->BeginObject();
  w->Key("id");
  w->String(row.id);
  w->Key("label");
  w->String(row.labels[0]);
  w->Key("short");
  w->ZhEn(row.short_zh, row.short_en);
  w->Key("groups");
  w->StringArray(row.groups);
  w->Key("columns");
  w->BeginArray();
  for (const ColumnSpec& c : row.columns) {
    w->BeginObject();
    w->Key("id");
    w->String(c.id);
    w->Key("label");
    w->String(c.label);
    w->Key("short");
    w->ZhEn(c.short_zh, c.short_en);
    w->Key("group");
    if (c.group) {
      w->String(c.group);
    } else {
      w->Null();
    }
    if (c.amount) {
      w->Key("amount");
      w->Bool(true);
    }
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

}  // namespace

// {"t2": {"any": {...}}, "t3": {"2019": {...}, "2021": {...}}, ...}: a table's versions together,
// tables in the order their first layout comes.
std::string LayoutsToJson() {
  std::vector<std::string_view> tables;
  for (const TableLayout* layout : AllLayouts()) {
    bool seen = false;
    for (std::string_view t : tables) seen = seen || t == layout->table;
    if (!seen) tables.push_back(layout->table);
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  for (std::string_view table : tables) {
    w.Key(table);
    w.BeginObject();
    for (const TableLayout* layout : AllLayouts()) {
      if (table != layout->table) continue;
      w.Key(layout->version == Template::kUnknown ? "any" : TemplateName(layout->version));
      w.BeginObject();
      w.Key("labelled_rows");
      w.Bool(layout->labelled_rows);
      w.Key("rows");
      w.BeginArray();
      for (const RowSpec& row : layout->rows) WriteRow(row, &w);
      w.EndArray();
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndObject();
  return out;
}

}  // namespace gouji
