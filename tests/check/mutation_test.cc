// Mutation testing on the samples: for every number any rule uses, change it in the source text
// and check that exactly the rule instances using that cell now fail, and nothing else changes.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "check/rules.h"
#include "test_util.h"

namespace gouji::testing {
namespace {

std::vector<TableForRules> TablesOf(const Report& report) {
  std::vector<TableForRules> tables;
  for (size_t t = 0; t < report.tables.size(); ++t) {
    const TableInfo& info = report.tables[t];
    tables.push_back({kTableIds[t], info.found ? FindLayout(info.id, info.version) : nullptr});
  }
  return tables;
}

std::string Key(const std::string& rule, const std::vector<std::string>& cells) {
  std::string key = rule;
  for (const std::string& c : cells) key += " " + c;
  return key;
}

// The report's source with one cell's text replaced.
std::string Mutate(const Report& report, const Cell& cell, long long value) {
  std::u32string source = report.source;
  std::u32string digits;
  for (char c : std::to_string(value)) digits.push_back(static_cast<char32_t>(c));
  source.replace(cell.span.begin, cell.span.end - cell.span.begin, digits);
  return ToUtf8(source);
}

TEST_CASE("changing any number a rule uses fails exactly the rules that use it", "[samples][mutation]") {
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) continue;
    const Report original = CheckOk(text);
    REQUIRE(original.summary.rules_failed == 0);
    const std::vector<RuleInstance> instances = InstantiateRules(TablesOf(original));

    auto numeric = [&](const std::string& id) {
      const Cell* c = original.FindCell(id);
      return c && c->value.kind == CellValue::Kind::kNumber;
    };
    std::set<std::string> used;
    for (const RuleInstance& instance : instances) {
      for (const auto* side : {&instance.lhs, &instance.rhs}) {
        for (const std::string& id : *side) {
          if (numeric(id)) used.insert(id);
        }
      }
    }
    size_t mutated = 0, skipped = 0;
    for (const std::string& id : used) {
      const Cell& cell = *original.FindCell(id);
      const long long value = static_cast<long long>(cell.value.number);
      // Which instances use the cell and could be evaluated, and a new value that breaks them all.
      std::set<std::string> expected;
      long long new_value = value + 1;
      bool breakable = true;
      for (const RuleInstance& instance : instances) {
        const bool in_lhs = std::count(instance.lhs.begin(), instance.lhs.end(), id) > 0;
        const bool in_rhs = std::count(instance.rhs.begin(), instance.rhs.end(), id) > 0;
        if (!in_lhs && !in_rhs) continue;
        bool verifiable = true;
        for (const auto* side : {&instance.lhs, &instance.rhs}) {
          for (const std::string& other : *side) verifiable &= numeric(other);
        }
        if (!verifiable) continue;
        std::vector<std::string> cells = instance.lhs;
        cells.insert(cells.end(), instance.rhs.begin(), instance.rhs.end());
        expected.insert(Key(instance.rule->id, cells));
        if (Relation relation = instance.rule->relation; relation == Relation::kAtLeast) {
          // lhs >= rhs breaks when the rhs grows past the lhs, or the lhs drops below the rhs.
          double lhs = 0, rhs = 0;
          for (const std::string& c : instance.lhs) lhs += original.FindCell(c)->value.number;
          for (const std::string& c : instance.rhs) rhs += original.FindCell(c)->value.number;
          if (in_rhs) new_value = value + static_cast<long long>(lhs - rhs) + 1;
          else new_value = value - static_cast<long long>(lhs - rhs) - 1;
          breakable = new_value >= 0;
        }
      }
      if (!breakable) {
        ++skipped;  // only a negative count would break it, and that is another rule's business
        continue;
      }
      INFO(name << ": " << id << " " << value << " -> " << new_value);
      const Report mutated_report = CheckOk(Mutate(original, cell, new_value));
      ++mutated;
      std::set<std::string> failed;
      for (const Finding& f : mutated_report.findings) {
        if (f.status == Finding::Status::kFailed) failed.insert(Key(f.rule, f.cells));
      }
      CHECK(failed == expected);
      CHECK(mutated_report.FindCell(id)->value.number == new_value);
      CHECK(mutated_report.summary.cells_found == original.summary.cells_found);
      CHECK(mutated_report.summary.rules_unverifiable == original.summary.rules_unverifiable);
      CHECK(mutated_report.findings.size() == original.findings.size() + expected.size());
    }
    INFO(name);
    CHECK(mutated >= 15);
    WARN(name << ": " << mutated << " cells mutated, " << skipped << " skipped");
  }
}

TEST_CASE("a changed number in sample 004 shows the arithmetic of both rules it breaks", "[samples][mutation]") {
  const std::string text = SampleText("004_2621131c2785ac51");
  if (text.empty()) return;
  const Report original = CheckOk(text);
  const Report r = CheckOk(Mutate(original, CellOf(original, "t3.r1.natural"), 5));
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
