// Mutation testing on the samples: for every number any rule uses, change it in the source text
// and check that exactly the rule instances using that cell now fail, and nothing else changes.
//
// Which instances use which cell is written out below from the rule table of
// shared/spec/report-format.md, not taken from the checker: a rule that expands over the wrong rows
// (the 2019 r3_6 against the 2021 r3_6_1 … r3_6_3, say) or names the wrong cells fails here. Only the
// public API (gouji/check.h, gouji/report.h) is used.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_util.h"

namespace gouji::testing {
namespace {

// --- the format, from the spec --------------------------------------------------------------------

const std::vector<std::string> kT3Columns = {"natural", "commercial", "research", "social", "legal", "other", "total"};
const std::vector<std::string> kT4Groups = {"review", "suit_direct", "suit_after"};
const std::vector<std::string> kT4Results = {"upheld", "corrected", "other", "pending", "total"};

// The rows t3.outcome_sum adds up to r3_7, in each version.
const std::vector<std::string> kOutcomeRows2019 = {
    "r3_1",   "r3_2",   "r3_3_1", "r3_3_2", "r3_3_3", "r3_3_4", "r3_3_5", "r3_3_6", "r3_3_7", "r3_3_8",
    "r3_4_1", "r3_4_2", "r3_4_3", "r3_5_1", "r3_5_2", "r3_5_3", "r3_5_4", "r3_5_5", "r3_6"};
const std::vector<std::string> kOutcomeRows2021 = {
    "r3_1",   "r3_2",   "r3_3_1", "r3_3_2", "r3_3_3", "r3_3_4", "r3_3_5", "r3_3_6", "r3_3_7", "r3_3_8",
    "r3_4_1", "r3_4_2", "r3_4_3", "r3_5_1", "r3_5_2", "r3_5_3", "r3_5_4", "r3_5_5", "r3_6_1", "r3_6_2", "r3_6_3"};

// A rule instance: the rule and what it is instantiated over ("t3.balance natural",
// "t3.applicant_sum r3_6_2", "t4.sum review", "t2.public_total normative").
struct Instance {
  std::string rule;
  std::string over;
};

// The cells an instance names, from the spec's rule table.
std::vector<std::string> CellsOf(const Instance& i, Template t3_version) {
  std::vector<std::string> cells;
  if (i.rule == "t3.balance") {  // r1 + r2 = r3_7 + r4
    for (const char* row : {"r1", "r2", "r3_7", "r4"}) cells.push_back(std::string("t3.") + row + "." + i.over);
  } else if (i.rule == "t3.outcome_sum") {  // r3_7 = r3_1 + r3_2 + Σ r3_3_* + Σ r3_4_* + Σ r3_5_* + r3_6 or Σ r3_6_*
    cells.push_back("t3.r3_7." + i.over);
    for (const std::string& row : t3_version == Template::k2021 ? kOutcomeRows2021 : kOutcomeRows2019) {
      cells.push_back("t3." + row + "." + i.over);
    }
  } else if (i.rule == "t3.applicant_sum") {  // total = natural + … + other
    for (const std::string& column : kT3Columns) cells.push_back("t3." + i.over + "." + column);
  } else if (i.rule == "t4.sum") {  // total = upheld + corrected + other + pending
    for (const std::string& result : kT4Results) cells.push_back("t4." + i.over + "." + result);
  } else if (i.rule == "t2.public_total") {  // total_public >= published
    cells = {"t2." + i.over + ".total_public", "t2." + i.over + ".published"};
  } else {
    FAIL("no cells written down for rule " << i.rule);
  }
  return cells;
}

// Which instances must fail when one cell changes. "{c}" stands for any t3 column, "{r}" for any
// t4 result column, in the cell pattern and the instances alike. `version` is that of the table the
// cell is in (kUnknown: either version).
struct Breaks {
  const char* cell;
  Template version;
  std::vector<const char*> instances;
};

const std::vector<Breaks>& BreaksTable() {
  static const std::vector<Breaks> table = {
      // t3: the rows balance adds (r1, r2 | r3_7, r4), the rows outcome_sum adds (r3_1 … r3_6*, and
      // r3_7 itself), and each row's applicant_sum.
      {"t3.r1.{c}", Template::kUnknown, {"t3.balance {c}", "t3.applicant_sum r1"}},
      {"t3.r2.{c}", Template::kUnknown, {"t3.balance {c}", "t3.applicant_sum r2"}},
      {"t3.r3_1.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_1"}},
      {"t3.r3_2.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_2"}},
      {"t3.r3_3_1.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_1"}},
      {"t3.r3_3_2.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_2"}},
      {"t3.r3_3_3.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_3"}},
      {"t3.r3_3_4.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_4"}},
      {"t3.r3_3_5.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_5"}},
      {"t3.r3_3_6.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_6"}},
      {"t3.r3_3_7.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_7"}},
      {"t3.r3_3_8.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_3_8"}},
      {"t3.r3_4_1.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_4_1"}},
      {"t3.r3_4_2.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_4_2"}},
      {"t3.r3_4_3.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_4_3"}},
      {"t3.r3_5_1.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_5_1"}},
      {"t3.r3_5_2.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_5_2"}},
      {"t3.r3_5_3.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_5_3"}},
      {"t3.r3_5_4.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_5_4"}},
      {"t3.r3_5_5.{c}", Template::kUnknown, {"t3.outcome_sum {c}", "t3.applicant_sum r3_5_5"}},
      {"t3.r3_6.{c}", Template::k2019, {"t3.outcome_sum {c}", "t3.applicant_sum r3_6"}},
      {"t3.r3_6_1.{c}", Template::k2021, {"t3.outcome_sum {c}", "t3.applicant_sum r3_6_1"}},
      {"t3.r3_6_2.{c}", Template::k2021, {"t3.outcome_sum {c}", "t3.applicant_sum r3_6_2"}},
      {"t3.r3_6_3.{c}", Template::k2021, {"t3.outcome_sum {c}", "t3.applicant_sum r3_6_3"}},
      {"t3.r3_7.{c}", Template::kUnknown, {"t3.balance {c}", "t3.outcome_sum {c}", "t3.applicant_sum r3_7"}},
      {"t3.r4.{c}", Template::kUnknown, {"t3.balance {c}", "t3.applicant_sum r4"}},
      // t4: each group's sum, nothing across groups (复议后起诉 ≤ 行政复议 is not a rule).
      {"t4.review.{r}", Template::kUnknown, {"t4.sum review"}},
      {"t4.suit_direct.{r}", Template::kUnknown, {"t4.sum suit_direct"}},
      {"t4.suit_after.{r}", Template::kUnknown, {"t4.sum suit_after"}},
      // t2: only 2019's total_public >= published; prev_count, delta, decisions, made, projects and
      // amounts are in no rule.
      {"t2.regulations.published", Template::k2019, {"t2.public_total regulations"}},
      {"t2.regulations.total_public", Template::k2019, {"t2.public_total regulations"}},
      {"t2.normative.published", Template::k2019, {"t2.public_total normative"}},
      {"t2.normative.total_public", Template::k2019, {"t2.public_total normative"}},
  };
  return table;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

