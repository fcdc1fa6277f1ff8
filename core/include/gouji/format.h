// The report format as data: its versions (FormatVersions: the circular, the years, a layout per
// table), its tables (Tables: section, names, anchors), each layout's rows, columns and labels, its
// section headings, and the rules a report is checked against (Rules).
//
// This is shared/spec/report-format.md in code. Cell IDs are "<table>.<row>.<column>". Nothing in
// gouji names a version, a table, a row, a column or a rule except through these tables, so a new
// version of the format is a new row of FormatVersions (and its layouts), not new logic.
#ifndef GOUJI_FORMAT_H_
#define GOUJI_FORMAT_H_

#include <string>
#include <string_view>
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
  const RowSpec* FindRow(std::string_view row_id) const;
};

// The three tables in report order.
constexpr const char* kTableIds[] = {"t2", "t3", "t4"};

// A table of the report as every version prints it: the section it sits in, its name, and the
// cells that mark it when its section's heading is missing (each found at the start of a line, as
// a whole cell).
struct TableSpec {
  const char* id;       // "t2": one of kTableIds, in that order
  int section;          // the section that holds it, 1-based
  const char* name_zh;  // for messages: "主动公开政府信息情况表"
  const char* name_en;  // "the proactive disclosure table"
  std::vector<const char*> anchors;  // tried in order
};
const std::vector<TableSpec>& Tables();  // t2, t3, t4

// One version of the format: a row per circular of the State Council's open-government office.
// Everything that differs between versions is here, so a new version is a new row (and its
// layouts), not new logic; what every version shares (the tables' sections and anchors, the
// section headings) is in Tables() and Sections().
struct FormatVersion {
  Template version;      // Template::k2019
  const char* name;      // as reports and the JSON name it: "2019" (TemplateName)
  const char* document;  // the circular that fixes it: "国办公开办函〔2019〕60号"
  int first_year;        // the first year a report on it should use it
  int last_year;         // the last, or kInForce while no later version replaces it
  // One layout per table of Tables(), in that order; a layout with version kUnknown is shared
  // with other versions (t4) and is the same object in each row.
  std::vector<const TableLayout*> layouts;

  static constexpr int kInForce = 9999;
  bool AppliesTo(int year) const { return year >= first_year && year <= last_year; }
};

// Every version, oldest first.
const std::vector<FormatVersion>& FormatVersions();
// The row of a version, or nullptr for kUnknown and kMixed.
const FormatVersion* FindVersion(Template version);
// The version a report on `year` should follow: the one that applies to it; for a year before
// the first version, the first (the oldest format gouji knows is the nearest there is).
const FormatVersion& VersionForYear(int year);
// The version in force now, the last row: what a report of unknown version is assumed to follow.
const FormatVersion& LatestVersion();

// Every distinct layout of FormatVersions(), by table and then by version: t2 (2019, 2021),
// t3 (2019, 2021), t4.
const std::vector<const TableLayout*>& AllLayouts();
// The layouts of one table ("t2"), in the order above: the candidates a table is mapped with.
std::vector<const TableLayout*> LayoutsOf(const std::string& table);

// Every layout as JSON, for drawing the tables as the format prints them (the web page):
// {"t2": {"2019": {...}, "2021": {...}}, "t3": {...}, "t4": {"any": {...}}}
std::string LayoutsToJson();

// The layout a found table was mapped with (TableInfo::version), or nullptr.
const TableLayout* FindLayout(const std::string& table, Template version);

// The six section headings, "一、总体情况" ... "六、其他需要报告的事项", with the words that identify
// each one even when the heading is reworded.
struct SectionSpec {
  int number;           // 1..6
  const char* heading;  // the format's heading
  const char* key;      // words every variant of the heading keeps
};
const std::vector<SectionSpec>& Sections();

// --- The rules -------------------------------------------------------------------------------
//
// Every rule gouji reports on, as one registry: the spec's rules and gouji's own. A finding's rule
// ID, severity and name come from here, and so do the page's and the CLI's names for it.
//
// A calculation (kCalculation) is a relation between two sums of cells, instantiated for every
// column or every row of one table, as an XBRL calculation linkbase is: "for every t3 column,
// r1 + r2 = r3_7 + r4". Its cell patterns name cells within the table: "{row}" and "{col}" stand
// for the row or column of the instance; a row ending in '*' stands for every row of the layout
// whose ID starts so ("r3_3_*" is r3_3_1 ... r3_3_8; "r3_6*" is r3_6 in 2019 and r3_6_1 ... r3_6_3
// in 2021). check/rules.h evaluates them.

enum class Relation { kEqual, kAtLeast };  // lhs = rhs; lhs >= rhs

struct RuleSpec {
  enum class Kind {
    kCalculation,  // a relation between sums of cells (lhs, relation, rhs below)
    kCell,         // about single cells' values
    kStructure,    // about the report's parts: tables, rows, sections, labels, version
    kInput,        // about the input's bytes
    kText,         // about what the prose says, against the tables and the year
    kSet,          // about several reports checked together: one body's years, a whole and its parts
  };
  enum class Over { kNone, kColumns, kRows };

  const char* id;     // "t4.sum"
  Kind kind;
  Severity severity;  // of a failure; a calculation that cannot be evaluated is always kInfo
  bool gouji_own;     // not in the spec: one of gouji's own findings
  const char* name_zh;         // what a failure is called: "表四合计不符"
  const char* name_en;         // "Table 4 group total does not add up"
  const char* description_zh;  // what it checks (a calculation's messages quote it)
  const char* description_en;
  // The cells it reads, as patterns: "t3.r1.{col}" for a calculation's terms, "t2.*.*" for every
  // cell of t2; none for a rule that reads the text rather than cells.
  std::vector<std::string> reads;

  // kCalculation only.
  const char* table = nullptr;          // "t3"
  Template version = Template::kUnknown;  // kUnknown: every version of the table
  Over over = Over::kNone;
  std::vector<const char*> rows = {};   // kRows: the rows it is for; empty means every row
  std::vector<const char*> lhs = {};
  Relation relation = Relation::kEqual;
  std::vector<const char*> rhs = {};
};

// Every rule, calculations first (in evaluation order), then the others.
const std::vector<RuleSpec>& Rules();
// The rule with this ID, or nullptr.
const RuleSpec* FindRule(const std::string& id);

// The registry as JSON, for the page (wasm/bindings.cc rules()): an array, in Rules() order, of
// {"id", "kind", "severity", "origin": "spec"|"gouji", "name": {"zh", "en"},
//  "description": {"zh", "en"}, "reads": [...]} and, for a calculation, "table", "template"
// ("2019", "2021" or null), "over" ("columns" or "rows"), "rows" (null for every row), "lhs",
// "relation" ("=" or ">="), "rhs".
std::string RulesToJson();

}  // namespace gouji

#endif  // GOUJI_FORMAT_H_
