#include "map/map.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

#include "base/unicode.h"

namespace gouji {
namespace {

// The layout-fit score: MapTable maps a table with every layout of it (2019, 2021) and keeps the
// one that scores highest, which is how a table's version is told. The unit is a quarter of a
// placed number, so that a blank can count for less than one without fractions.
//
// A number placed is the evidence that a layout fits: its row label was found and its values fit
// the row's columns exactly.
constexpr int kScoreNumberPlaced = 4;
// A blank fits any layout (an empty 2021 row fits a 2019 row as well), so it is weak evidence: a
// quarter of a number, enough to break a tie between layouts that place the same numbers.
constexpr int kScoreBlankPlaced = 1;
// Text where a number belongs is evidence against, as strong as a number is for.
constexpr int kScoreTextPlaced = -4;
// A row whose label was found but whose values do not fit its columns is the strongest evidence
// of the wrong layout (2019 t2 rows have three columns where 2021's have one): three numbers'
// worth, so that a layout cannot win by placing a few more cells elsewhere while misfitting rows.
constexpr int kScoreRowUnplaced = -12;
// A row the layout has that the report lacks (2019's 其他对外管理服务事项 in a 2021 report): two
// numbers' worth, less than a misfit, since reports do drop rows they have nothing for.
constexpr int kScoreRowMissing = -8;
// A header word only this version prints ("本年制发件数" in 2021, "本年新制作数量" in 2019) is
// direct evidence of the version, worth two numbers: it decides between layouts that place the
// same cells, as a table of zeros and blanks does.
constexpr int kScoreVersionMarker = 8;

// A labelled table is found when at least this many of its row labels are (one label alone is too
// often a phrase of the prose that happens to match a label); a one-row layout needs its one.
constexpr size_t kMinRowsFound = 2;

// Without a recognised header, an unlabelled run of values (t4) is taken for the table only when
// at least half its cells hold something: a run of mostly empty cells is more likely the
// leftovers of some other table's layout than a table of its own.
bool MostlyFilled(size_t filled, size_t cells) { return filled * 2 >= cells; }


// Every label of a layout in its loose and core forms, computed once per layout.
struct LabelIndex {
  struct RowLabel {
    const RowSpec* row;
    const char* text;
    bool primary;  // the format's own text, not an accepted variant
    LabelForms forms;
  };
  std::vector<RowLabel> rows;
  // Each loose form of a row label, to the label an exact match of it chooses (the first primary one
  // of that form, or the first): most cells are labels as the format writes them, found here
  // without matching them against every label.
  std::unordered_map<std::u32string, const RowLabel*> exact_rows;
  std::vector<LabelForms> groups;
  std::vector<LabelForms> headers;
  std::vector<LabelForms> markers;
};

const LabelIndex& IndexOf(const TableLayout& layout) {
  static std::mutex mutex;
  static std::map<const TableLayout*, std::unique_ptr<LabelIndex>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<LabelIndex>& index = cache[&layout];
  if (!index) {
    index = std::make_unique<LabelIndex>();
    for (const RowSpec& row : layout.rows) {
      for (size_t k = 0; k < row.labels.size(); ++k) {
        index->rows.push_back({&row, row.labels[k], k == 0, FormsOf(FromUtf8(row.labels[k]))});
      }
    }
    for (const LabelIndex::RowLabel& label : index->rows) {
      if (label.forms.loose.empty()) continue;
      auto [it, added] = index->exact_rows.emplace(label.forms.loose, &label);
      if (!added && label.primary && !it->second->primary) it->second = &label;
    }
    for (const char* g : layout.group_labels) index->groups.push_back(FormsOf(FromUtf8(g)));
    for (const char* h : layout.header_labels) index->headers.push_back(FormsOf(FromUtf8(h)));
    for (const char* m : layout.version_markers) index->markers.push_back(FormsOf(FromUtf8(m)));
  }
  return *index;
}

// A row found whose `found` values do not fit its `expected` columns.
RowProblem Unplaced(const RowSpec* row, const Token* label, size_t found, size_t expected) {
  RowProblem problem;
  problem.kind = RowProblem::Kind::kUnplaced;
  problem.row = row;
  problem.label = label;
  problem.values_found = found;
  problem.values_expected = expected;
  return problem;
}

// The flattenings that mark every row and delimit every cell (a grid, '|', tabs), as against one
// cell per line, which marks neither.
bool MarksRows(Flattening f) {
  return f == Flattening::kPipe || f == Flattening::kTabRows || f == Flattening::kTabIndented ||
         f == Flattening::kColumns || f == Flattening::kGrid;
}

enum class Role { kValue, kText, kRowLabel, kGroupLabel, kHeader };

struct Classified {
  Role role = Role::kText;
  const LabelIndex::RowLabel* row_label = nullptr;
  LabelMatch match = LabelMatch::kNone;
  bool marker = false;  // a header word only this layout's version prints
};

LabelMatch BestOf(const LabelForms& forms, const std::vector<LabelForms>& labels) {
  LabelMatch best = LabelMatch::kNone;
  for (const LabelForms& label : labels) best = std::max(best, MatchLabel(forms, label));
  return best;
}

Classified Classify(const Token& token, const LabelIndex& index) {
  Classified out;
  if (LooksLikeValue(token.text)) {
    out.role = Role::kValue;
    return out;
  }
  const LabelForms forms = FormsOf(token.text);
  // An exact match is the best there is, and a row label's beats a group's or a header's.
  if (auto exact = index.exact_rows.find(forms.loose); exact != index.exact_rows.end()) {
    out.role = Role::kRowLabel;
    out.row_label = exact->second;
    out.match = LabelMatch::kExact;
    return out;
  }
  LabelMatch best_row = LabelMatch::kNone;
  for (const auto& label : index.rows) {
    const LabelMatch m = MatchLabel(forms, label.forms);
    // Between equal matches, the format's own text beats a variant.
    if (m > best_row || (m == best_row && m != LabelMatch::kNone && label.primary &&
                         !out.row_label->primary)) {
      best_row = m;
      out.row_label = &label;
    }
  }
  const LabelMatch best_group = BestOf(forms, index.groups);
  const LabelMatch best_header = BestOf(forms, index.headers);
  if (best_row != LabelMatch::kNone && best_row >= best_group && best_row >= best_header) {
    out.role = Role::kRowLabel;
    out.match = best_row;
    return out;
  }
  out.row_label = nullptr;
  if (best_group != LabelMatch::kNone && best_group >= best_header) {
    out.role = Role::kGroupLabel;
    out.match = best_group;
    return out;
  }
  if (best_header != LabelMatch::kNone) {
    out.role = Role::kHeader;
    out.match = best_header;
    for (const LabelForms& m : index.markers) {
      if (MatchLabel(forms, m) != LabelMatch::kNone) out.marker = true;
    }
    return out;
  }
  // A merged cell flattened into one: "(三)不予公开 1.属于国家秘密". The group label is a prefix.
  for (const LabelForms& group : index.groups) {
    if (forms.loose.size() <= group.loose.size() || forms.loose.compare(0, group.loose.size(), group.loose) != 0)
      continue;
    const std::u32string rest = forms.loose.substr(group.loose.size());
    for (const auto& label : index.rows) {
      if (rest == label.forms.loose) {
        out.role = Role::kRowLabel;
        out.row_label = &label;
        out.match = LabelMatch::kExact;
        return out;
      }
    }
  }
  out.role = Role::kText;
  return out;
}

class TableMapper {
 public:
  TableMapper(const TokenizedRegion& region, const TableLayout& layout)
      : tokens_(region.tokens),
        layout_(layout),
        index_(IndexOf(layout)),
        // Where the flattening marks every row, a cell of text inside a row is a cell (and not a
        // number); one cell per line marks no rows, and text there is a label's wrapped remainder
        // or a caption rather than a value.
        rows_marked_(MarksRows(region.flattening)) {
    roles_.reserve(tokens_.size());
    for (const Token& token : tokens_) roles_.push_back(Classify(token, index_));
    spans_follow_ = SpansFollow();
    out_.layout = &layout;
  }