Template VersionOf(const Report& report, const std::string& table) {
  for (const TableInfo& t : report.tables) {
    if (t.id == table) return t.version;
  }
  return Template::kUnknown;
}

// The instances a change of `id` must fail, by the table above; false if no rule uses the cell.
bool InstancesUsing(const Report& report, const std::string& id, std::vector<Instance>* out) {
  const std::string table = id.substr(0, 2);
  const Template version = VersionOf(report, table);
  bool used = false;
  for (const Breaks& b : BreaksTable()) {
    if (b.version != Template::kUnknown && b.version != version) continue;
    const std::vector<std::string>& fill = std::string(b.cell).find("{c}") != std::string::npos ? kT3Columns
                                           : std::string(b.cell).find("{r}") != std::string::npos
                                               ? kT4Results
                                               : std::vector<std::string>{""};
    for (const std::string& f : fill) {
      if (Replace(Replace(b.cell, "{c}", f), "{r}", f) != id) continue;
      used = true;
      for (const char* instance : b.instances) {
        const std::string text = Replace(instance, "{c}", f);
        const size_t space = text.find(' ');
        out->push_back({text.substr(0, space), text.substr(space + 1)});
      }
    }
  }
  return used;
}

// A failing finding as the test compares it: rule, table and the cells it names, in any order.
std::string Key(const std::string& rule, const std::string& table, std::vector<std::string> cells) {
  std::sort(cells.begin(), cells.end());
  std::string key = rule + " [" + table + "]";
  for (const std::string& c : cells) key += " " + c;
  return key;
}

