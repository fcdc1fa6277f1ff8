// The format as data (format.h): the versions table, the tables, the layouts' cell counts and the
// rule registry, against expectations written out by hand from shared/spec/report-format.md; and
// docs/json-schema.md against the registry.
#include "gouji/format.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace gouji::testing {
namespace {

TEST_CASE("each version names its circular and the years it applies to", "[format]") {
  const std::vector<FormatVersion>& versions = FormatVersions();
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].version == Template::k2019);
  CHECK(std::string(versions[0].name) == "2019");
  CHECK(std::string(versions[0].document) == "国办公开办函〔2019〕60号");
  CHECK(versions[1].version == Template::k2021);
  CHECK(std::string(versions[1].name) == "2021");
  CHECK(std::string(versions[1].document) == "国办公开办函〔2021〕30号");

  struct Case {
    int year;
    bool in_2019, in_2021;
    Template for_year;  // VersionForYear
  } cases[] = {
      {2018, false, false, Template::k2019},  // before any version: the oldest
      {2019, true, false, Template::k2019},   {2020, true, false, Template::k2019},
      {2021, false, true, Template::k2021},   {2022, false, true, Template::k2021},
      {2024, false, true, Template::k2021},   {2035, false, true, Template::k2021},
  };
  for (const Case& c : cases) {
    INFO(c.year);
    CHECK(versions[0].AppliesTo(c.year) == c.in_2019);
    CHECK(versions[1].AppliesTo(c.year) == c.in_2021);
    CHECK(VersionForYear(c.year).version == c.for_year);
  }
  CHECK(LatestVersion().version == Template::k2021);
  CHECK(FindVersion(Template::k2019) == &versions[0]);
  CHECK(FindVersion(Template::k2021) == &versions[1]);
  CHECK(FindVersion(Template::kUnknown) == nullptr);
  CHECK(FindVersion(Template::kMixed) == nullptr);
}

TEST_CASE("the versions' names are the names reports and JSON use", "[format]") {
  CHECK(std::string(TemplateName(Template::k2019)) == "2019");
  CHECK(std::string(TemplateName(Template::k2021)) == "2021");
  CHECK(std::string(TemplateName(Template::kMixed)) == "mixed");
  CHECK(std::string(TemplateName(Template::kUnknown)) == "unknown");
}

TEST_CASE("the tables: sections, names and anchors", "[format]") {
  const std::vector<TableSpec>& tables = Tables();
  REQUIRE(tables.size() == 3);
  struct Case {
    const char* id;
    int section;
    const char* first_anchor;
  } cases[] = {
      {"t2", 2, "第二十条第(一)项"},
      {"t3", 3, "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"},
      {"t4", 4, "行政复议"},
  };
  for (size_t t = 0; t < tables.size(); ++t) {
    INFO(cases[t].id);
    CHECK(std::string(tables[t].id) == cases[t].id);
    CHECK(std::string(tables[t].id) == kTableIds[t]);
    CHECK(tables[t].section == cases[t].section);
    REQUIRE(!tables[t].anchors.empty());
    CHECK(std::string(tables[t].anchors[0]) == cases[t].first_anchor);
  }
  CHECK(std::string(tables[1].anchors[2]) == "一、本年新收政府信息公开申请数量");
  // Each table sits in the section the spec puts it in.
  CHECK(std::string(Sections()[tables[1].section - 1].heading) == "三、收到和处理政府信息公开申请情况");
}