  MappedTable Run() && {
    if (layout_.labelled_rows) MapLabelledRows();
    else MapUnlabelledRun();
    PlaceDeferred();
    Score();
    return std::move(out_);
  }

 private:
  void Extend(const Token& token) {
    if (!extent_started_) {
      out_.begin = token.begin;
      extent_started_ = true;
    }
    out_.begin = std::min(out_.begin, token.begin);
    out_.end = std::max(out_.end, token.end);
  }

  // Trims merged-cell leftovers and stray empty cells while there are more values than columns,
  // drops trailing prose, and places the values if exactly the right number remains.
  void PlaceRow(const RowSpec& row, const Token* label, std::vector<size_t> values,
                const std::string& id_prefix, size_t first_column = 0, size_t column_count = 0) {
    const size_t n = column_count ? column_count : row.columns.size();
    // Empty cells beyond the columns are merged cells' leftovers or padding: where the cells'
    // positions are known, they say which cells are the columns' (PlaceByPosition); where not, or
    // where the positions are no columns', the table's way of writing spans does (DropLeftovers).
    if (values.size() > n && HavePositions(values)) {
      if (label) {
        deferred_.push_back({&row, label, std::move(values), id_prefix, first_column, n});
        return;
      }
      if (PlaceByPosition(row, label, values, id_prefix, first_column, n)) return;
    }
    if (values.size() > n) DropLeftovers(n, &values);
    if (values.size() == n && SeparatedByEmptyLines(values)) {
      // "0 / (empty) / 0 / (empty) / 0": the empty lines may be blank cells or only the breaks
      // between cells (as pdftotext writes a table's cells as paragraphs); nothing tells which.
      out_.problems.push_back(Unplaced(&row, label, values.size(), n));
      return;
    }
    // Digits that ran onto their label are the row's cells run together; a lone number is one
    // cell (the row's other cells may have been lost), however many digits it has -- except in t4,
    // whose 15 cells no one number could be.
    if (values.size() == 1 && IsDigitRun(tokens_[values[0]].text, n) &&
        (tokens_[values[0]].run_together || (!label && n > kMaxCellDigits))) {
      PlaceDigitRun(row, label, tokens_[values[0]], id_prefix, first_column, n);
      return;
    }
    // A one-cell row's run that begins with 0 ("行政处罚000") is several cells: not this row's.
    if (values.size() == 1 && n == 1 && AllRunTogether(values) && tokens_[values[0]].text.size() >= 2 &&
        tokens_[values[0]].text[0] == U'0') {
      out_.problems.push_back(Unplaced(&row, label, values.size(), n));
      return;
    }
    if (values.size() > 1 && values.size() < n && AllRunTogether(values)) {
      PlaceDigitRuns(row, label, values, id_prefix, first_column, n);
      return;
    }
    if (values.size() > n) {
      bool only_text = true;
      for (size_t k = n; k < values.size(); ++k) {
        if (roles_[values[k]].role == Role::kValue) only_text = false;
      }
      if (only_text) values.resize(n);  // a note or caption after the row, not a cell
    }
    if (values.size() < n && !label && HavePositions(values) &&
        PlaceByPosition(row, label, values, id_prefix, first_column, n)) {
      return;  // the unlabelled run (t4): its columns' headers are all there is
    }
    if (values.size() != n && label && HavePositions(values)) {
      // Blank cells of a PDF are not drawn, and a grid may hold an empty cell between a label and
      // its values (a label's second column, left empty): place the row by its columns' positions
      // once every column's position is known.
      deferred_.push_back({&row, label, std::move(values), id_prefix, first_column, n});
      return;
    }
    if (values.size() != n) {
      out_.problems.push_back(Unplaced(&row, label, values.size(), n));
      return;
    }
    PlaceExactly(row, values, id_prefix, first_column, n);
  }

