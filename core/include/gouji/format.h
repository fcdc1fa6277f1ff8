// The report format as data: for each table and format version, its rows, columns and labels.
//
// This is shared/spec/report-format.md in code. Cell IDs are "<table>.<row>.<column>". Nothing in
// gouji names a row or column except through these tables, so a new version of the format is a new
// entry here, not new logic.
#ifndef GOUJI_FORMAT_H_
#define GOUJI_FORMAT_H_

#include <string>
#include <vector>

#include "gouji/report.h"

namespace gouji {

struct ColumnSpec {
  const char* id;        // "natural"
  const char* label;     // the format's header text, "自然人"
  const char* short_zh;  // for messages: "自然人"
  const char* short_en;  // "natural persons"
  bool amount = false;          // a money amount (decimal, may carry 元/万元), not a count
  bool may_be_negative = false; // 2019 t2 "本年增/减"
  const char* group = nullptr;  // a merged header above it ("法人或其他组织"), for drawing the table
};

struct RowSpec {
  const char* id;                   // "r3_3_1"; "" never
  std::vector<const char*> labels;  // the format's text first, then accepted variants
  const char* short_zh;             // for messages: "三(三)1"
  const char* short_en;             // "III.3.1"
  std::vector<ColumnSpec> columns;  // in reading order
  // The merged labels it sits under, outermost first, as the format draws the table:
  // {"三、本年度办理结果", "(三)不予公开"} for r3_3_1, {"第二十条第(五)项"} for t2's licensing.
  std::vector<const char*> groups = {};
};

struct TableLayout {
  const char* table;  // "t2", "t3", "t4"
  Template version;   // kUnknown for a table both versions share (t4)
  // true: every row starts with its label (t2, t3). false: the rows are one unlabelled run of
  // values under the header, in the order of `rows` (t4).
  bool labelled_rows;
  std::vector<RowSpec> rows;
  std::vector<const char*> group_labels;     // labels over several rows, holding no values
  std::vector<const char*> header_labels;    // column headers, block titles, captions
  std::vector<const char*> version_markers;  // header words only this version prints

  int CellCount() const;
  const RowSpec* FindRow(const std::string& row_id) const;
};

// Every layout gouji knows, in a fixed order: t2 (2019, 2021), t3 (2019, 2021), t4.
const std::vector<TableLayout>& AllLayouts();
// The layouts of one table ("t2"), in the order above.
std::vector<const TableLayout*> LayoutsOf(const std::string& table);

// Every layout as JSON, for drawing the tables as the format prints them (the web page):
// {"t2": {"2019": {...}, "2021": {...}}, "t3": {...}, "t4": {"any": {...}}}
std::string LayoutsToJson();

// The layout a found table was mapped with (TableInfo::version), or nullptr.
const TableLayout* FindLayout(const std::string& table, Template version);

// The three tables in report order.
constexpr const char* kTableIds[] = {"t2", "t3", "t4"};

// The six section headings, "一、总体情况" ... "六、其他需要报告的事项", with the words that identify
// each one even when the heading is reworded.
struct SectionSpec {
  int number;           // 1..6
  const char* heading;  // the format's heading
  const char* key;      // words every variant of the heading keeps
};
const std::vector<SectionSpec>& Sections();

}  // namespace gouji

#endif  // GOUJI_FORMAT_H_
