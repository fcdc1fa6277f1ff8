#include "read/pdf_ruling.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

#include "base/unicode.h"
#include "read/pdf_text_runs.h"

namespace gouji {
namespace {

// How near two lines may be drawn and still be one, and how near a line must come to another to
// meet it: pdfplumber's default snap, join and intersection tolerance, 3 pt. A border is 0.5 to
// 1.5 pt wide and a cell of a report's table at least a line of 9-pt text high, so it parts a
// border drawn twice from two borders, whatever made the PDF.
constexpr double kTolerance = 3;

// Pages drawn with more lines than this (hatching, a chart) are not read for tables: meeting every
// horizontal line with every vertical one would take too long, and no report table has so many.
constexpr size_t kMaxRules = 4000;

struct Rule {  // horizontal (pos is y) or vertical (pos is x), from `from` to `to` along it
  double pos, from, to;
};

// The pieces of each line joined: lines at nearly one position whose extents meet are one line,
// at the mean of its pieces' positions. (Lines of two tables at nearly one position stay apart,
// each where it is drawn.)
std::vector<Rule> Join(std::vector<Rule> rules) {
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.pos < b.pos; });
  std::vector<Rule> out;
  for (size_t i = 0; i < rules.size();) {
    size_t j = i;
    while (j < rules.size() && rules[j].pos - rules[i].pos <= kTolerance) ++j;
    std::sort(rules.begin() + i, rules.begin() + j, [](const Rule& a, const Rule& b) { return a.from < b.from; });
    Rule current = rules[i];
    double sum = current.pos;
    int pieces = 1;
    const auto flush = [&] {
      current.pos = sum / pieces;
      out.push_back(current);
    };
    for (size_t k = i + 1; k < j; ++k) {
      if (rules[k].from <= current.to + kTolerance) {
        current.to = std::max(current.to, rules[k].to);
        sum += rules[k].pos;
        ++pieces;
      } else {
        flush();
        current = rules[k];
        sum = current.pos;
        pieces = 1;
      }
    }
    flush();
    i = j;
  }
  return out;
}

bool Meet(const Rule& h, const Rule& v) {
  return v.pos >= h.from - kTolerance && v.pos <= h.to + kTolerance && h.pos >= v.from - kTolerance &&
         h.pos <= v.to + kTolerance;
}

// The positions of some lines, sorted, those within the tolerance of one another as one.
std::vector<double> Positions(const std::vector<const Rule*>& rules) {
  std::vector<double> all;
  for (const Rule* r : rules) all.push_back(r->pos);
  std::sort(all.begin(), all.end());
  std::vector<double> out;
  for (double p : all) {
    if (out.empty() || p - out.back() > kTolerance) out.push_back(p);
  }
  return out;
}

// Adds to the positions of the lines one way (sorted) where the lines the other way end beyond
// them: an edge of the table that is not drawn.
void ExtendToEnds(const std::vector<const Rule*>& across, std::vector<double>* positions) {
  double first = positions->front(), last = positions->back();
  for (const Rule* r : across) first = std::min(first, r->from), last = std::max(last, r->to);
  if (first < positions->front() - kTolerance) positions->insert(positions->begin(), first);
  if (last > positions->back() + kTolerance) positions->push_back(last);
}

// Whether a line at `pos` runs from a to b: a border between two cells of the lattice (its ends,
// where it meets the lines across, are not asked for).
bool Drawn(const std::vector<const Rule*>& rules, double pos, double a, double b) {
  for (const Rule* r : rules) {
    if (std::fabs(r->pos - pos) <= kTolerance && r->from <= a + kTolerance && r->to >= b - kTolerance) return true;
  }
  return false;
}

struct Sets {  // union-find
  std::vector<int> parent;
  explicit Sets(size_t n) : parent(n) {
    for (size_t i = 0; i < n; ++i) parent[i] = static_cast<int>(i);
  }
  int Find(int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void Union(int a, int b) { parent[Find(a)] = Find(b); }
};

// The index of the band [edges[k], edges[k + 1]) that holds v, clamped to the bands there are.
int Band(const std::vector<double>& edges, double v) {
  const int k = static_cast<int>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin()) - 1;
  return std::clamp(k, 0, static_cast<int>(edges.size()) - 2);
}