  // Places the n values in the row's columns from first_column on, in order.
  void PlaceExactly(const RowSpec& row, const std::vector<size_t>& values, const std::string& id_prefix,
                    size_t first_column, size_t n) {
    std::vector<const Token*> tokens;
    for (size_t v : values) tokens.push_back(&tokens_[v]);
    PlaceTokens(row, tokens, id_prefix, first_column, n, {}, nullptr);
  }

  void PlaceTokens(const RowSpec& row, const std::vector<const Token*>& values, const std::string& id_prefix,
                   size_t first_column, size_t n, const std::vector<const RuleSpec*>& read_by, const Token* run) {
    for (size_t k = 0; k < n; ++k) {
      const ColumnSpec& column = row.columns[first_column + k];
      const Token& token = *values[k];
      out_.cells.push_back({id_prefix + column.id, &row, &column, &token, read_by, run});
      Extend(token);
      if (token.x >= 0) {
        auto& [sum, count] = column_x_[column.id];
        sum += token.x;
        ++count;
      }
    }
  }

  // A row with more cells than columns, where the extra cells are empty: merged cells' leftovers
  // or padding. Cells of nothing at all (a flattening's placeholders) go first: at the end they pad
  // the row to the table's width, or, in one cell per line, separate it from the next row (where
  // any empty line does). Then, where the table writes a span as empty cells after the spanning
  // cell (spans_follow_), the empty cells after the label go; elsewhere the ones at the end (a last
  // value's span, padding). Text after the values is left for the caller.
  void DropLeftovers(size_t n, std::vector<size_t>* values) const {
    auto empty = [this](size_t v) { return tokens_[v].text.empty(); };
    // Exactly as many cells as the row has without its placeholders (empty lines) and the text
    // after it (left for the caller): the placeholders can be no cells, as the row would then have
    // too many -- they are breaks (pdftotext's paragraphs).
    const size_t placeholders = static_cast<size_t>(
        std::count_if(values->begin(), values->end(), [this](size_t v) { return tokens_[v].placeholder; }));
    size_t text_after = 0;
    for (auto v = values->rbegin(); v != values->rend() && !tokens_[*v].text.empty() && roles_[*v].role != Role::kValue; ++v)
      ++text_after;
    if (values->size() > n && values->size() - placeholders - text_after == n) {
      values->erase(std::remove_if(values->begin(), values->end(), [this](size_t v) { return tokens_[v].placeholder; }),
                    values->end());
      return;
    }
    while (values->size() > n && empty(values->back()) && (!rows_marked_ || tokens_[values->back()].placeholder))
      values->pop_back();
    while (values->size() > n && tokens_[values->front()].placeholder) values->erase(values->begin());
    while (spans_follow_ && values->size() > n && empty(values->front())) values->erase(values->begin());
    while (values->size() > n && empty(values->back())) values->pop_back();
  }