bool IsNumber(const Report& report, const std::string& id) {
  const Cell* c = report.FindCell(id);
  return c && c->value.kind == CellValue::Kind::kNumber;
}

// The cells the samples' prose states, read by hand: 000's "收到公开政府信息申请0件" (一/总计); 004's
// "制定政府规范性文件3件,废止政府规范性文件6件" (t2) and its 未收取信息处理费用, which 三(六)2 above 0
// contradicts (fee.statement).
int ProseStates(const std::string& sample, const std::string& cell) {
  static const std::set<std::pair<std::string, std::string>> stated = {
      {"000_2efa133927cd4048", "t3.r1.total"},
      {"004_2621131c2785ac51", "t2.normative.issued"},
      {"004_2621131c2785ac51", "t2.normative.repealed"},
      {"004_2621131c2785ac51", "t3.r3_6_2.total"},
  };
  return stated.count({sample, cell}) ? 1 : 0;
}

int CountProse(const Report& report) {
  int n = 0;
  for (const Finding& f : report.findings) n += f.rule == "text.mismatch" || f.rule == "fee.statement";
  return n;
}

std::set<std::string> FailedKeys(const Report& report) {
  std::set<std::string> failed;
  for (const Finding& f : report.findings) {
    if (f.status == Finding::Status::kFailed) failed.insert(Key(f.rule, f.table, f.cells));
  }
  return failed;
}

// How many cells of each sample some rule uses, mutated or skipped (where only a negative count
// would break the rule), counted from shared/samples/README.md: 000 fills t3's total column (23
// rows) and t4's three totals; 001 and 003 every t3 and t4 cell (23 rows x 7 columns + 15); 002 the
// same but for its 54 blank t3 cells and 7 blank t4 cells; 004 every cell of its 2021 t3 (25 rows x
// 7) and t4. Each 2019 report adds the four t2 published / total_public cells, all 0: a published
// of 1 breaks total_public >= published, while a total_public below 0 is skipped. Before this
// table was written down the test took its cells from the checker's own rules, and mutated 691
// cells and skipped 8: the same.
// own_fixes: the mutations whose smallest fix is the mutation undone. Where t3 is filled (001, 003,
// 004) that is every t3 cell. 000 fills only t3's total column, and 002 no t3 total (so no
// applicant_sum can be evaluated there) but the whole natural-persons column: in that one column,
// r3_7 is in both its relations; an outcome row made 1 from 0 fails outcome_sum alone, and the other
// cells that would mend it would have to be -1, or be r3_7, which balance holds; but r1, r2 or r4
// made 1 can be mended by r4 or r1 (and r2) as well. 19 outcome rows and r3_7: 20.
struct Coverage {
  int mutated, skipped, own_fixes;
};

