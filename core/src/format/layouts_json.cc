// LayoutsToJson (format.h): the format's tables as the web page draws them.
#include <nlohmann/json.hpp>

#include "gouji/format.h"

namespace gouji {

using Json = nlohmann::ordered_json;

std::string LayoutsToJson() {
  Json all = Json::object();
  for (const TableLayout* each : AllLayouts()) {
    const TableLayout& layout = *each;
    Json rows = Json::array();
    for (const RowSpec& row : layout.rows) {
      Json columns = Json::array();
      for (const ColumnSpec& c : row.columns) {
        Json column = {{"id", c.id}, {"label", c.label}, {"short", {{"zh", c.short_zh}, {"en", c.short_en}}}};
        column["group"] = c.group ? Json(c.group) : Json(nullptr);
        if (c.amount) column["amount"] = true;
        columns.push_back(std::move(column));
      }
      rows.push_back({{"id", row.id},
                      {"label", row.labels[0]},
                      {"short", {{"zh", row.short_zh}, {"en", row.short_en}}},
                      {"groups", row.groups},
                      {"columns", std::move(columns)}});
    }
    const char* version = layout.version == Template::kUnknown ? "any" : TemplateName(layout.version);
    all[layout.table][version] = {{"labelled_rows", layout.labelled_rows}, {"rows", std::move(rows)}};
  }
  return all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gouji