  // Whether the table writes a merged cell as the cell and then an empty cell for every further
  // position it covers: a header row (no numbers) with an empty cell between text and a column or
  // group heading after it ("（本列数据…）| | | 申请人情况").
  // Padding a row to the table's width puts empty cells at its end only.
  bool SpansFollow() const {
    if (!rows_marked_) return false;
    for (size_t i = 0; i < tokens_.size();) {
      size_t end = i + 1;
      while (end < tokens_.size() && !tokens_[end].row_start) ++end;
      bool numbers = false, text_seen = false, gap = false;
      for (size_t k = i; k < end; ++k) {
        const bool filled = !tokens_[k].text.empty();
        numbers |= filled && roles_[k].role == Role::kValue;
        const bool heading = roles_[k].role == Role::kHeader || roles_[k].role == Role::kGroupLabel;
        if (filled && gap && text_seen && !numbers && heading) return true;
        if (filled) text_seen = true;
        else if (text_seen) gap = true;
      }
      i = end;
    }
    return false;
  }

  // A row's cells run together over several lines ("00000" a line for each of t4's rows): the
  // runs read as one, each digit keeping its place.
  void PlaceDigitRuns(const RowSpec& row, const Token* label, const std::vector<size_t>& runs,
                      const std::string& id_prefix, size_t first_column, size_t n) {
    Token joined;
    joined.begin = tokens_[runs.front()].begin;
    joined.end = tokens_[runs.back()].end;
    joined.run_together = true;
    std::vector<size_t> at;
    for (size_t v : runs) {
      const Token& t = tokens_[v];
      for (size_t k = 0; k < t.text.size(); ++k) at.push_back(t.begin + k);
      joined.text += t.text;
    }
    out_.undrawn.push_back(std::move(joined));
    // A number ends a cell: a reading that runs a cell over two of them is none.
    std::vector<size_t> boundaries;  // offsets in the joined run where a token ends
    size_t offset = 0;
    for (size_t v : runs) boundaries.push_back(offset += tokens_[v].text.size());
    PlaceDigitRun(row, label, out_.undrawn.back(), id_prefix, first_column, n, &at, &boundaries);
  }

  // A row whose cells ran together into one run of digits: read it the one way the format
  // allows, or report the row with its readings. `at`, if given, is each digit's position (the
  // run is not one stretch of the text), and `boundaries` where its numbers end.
  void PlaceDigitRun(const RowSpec& row, const Token* label, const Token& run, const std::string& id_prefix,
                     size_t first_column, size_t n, const std::vector<size_t>* at = nullptr,
                     const std::vector<size_t>* boundaries = nullptr) {
    std::vector<const RowSpec*> rows;
    std::vector<const ColumnSpec*> columns;
    for (size_t k = 0; k < n; ++k) {
      columns.push_back(&row.columns[first_column + k]);
      rows.push_back(RowOfColumn(row, first_column + k));
    }
    const DigitSplit split = SplitDigitRun(run.text, n, RowRelations(layout_, rows, columns));
    // Where the run is several numbers, the one reading must cut at each number's end.
    bool cuts_at_boundaries = true;
    if (split.ok() && boundaries) {
      std::set<size_t> ends;
      for (const auto& cell : split.cells) ends.insert(cell.second);
      for (size_t b : *boundaries) cuts_at_boundaries &= ends.count(b) > 0;
    }
    if (!split.ok() || !cuts_at_boundaries) {
      RowProblem problem = Unplaced(&row, label, 1, n);
      problem.run = &run;
      problem.readings = split.readings;
      problem.candidates = split.candidates;
      out_.problems.push_back(std::move(problem));
      return;
    }
    std::vector<const Token*> tokens;
    for (const auto& [b, e] : split.cells) {
      Token cell;
      cell.text = run.text.substr(b, e - b);
      cell.begin = at ? (*at)[b] : run.begin + b;
      cell.end = at ? (*at)[e - 1] + 1 : run.begin + e;
      out_.undrawn.push_back(std::move(cell));
      tokens.push_back(&out_.undrawn.back());
      Extend(*tokens.back());
    }
    PlaceTokens(row, tokens, id_prefix, first_column, n, split.used, &run);
  }

  // The layout row a column of `row` belongs to: itself, or for t4's unlabelled run (all its rows'
  // columns in one), the row whose columns hold the k-th.
  const RowSpec* RowOfColumn(const RowSpec& row, size_t k) const {
    if (row.id[0] != '\0') return &row;
    for (const RowSpec& r : layout_.rows) {
      if (k < r.columns.size()) return &r;
      k -= r.columns.size();
    }
    return &row;
  }

  // One cell per line where every other line is empty, between cells that hold something: the
  // empty lines are as likely separators as blank cells.
  bool SeparatedByEmptyLines(const std::vector<size_t>& values) const {
    if (rows_marked_ || values.size() < 3 || values.size() % 2 == 0) return false;
    for (size_t k = 0; k < values.size(); ++k) {
      const Token& t = tokens_[values[k]];
      if ((k % 2 == 0) == t.text.empty()) return false;
      if (k % 2 == 1 && !t.placeholder) return false;
    }
    return true;
  }

