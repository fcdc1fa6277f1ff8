#include "map/digit_runs.h"

#include <algorithm>
#include <cstring>

#include "base/unicode.h"

namespace gouji {
namespace {

// Enumeration steps before the row is given up as too ambiguous to read (a long run of digits into
// many cells without arithmetic to cut it down).
constexpr size_t kMaxSteps = 200000;
constexpr size_t kCandidatesKept = 3;

struct Search {
  std::u32string_view digits;
  size_t n;
  // due[k]: the relations whose last position is k, checked once cell k is read.
  std::vector<std::vector<const RowRelation*>> due;
  std::vector<long long> value;
  std::vector<std::pair<size_t, size_t>> cut, found, first;  // found: the consistent one
  size_t steps = 0;
  size_t with_arithmetic = 0, without = 0;
  bool gave_up = false;
  std::vector<std::vector<std::u32string>> candidates;

  Search(std::u32string_view d, size_t cells, const std::vector<RowRelation>& relations)
      : digits(d), n(cells), due(cells), value(cells), cut(cells) {
    for (const RowRelation& rel : relations) {
      size_t last = 0;
      for (size_t p : rel.lhs) last = std::max(last, p);
      for (size_t p : rel.rhs) last = std::max(last, p);
      if (last < n) due[last].push_back(&rel);
    }
  }

  bool Holds(size_t k) const {
    for (const RowRelation* rel : due[k]) {
      long long l = 0, r = 0;
      for (size_t p : rel->lhs) l += value[p];
      for (size_t p : rel->rhs) r += value[p];
      if (l != r) return false;
    }
    return true;
  }

  // Reads cell k from position at; `consistent` is whether every relation so far holds.
  void Walk(size_t k, size_t at, bool consistent) {
    if (gave_up) return;
    if (++steps > kMaxSteps) {
      gave_up = true;
      return;
    }
    const size_t left = n - k;
    if (k == n) {
      if (at != digits.size()) return;
      if (++without == 1) first = cut;
      if (!consistent) return;
      ++with_arithmetic;
      if (with_arithmetic == 1) found = cut;
      if (candidates.size() < kCandidatesKept) {
        std::vector<std::u32string> cells;
        for (const auto& [b, e] : cut) cells.emplace_back(digits.substr(b, e - b));
        candidates.push_back(std::move(cells));
      }
      return;
    }
    const size_t rest = digits.size() - at;
    if (rest < left || rest > left * kMaxCellDigits) return;
    for (size_t len = 1; len <= kMaxCellDigits && len <= rest - (left - 1); ++len) {
      if (len > 1 && digits[at] == U'0') break;  // "05" is no cell
      long long v = 0;
      for (size_t i = at; i < at + len; ++i) v = v * 10 + (digits[i] - U'0');
      value[k] = v;
      cut[k] = {at, at + len};
      Walk(k + 1, at + len, consistent && Holds(k));
    }
  }
};

}  // namespace

std::vector<RowRelation> RowRelations(const TableLayout& layout, const std::vector<const RowSpec*>& rows,
                                      const std::vector<const ColumnSpec*>& columns) {
  std::vector<RowRelation> out;
  for (const RuleSpec& rule : Rules()) {
    if (rule.kind != RuleSpec::Kind::kCalculation || rule.over != RuleSpec::Over::kRows ||
        rule.relation != Relation::kEqual || std::strcmp(rule.table, layout.table) != 0 ||
        (rule.version != Template::kUnknown && rule.version != layout.version))
      continue;
    // Each row the rule is for, among the rows given.
    std::vector<const RowSpec*> distinct;
    for (const RowSpec* r : rows) {
      if (std::find(distinct.begin(), distinct.end(), r) == distinct.end()) distinct.push_back(r);
    }
    for (const RowSpec* row : distinct) {
      if (!rule.rows.empty() &&
          std::none_of(rule.rows.begin(), rule.rows.end(), [row](const char* id) { return std::strcmp(id, row->id) == 0; }))
        continue;
      RowRelation rel{&rule, {}, {}};
      bool complete = true;
      auto positions = [&](const std::vector<const char*>& terms, std::vector<size_t>* into) {
        for (const char* term : terms) {
          constexpr std::string_view kRow = "{row}.";
          const std::string_view t(term);
          if (t.substr(0, kRow.size()) != kRow) {
            complete = false;
            return;
          }
          const std::string_view column = t.substr(kRow.size());
          size_t k = 0;
          while (k < columns.size() && !(rows[k] == row && column == columns[k]->id)) ++k;
          if (k == columns.size()) {
            complete = false;
            return;
          }
          into->push_back(k);
        }
      };
      positions(rule.lhs, &rel.lhs);
      positions(rule.rhs, &rel.rhs);
      if (complete) out.push_back(std::move(rel));
    }
  }
  return out;
}

bool IsDigitRun(std::u32string_view text, size_t n) {
  if (n < 2 || text.size() < n) return false;
  return std::all_of(text.begin(), text.end(), [](char32_t c) { return IsAsciiDigit(c); });
}

DigitSplit SplitDigitRun(std::u32string_view digits, size_t n, const std::vector<RowRelation>& relations) {
  Search s(digits, n, relations);
  s.Walk(0, 0, true);
  DigitSplit out;
  if (s.gave_up) {
    out.readings = s.with_arithmetic;  // at least that many
    out.candidates = std::move(s.candidates);
    return out;
  }
  if (s.without == 1) {
    // One split only: the digits say how to read them; the relations are then checked as usual
    // (and an inconsistency found).
    out.cells = s.first;
    out.readings = 1;
    return out;
  }
  out.readings = s.with_arithmetic;
  if (s.with_arithmetic != 1) {
    out.candidates = std::move(s.candidates);
    return out;
  }
  out.cells = s.found;
  // The arithmetic chose among several splits: every relation of the row was used to.
  for (const RowRelation& rel : relations) {
    if (std::find(out.used.begin(), out.used.end(), rel.rule) == out.used.end()) out.used.push_back(rel.rule);
  }
  return out;
}

}  // namespace gouji
