#include "check/fix.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace gouji {
namespace {

constexpr double kTolerance = 1e-6;

// One evaluable instance as a linear relation over the cells: Σ coefficient·value (lhs − rhs)
// = 0, or ≥ 0 for "at least".
struct Equation {
  bool equality = true;
  double residual = 0;                     // Σ coefficient·value as the report has them
  std::vector<std::pair<int, int>> terms;  // (candidate index or -1 for a cell that may not change, ±1)
};

struct Candidate {
  const Cell* cell = nullptr;
  const ColumnSpec* column = nullptr;
  std::vector<int> equations;  // the equations it appears in
};

struct Problem {
  std::vector<Candidate> candidates;
  std::vector<Equation> equations;
  std::vector<int> failing;
};

bool Holds(const Equation& e, double residual) {
  return e.equality ? std::fabs(residual) < kTolerance : residual >= -kTolerance;
}

int CoefficientOf(const Equation& e, int candidate) {
  int a = 0;
  for (const auto& [index, coefficient] : e.terms) a += index == candidate ? coefficient : 0;
  return a;
}

const TableLayout* LayoutOf(const std::vector<TableForRules>& tables, const std::string& table) {
  for (const TableForRules& t : tables) {
    if (table == t.table) return t.layout;
  }
  return nullptr;
}

// The evaluable instances as equations over the cells they read; an instance with a cell that is
// blank, text or missing, or that was used to read run-together digits, constrains nothing.
Problem MakeProblem(const std::vector<TableForRules>& tables, const CellsById& cells) {
  Problem p;
  for (const RuleInstance& instance : InstantiateRules(tables)) {
    const TableLayout* layout = LayoutOf(tables, instance.rule->table);
    Equation e;
    e.equality = instance.rule->relation == Relation::kEqual;
    bool evaluable = true;
    for (const auto& [side, sign] : {std::make_pair(&instance.lhs, 1), std::make_pair(&instance.rhs, -1)}) {
      for (const std::string& id : *side) {
        auto it = cells.find(id);
        const Cell* cell = it == cells.end() ? nullptr : it->second;
        if (!cell || cell->value.kind != CellValue::Kind::kNumber ||
            std::find(cell->read_by.begin(), cell->read_by.end(), instance.rule->id) != cell->read_by.end()) {
          evaluable = false;
          break;
        }
        e.residual += sign * cell->value.number;
        int k = -1;
        if (cell->read_by.empty()) {
          // A linear search: a report has some 200 cells (a map is more code in the browser's build).
          for (size_t c = 0; c < p.candidates.size() && k < 0; ++c) {
            if (p.candidates[c].cell == cell) k = static_cast<int>(c);
          }
          if (k < 0) {
            k = static_cast<int>(p.candidates.size());
            p.candidates.push_back({cell, ColumnOf(id, *layout), {}});
          }
        }
        e.terms.emplace_back(k, sign);
      }
      if (!evaluable) break;
    }
    if (!evaluable) continue;
    const int n = static_cast<int>(p.equations.size());
    for (const auto& [k, coefficient] : e.terms) {
      if (k >= 0 && (p.candidates[k].equations.empty() || p.candidates[k].equations.back() != n)) {
        p.candidates[k].equations.push_back(n);
      }
    }
    if (!Holds(e, e.residual)) p.failing.push_back(n);
    p.equations.push_back(std::move(e));
  }
  return p;
}

// Whether a cell can hold `value`: a count is whole, and not negative unless its column allows it.
bool CanHold(const Candidate& c, double value) {
  const bool amount = c.column && c.column->amount;
  if (!amount && std::fabs(value - std::round(value)) > kTolerance) return false;
  return value >= -kTolerance || (c.column && c.column->may_be_negative);
}

// Whether changing the candidates by `deltas` makes every equation they appear in hold, and covers
// every failing equation.
bool MakesAllHold(const Problem& p, const std::vector<std::pair<int, double>>& deltas) {
  std::vector<int> touched;
  for (const auto& [k, d] : deltas) touched.insert(touched.end(), p.candidates[k].equations.begin(), p.candidates[k].equations.end());
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  for (int f : p.failing) {
    if (!std::binary_search(touched.begin(), touched.end(), f)) return false;
  }
  for (int n : touched) {
    const Equation& e = p.equations[n];
    double residual = e.residual;
    for (const auto& [k, d] : deltas) residual += CoefficientOf(e, k) * d;
    if (!Holds(e, residual)) return false;
  }
  return true;
}

std::vector<CellChange> Changes(const Problem& p, const std::vector<std::pair<int, double>>& deltas) {
  std::vector<CellChange> changes;
  for (const auto& [k, d] : deltas) {
    const Cell& cell = *p.candidates[k].cell;
    double to = cell.value.number + d;
    if (!(p.candidates[k].column && p.candidates[k].column->amount)) to = std::round(to);
    changes.push_back({cell.id, cell.value.number, to});
  }
  return changes;
}

// Every change of one cell that makes every rule hold. The value is the one the failing equality
// it appears in needs; a cell in failing "at least" relations only has no one value to take.
std::vector<std::vector<CellChange>> OneCellFixes(const Problem& p) {
  std::vector<std::vector<CellChange>> fixes;
  for (const auto& [k, unused] : p.equations[p.failing.front()].terms) {
    if (k < 0) continue;
    const Candidate& c = p.candidates[k];
    std::optional<double> delta;
    for (int n : c.equations) {
      const Equation& e = p.equations[n];
      const int a = CoefficientOf(e, k);
      if (e.equality && a != 0 && !Holds(e, e.residual)) {
        delta = -e.residual / a;
        break;
      }
    }
    if (!delta || std::fabs(*delta) < kTolerance || !CanHold(c, c.cell->value.number + *delta)) continue;
    if (MakesAllHold(p, {{k, *delta}})) fixes.push_back(Changes(p, {{k, *delta}}));
  }
  return fixes;
}

// Every change of two cells that makes every rule hold, with neither change alone doing it. One of
// the two is in the first failing equation; the two values solve two independent equalities among
// those the cells appear in. Where every such equality is the same one up to sign, the two cells
// can trade any amount: there are more fixes than one, counted as two.
std::vector<std::vector<CellChange>> TwoCellFixes(const Problem& p, int* families) {
  std::vector<std::vector<CellChange>> fixes;
  const int n = static_cast<int>(p.candidates.size());
  std::vector<bool> tried(static_cast<size_t>(n) * n, false);  // by the pair's smaller index, then larger
  for (const auto& [first, unused] : p.equations[p.failing.front()].terms) {
    if (first < 0) continue;
    for (int second = 0; second < n; ++second) {
      if (second == first) continue;
      const size_t pair = static_cast<size_t>(std::min(first, second)) * n + std::max(first, second);
      if (tried[pair]) continue;
      tried[pair] = true;
      // Each failing equation must have one of them in it.
      bool covers = true;
      for (int f : p.failing) {
        const Equation& e = p.equations[f];
        covers &= CoefficientOf(e, first) != 0 || CoefficientOf(e, second) != 0;
      }
      if (!covers) continue;
      std::vector<int> shared = p.candidates[first].equations;
      shared.insert(shared.end(), p.candidates[second].equations.begin(), p.candidates[second].equations.end());
      std::sort(shared.begin(), shared.end());
      shared.erase(std::unique(shared.begin(), shared.end()), shared.end());
      // a·d1 + b·d2 = −r for each equality; take the first two that are independent.
      const Equation* u = nullptr;
      const Equation* v = nullptr;
      for (int k : shared) {
        const Equation& e = p.equations[k];
        if (!e.equality) continue;
        if (!u) {
          u = &e;
        } else if (CoefficientOf(*u, first) * CoefficientOf(e, second) -
                       CoefficientOf(*u, second) * CoefficientOf(e, first) != 0) {
          v = &e;
          break;
        }
      }
      if (!u) continue;
      if (!v) {
        // One relation between them, up to sign: if it is consistent and both cells are in it, any
        // split of the difference does.
        const int a = CoefficientOf(*u, first), b = CoefficientOf(*u, second);
        bool consistent = a != 0 && b != 0;
        for (int k : shared) {
          const Equation& e = p.equations[k];
          if (!e.equality) continue;
          const int s = CoefficientOf(e, first) == a ? 1 : -1;
          consistent &= std::fabs(e.residual - s * u->residual) < kTolerance;
        }
        *families += consistent;
        continue;
      }
      const double a1 = CoefficientOf(*u, first), b1 = CoefficientOf(*u, second);
      const double a2 = CoefficientOf(*v, first), b2 = CoefficientOf(*v, second);
      const double det = a1 * b2 - b1 * a2;
      const double d1 = (-u->residual * b2 + v->residual * b1) / det;
      const double d2 = (-v->residual * a1 + u->residual * a2) / det;
      if (std::fabs(d1) < kTolerance || std::fabs(d2) < kTolerance) continue;
      if (!CanHold(p.candidates[first], p.candidates[first].cell->value.number + d1) ||
          !CanHold(p.candidates[second], p.candidates[second].cell->value.number + d2))
        continue;
      std::vector<std::pair<int, double>> deltas = {{first, d1}, {second, d2}};
      std::sort(deltas.begin(), deltas.end(), [&](const auto& x, const auto& y) {
        return p.candidates[x.first].cell->id < p.candidates[y.first].cell->id;
      });
      if (MakesAllHold(p, deltas)) fixes.push_back(Changes(p, deltas));
    }
  }
  return fixes;
}

// "表三 一/自然人"
std::string Name(const CellChange& change, const std::vector<TableForRules>& tables, bool zh) {
  const std::string table = change.cell.substr(0, change.cell.find('.'));
  const TableLayout* layout = LayoutOf(tables, table);
  if (!layout) return change.cell;
  return zh ? TableNameZh(table) + " " + CellNameZh(change.cell, *layout)
            : TableNameEn(table) + " " + CellNameEn(change.cell, *layout);
}

}  // namespace