  bool AllRunTogether(const std::vector<size_t>& values) const {
    return std::all_of(values.begin(), values.end(), [this](size_t v) {
      const Token& t = tokens_[v];
      return t.run_together && !t.text.empty() &&
             std::all_of(t.text.begin(), t.text.end(), [](char32_t c) { return IsAsciiDigit(c); });
    });
  }

  bool HavePositions(const std::vector<size_t>& values) const {
    return !values.empty() &&
           std::all_of(values.begin(), values.end(), [this](size_t v) { return tokens_[v].x >= 0; });
  }

  // Where a column stands on the page: the mean position of the values placed in it, or else its
  // header (a token before the row whose text begins the column's label: "科研机" of a wrapped
  // "科研机构"). Where a table repeats a header over each block of rows (t2's 本年处理决定数量), a
  // row's are the nearest above it: the last as many as the row has columns of that label, and the
  // k-th column of a label takes the k-th of them from the left. NaN if unknown.
  std::vector<double> ColumnCentres(const std::vector<const ColumnSpec*>& columns, size_t row_start) const {
    std::vector<std::u32string> labels;                      // each column's, loose
    std::map<std::u32string, size_t> columns_of;             // how many columns bear a label
    std::map<std::u32string, std::vector<double>> headers;   // a label -> its header tokens' x
    for (const ColumnSpec* c : columns) {
      labels.push_back(LooseForm(FromUtf8(c->label)));
      ++columns_of[labels.back()];
      headers[labels.back()];
    }
    for (size_t i = 0; i < tokens_.size() && i < row_start; ++i) {
      const Token& t = tokens_[i];
      if (t.x < 0 || roles_[i].role == Role::kValue || roles_[i].role == Role::kRowLabel) continue;
      const std::u32string loose = LooseForm(t.text);
      if (loose.size() < 2) continue;
      for (auto& [label, xs] : headers) {
        if (label.compare(0, loose.size(), loose) == 0) xs.push_back(t.x);
      }
    }
    for (auto& [label, xs] : headers) {
      const size_t wanted = columns_of[label];
      if (xs.size() > wanted) xs.erase(xs.begin(), xs.end() - static_cast<std::ptrdiff_t>(wanted));
      std::sort(xs.begin(), xs.end());
    }
    std::map<std::u32string, size_t> seen;
    std::vector<double> centres;
    for (size_t k = 0; k < columns.size(); ++k) {
      const std::vector<double>& xs = headers[labels[k]];
      const size_t nth = seen[labels[k]]++;
      auto stat = column_x_.find(columns[k]->id);
      if (stat != column_x_.end()) centres.push_back(stat->second.first / stat->second.second);
      else if (xs.size() == columns_of[labels[k]]) centres.push_back(xs[nth]);
      else centres.push_back(std::nan(""));
    }
    return centres;
  }

  // A row with fewer values than columns (a PDF does not draw blank cells), or more (an empty cell
  // that stands in no value column): each value goes to the column whose position is nearest, if
  // that is unambiguous (nearer than halfway to the next column, one value per column, in order),
  // an empty cell that stands in none is passed over, and the columns left over are blank. Without
  // every column's position, or with a cell that holds something and stands in no column, the row
  // is reported as unplaced: never guessed.
  bool PlaceByPosition(const RowSpec& row, const Token* label, const std::vector<size_t>& values,
                       const std::string& prefix, size_t first_column, size_t n) {
    std::vector<const ColumnSpec*> columns;
    for (size_t k = 0; k < n; ++k) columns.push_back(&row.columns[first_column + k]);
    const size_t row_start = label ? static_cast<size_t>(label - tokens_.data())
                                   : (values.empty() ? tokens_.size() : values.front());
    const std::vector<double> centres = ColumnCentres(columns, row_start);
    if (std::any_of(centres.begin(), centres.end(), [](double c) { return std::isnan(c); })) return false;
    // Columns stand left to right in the format's order; positions that say otherwise (a table
    // padded to one width, each merged cell once) say nothing.
    for (size_t k = 1; k < n; ++k) {
      if (!(centres[k] > centres[k - 1])) return false;
    }
    std::vector<int> slot(n, -1);
    int last = -1;
    for (size_t v = 0; v < values.size(); ++v) {
      const double x = tokens_[values[v]].x;
      size_t best = 0;
      for (size_t k = 1; k < n; ++k) {
        if (std::abs(centres[k] - x) < std::abs(centres[best] - x)) best = k;
      }
      double spacing = 1e9;
      if (best > 0) spacing = std::min(spacing, std::abs(centres[best] - centres[best - 1]));
      if (best + 1 < n) spacing = std::min(spacing, std::abs(centres[best + 1] - centres[best]));
      if (static_cast<int>(best) <= last || std::abs(centres[best] - x) >= spacing / 2) {
        if (tokens_[values[v]].text.empty()) continue;
        return false;
      }
      slot[best] = static_cast<int>(v);
      last = static_cast<int>(best);
    }
    const size_t at = label ? label->end : tokens_[values.empty() ? 0 : values.front()].begin;
    for (size_t k = 0; k < n; ++k) {
      const Token* token;
      if (slot[k] >= 0) {
        token = &tokens_[values[slot[k]]];
      } else {
        Token blank;  // a cell the PDF left blank: shown where the row starts
        blank.begin = blank.end = at;
        out_.undrawn.push_back(blank);
        token = &out_.undrawn.back();
      }
      out_.cells.push_back({prefix + columns[k]->id, &row, columns[k], token, {}, nullptr});
      Extend(*token);
    }
    return true;
  }

