#include "read/pdf_layout.h"

#include <algorithm>
#include <cmath>

#include "base/unicode.h"
#include "gouji/format.h"
#include "read/pdf_ruling.h"
#include "read/pdf_text_runs.h"
#include "text/labels.h"

namespace gouji {
namespace {

struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
  double height() const { return bottom - top; }
  double middle() const { return (top + bottom) / 2; }
  void Extend(const Box& b) {
    left = std::min(left, b.left), top = std::min(top, b.top);
    right = std::max(right, b.right), bottom = std::max(bottom, b.bottom);
  }
};

struct Run {
  Box box;
  std::u32string text;
};

struct CellText {
  Box box;
  std::u32string text;
  bool value = false;
};

struct Line {
  Box box;       // of the run that started it: lines do not grow into their neighbours
  std::vector<Run> runs;
  std::vector<CellText> cells;
  double height = 0;    // the median run height
};

// Text written down a column (三、/本年/度办 in a merged cell): several characters, taller than
// wide, and words, never a number (a number in a box taller than it is, as a Type 3 font gives
// it, is still written across).
bool IsVertical(const std::u32string& text, const Box& box) {
  return text.size() >= 2 && box.height() > 1.5 * (box.right - box.left) &&
         std::any_of(text.begin(), text.end(), [](char32_t c) { return IsHan(c); });
}

std::vector<Line> Lines(const PdfPage& page) {
  std::vector<Run> runs;
  for (const PdfTextItem& item : page.items) {
    std::u32string text = WithoutSpreadSpaces(Trim(FromUtf8(item.text)));
    if (text.empty() || !(item.height > 0) || !std::isfinite(item.x + item.y + item.width + item.height)) continue;
    Box box{item.x, item.y, item.x + std::max(0.0, item.width), item.y + item.height};
    // A reader's box is the font's glyph box, whatever the font declares: a Type 3 font (Chromium
    // embeds CJK fonts so) may declare 2.5 times the text, and the lines of a table would run into
    // one another. A horizontal run is as tall as its advance widths say (an em per CJK
    // character), about its middle; a vertical one keeps its box.
    const double ems = EmsOf(text);
    const bool upright = !IsVertical(text, box);
    if (upright && ems > 0 && box.right - box.left > 0) {
      const double em = (box.right - box.left) / ems;
      if (em < box.height()) {
        const double middle = box.middle();
        box.top = middle - em / 2;
        box.bottom = middle + em / 2;
      }
    }
    runs.push_back({box, std::move(text)});
  }
  std::stable_sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.box.middle() < b.box.middle(); });
  // Vertical text (三、/本年/度办 written down a merged cell: taller than wide, several characters)
  // joins the lines the other runs make; seeding lines of its own, it would pull a row's label and
  // values apart.
  const auto vertical = [](const Run& r) { return IsVertical(r.text, r.box); };
  const auto first_vertical =
      std::stable_partition(runs.begin(), runs.end(), [&](const Run& r) { return !vertical(r); });
  std::vector<Line> lines;  // in the order of their middles, up to the first vertical run's
  const auto sharing = [](const Box& line, const Box& run) {
    const double overlap = std::min(line.bottom, run.bottom) - std::max(line.top, run.top);
    return overlap >= 0.5 * std::max(line.height(), run.height()) ? overlap : 0.0;
  };
  size_t sorted_lines = 0;
  for (auto it = runs.begin(); it != runs.end(); ++it) {
    Run& run = *it;
    if (it == first_vertical) sorted_lines = lines.size();
    // The line this run shares most of its height with. Horizontal runs come in order, so it is
    // one of the last few lines; a vertical run looks among the lines whose middle lies within it
    // (found by binary search: a page of many runs must not take quadratic time).
    Line* best = nullptr;
    double best_overlap = 0;
    size_t from = lines.size() > 8 ? lines.size() - 8 : 0, to = lines.size();
    if (it >= first_vertical) {
      const auto by_middle = [](const Line& l, double y) { return l.box.middle() < y; };
      from = std::lower_bound(lines.begin(), lines.begin() + sorted_lines, run.box.top, by_middle) - lines.begin();
      to = std::lower_bound(lines.begin(), lines.begin() + sorted_lines, run.box.bottom, by_middle) - lines.begin();
    }
    for (size_t k = from; k < to; ++k) {
      const double overlap = sharing(lines[k].box, run.box);
      if (overlap > best_overlap) {
        best = &lines[k];
        best_overlap = overlap;
      }
    }
    if (!best) {
      lines.push_back({});
      best = &lines.back();
      best->box = run.box;
    }
    best->runs.push_back(std::move(run));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.box.middle() < b.box.middle(); });
  for (Line& line : lines) {
    std::sort(line.runs.begin(), line.runs.end(), [](const Run& a, const Run& b) { return a.box.left < b.box.left; });
    std::vector<double> heights;
    for (const Run& r : line.runs) heights.push_back(r.box.height());
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    line.height = heights[heights.size() / 2];
    for (const Run& r : line.runs) {
      if (line.cells.empty() || r.box.left - line.cells.back().box.right > 0.5 * line.height) {
        line.cells.push_back({r.box, r.text});
      } else {
        CellText& cell = line.cells.back();
        AppendJoined(r.text, &cell.text);
        cell.box.Extend(r.box);
      }
    }
    for (CellText& cell : line.cells) cell.value = LooksLikeValue(cell.text);
  }
  return lines;
}