TEST_CASE("each version's layouts: rows and numeric cells", "[format]") {
  // Counted by hand from the spec: t2 2019 is 3+3 (一) + 3+3 (五) + 3+3 (六) + 2 (八) + 2 (九);
  // t2 2021 is 3+3 + 1 + 1+1 + 1; t3 has 7 columns and 2 + 2 + 8 + 3 + 5 + 1 + 1 + 1 rows in 2019
  // (r3_6), with r3_6_1..3 in 2021 25 rows; t4 is 3 groups of 5.
  struct Case {
    const char* table;
    Template version;
    int rows;
    int cells;
  } cases[] = {
      {"t2", Template::k2019, 8, 22},  {"t2", Template::k2021, 6, 10},    {"t3", Template::k2019, 23, 161},
      {"t3", Template::k2021, 25, 175}, {"t4", Template::kUnknown, 3, 15},
  };
  for (const Case& c : cases) {
    INFO(c.table << " " << TemplateName(c.version));
    const TableLayout* layout = FindLayout(c.table, c.version);
    REQUIRE(layout != nullptr);
    CHECK(std::string(layout->table) == c.table);
    CHECK(layout->version == c.version);
    CHECK(static_cast<int>(layout->rows.size()) == c.rows);
    CHECK(layout->CellCount() == c.cells);
  }
  // The rows 2021 dropped and added.
  CHECK(FindLayout("t2", Template::k2019)->FindRow("procurement") != nullptr);
  CHECK(FindLayout("t2", Template::k2021)->FindRow("procurement") == nullptr);
  CHECK(FindLayout("t2", Template::k2021)->FindRow("other_services") == nullptr);
  CHECK(FindLayout("t3", Template::k2019)->FindRow("r3_6") != nullptr);
  CHECK(FindLayout("t3", Template::k2019)->FindRow("r3_6_1") == nullptr);
  CHECK(FindLayout("t3", Template::k2021)->FindRow("r3_6") == nullptr);
  CHECK(FindLayout("t3", Template::k2021)->FindRow("r3_6_3") != nullptr);
}

TEST_CASE("each version row holds one layout per table; t4 is one layout shared", "[format]") {
  for (const FormatVersion& version : FormatVersions()) {
    INFO(version.name);
    REQUIRE(version.layouts.size() == Tables().size());
    for (size_t t = 0; t < Tables().size(); ++t) {
      CHECK(std::string(version.layouts[t]->table) == Tables()[t].id);
      CHECK((version.layouts[t]->version == version.version || version.layouts[t]->version == Template::kUnknown));
    }
  }
  CHECK(FormatVersions()[0].layouts[2] == FormatVersions()[1].layouts[2]);
  CHECK(FindLayout("t4", Template::k2019) == FindLayout("t4", Template::k2021));
  // AllLayouts lists each once, by table then version.
  const std::vector<const TableLayout*>& all = AllLayouts();
  REQUIRE(all.size() == 5);
  const char* tables[] = {"t2", "t2", "t3", "t3", "t4"};
  const Template versions[] = {Template::k2019, Template::k2021, Template::k2019, Template::k2021, Template::kUnknown};
  for (size_t k = 0; k < all.size(); ++k) {
    CHECK(std::string(all[k]->table) == tables[k]);
    CHECK(all[k]->version == versions[k]);
  }
  CHECK(LayoutsOf("t3").size() == 2);
  CHECK(LayoutsOf("t4").size() == 1);
  CHECK(LayoutsOf("t5").empty());
}

// --- The rule registry ---