  void PlaceDeferred() {
    for (Deferred& d : deferred_) {
      if (PlaceByPosition(*d.row, d.label, d.values, d.prefix, d.first_column, d.n)) continue;
      if (d.values.size() > d.n) DropLeftovers(d.n, &d.values);
      if (d.values.size() == d.n) PlaceExactly(*d.row, d.values, d.prefix, d.first_column, d.n);
      else out_.problems.push_back(Unplaced(d.row, d.label, d.values.size(), d.n));
    }
    if (!deferred_.empty()) {
      // Back into the layout's reading order.
      std::stable_sort(out_.cells.begin(), out_.cells.end(), [](const PlacedCell& a, const PlacedCell& b) {
        if (a.row != b.row) return a.row < b.row;
        return a.column < b.column;
      });
    }
    deferred_.clear();
  }

  std::string Prefix(const RowSpec& row) const {
    return std::string(layout_.table) + "." + row.id + ".";
  }

  // The row label right before the row label tokens_[i], where cells are lines of their own and
  // no number stands between them -- and fewer empty lines than that row has columns, so that they
  // cannot be its blank cells. Such a row's numbers are elsewhere: the text is in content order,
  // not row order (pdftotext's, which puts a table's labels in clusters and their numbers after).
  const Token* LabelWithoutCellsBefore(size_t i) const {
    if (rows_marked_ || !tokens_[i].line_start) return nullptr;
    size_t empties = 0, k = i;
    while (k > 0 && tokens_[k - 1].text.empty()) {
      --k;
      ++empties;
    }
    if (k == 0 || roles_[k - 1].role != Role::kRowLabel) return nullptr;
    return empties < roles_[k - 1].row_label->row->columns.size() ? &tokens_[k - 1] : nullptr;
  }

  bool InContentOrder() const {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (roles_[i].role == Role::kRowLabel && LabelWithoutCellsBefore(i)) return true;
    }
    return false;
  }

  void MapLabelledRows() {
    std::set<const RowSpec*> seen;
    const RowSpec* current = nullptr;
    const Token* current_label = nullptr;
    std::u32string label_read, label_expected;  // loose forms: of the label so far, of the format's
    std::vector<size_t> values;
    // Where cells are lines of their own, a row label right after another row's with no number
    // between says the text is not in row order (pdftotext's content order puts a table's labels
    // in clusters, their numbers after): the numbers after the second label may as well be the
    // first's, so neither row is placed.
    const Token* label_before = nullptr;
    const bool content_order = InContentOrder();
    auto finish = [&] {
      const bool numbers =
          std::any_of(values.begin(), values.end(), [this](size_t v) { return !tokens_[v].text.empty(); });
      if (current && content_order && !numbers) {
        // Empty lines after a label in such a text are no evidence of blank cells.
        out_.problems.push_back(Unplaced(current, current_label, 0, current->columns.size()));
      } else if (current && label_before && !values.empty() && tokens_[values.front()].line_start) {
        RowProblem problem = Unplaced(current, current_label, values.size(), current->columns.size());
        problem.label_before = label_before;
        out_.problems.push_back(std::move(problem));
      } else if (current) {
        PlaceRow(*current, current_label, values, Prefix(*current));
      }
      current = nullptr;
      values.clear();
    };
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& token = tokens_[i];
      const Classified& role = roles_[i];
      switch (role.role) {
        case Role::kRowLabel: {
          finish();
          label_before = LabelWithoutCellsBefore(i);
          const RowSpec* row = role.row_label->row;
          if (!seen.insert(row).second) break;  // a label repeated below the table: not a row
          current = row;
          current_label = &token;
          label_read = LooseForm(token.text);
          label_expected = role.row_label->forms.loose;
          Extend(token);
          if ((role.match != LabelMatch::kExact && role.match != LabelMatch::kPrefix) || !role.row_label->primary) {
            out_.deviations.push_back({row, &token, row->labels[0], role.match});
          }
          break;
        }
        case Role::kGroupLabel:
        case Role::kHeader:
          finish();
          label_before = nullptr;
          if (role.marker) ++markers_;
          break;
        case Role::kText:
          if (!rows_marked_) {
            // The rest of a label wrapped onto the next line ("...只计这一情" / "形,不计其他情形)").
            if (current && values.empty()) {
              const std::u32string joined = label_read + LooseForm(token.text);
              if (label_expected.compare(0, joined.size(), joined) == 0) {
                label_read = joined;
                break;
              }
            }
            finish();
            break;
          }
          [[fallthrough]];
        case Role::kValue:
          // A new row of the flattening ends the current one -- unless the label stood on a line
          // of its own and this row holds its values (a label wrapped above its numbers).
          if (token.row_start && !(current && values.empty())) finish();
          if (current) values.push_back(i);
          break;
      }
    }
    finish();
    rows_found_ = seen.size();
    out_.found = rows_found_ >= kMinRowsFound || (rows_found_ == 1 && layout_.rows.size() == 1);
    if (!out_.found) return;
    // Rows whose label never appeared, in the layout's order; and the cells in that order too
    // (a report may list its rows in another).
    for (const RowSpec& row : layout_.rows) {
      if (!seen.count(&row)) {
        RowProblem problem;
        problem.row = &row;
        problem.values_expected = row.columns.size();
        out_.problems.push_back(problem);
      }
    }
    std::stable_sort(out_.cells.begin(), out_.cells.end(),
                     [](const PlacedCell& a, const PlacedCell& b) { return a.row < b.row; });
  }