struct Piece {  // a run's text, or the part of it that falls in one cell
  double top, bottom, left;
  std::u32string text;
};

// A cell's text: its pieces in lines, top to bottom, each line left to right, joined.
std::u32string CellText(std::vector<Piece> pieces) {
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const Piece& a, const Piece& b) { return a.top + a.bottom < b.top + b.bottom; });
  std::vector<std::vector<Piece>> lines;
  double line_top = 0, line_bottom = 0;
  for (Piece& p : pieces) {
    const double middle = (p.top + p.bottom) / 2;
    if (lines.empty() || middle > line_bottom || middle < line_top) {
      lines.emplace_back();
      line_top = p.top;
      line_bottom = p.bottom;
    }
    lines.back().push_back(std::move(p));
  }
  std::u32string text;
  for (std::vector<Piece>& line : lines) {
    std::stable_sort(line.begin(), line.end(), [](const Piece& a, const Piece& b) { return a.left < b.left; });
    for (const Piece& p : line) AppendJoined(p.text, &text);
  }
  return text;
}

// One table: the lattice its lines make, its merged cells, and the text in each.
RuledTable ReadTable(const std::vector<const Rule*>& horizontal, const std::vector<const Rule*>& vertical,
                     const std::vector<double>& xs, const std::vector<double>& ys, const PdfPage& page,
                     std::vector<bool>* used) {
  const int rows = static_cast<int>(ys.size()) - 1, columns = static_cast<int>(xs.size()) - 1;
  const auto id = [columns](int r, int c) { return r * columns + c; };
  Sets merged(static_cast<size_t>(rows * columns));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      if (c + 1 < columns && !Drawn(vertical, xs[c + 1], ys[r], ys[r + 1])) merged.Union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !Drawn(horizontal, ys[r + 1], xs[c], xs[c + 1])) merged.Union(id(r, c), id(r + 1, c));
    }
  }
  // Each merged cell's extent; one that is not a rectangle (borders drawn oddly) is taken apart
  // again into its lattice cells, never stretched over cells it does not hold.
  struct Extent {
    int r0 = INT_MAX, r1 = -1, c0 = INT_MAX, c1 = -1, count = 0;
  };
  std::map<int, Extent> extents;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      Extent& e = extents[merged.Find(id(r, c))];
      e.r0 = std::min(e.r0, r), e.r1 = std::max(e.r1, r), e.c0 = std::min(e.c0, c), e.c1 = std::max(e.c1, c);
      ++e.count;
    }
  }
  std::vector<int> owner(static_cast<size_t>(rows * columns));  // the cell that heads each lattice cell's merged cell
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      const Extent& e = extents[merged.Find(id(r, c))];
      const bool rectangle = e.count == (e.r1 - e.r0 + 1) * (e.c1 - e.c0 + 1);
      owner[id(r, c)] = rectangle ? id(e.r0, e.c0) : id(r, c);
    }
  }

  std::map<int, std::vector<Piece>> text;  // by owner
  for (size_t k = 0; k < page.items.size(); ++k) {
    const PdfTextItem& item = page.items[k];
    if ((*used)[k]) continue;  // in a table found before
    if (!(item.height > 0) || !std::isfinite(item.x + item.y + item.width + item.height)) continue;
    const double left = item.x, right = item.x + std::max(0.0, item.width);
    const double top = item.y, bottom = item.y + item.height, middle = (top + bottom) / 2;
    const double centre = (left + right) / 2;
    if (middle < ys.front() || middle > ys.back() || centre < xs.front() || centre > xs.back()) continue;
    (*used)[k] = true;
    const std::u32string run = WithoutSpreadSpaces(Trim(FromUtf8(item.text)));
    if (run.empty()) continue;
    const int r = Band(ys, middle);
    // A run that crosses a border is split there: each character where its share of the run's
    // width puts it.
    Piece piece{top, bottom, left, {}};
    int piece_column = -1;
    for (size_t i = 0; i < run.size(); ++i) {
      const double x = left + (right - left) * (static_cast<double>(i) + 0.5) / static_cast<double>(run.size());
      const int c = Band(xs, x);
      if (c != piece_column && !piece.text.empty()) {
        text[owner[id(r, piece_column)]].push_back(piece);
        piece = {top, bottom, x, {}};
      }
      piece_column = c;
      piece.text.push_back(run[i]);
    }
    if (!piece.text.empty()) text[owner[id(r, piece_column)]].push_back(std::move(piece));
  }

  RuledTable table;
  table.left = xs.front(), table.right = xs.back(), table.top = ys.front(), table.bottom = ys.back();
  table.grid.rows.resize(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      const int head = owner[id(r, c)];
      if (head != id(r, c)) continue;  // covered by a merged cell above or beside it
      const Extent& e = extents[merged.Find(head)];
      const bool rectangle = e.count == (e.r1 - e.r0 + 1) * (e.c1 - e.c0 + 1);
      const int r1 = rectangle ? e.r1 : r, c1 = rectangle ? e.c1 : c;
      auto it = text.find(head);
      GridCell cell;
      cell.text = it == text.end() ? "" : ToUtf8(CellText(std::move(it->second)));
      cell.row_span = r1 - r + 1;
      cell.col_span = c1 - c + 1;
      // No position (x stays -1): the lattice knows each cell's column, as an HTML table does.
      table.grid.rows[r].push_back(std::move(cell));
    }
  }
  return table;
}

}  // namespace