TEST_CASE("changing any number a rule uses fails exactly the rules that use it", "[samples][mutation]") {
  const std::map<std::string, Coverage> coverage = {
      {"000_2efa133927cd4048", {23 + 3 + 2, 2, 20}},
      {"001_eabb943c232c0218", {23 * 7 + 15 + 2, 2, 23 * 7}},
      {"002_819d0f33b79d307e", {23 * 7 - 54 + 15 - 7 + 2, 2, 20}},
      {"003_6997cc47fc5df21f", {23 * 7 + 15 + 2, 2, 23 * 7}},
      {"004_2621131c2785ac51", {25 * 7 + 15, 0, 25 * 7}},
  };
  int total_mutated = 0, total_skipped = 0;
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) return;  // skipped (test_util.h)
    INFO(name);
    const Report original = CheckOk(text);
    REQUIRE(original.summary.rules_failed == 0);
    const Template t3_version = VersionOf(original, "t3");
    int mutated = 0, skipped = 0, unused = 0, own_fixes = 0;
    for (const Cell& cell : original.cells) {
      if (cell.value.kind != CellValue::Kind::kNumber) continue;
      std::vector<Instance> instances;
      if (!InstancesUsing(original, cell.id, &instances)) {
        // Every t3 and t4 cell is in some rule; of t2 only the four above.
        INFO(cell.id);
        CHECK(cell.id.rfind("t2.", 0) == 0);
        ++unused;
        continue;
      }
      const long long value = static_cast<long long>(cell.value.number);
      // The instances that can be evaluated (all their cells numbers) must fail; a new value that
      // breaks them all: one more breaks a sum; total_public >= published breaks when published
      // grows past total_public or total_public drops below published.
      std::set<std::string> expected;
      long long new_value = value + 1;
      for (const Instance& instance : instances) {
        const std::vector<std::string> cells = CellsOf(instance, t3_version);
        if (!std::all_of(cells.begin(), cells.end(), [&](const std::string& c) { return IsNumber(original, c); })) continue;
        expected.insert(Key(instance.rule, instance.rule.substr(0, 2), cells));
        if (instance.rule == "t2.public_total") {
          const double total_public = original.FindCell(cells[0])->value.number;
          const double published = original.FindCell(cells[1])->value.number;
          new_value = cell.id == cells[1] ? static_cast<long long>(total_public) + 1 : static_cast<long long>(published) - 1;
        }
      }
      if (new_value < 0) {
        ++skipped;  // only a negative count would break it, and that is another rule's business
        continue;
      }
      INFO(cell.id << " " << value << " -> " << new_value);
      const Report mutated_report = CheckOk(WithCells(original, {{cell.id, new_value}}));
      ++mutated;
      CHECK(FailedKeys(mutated_report) == expected);
      CHECK(mutated_report.FindCell(cell.id)->value.number == new_value);
      CHECK(mutated_report.summary.cells_found == original.summary.cells_found);
      CHECK(mutated_report.summary.rules_unverifiable == original.summary.rules_unverifiable);
      // One more finding when something fails: the smallest fix, or that none is unique. And one
      // where the sample's prose states the cell: it disagrees now.
      const int prose = ProseStates(name, cell.id);
      CHECK(CountProse(mutated_report) == prose);
      CHECK(mutated_report.findings.size() == original.findings.size() + expected.size() + !expected.empty() + prose);

      // The smallest fix. A fix found is the mutation undone, and nothing else.
      if (mutated_report.fix && !expected.empty()) {
        REQUIRE(mutated_report.fix->size() == 1);
        CHECK(mutated_report.fix->front().cell == cell.id);
        CHECK(mutated_report.fix->front().from == new_value);
        CHECK(mutated_report.fix->front().to == value);
        ++own_fixes;
      }
      // When it must be found, from the spec's rules: a t3 cell is in one column's relations and
      // its row's applicant_sum, which share no other cell, so when all of them can be evaluated
      // only the cell itself mends them all. A t4 cell shares its one relation with the group's four
      // others, any of which would mend it; t2's "at least" has no one value to restore.
      const bool t3_whole = cell.id.rfind("t3.", 0) == 0 && expected.size() == instances.size();
      if (t3_whole) CHECK(mutated_report.fix.has_value());
      if (cell.id.rfind("t3.", 0) != 0 && !expected.empty()) CHECK_FALSE(mutated_report.fix.has_value());
    }
    CHECK(own_fixes == coverage.at(name).own_fixes);
    CHECK(mutated == coverage.at(name).mutated);
    CHECK(skipped == coverage.at(name).skipped);
    // t2's other numbers: all 22 - 4 of 2019's, all 10 of 2021's (every sample fills its t2).
    CHECK(unused == (VersionOf(original, "t2") == Template::k2021 ? 10 : 22 - 4));
    total_mutated += mutated;
    total_skipped += skipped;
  }
  CHECK(total_mutated == 691);
  CHECK(total_skipped == 8);
}