TEST_CASE("the registry holds every rule with its severity", "[format][rules]") {
  struct Case {
    const char* id;
    Severity severity;
    RuleSpec::Kind kind;
    bool gouji_own;
  } cases[] = {
      {"t3.balance", Severity::kError, RuleSpec::Kind::kCalculation, false},
      {"t3.outcome_sum", Severity::kError, RuleSpec::Kind::kCalculation, false},
      {"t3.applicant_sum", Severity::kError, RuleSpec::Kind::kCalculation, false},
      {"t4.sum", Severity::kError, RuleSpec::Kind::kCalculation, false},
      {"t2.public_total", Severity::kWarning, RuleSpec::Kind::kCalculation, false},
      {"cell.blank", Severity::kWarning, RuleSpec::Kind::kCell, false},
      {"cell.not_number", Severity::kError, RuleSpec::Kind::kCell, false},
      {"cell.negative", Severity::kError, RuleSpec::Kind::kCell, false},
      {"table.missing", Severity::kError, RuleSpec::Kind::kStructure, false},
      {"section.missing", Severity::kWarning, RuleSpec::Kind::kStructure, false},
      {"template.version", Severity::kWarning, RuleSpec::Kind::kStructure, false},
      {"label.deviation", Severity::kInfo, RuleSpec::Kind::kStructure, false},
      {"text.mismatch", Severity::kWarning, RuleSpec::Kind::kText, false},
      {"section.empty", Severity::kWarning, RuleSpec::Kind::kText, false},
      {"fee.statement", Severity::kInfo, RuleSpec::Kind::kText, false},
      {"cross_year.carry_over", Severity::kError, RuleSpec::Kind::kSet, false},
      {"cross_year.in_force", Severity::kWarning, RuleSpec::Kind::kSet, false},
      {"parts.sum", Severity::kError, RuleSpec::Kind::kSet, true},
      {"text.other_year", Severity::kWarning, RuleSpec::Kind::kText, true},
      {"row.unplaced", Severity::kWarning, RuleSpec::Kind::kStructure, true},
      {"table.unread", Severity::kWarning, RuleSpec::Kind::kStructure, true},
      {"cells.run_together", Severity::kInfo, RuleSpec::Kind::kStructure, true},
      {"fix.suggested", Severity::kInfo, RuleSpec::Kind::kCell, true},
      {"row.missing", Severity::kWarning, RuleSpec::Kind::kStructure, true},
      {"input.malformed", Severity::kWarning, RuleSpec::Kind::kInput, true},
      {"template.pre2019", Severity::kWarning, RuleSpec::Kind::kStructure, true},
      {"input.several_reports", Severity::kWarning, RuleSpec::Kind::kInput, true},
  };
  REQUIRE(Rules().size() == std::size(cases));
  for (size_t k = 0; k < std::size(cases); ++k) {
    const Case& c = cases[k];
    INFO(c.id);
    CHECK(std::string(Rules()[k].id) == c.id);  // in this order: calculations as evaluated
    const RuleSpec* rule = FindRule(c.id);
    REQUIRE(rule != nullptr);
    CHECK(rule->severity == c.severity);
    CHECK(rule->kind == c.kind);
    CHECK(rule->gouji_own == c.gouji_own);
    CHECK(std::string(rule->name_zh).size() > 0);
    CHECK(std::string(rule->name_en).size() > 0);
    CHECK(std::string(rule->description_zh).size() > 0);
    CHECK(std::string(rule->description_en).size() > 0);
  }
  CHECK(FindRule("t4.summ") == nullptr);
  CHECK(FindRule("") == nullptr);
  CHECK(std::string(FindRule("t4.sum")->name_zh) == "表四合计不符");
  CHECK(std::string(FindRule("t4.sum")->name_en) == "Table 4 group total does not add up");
}

TEST_CASE("what each rule reads", "[format][rules]") {
  struct Case {
    const char* id;
    std::vector<std::string> reads;
  } cases[] = {
      {"t3.balance", {"t3.r1.{col}", "t3.r2.{col}", "t3.r3_7.{col}", "t3.r4.{col}"}},
      {"t3.outcome_sum",
       {"t3.r3_7.{col}", "t3.r3_1.{col}", "t3.r3_2.{col}", "t3.r3_3_*.{col}", "t3.r3_4_*.{col}", "t3.r3_5_*.{col}",
        "t3.r3_6*.{col}"}},
      {"t4.sum", {"t4.{row}.total", "t4.{row}.upheld", "t4.{row}.corrected", "t4.{row}.other", "t4.{row}.pending"}},
      {"t2.public_total", {"t2.{row}.total_public", "t2.{row}.published"}},
      {"cell.negative", {"t2.*.*", "t3.*.*", "t4.*.*"}},
      {"table.missing", {}},
      {"template.version", {}},
  };
  for (const Case& c : cases) {
    INFO(c.id);
    REQUIRE(FindRule(c.id) != nullptr);
    CHECK(FindRule(c.id)->reads == c.reads);
  }
  const RuleSpec& public_total = *FindRule("t2.public_total");
  CHECK(public_total.version == Template::k2019);
  CHECK(public_total.relation == Relation::kAtLeast);
  CHECK(public_total.over == RuleSpec::Over::kRows);
  // Compared as strings: two equal literals need not be one pointer (they are not under ASan).
  CHECK(std::vector<std::string>(public_total.rows.begin(), public_total.rows.end()) ==
        std::vector<std::string>{"regulations", "normative"});
  CHECK(FindRule("t3.balance")->over == RuleSpec::Over::kColumns);
}

