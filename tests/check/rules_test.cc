// The calculations' evaluator (check/rules.h): how the registry's patterns expand for each version,
// which cells each instance reads (written out by hand), and its verdicts on hand-made cells.
#include "check/rules.h"

#include <catch2/catch.hpp>

#include "test_util.h"

#include <map>
#include <string>
#include <vector>

namespace gouji::testing {
namespace {

std::vector<std::string> WithColumn(const std::vector<std::string>& rows, const std::string& prefix,
                                    const std::string& column) {
  std::vector<std::string> ids;
  for (const std::string& row : rows) ids.push_back(prefix + row + "." + column);
  return ids;
}

const RuleInstance* FindInstance(const std::vector<std::reference_wrapper<const RuleInstance>>& instances, const char* rule,
                                 const char* scope_en) {
  for (const RuleInstance& instance : instances) {
    if (std::string(instance.rule->id) == rule && instance.scope_en == scope_en) return &instance;
  }
  return nullptr;
}

TEST_CASE("r3_6* expands to r3_6 in 2019 and to r3_6_1..3 in 2021", "[rules]") {
  const std::vector<std::string> common = {"r3_1",   "r3_2",   "r3_3_1", "r3_3_2", "r3_3_3", "r3_3_4",
                                           "r3_3_5", "r3_3_6", "r3_3_7", "r3_3_8", "r3_4_1", "r3_4_2",
                                           "r3_4_3", "r3_5_1", "r3_5_2", "r3_5_3", "r3_5_4", "r3_5_5"};
  std::vector<std::string> rows_2019 = common, rows_2021 = common;
  rows_2019.push_back("r3_6");
  for (const char* r : {"r3_6_1", "r3_6_2", "r3_6_3"}) rows_2021.push_back(r);
  struct Case {
    Template version;
    std::vector<std::string> rhs;
  } cases[] = {{Template::k2019, WithColumn(rows_2019, "t3.", "legal")},
               {Template::k2021, WithColumn(rows_2021, "t3.", "legal")}};
  for (const Case& c : cases) {
    INFO(TemplateName(c.version));
    const auto instances = InstantiateRules({{"t3", FindLayout("t3", c.version)}});
    const RuleInstance* outcome = FindInstance(instances, "t3.outcome_sum", "column legal service agencies");
    REQUIRE(outcome != nullptr);
    CHECK(outcome->lhs == std::vector<std::string>{"t3.r3_7.legal"});
    CHECK(outcome->rhs == c.rhs);
    CHECK(outcome->scope_zh == "法律服务机构列");
  }
}

TEST_CASE("what each rule instance reads", "[rules]") {
  const auto t3 = InstantiateRules({{"t3", FindLayout("t3", Template::k2021)}});
  const RuleInstance* balance = FindInstance(t3, "t3.balance", "column total");
  REQUIRE(balance);
  CHECK(balance->lhs == std::vector<std::string>{"t3.r1.total", "t3.r2.total"});
  CHECK(balance->rhs == std::vector<std::string>{"t3.r3_7.total", "t3.r4.total"});
  const RuleInstance* applicants = FindInstance(t3, "t3.applicant_sum", "row III.5.2");
  REQUIRE(applicants);
  CHECK(applicants->scope_zh == "“2.重复申请”行");
  CHECK(applicants->lhs == std::vector<std::string>{"t3.r3_5_2.total"});
  CHECK(applicants->rhs == std::vector<std::string>{"t3.r3_5_2.natural", "t3.r3_5_2.commercial", "t3.r3_5_2.research",
                                                    "t3.r3_5_2.social", "t3.r3_5_2.legal", "t3.r3_5_2.other"});

  const auto t4 = InstantiateRules({{"t4", FindLayout("t4", Template::kUnknown)}});
  const RuleInstance* suit = FindInstance(t4, "t4.sum", "suits after review");
  REQUIRE(suit);
  CHECK(suit->scope_zh == "复议后起诉");
  CHECK(suit->lhs == std::vector<std::string>{"t4.suit_after.total"});
  CHECK(suit->rhs == std::vector<std::string>{"t4.suit_after.upheld", "t4.suit_after.corrected",
                                              "t4.suit_after.other", "t4.suit_after.pending"});

  const auto t2 = InstantiateRules({{"t2", FindLayout("t2", Template::k2019)}});
  REQUIRE(t2.size() == 2);  // t2.public_total, for regulations and normative only
  CHECK(t2[0].get().lhs == std::vector<std::string>{"t2.regulations.total_public"});
  CHECK(t2[0].get().rhs == std::vector<std::string>{"t2.regulations.published"});
  CHECK(t2[1].get().lhs == std::vector<std::string>{"t2.normative.total_public"});
  CHECK(InstantiateRules({{"t2", FindLayout("t2", Template::k2021)}}).empty());  // 2019 only
}

TEST_CASE("how many instances each version's tables make", "[rules]") {
  // Counted by hand: t3.balance and t3.outcome_sum per column (7 each), t3.applicant_sum per row
  // (23 in 2019, 25 in 2021), t4.sum per group (3), t2.public_total for two rows in 2019 only.
  struct Case {
    Template version;
    size_t instances;
  } cases[] = {{Template::k2019, 7 + 7 + 23 + 3 + 2}, {Template::k2021, 7 + 7 + 25 + 3}};
  for (const Case& c : cases) {
    const auto instances = InstantiateRules({{"t2", FindLayout("t2", c.version)},
                                             {"t3", FindLayout("t3", c.version)},
                                             {"t4", FindLayout("t4", c.version)}});
    CHECK(instances.size() == c.instances);
  }
  // A table not found makes none.
  CHECK(InstantiateRules({{"t3", nullptr}, {"t4", FindLayout("t4", Template::kUnknown)}}).size() == 3);
}

// Cells by ID from a table of (id, text, kind, value).
struct Cells {
  std::vector<Cell> cells;
  Cells& Number(const std::string& id, double v) {
    Cell c;
    c.id = id;
    c.raw = FormatNumber(v);
    c.value.kind = CellValue::Kind::kNumber;
    c.value.number = v;
    cells.push_back(c);
    return *this;
  }
  Cells& Blank(const std::string& id) {
    Cell c;
    c.id = id;
    c.value.kind = CellValue::Kind::kBlank;
    cells.push_back(c);
    return *this;
  }
  Cells& Text(const std::string& id, const std::string& raw) {
    Cell c;
    c.id = id;
    c.raw = raw;
    c.value.kind = CellValue::Kind::kNotNumber;
    cells.push_back(c);
    return *this;
  }
  CellsById ById() const {
    CellsById by_id;
    for (const Cell& c : cells) by_id[c.id] = &c;
    return by_id;
  }
};

TEST_CASE("the evaluator: holds, fails with expected and actual, or names the cells it cannot read", "[rules]") {
  Cells cells;
  cells.Number("t4.review.upheld", 2).Number("t4.review.corrected", 1).Number("t4.review.other", 0)
      .Number("t4.review.pending", 1).Number("t4.review.total", 4);  // holds
  cells.Number("t4.suit_direct.upheld", 1).Number("t4.suit_direct.corrected", 0).Number("t4.suit_direct.other", 0)
      .Number("t4.suit_direct.pending", 0).Number("t4.suit_direct.total", 2);  // fails: 2 != 1
  cells.Blank("t4.suit_after.upheld").Number("t4.suit_after.corrected", 0).Number("t4.suit_after.other", 0)
      .Number("t4.suit_after.pending", 0).Number("t4.suit_after.total", 0);  // blank: would hold as 0
  std::vector<Finding> findings;
  Summary summary;
  EvaluateRules({{"t4", FindLayout("t4", Template::kUnknown)}}, cells.ById(), &findings, &summary);
  CHECK(summary.rules_checked == 2);
  CHECK(summary.rules_failed == 1);
  CHECK(summary.rules_unverifiable == 1);
  REQUIRE(findings.size() == 2);

  const Finding& failed = findings[0];
  CHECK(failed.rule == "t4.sum");
  CHECK(failed.status == Finding::Status::kFailed);
  CHECK(failed.severity == Severity::kError);
  CHECK(failed.table == "t4");
  CHECK(failed.actual == 2);
  CHECK(failed.expected == 1);
  CHECK(failed.cells == std::vector<std::string>{"t4.suit_direct.total", "t4.suit_direct.upheld",
                                                 "t4.suit_direct.corrected", "t4.suit_direct.other",
                                                 "t4.suit_direct.pending"});
  CHECK(failed.message_zh == "直接起诉：总计(2)，但 结果维持(1) + 结果纠正(0) + 其他结果(0) + 尚未审结(0) = 1，相差 1");

  const Finding& blank = findings[1];
  CHECK(blank.rule == "t4.sum");
  CHECK(blank.status == Finding::Status::kUnverifiable);
  CHECK(blank.severity == Severity::kInfo);
  CHECK(blank.unverified_cells == std::vector<std::string>{"t4.suit_after.upheld"});
  CHECK(blank.message_zh == "复议后起诉：无法核对“总计等于各结果之和”：复议后起诉/结果维持为空。若空白按 0 计，则成立。");
}

TEST_CASE("the evaluator: a relation of at least, and cells not found or not numbers", "[rules]") {
  struct Case {
    const char* what;
    Cells cells;
    Finding::Status status;  // of the regulations row's instance; kReported: it holds
    std::vector<std::string> unverified;
  } cases[] = {
      {"holds when equal", Cells().Number("t2.regulations.total_public", 5).Number("t2.regulations.published", 5),
       Finding::Status::kReported, {}},
      {"fails when less", Cells().Number("t2.regulations.total_public", 3).Number("t2.regulations.published", 5),
       Finding::Status::kFailed, {}},
      {"a cell not found", Cells().Number("t2.regulations.published", 5), Finding::Status::kUnverifiable,
       {"t2.regulations.total_public"}},
      {"a cell not a number", Cells().Text("t2.regulations.total_public", "无").Number("t2.regulations.published", 5),
       Finding::Status::kUnverifiable, {"t2.regulations.total_public"}},
  };
  for (Case& c : cases) {
    INFO(c.what);
    // The normative row: always 0 >= 0, so that only the regulations row speaks.
    c.cells.Number("t2.normative.total_public", 0).Number("t2.normative.published", 0);
    std::vector<Finding> findings;
    Summary summary;
    EvaluateRules({{"t2", FindLayout("t2", Template::k2019)}}, c.cells.ById(), &findings, &summary);
    if (c.status == Finding::Status::kReported) {
      CHECK(findings.empty());
      CHECK(summary.rules_checked == 2);
      continue;
    }
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "t2.public_total");
    CHECK(findings[0].status == c.status);
    CHECK(findings[0].unverified_cells == c.unverified);
    if (c.status == Finding::Status::kFailed) {
      CHECK(findings[0].severity == Severity::kWarning);
      CHECK(findings[0].message_zh == "“规章”行：对外公开总数量(3) 小于 本年新公开数量(5)，少 2");
    }
  }
}

TEST_CASE("cell-level rules: not a number, negative, blank", "[rules]") {
  Cells cells;
  cells.Number("t2.licensing.delta", -3)        // 本年增/减 may be negative
      .Number("t2.licensing.prev_count", -1)    // a count may not
      .Text("t2.penalty.decisions", "若干")
      .Blank("t2.fees.delta")
      .Blank("t2.fees.prev_count");
  std::vector<Finding> findings;
  CheckCellValues({{"t2", FindLayout("t2", Template::k2019)}}, cells.cells, &findings);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].rule == "cell.negative");
  CHECK(findings[0].severity == Severity::kError);
  CHECK(findings[0].cells == std::vector<std::string>{"t2.licensing.prev_count"});
  CHECK(findings[1].rule == "cell.not_number");
  CHECK(findings[1].severity == Severity::kError);
  CHECK(findings[1].message_zh == "行政处罚/处理决定数量应为数字，但填写的是“若干”。");
  CHECK(findings[2].rule == "cell.blank");
  CHECK(findings[2].severity == Severity::kWarning);
  CHECK(findings[2].cells == std::vector<std::string>{"t2.fees.delta", "t2.fees.prev_count"});
}

TEST_CASE("findings take their severity from the registry", "[rules]") {
  CHECK(NewFinding("row.unplaced", "t3").severity == Severity::kWarning);
  CHECK(NewFinding("label.deviation", "t3").severity == Severity::kInfo);
  CHECK(NewFinding("table.missing", "t2").severity == Severity::kError);
  CHECK(NewFinding("table.missing", "t2").table == "t2");
}

TEST_CASE("every finding on the samples names a registered rule, at its severity", "[rules][samples]") {
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) continue;
    for (const Finding& f : CheckOk(text).findings) {
      INFO(name << ": " << f.rule);
      const RuleSpec* rule = FindRule(f.rule);
      REQUIRE(rule != nullptr);
      CHECK(f.severity == (f.status == Finding::Status::kUnverifiable ? Severity::kInfo : rule->severity));
    }
  }
}

}  // namespace
}  // namespace gouji::testing