// Full-width ASCII folded as NFKC would fold it ("（三）" -> "(三)"), enough to compare labels here.
std::u32string Folded(std::u32string_view text) {
  std::u32string folded;
  for (char32_t c : text) folded.push_back(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c);
  return folded;
}

// True if a cell starts with an enumerator ("一、", "（三）", "1.") and is not a value: the start
// of a row label (a wrapped label's second line does not start with one).
bool StartsLabel(const CellText& cell) {
  return !cell.value && EnumeratorLength(Folded(cell.text.substr(0, 8))) > 0;
}

// True for one of the report's six section headings ("二、主动公开政府信息情况"): a line of values
// below one is a table's first row, not the heading's values.
bool IsSectionHeading(const std::vector<const Line*>& lines) {
  if (lines.size() != 1 || lines[0]->cells.size() != 1) return false;
  const std::u32string core = CoreForm(Folded(lines[0]->cells[0].text));
  for (const SectionSpec& section : Sections()) {
    if (!core.empty() && core == CoreForm(FromUtf8(section.heading))) return true;
  }
  return false;
}

// A table row's label split where its words were spread to fill the line ("...只计这一情" "形，
// 不"): a fragment close after another text cell that starts no label of its own is the rest of it.
// The cells kept are moved down over the joined ones in one pass: erasing each joined cell would
// take time by the square of a line's cells.
void JoinLabelFragments(std::vector<CellText>* cells) {
  if (cells->empty()) return;
  size_t kept = 0;  // the last cell kept; the next ones join it or follow it
  for (size_t k = 1; k < cells->size(); ++k) {
    CellText& previous = (*cells)[kept];
    CellText& cell = (*cells)[k];
    const double em = std::min(previous.box.height(), cell.box.height());
    if (!previous.value && !cell.value && !StartsLabel(cell) && cell.box.left - previous.box.right < 0.8 * em) {
      AppendJoined(cell.text, &previous.text);
      previous.box.Extend(cell.box);
    } else if (++kept != k) {
      (*cells)[kept] = std::move(cell);
    }
  }
  cells->resize(kept + 1);
}

// The lines of one row, top to bottom, merged into its cells: a cell joins the cell it stands
// over (overlapping horizontally), or becomes a cell of its own.
std::vector<CellText> MergeRow(const std::vector<std::vector<CellText>>& lines) {
  std::vector<CellText> cells;
  for (const std::vector<CellText>& line : lines) {
    // The cells of one line stand apart, never over one another: only the lines above can hold the
    // cell a cell joins (and a line of many cells is not compared with itself, in square time).
    const size_t above = cells.size();
    for (const CellText& cell : line) {
      CellText* over = nullptr;
      for (size_t k = 0; k < above; ++k) {
        CellText& c = cells[k];
        if (std::min(c.box.right, cell.box.right) - std::max(c.box.left, cell.box.left) > 0 && c.value == cell.value) {
          over = &c;
          break;
        }
      }
      if (over) {
        AppendJoined(cell.text, &over->text);
        over->box.Extend(cell.box);
      } else {
        cells.push_back(cell);
      }
    }
  }
  std::stable_sort(cells.begin(), cells.end(), [](const CellText& a, const CellText& b) { return a.box.left < b.box.left; });
  return cells;
}