TEST_CASE("the registry as JSON, for the page", "[format][rules]") {
  const std::string json = RulesToJson();
  CHECK(json.rfind("[{\"id\":\"t3.balance\",\"kind\":\"calculation\",\"severity\":\"error\",\"origin\":\"spec\","
                   "\"name\":{\"zh\":\"表三收支不平衡\",\"en\":\"Table 3 does not balance\"},",
                   0) == 0);
  CHECK(json.find("\"reads\":[\"t3.r1.{col}\",\"t3.r2.{col}\",\"t3.r3_7.{col}\",\"t3.r4.{col}\"],\"table\":\"t3\","
                  "\"template\":null,\"over\":\"columns\",\"rows\":null,\"lhs\":[\"r1.{col}\",\"r2.{col}\"],"
                  "\"relation\":\"=\",\"rhs\":[\"r3_7.{col}\",\"r4.{col}\"]}") != std::string::npos);
  CHECK(json.find("\"template\":\"2019\",\"over\":\"rows\",\"rows\":[\"regulations\",\"normative\"],"
                  "\"lhs\":[\"{row}.total_public\"],\"relation\":\">=\"") != std::string::npos);
  CHECK(json.find("{\"id\":\"row.unplaced\",\"kind\":\"structure\",\"severity\":\"warning\",\"origin\":\"gouji\"") !=
        std::string::npos);
  CHECK(json.find("{\"id\":\"label.deviation\",\"kind\":\"structure\",\"severity\":\"info\",\"origin\":\"spec\"") !=
        std::string::npos);
  size_t ids = 0;
  for (size_t at = json.find("{\"id\":"); at != std::string::npos; at = json.find("{\"id\":", at + 1)) ++ids;
  CHECK(ids == Rules().size());
}

// docs/json-schema.md lists the rules in one table, between two markers; it must be the registry,
// row for row. On failure the message holds the table as it should read, to paste.
TEST_CASE("docs/json-schema.md lists exactly the registry's rules", "[format][rules][docs]") {
  const std::string path = std::string(GOUJI_GOLDEN_DIR) + "/../../docs/json-schema.md";
  std::ifstream in(path);
  REQUIRE(in);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string begin_marker = "<!-- rules: begin -->\n", end_marker = "<!-- rules: end -->";
  const size_t begin = doc.find(begin_marker), end = doc.find(end_marker);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string listed = doc.substr(begin + begin_marker.size(), end - begin - begin_marker.size());

  std::string expected =
      "| rule | severity | from | name | what it checks |\n| --- | --- | --- | --- | --- |\n";
  for (const RuleSpec& rule : Rules()) {
    expected += std::string("| `") + rule.id + "` | " + SeverityName(rule.severity) + " | " +
                (rule.gouji_own ? "*gouji*" : "spec") + " | " + rule.name_zh + " · " + rule.name_en + " | " +
                rule.description_en + " |\n";
  }
  INFO("the table should read:\n" << expected);
  CHECK(listed == expected);

  // And no rule ID in the Findings section that the registry does not know (`xx.yy` in backticks
  // whose first part is a rule family).
  std::set<std::string> families;
  for (const RuleSpec& rule : Rules()) families.insert(std::string(rule.id).substr(0, std::string(rule.id).find('.')));
  const size_t findings = doc.find("## Findings");
  REQUIRE(findings != std::string::npos);
  for (size_t at = doc.find('`', findings); at != std::string::npos; at = doc.find('`', at + 1)) {
    const size_t close = doc.find('`', at + 1);
    if (close == std::string::npos) break;
    const std::string word = doc.substr(at + 1, close - at - 1);
    at = close;
    const size_t dot = word.find('.');
    if (dot == std::string::npos || !families.count(word.substr(0, dot))) continue;
    if (word.find_first_of(" {*\"") != std::string::npos) continue;  // a cell ID or pattern, not a rule
    if (std::count(word.begin(), word.end(), '.') != 1) continue;    // "t3.r1.total": a cell
    INFO(word);
    CHECK(FindRule(word) != nullptr);
  }
}

}  // namespace
}  // namespace gouji::testing