std::vector<RuledTable> FindRuledTables(const PdfPage& page, std::vector<bool>* used) {
  used->assign(page.items.size(), false);
  std::vector<Rule> h, v;
  for (const PdfSegment& s : page.segments) {
    if (!std::isfinite(s.x0 + s.y0 + s.x1 + s.y1)) continue;
    const double dx = std::fabs(s.x1 - s.x0), dy = std::fabs(s.y1 - s.y0);
    if (dy <= kTolerance && dx > kTolerance) h.push_back({(s.y0 + s.y1) / 2, std::min(s.x0, s.x1), std::max(s.x0, s.x1)});
    else if (dx <= kTolerance && dy > kTolerance) v.push_back({(s.x0 + s.x1) / 2, std::min(s.y0, s.y1), std::max(s.y0, s.y1)});
  }
  if (h.size() + v.size() > kMaxRules) return {};
  const std::vector<Rule> horizontal = Join(std::move(h)), vertical = Join(std::move(v));

  // Lines that meet make one table.
  Sets tables(horizontal.size() + vertical.size());
  for (size_t i = 0; i < horizontal.size(); ++i) {
    for (size_t j = 0; j < vertical.size(); ++j) {
      if (Meet(horizontal[i], vertical[j])) tables.Union(static_cast<int>(i), static_cast<int>(horizontal.size() + j));
    }
  }
  std::map<int, std::pair<std::vector<const Rule*>, std::vector<const Rule*>>> lines_of;
  for (size_t i = 0; i < horizontal.size(); ++i) lines_of[tables.Find(static_cast<int>(i))].first.push_back(&horizontal[i]);
  for (size_t j = 0; j < vertical.size(); ++j) {
    lines_of[tables.Find(static_cast<int>(horizontal.size() + j))].second.push_back(&vertical[j]);
  }

  std::vector<RuledTable> found;
  for (const auto& [root, lines] : lines_of) {
    std::vector<double> xs = Positions(lines.second), ys = Positions(lines.first);
    if (xs.empty() || ys.empty()) continue;
    // The lines across reach the table's edge where an edge is not drawn: the top of a table
    // continued from the page before (a browser draws no border there), a table open at its sides.
    ExtendToEnds(lines.first, &xs);
    ExtendToEnds(lines.second, &ys);
    if (xs.size() < 3 || ys.size() < 3) continue;  // a frame or an underline, not a table of two rows and columns
    found.push_back(ReadTable(lines.first, lines.second, xs, ys, page, used));
  }
  std::sort(found.begin(), found.end(), [](const RuledTable& a, const RuledTable& b) { return a.top < b.top; });
  return found;
}

}  // namespace gouji