// The rows of a page's text (or of a band of it between ruled tables), appended to `grid`.
void LayOutText(const PdfPage& page, Grid* grid) {
  const std::vector<Line> lines = Lines(page);
  // Rows, top to bottom. A line starts a row, or continues the row above it:
  //  - a line of values without a label of its own continues a labelled row that has no values
  //    yet and lies right above it (values centred beside a label of two lines);
  //  - a line without values continues the row above when it is the next line of the same cell:
  //    close below it (less than 1.25 lines between them: cells may be set with double spacing), standing under one of its cells,
  //    and not the start of another label.
  struct Row {
    std::vector<const Line*> lines;
    bool labelled = false, has_values = false;
    double bottom = 0, height = 0;
    size_t cells = 0;
  };
  std::vector<Row> rows;
  for (const Line& line : lines) {
    const bool labelled = std::any_of(line.cells.begin(), line.cells.end(), StartsLabel);
    const bool has_values = std::any_of(line.cells.begin(), line.cells.end(), [](const CellText& c) { return c.value; });
    // The row it continues: the last one, or one of the two before it when the lines between
    // are fragments of other columns (a vertical group label's characters).
    Row* target = nullptr;
    for (size_t back = 1; !labelled && !target && back <= 3 && back <= rows.size(); ++back) {
      Row& above = rows[rows.size() - back];
      if (line.box.top - above.bottom >= 1.25 * std::max(line.height, above.height)) continue;
      bool join = false;
      if (has_values) {
        join = above.labelled && !above.has_values && !IsSectionHeading(above.lines);
      } else if (above.labelled && (above.has_values || above.cells > 1)) {
        // Only a table row's label continues so: header lines stay apart, each keeping its
        // column's position, and a heading keeps its line. The first cell it stands under will do:
        // a row may gather many lines.
        for (size_t k = 0; k < above.lines.size() && !join; ++k) {
          for (const CellText& mine : line.cells) {
            for (const CellText& theirs : above.lines[k]->cells) {
              join = join || std::min(mine.box.right, theirs.box.right) - std::max(mine.box.left, theirs.box.left) > 0;
            }
          }
        }
      }
      if (join) target = &above;
    }
    // A line of values led by a group's label ("（五）" beside the values of its row "3.要求提供公开
    // 出版物", which wraps above and below them) belongs to the labelled row right above it that has
    // no values yet, when its label stands in another column than that row's (left of it,
    // overlapping none of its cells): a group label, not the next row's.
    if (!target && labelled && has_values && !rows.empty()) {
      Row& above = rows.back();
      const bool close = line.box.top - above.bottom < 1.25 * std::max(line.height, above.height);
      bool left_of_its_label = true;
      for (const CellText& mine : line.cells) {
        if (mine.value) continue;
        for (const Line* theirs : above.lines) {
          for (const CellText& cell : theirs->cells) left_of_its_label = left_of_its_label && mine.box.right <= cell.box.left;
        }
      }
      if (close && left_of_its_label && above.labelled && !above.has_values && !IsSectionHeading(above.lines)) {
        target = &above;
      }
    }
    if (!target) {
      rows.push_back({});
      target = &rows.back();
    }
    Row& row = *target;
    row.lines.push_back(&line);
    row.labelled |= labelled;
    row.has_values |= has_values;
    row.bottom = std::max(row.bottom, line.box.bottom);
    row.height = std::max(row.height, line.height);
    row.cells += line.cells.size();
  }
  for (const Row& r : rows) {
    // Every row is a row of the grid, even a line of prose: which lines belong to a table is
    // for the mapper to tell, from the labels.
    std::vector<std::vector<CellText>> line_cells;
    for (const Line* line : r.lines) {
      line_cells.push_back(line->cells);
      if (r.has_values) JoinLabelFragments(&line_cells.back());
    }
    const std::vector<CellText> cells = MergeRow(line_cells);
    std::vector<GridCell> row;
    for (const CellText& c : cells) row.push_back({ToUtf8(c.text), 1, 1, (c.box.left + c.box.right) / 2});
    grid->rows.push_back(std::move(row));
  }
}

// An item's vertical middle on its page: what places it on a line, or in a band between tables.
double Middle(const PdfTextItem& item) { return item.y + item.height / 2; }