TEST_CASE("changing a number no rule uses fails nothing", "[samples][mutation]") {
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) return;  // skipped (test_util.h)
    INFO(name);
    const Report original = CheckOk(text);
    int mutated = 0;
    for (const Cell& cell : original.cells) {
      std::vector<Instance> instances;
      if (cell.value.kind != CellValue::Kind::kNumber || InstancesUsing(original, cell.id, &instances)) continue;
      // Counts only: an amount's unit would change with its digits.
      if (!cell.value.integral || !cell.value.unit.empty() || cell.value.number < 0) continue;
      const long long new_value = static_cast<long long>(cell.value.number) + 7;
      INFO(cell.id << " -> " << new_value);
      const Report r = CheckOk(WithCells(original, {{cell.id, new_value}}));
      ++mutated;
      CHECK(r.FindCell(cell.id)->value.number == new_value);
      CHECK(FailedKeys(r).empty());
      CHECK(CountProse(r) == ProseStates(name, cell.id));
      CHECK(r.findings.size() == original.findings.size() + ProseStates(name, cell.id));
    }
    CHECK(mutated > 0);
  }
}

TEST_CASE("the hand-written table names the rows of each version", "[mutation]") {
  // A check on the table above, so that a typo in it cannot hide a cell: the spec's t3 has 23 rows
  // in 2019 and 25 in 2021, each in exactly one line of the table.
  std::map<Template, int> rows;
  for (const Breaks& b : BreaksTable()) {
    const std::string cell = b.cell;
    if (cell.rfind("t3.", 0) != 0) continue;
    for (Template v : {Template::k2019, Template::k2021}) rows[v] += b.version == Template::kUnknown || b.version == v;
  }
  CHECK(rows[Template::k2019] == 23);
  CHECK(rows[Template::k2021] == 25);
  CHECK(kOutcomeRows2019.size() == 23 - 4);  // all but r1, r2, r3_7, r4
  CHECK(kOutcomeRows2021.size() == 25 - 4);
}

TEST_CASE("a changed number in sample 004 shows the arithmetic of both rules it breaks", "[samples][mutation]") {
  const std::string text = SampleText("004_2621131c2785ac51");
  if (text.empty()) return;  // skipped (test_util.h)
  const Report original = CheckOk(text);
  const Report r = CheckOk(WithCells(original, {{"t3.r1.natural", 5}}));
  std::vector<std::string> messages;
  for (const Finding& f : r.findings) {
    if (f.status == Finding::Status::kFailed) messages.push_back(f.rule + " " + f.message_zh);
  }
  CHECK(messages == std::vector<std::string>{
                        "t3.balance 自然人列：一(5) + 二(0) = 5，但 三(七)(4) + 四(0) = 4，相差 1",
                        "t3.applicant_sum “一、本年新收政府信息公开申请数量”行：总计(4)，但 自然人(5) + "
                        "商业企业(0) + 科研机构(0) + 社会公益组织(0) + 法律服务机构(0) + 其他(0) = 5，相差 1"});
  CHECK(r.summary.errors == 2);
}

}  // namespace
}  // namespace gouji::testing