  // t4: the values are one run after the last header cell, row after row of the layout.
  void MapUnlabelledRun() {
    size_t start = 0;
    bool header = false;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (roles_[i].role == Role::kHeader) {
        start = i + 1;
        header = true;
        Extend(tokens_[i]);
      }
    }
    const size_t n = static_cast<size_t>(layout_.CellCount());
    // Where the flattening shows rows, the values start on a row of their own: what is left of the
    // header's row is its merged cells' leftovers.
    bool has_rows = false;
    for (size_t i = start; i < tokens_.size(); ++i) has_rows |= tokens_[i].row_start;
    if (has_rows && header) {
      while (start < tokens_.size() && !tokens_[start].row_start && tokens_[start].text.empty()) ++start;
    }
    // The values are the first run of value cells after the header; without a recognised header
    // (two header cells run together on one line), the first run that is mostly numbers.
    std::vector<size_t> values;
    size_t non_empty = 0;
    for (size_t i = start; i < tokens_.size(); ++i) {
      if (roles_[i].role != Role::kValue) continue;
      std::vector<size_t> run;
      size_t filled = 0;
      size_t j = i;
      for (; j < tokens_.size() && roles_[j].role == Role::kValue; ++j) {
        if (tokens_[j].row_start && run.size() >= n) break;
        run.push_back(j);
        filled += !tokens_[j].text.empty();
      }
      // A row of its own with exactly the table's cells is the table too, however blank; so is
      // a line of digits that can hold them all (the cells run together).
      const bool whole_row = (rows_marked_ && run.size() == n && tokens_[run.front()].row_start &&
                              (j == tokens_.size() || tokens_[j].row_start)) ||
                             (run.size() == 1 && n > kMaxCellDigits && IsDigitRun(tokens_[run.front()].text, n));
      if (header || whole_row || MostlyFilled(filled, n)) {
        values = std::move(run);
        non_empty = filled;
        whole_row_ = whole_row;
        break;
      }
      i = j;
    }
    out_.found = header || whole_row_ || MostlyFilled(non_empty, n);
    if (!out_.found) return;
    // Placed as one row of all columns, then split into the layout's rows.
    RowSpec all;
    all.id = "";
    for (const RowSpec& row : layout_.rows) all.columns.insert(all.columns.end(), row.columns.begin(), row.columns.end());
    const size_t problems_before = out_.problems.size();
    const size_t cells_before = out_.cells.size();
    PlaceRow(all, nullptr, values, "");
    if (out_.problems.size() > problems_before) {
      out_.problems.back().row = &layout_.rows.front();
      out_.problems.back().values_expected = n;
      return;
    }
    // Give the cells their real IDs: t4.<row>.<column>, and columns that outlive `all`.
    size_t k = cells_before;
    for (const RowSpec& row : layout_.rows) {
      for (const ColumnSpec& column : row.columns) {
        out_.cells[k].id = Prefix(row) + column.id;
        out_.cells[k].row = &row;
        out_.cells[k].column = &column;
        ++k;
      }
    }
  }

  // How well the layout fits (kScore* above): the sum over placed cells, problems and version
  // markers. Only the comparison between the layouts of one table means anything.
  void Score() {
    int score = 0;
    for (const PlacedCell& cell : out_.cells) {
      if (cell.token->text.empty()) score += kScoreBlankPlaced;
      else score += LooksLikeValue(cell.token->text) ? kScoreNumberPlaced : kScoreTextPlaced;
    }
    for (const RowProblem& problem : out_.problems) {
      score += problem.kind == RowProblem::Kind::kUnplaced ? kScoreRowUnplaced : kScoreRowMissing;
    }
    out_.score = score + kScoreVersionMarker * markers_;
  }

  const std::vector<Token>& tokens_;
  const TableLayout& layout_;
  const LabelIndex& index_;
  std::vector<Classified> roles_;
  MappedTable out_;
  struct Deferred {
    const RowSpec* row;
    const Token* label;
    std::vector<size_t> values;
    std::string prefix;
    size_t first_column, n;
  };
  std::vector<Deferred> deferred_;
  // By column ID: every row of a table has its own ColumnSpecs, but "natural" is one column.
  std::map<std::string, std::pair<double, int>> column_x_;  // sum of placed x, count
  const bool rows_marked_;
  bool spans_follow_ = false;  // SpansFollow()
  bool whole_row_ = false;     // t4's values are a row of their own, of exactly its cells
  bool extent_started_ = false;
  size_t rows_found_ = 0;
  int markers_ = 0;
};