// A page number as a page's header or footer writes it: "3", "- 3 -", "— 5 —", "第 3 页",
// "第3页 共10页", "3/10", "3 / 10".
bool IsPageNumber(std::u32string_view text) {
  std::u32string t;  // without its spaces; but numbers apart ("0  0  0", a row of values) are no page number
  for (size_t k = 0; k < text.size(); ++k) {
    if (!IsSpace(text[k])) {
      t.push_back(text[k]);
      continue;
    }
    size_t next = k;
    while (next < text.size() && IsSpace(text[next])) ++next;
    if (!t.empty() && IsAsciiDigit(t.back()) && next < text.size() && IsAsciiDigit(text[next])) return false;
    k = next - 1;
  }
  size_t i = 0;
  const auto dashes = [&] {
    while (i < t.size() && std::u32string_view(U"-—–―－·").find(t[i]) != std::u32string_view::npos) ++i;
  };
  const auto digits = [&] {
    const size_t from = i;
    while (i < t.size() && IsAsciiDigit(t[i])) ++i;
    return i > from && i - from <= 4;
  };
  dashes();
  if (i < t.size() && t[i] == U'第') {
    ++i;
    if (!digits() || i >= t.size() || t[i++] != U'页') return false;
    if (i < t.size() && t[i] == U'共') {
      ++i;
      if (!digits() || i >= t.size() || t[i++] != U'页') return false;
    }
    return i == t.size();
  }
  if (!digits()) return false;
  if (i < t.size() && t[i] == U'/') {
    ++i;
    if (!digits()) return false;
  }
  dashes();
  return i == t.size();
}

// The items of a page's header and footer that are only its page number: the topmost and the
// bottommost line of the page, when that is all they say. They are the page's, not the report's,
// and must never become a table's cells (a table continued over a page break has one between its
// rows).
std::vector<bool> PageNumberItems(const PdfPage& page) {
  std::vector<bool> number(page.items.size(), false);
  if (page.items.empty()) return number;
  const auto middle = [&](size_t k) { return Middle(page.items[k]); };
  for (const bool top : {true, false}) {
    size_t edge = 0;
    for (size_t k = 1; k < page.items.size(); ++k) {
      if (top ? middle(k) < middle(edge) : middle(k) > middle(edge)) edge = k;
    }
    // The edge line: the items whose middles lie within the edge item's box.
    const PdfTextItem& e = page.items[edge];
    std::vector<size_t> line;
    std::u32string text;
    for (size_t k = 0; k < page.items.size(); ++k) {
      if (middle(k) >= e.y && middle(k) <= e.y + e.height) line.push_back(k);
    }
    std::sort(line.begin(), line.end(), [&](size_t a, size_t b) { return page.items[a].x < page.items[b].x; });
    for (size_t k : line) text += FromUtf8(page.items[k].text) + U" ";
    if (IsPageNumber(text)) {
      for (size_t k : line) number[k] = true;
    }
  }
  return number;
}

}  // namespace

Document LayOutPdf(const std::vector<PdfPage>& pages) {
  Document document;
  document.format = SourceFormat::kPdf;
  Grid grid;  // the text between ruled tables, page after page
  for (const PdfPage& page : pages) {
    std::vector<bool> used;
    std::vector<RuledTable> tables = FindRuledTables(page, &used);
    const std::vector<bool> page_number = PageNumberItems(page);
    // The rest of the page in bands: above the first table, between two, below the last.
    std::vector<PdfPage> bands(tables.size() + 1);
    for (size_t k = 0; k < page.items.size(); ++k) {
      if (used[k] || page_number[k]) continue;
      const double middle = Middle(page.items[k]);
      size_t band = 0;
      while (band < tables.size() && tables[band].top <= middle) ++band;
      bands[band].items.push_back(page.items[k]);
    }
    for (size_t b = 0; b < bands.size(); ++b) {
      LayOutText(bands[b], &grid);
      if (b == tables.size()) break;
      if (!grid.rows.empty()) document.AddTable(std::move(grid));
      grid = Grid();
      document.AddTable(std::move(tables[b].grid));
    }
  }
  if (!grid.rows.empty() || document.blocks.empty()) document.AddTable(std::move(grid));
  return document;
}

}  // namespace gouji