FixSearch FindSmallestFix(const std::vector<TableForRules>& tables, const CellsById& cells) {
  FixSearch search;
  const Problem p = MakeProblem(tables, cells);
  if (p.failing.empty()) return search;
  search.size_searched = 1;
  std::vector<std::vector<CellChange>> fixes = OneCellFixes(p);
  int families = 0;
  if (fixes.empty()) {
    search.size_searched = 2;
    fixes = TwoCellFixes(p, &families);
  }
  search.alternatives = static_cast<int>(fixes.size()) + 2 * families;
  if (search.alternatives == 1) search.fix = std::move(fixes.front());
  else search.fix = std::nullopt;
  return search;
}

std::optional<Finding> DescribeFix(const FixSearch& search, const std::vector<TableForRules>& tables) {
  if (search.size_searched == 0) return std::nullopt;
  Finding f = NewFinding("fix.suggested", "");
  if (search.fix) {
    std::string zh, en;
    for (const CellChange& c : *search.fix) {
      f.cells.push_back(c.cell);
      if (f.table.empty()) f.table = c.cell.substr(0, c.cell.find('.'));
      zh += (zh.empty() ? "" : "，") + Name(c, tables, true) + " 为 " + FormatNumber(c.to) + "（而非 " +
            FormatNumber(c.from) + "）";
      en += (en.empty() ? "" : " and ") + Name(c, tables, false) + " were " + FormatNumber(c.to) + " (not " +
            FormatNumber(c.from) + ")";
    }
    f.message_zh = "若 " + zh + "，所有规则均成立。";
    f.message_en = "If " + en + ", every rule would hold.";
    return f;
  }
  const std::string size = std::to_string(search.size_searched);
  if (search.alternatives > 1) {
    f.message_zh = "没有唯一的最小修改：改动 " + size + " 个单元格就能使所有规则成立的改法不止一种（至少 " +
                   std::to_string(search.alternatives) + " 种），无法确定该改哪里。";
    f.message_en = "No unique smallest fix: more than one change of " + size + (search.size_searched == 1 ? " cell" : " cells") +
                   " (" + std::to_string(search.alternatives) +
                   " at least) makes every rule hold, so which one is wrong cannot be told.";
  } else {
    f.message_zh = "改动一两个单元格不能使所有规则成立（或应改成的值不止一个）：错处可能不止两处。";
    f.message_en = "No change of one or two cells to one value makes every rule hold: more than two cells may be wrong.";
  }
  return f;
}

}  // namespace gouji