// Whether text ends with one of the layout's column labels ("…总计").
bool EndsWithColumnLabel(const TableLayout& layout, std::u32string_view text) {
  for (const RowSpec& row : layout.rows) {
    for (const ColumnSpec& column : row.columns) {
      const std::u32string label = FromUtf8(column.label);
      if (!label.empty() && text.size() >= label.size() && text.substr(text.size() - label.size()) == label) return true;
    }
  }
  return false;
}

}  // namespace

void SeparateRunTogetherLabels(TokenizedRegion* region, const std::vector<const TableLayout*>& candidates) {
  // Where the flattening delimits cells (a grid, '|', tabs), a cell is a cell: a label cell that
  // ends in a digit is a typo in the label ("6.属于四类过程性信息0"), not a value.
  if (MarksRows(region->flattening)) return;
  std::vector<Token> out;
  out.reserve(region->tokens.size());
  for (size_t i = 0; i < region->tokens.size(); ++i) {
    Token& token = region->tokens[i];
    const std::u32string& t = token.text;
    // A label whose values follow it has none run onto it: its trailing digit is its own typo.
    const bool values_follow = i + 1 < region->tokens.size() &&
                               (region->tokens[i + 1].text.empty() || LooksLikeValue(region->tokens[i + 1].text));
    // The values' end: a unit of an amount ("1821.73万元"), then digits, decimal points and commas.
    size_t digits = t.size();
    for (std::u32string_view unit : {std::u32string_view(U"万元"), std::u32string_view(U"元")}) {
      if (digits > unit.size() && std::u32string_view(t).substr(digits - unit.size()) == unit &&
          IsAsciiDigit(t[digits - unit.size() - 1])) {
        digits -= unit.size();
        break;
      }
    }
    while (digits > 0 && (IsAsciiDigit(t[digits - 1]) || t[digits - 1] == U'.' || t[digits - 1] == U',')) --digits;
    while (digits < t.size() && !IsAsciiDigit(t[digits])) ++digits;  // "…项目." keeps its point
    bool split = false;
    if (digits > 0 && digits < t.size() && !values_follow && !LooksLikeValue(t)) {
      const std::u32string_view head = Trim(std::u32string_view(t).substr(0, digits));
      Token label = token;
      label.text = std::u32string(head);
      for (const TableLayout* layout : candidates) {
        const LabelIndex& index = IndexOf(*layout);
        const Classified whole = Classify(token, index), part = Classify(label, index);
        // The label part must be a row label at least as well as the whole is one (a tolerant
        // match can take "行政事业性收费0" for its label).
        if (part.role == Role::kRowLabel && (whole.role != Role::kRowLabel || part.match >= whole.match)) split = true;
        // A table without row labels (t4): its digits run onto its last header ("…总计000000000000000").
        if (!layout->labelled_rows && EndsWithColumnLabel(*layout, head) &&
            IsDigitRun(std::u32string_view(t).substr(digits), 2))
          split = true;
      }
      if (split) {
        Token values;
        values.text = t.substr(digits);
        values.begin = token.begin + digits;
        values.end = token.end;
        values.x = token.x;
        values.run_together = true;
        label.end = token.begin + label.text.size();  // the token's text starts at its begin
        out.push_back(std::move(label));
        out.push_back(std::move(values));
      }
    }
    if (!split) out.push_back(std::move(token));
  }
  // Where a row's digits stand on a line of their own ("一、本年新收…" then "4000004"), a number
  // alone on its line that begins with 0 ("0000000") is no one cell: this table's cells ran
  // together, and so every number of two digits or more alone on its line is a row's cells run
  // together, read as those split off a label are. Numbers between spaces are cells as written.
  auto digits_alone = [](const Token& t) { return t.alone && IsDigitRun(t.text, 2); };
  if (std::any_of(out.begin(), out.end(), [&](const Token& t) { return digits_alone(t) && t.text[0] == U'0'; })) {
    for (Token& t : out) t.run_together |= digits_alone(t);
  }
  region->tokens = std::move(out);
}

MappedTable MapTable(const TokenizedRegion& region, const std::vector<const TableLayout*>& candidates) {
  MappedTable best;
  bool have = false;
  for (const TableLayout* layout : candidates) {
    MappedTable mapped = TableMapper(region, *layout).Run();
    if (!mapped.found) continue;
    if (!have || mapped.score > best.score) {
      best = std::move(mapped);
      have = true;
    }
  }
  if (!have && !candidates.empty()) best.layout = candidates.front();
  return best;
}

}  // namespace gouji
