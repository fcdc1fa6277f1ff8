#include "check/rules.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <string_view>
#include <tuple>

namespace gouji {
namespace {

using Over = RuleSpec::Over;

struct Term {
  std::string id;
  const Cell* cell = nullptr;  // nullptr: not found
  std::string name_zh, name_en;
};

std::string Replace(std::string pattern, const std::string& key, const std::string& value) {
  const size_t at = pattern.find(key);
  if (at != std::string::npos) pattern.replace(at, key.size(), value);
  return pattern;
}

// "r3_3_*.natural" -> r3_3_1.natural ... r3_3_8.natural, for the rows the layout has.
std::vector<std::string> Expand(const std::string& pattern, const TableLayout& layout) {
  const size_t dot = pattern.find('.');
  const std::string row = pattern.substr(0, dot), column = pattern.substr(dot + 1);
  std::vector<std::string> ids;
  if (!row.empty() && row.back() == '*') {
    const std::string prefix = row.substr(0, row.size() - 1);
    for (const RowSpec& r : layout.rows) {
      if (std::string(r.id).compare(0, prefix.size(), prefix) == 0) {
        ids.push_back(std::string(layout.table) + "." + r.id + "." + column);
      }
    }
  } else {
    ids.push_back(std::string(layout.table) + "." + row + "." + column);
  }
  return ids;
}

const RowSpec* RowOf(std::string_view id, const TableLayout& layout, const ColumnSpec** column) {
  const size_t a = id.find('.'), b = id.rfind('.');
  if (a == std::string_view::npos || b == a) return nullptr;
  const RowSpec* row = layout.FindRow(id.substr(a + 1, b - a - 1));
  if (!row) return nullptr;
  const std::string_view column_id = id.substr(b + 1);
  for (const ColumnSpec& c : row->columns) {
    if (column_id == c.id) *column = &c;
  }
  return *column ? row : nullptr;
}

// Sides of a relation as the message shows them: "一(3) + 二(0) = 3"; long sums list only their
// non-zero terms.
std::string FormatSide(const std::vector<Term>& terms, double sum, bool zh) {
  constexpr size_t kListAll = 6;
  std::string out;
  size_t zeros = 0;
  for (const Term& t : terms) {
    const double v = t.cell->value.number;
    if (terms.size() > kListAll && v == 0) {
      ++zeros;
      continue;
    }
    if (!out.empty()) out += " + ";
    out += (zh ? t.name_zh : t.name_en) + "(" + FormatNumber(v) + ")";
  }
  if (zeros > 0) {
    if (!out.empty()) out += " + ";
    out += zh ? "其余 " + std::to_string(zeros) + " 项(均为 0)"
              : std::to_string(zeros) + " more (all 0)";
  }
  if (terms.size() > 1) out += " = " + FormatNumber(sum);
  return out;
}

// "一/自然人、二/自然人" -- or, for a long list, its first few and how many there are.
std::string NameList(const std::vector<Term>& terms, bool zh) {
  constexpr size_t kNamed = 4;
  std::string out;
  for (size_t k = 0; k < terms.size() && k < kNamed; ++k) {
    if (k) out += zh ? "、" : ", ";
    out += zh ? terms[k].name_zh : terms[k].name_en;
  }
  if (terms.size() > kNamed) {
    out += zh ? " 等 " + std::to_string(terms.size()) + " 个单元格"
              : " and " + std::to_string(terms.size() - kNamed) + " more";
  }
  return out;
}

double SumOrZero(const std::vector<Term>& terms) {
  double s = 0;
  for (const Term& t : terms) {
    if (t.cell && t.cell->value.kind == CellValue::Kind::kNumber) s += t.cell->value.number;
  }
  return s;
}

Term MakeTerm(const std::string& id, const TableLayout& layout, const CellsById& cells, Over over) {
  Term term;
  term.id = id;
  auto it = cells.find(id);
  if (it != cells.end()) term.cell = it->second;
  const ColumnSpec* column = nullptr;
  const RowSpec* row = RowOf(id, layout, &column);
  // Within a column, terms differ by row; within a row, by column.
  if (row && over == Over::kColumns) {
    term.name_zh = row->short_zh;
    term.name_en = row->short_en;
  } else if (row) {
    term.name_zh = column->short_zh;
    term.name_en = column->short_en;
  }
  return term;
}

std::vector<Term> Terms(const std::vector<std::string>& ids, const TableLayout& layout, const CellsById& cells,
                        Over over) {
  std::vector<Term> terms;
  for (const std::string& id : ids) terms.push_back(MakeTerm(id, layout, cells, over));
  return terms;
}

void InstantiateRule(const RuleDef& rule, const TableLayout& layout, std::vector<RuleInstance>* out) {
  auto side = [&](const std::vector<const char*>& patterns, const std::string& key, const std::string& value) {
    std::vector<std::string> ids;
    for (const char* p : patterns) {
      for (std::string& id : Expand(Replace(p, key, value), layout)) ids.push_back(std::move(id));
    }
    return ids;
  };
  if (rule.over == Over::kColumns) {
    for (const ColumnSpec& column : layout.rows.front().columns) {
      RuleInstance instance;
      instance.rule = &rule;
      instance.scope_zh = std::string(column.short_zh) + "列";
      instance.scope_en = std::string("column ") + column.short_en;
      instance.lhs = side(rule.lhs, "{col}", column.id);
      instance.rhs = side(rule.rhs, "{col}", column.id);
      out->push_back(std::move(instance));
    }
    return;
  }
  for (const RowSpec& row : layout.rows) {
    if (!rule.rows.empty()) {
      bool listed = false;
      for (const char* r : rule.rows) listed |= std::string(r) == row.id;
      if (!listed) continue;
    }
    RuleInstance instance;
    instance.rule = &rule;
    instance.scope_zh = layout.labelled_rows ? "“" + std::string(row.labels[0]) + "”行" : row.short_zh;
    instance.scope_en = layout.labelled_rows ? std::string("row ") + row.short_en : row.short_en;
    instance.lhs = side(rule.lhs, "{row}", row.id);
    instance.rhs = side(rule.rhs, "{row}", row.id);
    out->push_back(std::move(instance));
  }
}

double Sum(const std::vector<Term>& terms) {
  double s = 0;
  for (const Term& t : terms) s += t.cell->value.number;
  return s;
}

void AddCells(const std::vector<Term>& terms, Finding* finding) {
  for (const Term& t : terms) finding->cells.push_back(t.id);
}

}  // namespace

Finding NewFinding(const char* rule, const std::string& table) {
  const RuleSpec* spec = FindRule(rule);
  assert(spec && "every finding's rule is registered in format/rules.cc");
  Finding f;
  f.rule = rule;
  f.severity = spec ? spec->severity : Severity::kError;
  f.table = table;
  return f;
}

std::vector<const RuleDef*> ConsistencyRules() {
  std::vector<const RuleDef*> rules;
  for (const RuleSpec& rule : Rules()) {
    if (rule.kind == RuleSpec::Kind::kCalculation) rules.push_back(&rule);
  }
  return rules;
}

const ColumnSpec* ColumnOf(const std::string& id, const TableLayout& layout) {
  const ColumnSpec* column = nullptr;
  return RowOf(id, layout, &column) ? column : nullptr;
}

std::string TableNameZh(const std::string& table) {
  static const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六"};
  const int n = table.size() == 2 && table[0] == 't' ? table[1] - '0' : 0;
  return n >= 1 && n <= 6 ? std::string("表") + kNumerals[n - 1] : table;
}

std::string TableNameEn(const std::string& table) {
  return table.size() == 2 && table[0] == 't' ? std::string("table ") + table[1] : table;
}

std::string CellNameZh(const std::string& id, const TableLayout& layout) {
  const ColumnSpec* column = nullptr;
  const RowSpec* row = RowOf(id, layout, &column);
  return row ? std::string(row->short_zh) + "/" + column->short_zh : id;
}

std::string CellNameEn(const std::string& id, const TableLayout& layout) {
  const ColumnSpec* column = nullptr;
  const RowSpec* row = RowOf(id, layout, &column);
  return row ? std::string(row->short_en) + "/" + column->short_en : id;
}

namespace {

bool Applies(const RuleDef& rule, const TableLayout& layout) {
  return std::strcmp(layout.table, rule.table) == 0 &&
         (rule.version == Template::kUnknown || layout.version == rule.version);
}

// Every rule's instances for every layout it applies to: they depend on the format alone, so they
// are made once, not for each report.
const std::map<std::pair<const RuleDef*, const TableLayout*>, std::vector<RuleInstance>>& AllInstances() {
  static const auto* const instances = [] {
    auto* all = new std::map<std::pair<const RuleDef*, const TableLayout*>, std::vector<RuleInstance>>;
    for (const RuleDef* rule : ConsistencyRules()) {
      for (const TableLayout* layout : AllLayouts()) {
        if (Applies(*rule, *layout)) InstantiateRule(*rule, *layout, &(*all)[{rule, layout}]);
      }
    }
    return all;
  }();
  return *instances;
}

}  // namespace

std::vector<std::reference_wrapper<const RuleInstance>> InstantiateRules(const std::vector<TableForRules>& tables) {
  std::vector<std::reference_wrapper<const RuleInstance>> instances;
  const auto& all = AllInstances();
  for (const RuleDef* rule : ConsistencyRules()) {
    for (const TableForRules& table : tables) {
      if (!table.layout || !Applies(*rule, *table.layout)) continue;
      auto it = all.find({rule, table.layout});
      if (it == all.end()) continue;
      instances.insert(instances.end(), it->second.begin(), it->second.end());
    }
  }
  return instances;
}

namespace {

// Whether the instance can be evaluated and holds: every cell found, a number, and not read by the
// rule; the common case, told without making the names and the finding EvaluateInstance makes.
bool Holds(const RuleInstance& instance, const CellsById& cells) {
  const RuleDef& rule = *instance.rule;
  double sums[2] = {0, 0};
  const std::vector<std::string>* sides[2] = {&instance.lhs, &instance.rhs};
  for (int side = 0; side < 2; ++side) {
    for (const std::string& id : *sides[side]) {
      auto it = cells.find(id);
      if (it == cells.end()) return false;
      const Cell& cell = *it->second;
      if (cell.value.kind != CellValue::Kind::kNumber) return false;
      for (const std::string& by : cell.read_by) {
        if (by == rule.id) return false;
      }
      sums[side] += cell.value.number;
    }
  }
  return rule.relation == Relation::kEqual ? std::fabs(sums[0] - sums[1]) < 1e-9 : sums[0] >= sums[1] - 1e-9;
}

// Evaluates one instance: a failure, an unverifiable instance, or (when it holds) nothing.
void EvaluateInstance(const RuleInstance& ids, const TableLayout& layout, const CellsById& cells,
                      std::vector<Finding>* findings, Summary* summary) {
  const RuleDef& rule = *ids.rule;
  struct {
    std::string scope_zh, scope_en;
    std::vector<Term> lhs, rhs;
  } instance{ids.scope_zh, ids.scope_en, Terms(ids.lhs, layout, cells, rule.over),
             Terms(ids.rhs, layout, cells, rule.over)};
  Finding finding = NewFinding(rule.id, rule.table);
  AddCells(instance.lhs, &finding);
  AddCells(instance.rhs, &finding);
  for (const Term& t : instance.lhs) finding.subject_cells.push_back(t.id);

  // A relation that chose how run-together digits split into these cells holds by construction:
  // it was used to read them and verifies nothing.
  bool used_to_read = false;
  for (const auto* side : {&instance.lhs, &instance.rhs}) {
    for (const Term& t : *side) {
      if (t.cell && std::find(t.cell->read_by.begin(), t.cell->read_by.end(), rule.id) != t.cell->read_by.end())
        used_to_read = true;
    }
  }
  if (used_to_read) {
    ++summary->rules_unverifiable;
    finding.severity = Severity::kInfo;
    finding.status = Finding::Status::kUnverifiable;
    finding.message_zh = instance.scope_zh + "：“" + rule.description_zh + "”已用于读出连写的数字，不能再用来核对。";
    finding.message_en = "In " + instance.scope_en + ", \"" + rule.description_en +
                         "\" was used to read run-together digits, so it cannot also verify them.";
    findings->push_back(std::move(finding));
    return;
  }

  std::vector<Term> blank, not_number, missing;
  for (const auto* side : {&instance.lhs, &instance.rhs}) {
    for (const Term& t : *side) {
      if (!t.cell) missing.push_back(t);
      else if (t.cell->value.kind == CellValue::Kind::kBlank) blank.push_back(t);
      else if (t.cell->value.kind == CellValue::Kind::kNotNumber) not_number.push_back(t);
    }
  }
  if (!blank.empty() || !not_number.empty() || !missing.empty()) {
    ++summary->rules_unverifiable;
    finding.severity = Severity::kInfo;
    finding.status = Finding::Status::kUnverifiable;
    std::string why_zh, why_en;
    for (auto [terms, zh, en] : {std::make_tuple(&blank, "为空", "blank"),
                                 std::make_tuple(&not_number, "不是数字", "not a number"),
                                 std::make_tuple(&missing, "未找到", "not found")}) {
      if (terms->empty()) continue;
      for (Term& t : *terms) {
        finding.unverified_cells.push_back(t.id);
        t.name_zh = CellNameZh(t.id, layout);
        t.name_en = CellNameEn(t.id, layout);
      }
      if (!why_zh.empty()) {
        why_zh += "；";
        why_en += "; ";
      }
      why_zh += NameList(*terms, true) + zh;
      why_en += NameList(*terms, false) + (terms->size() > 1 ? " are " : " is ") + en;
    }
    finding.message_zh = instance.scope_zh + "：无法核对“" + rule.description_zh + "”：" + why_zh + "。";
    finding.message_en = "In " + instance.scope_en + ", cannot check that " + rule.description_en +
                         ": " + why_en + ".";
    // What the blanks would have to be: if the relation holds with them as 0, the report
    // probably means 0; if not, the blanks hide numbers that matter.
    if (not_number.empty() && missing.empty()) {
      const double l = SumOrZero(instance.lhs), r = SumOrZero(instance.rhs);
      const bool holds = rule.relation == Relation::kEqual ? std::fabs(l - r) < 1e-9 : l >= r - 1e-9;
      if (holds) {
        finding.message_zh += "若空白按 0 计，则成立。";
        finding.message_en += " It would hold if the blanks were 0.";
      } else {
        finding.message_zh += "即使空白按 0 计，两边也相差 " + FormatNumber(std::fabs(l - r)) + "。";
        finding.message_en += " Even with the blanks as 0 the two sides differ by " +
                              FormatNumber(std::fabs(l - r)) + ".";
      }
    }
    findings->push_back(std::move(finding));
    return;
  }

  ++summary->rules_checked;
  const double lhs = Sum(instance.lhs), rhs = Sum(instance.rhs);
  const bool holds = rule.relation == Relation::kEqual ? std::fabs(lhs - rhs) < 1e-9 : lhs >= rhs - 1e-9;
  if (holds) return;
  ++summary->rules_failed;
  finding.severity = rule.severity;
  finding.status = Finding::Status::kFailed;
  finding.actual = lhs;
  finding.expected = rhs;
  const std::string left_zh = FormatSide(instance.lhs, lhs, true);
  const std::string right_zh = FormatSide(instance.rhs, rhs, true);
  const std::string left_en = FormatSide(instance.lhs, lhs, false);
  const std::string right_en = FormatSide(instance.rhs, rhs, false);
  const std::string difference = FormatNumber(std::fabs(lhs - rhs));
  if (rule.relation == Relation::kEqual) {
    finding.message_zh = instance.scope_zh + "：" + left_zh + "，但 " + right_zh + "，相差 " + difference;
    finding.message_en = instance.scope_en + ": " + left_en + ", but " + right_en + ", a difference of " + difference;
  } else {
    finding.message_zh = instance.scope_zh + "：" + left_zh + " 小于 " + right_zh + "，少 " + difference;
    finding.message_en = instance.scope_en + ": " + left_en + " is less than " + right_en + ", by " + difference;
  }
  findings->push_back(std::move(finding));
}

}  // namespace

void EvaluateRules(const std::vector<TableForRules>& tables, const CellsById& cells,
                   std::vector<Finding>* findings, Summary* summary) {
  for (const RuleInstance& instance : InstantiateRules(tables)) {
    for (const TableForRules& table : tables) {
      if (table.layout && std::strcmp(table.table, instance.rule->table) == 0) {
        if (!Holds(instance, cells)) EvaluateInstance(instance, *table.layout, cells, findings, summary);
        else ++summary->rules_checked;
      }
    }
  }
}

void CheckCellValues(const std::vector<TableForRules>& tables, const std::vector<Cell>& cells,
                     std::vector<Finding>* findings) {
  for (const TableForRules& table : tables) {
    if (!table.layout) continue;
    const std::string prefix = std::string(table.table) + ".";
    Finding blanks = NewFinding("cell.blank", table.table);
    for (const Cell& cell : cells) {
      if (cell.id.compare(0, prefix.size(), prefix) != 0) continue;
      if (cell.value.kind == CellValue::Kind::kBlank) {
        blanks.cells.push_back(cell.id);
        continue;
      }
      if (cell.value.kind == CellValue::Kind::kNumber && cell.value.number >= 0) continue;  // nothing to say
      const ColumnSpec* column = nullptr;
      RowOf(cell.id, *table.layout, &column);
      const std::string name_zh = CellNameZh(cell.id, *table.layout);
      const std::string name_en = CellNameEn(cell.id, *table.layout);
      if (cell.value.kind == CellValue::Kind::kNotNumber) {
        Finding f = NewFinding("cell.not_number", table.table);
        f.cells = {cell.id};
        f.message_zh = name_zh + "应为数字，但填写的是“" + cell.raw + "”。";
        f.message_en = name_en + " should be a number, but holds \"" + cell.raw + "\".";
        findings->push_back(std::move(f));
      } else if (cell.value.number < 0 && !(column && column->may_be_negative)) {
        Finding f = NewFinding("cell.negative", table.table);
        f.cells = {cell.id};
        f.actual = cell.value.number;
        f.message_zh = name_zh + "为负数（" + FormatNumber(cell.value.number) + "），数量不能为负。";
        f.message_en = name_en + " is negative (" + FormatNumber(cell.value.number) + "); a count cannot be.";
        findings->push_back(std::move(f));
      }
    }
    if (!blanks.cells.empty()) {
      const std::string n = std::to_string(blanks.cells.size());
      std::string list_zh, list_en;
      constexpr size_t kNamed = 5;
      for (size_t k = 0; k < blanks.cells.size() && k < kNamed; ++k) {
        list_zh += (k ? "、" : "") + CellNameZh(blanks.cells[k], *table.layout);
        list_en += (k ? ", " : "") + CellNameEn(blanks.cells[k], *table.layout);
      }
      if (blanks.cells.size() > kNamed) {
        list_zh += " 等";
        list_en += ", ...";
      }
      blanks.message_zh = std::string(table.table) + " 有 " + n + " 个单元格空白（格式要求填 0，不留空）：" + list_zh;
      blanks.message_en = std::string(table.table) + " has " + n + " blank cell(s) (the format wants 0, not blank): " + list_en;
      findings->push_back(std::move(blanks));
    }
  }
}

}  // namespace gouji
