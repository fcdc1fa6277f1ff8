#include "text/tokenize.h"

#include <algorithm>

#include "base/unicode.h"
#include "text/labels.h"

namespace gouji {
namespace {

struct Line {
  size_t begin;  // normalised position of the first character
  size_t end;    // of the line break (or the region's end)
  std::u32string_view text;
  bool empty() const { return text.empty(); }
  bool blank() const { return Trim(text).empty(); }
};

std::vector<Line> SplitLines(const std::u32string& text, size_t begin, size_t end) {
  std::vector<Line> lines;
  size_t start = begin;
  for (size_t i = begin; i <= end; ++i) {
    if (i == end || text[i] == U'\n') {
      if (i > start || i < end) {
        lines.push_back({start, i, std::u32string_view(text).substr(start, i - start)});
      }
      start = i + 1;
    }
  }
  return lines;
}

Token MakeToken(const Line& line, size_t from, size_t to) {
  std::u32string_view cell = line.text.substr(from, to - from);
  std::u32string_view trimmed = Trim(cell);
  Token token;
  token.text = std::u32string(trimmed);
  if (trimmed.empty()) {
    // A blank cell spans its white space, so that it can be shown where it is.
    token.begin = line.begin + from;
    token.end = line.begin + to;
    token.placeholder = cell.empty();
  } else {
    token.begin = line.begin + from + static_cast<size_t>(trimmed.data() - cell.data());
    token.end = token.begin + trimmed.size();
  }
  return token;
}

// Splits a line at every `separator`, one token per cell.
void SplitRow(const Line& line, char32_t separator, std::vector<Token>* out) {
  size_t from = 0;
  bool first = true;
  for (size_t i = 0; i <= line.text.size(); ++i) {
    if (i == line.text.size() || line.text[i] == separator) {
      Token token = MakeToken(line, from, i);
      token.row_start = first;
      first = false;
      out->push_back(std::move(token));
      from = i + 1;
    }
  }
}

// A table's ruling line: Markdown's "| --- | :-: |", a grid table's "+-----+-----+" and its
// header's "+=====+", a text browser's box drawing (folded to '-' and '|' by normalisation).
bool IsMarkdownRule(const Line& line) {
  bool dash = false;
  for (char32_t c : line.text) {
    if (c == U'-' || c == U'=') dash = true;
    else if (c != U'|' && c != U':' && c != U'+' && !IsSpace(c)) return false;
  }
  return dash;
}

// Markdown's emphasis around a whole cell ("**申请人情况**", as converters write a <b> or <th>) is
// no part of the cell's text.
void StripEmphasis(Token* token) {
  for (const std::u32string_view mark : {std::u32string_view(U"**"), std::u32string_view(U"__"),
                                         std::u32string_view(U"*"), std::u32string_view(U"_")}) {
    const std::u32string& t = token->text;
    if (t.size() > 2 * mark.size() && t.compare(0, mark.size(), mark) == 0 &&
        t.compare(t.size() - mark.size(), mark.size(), mark) == 0) {
      token->text = std::u32string(Trim(std::u32string_view(t).substr(mark.size(), t.size() - 2 * mark.size())));
      token->begin += mark.size();
      token->end -= mark.size();
      return;
    }
  }
}

void PipeRow(const Line& line, std::vector<Token>* out) {
  if (IsMarkdownRule(line)) return;
  // The border pipes of "| a | b |" open and close the row; they do not delimit empty cells.
  std::u32string_view text = line.text;
  size_t b = 0, e = text.size();
  while (b < e && IsSpace(text[b])) ++b;
  while (e > b && IsSpace(text[e - 1])) --e;
  if (b < e && text[b] == U'|') ++b;
  if (e > b && text[e - 1] == U'|') --e;
  Line inner{line.begin + b, line.begin + e, text.substr(b, e - b)};
  const size_t first = out->size();
  SplitRow(inner, U'|', out);
  for (size_t k = first; k < out->size(); ++k) StripEmphasis(&(*out)[k]);
}

// "规章 0 0 0" or "0 0 0 0": a row whose cells are separated by spaces. Recognised only when at
// least two values end the line, so that prose with a number in it stays one cell.
bool SplitSpacedRow(const Line& line, std::vector<Token>* out) {
  std::vector<std::pair<size_t, size_t>> words;
  size_t i = 0;
  while (i < line.text.size()) {
    while (i < line.text.size() && IsSpace(line.text[i])) ++i;
    const size_t start = i;
    while (i < line.text.size() && !IsSpace(line.text[i])) ++i;
    if (i > start) words.emplace_back(start, i);
  }
  // An amount's unit apart from its number ("821.73 万元", as a PDF viewer's copy spaces the runs)
  // is the number's.
  if (words.size() >= 3) {
    const auto& unit = words.back();
    const std::u32string_view u = line.text.substr(unit.first, unit.second - unit.first);
    const auto& number = words[words.size() - 2];
    if ((u == U"万元" || u == U"元") && IsAsciiDigit(line.text[number.second - 1])) {
      words[words.size() - 2].second = unit.second;
      words.pop_back();
    }
  }
  if (words.size() < 2) return false;
  size_t trailing_values = 0;
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (!LooksLikeValue(line.text.substr(it->first, it->second - it->first))) break;
    ++trailing_values;
  }
  // One value after a label ("行政许可 6181", or far to its right as a PDF's layout puts it) is a
  // row too when the line has few words; in a long line it is prose that ends in a number.
  size_t visible = 0;
  for (char32_t c : line.text) visible += !IsSpace(c);
  const size_t needed = visible <= 30 && trailing_values < words.size() ? 1 : 2;
  if (trailing_values < needed) return false;
  // The label before the values may itself contain spaces ("本年新 制作数量"): keep it one cell --
  // but where a text laid out by position (pdftotext -layout) puts a column's text before it, two
  // spaces or more stand between them ("无法提   2.没有现成信息需要另行制作"): cells apart.
  const size_t label_words = words.size() - trailing_values;
  // Laid out by position when the values stand two spaces or more apart, and from the label.
  bool laid_out = label_words > 0;
  for (size_t w = label_words; w < words.size() && laid_out; ++w) laid_out = words[w].first - words[w - 1].second >= 2;
  bool first = true;
  for (size_t w = 0; w < label_words;) {
    size_t end = w + 1;
    while (end < label_words && (!laid_out || words[end].first - words[end - 1].second < 2)) ++end;
    Token label = MakeToken(line, words[w].first, words[end - 1].second);
    label.row_start = first;
    label.line_start = first;
    first = false;
    out->push_back(std::move(label));
    w = end;
  }
  for (size_t w = label_words; w < words.size(); ++w) {
    Token value = MakeToken(line, words[w].first, words[w].second);
    value.row_start = first;
    value.line_start = first;
    first = false;
    out->push_back(std::move(value));
  }
  return true;
}

bool HasInnerTab(const Line& line) {
  std::u32string_view t = Trim(line.text);
  return t.find(U'\t') != std::u32string_view::npos;
}

// A line of white space holding a tab: where a table's cells hold paragraphs (as a Word document
// pasted into a CMS writes every cell), a browser's copy puts the tab between two cells on a line
// of its own, between the cells' paragraphs.
bool IsLoneTab(const Line& line) {
  return !line.empty() && Trim(line.text).empty() && line.text.find(U'\t') != std::u32string_view::npos;
}

// Such a copy has more lone tabs than lines led by one (in a copy of one cell per tab-led line,
// lone tabs are its empty cells).
bool IsTabParagraphs(const std::vector<Line>& lines) {
  size_t lone = 0, led = 0, between_empty = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (IsLoneTab(line)) {
      ++lone;
      // The paragraphs' breaks stand around it (a line that is only a tab where a text has an
      // empty line is no such copy).
      between_empty += i > 0 && i + 1 < lines.size() && lines[i - 1].blank() && lines[i + 1].blank();
    } else if (!line.empty() && line.text[0] == U'\t') {
      ++led;
    }
  }
  return lone >= 3 && lone > led && between_empty * 2 > lone;
}

// The rows of a copy whose cells hold paragraphs, each as the span of its lines: a tab joins the
// lines around it into one row; two lines with no tab between them are one cell's lines (a <br>)
// if neither holds a tab and no empty line stands between them, and else two rows.
std::vector<Line> TabParagraphRows(const std::u32string_view text, const std::vector<Line>& lines) {
  std::vector<Line> rows;
  const Line* open = nullptr;  // the row's first line
  const Line* last = nullptr;  // its last line with text or a tab
  bool tab_since = false, empty_since = false;
  auto close = [&] {
    if (open) rows.push_back({open->begin, last->end, text.substr(open->begin, last->end - open->begin)});
    open = last = nullptr;
  };
  for (const Line& line : lines) {
    const bool lone = IsLoneTab(line);
    if (line.blank() && !lone) {
      empty_since = true;
      continue;
    }
    const bool has_tab = line.text.find(U'\t') != std::u32string_view::npos;
    if (open && !lone && !tab_since && line.text[0] != U'\t') {
      const bool last_has_tab = last->text.find(U'\t') != std::u32string_view::npos;
      const bool last_ends_tab = !last->text.empty() && last->text.back() == U'\t';
      if (!last_ends_tab && (empty_since || has_tab || last_has_tab)) close();
    }
    if (!open) open = &line;
    last = &line;
    tab_since = lone;
    empty_since = false;
  }
  close();
  return rows;
}

Flattening Detect(const std::vector<Line>& lines) {
  size_t pipe = 0, tab_rows = 0, tab_indented = 0, nonempty = 0, spaced = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.empty()) continue;
    ++nonempty;
    if (line.text.find(U'|') != std::u32string_view::npos) ++pipe;
    if (HasInnerTab(line)) ++tab_rows;
    else if (line.text[0] == U'\t') ++tab_indented;
    if (i + 2 < lines.size() && lines[i + 1].empty() && !lines[i + 2].empty()) ++spaced;
  }
  // A table is a few rows at least; prose around it may hold a stray '|' or tab.
  auto mostly = [nonempty](size_t lines) { return lines >= 2 && lines * 10 >= nonempty * 3; };
  if (mostly(pipe)) return Flattening::kPipe;
  if (mostly(tab_rows) || IsTabParagraphs(lines)) return Flattening::kTabRows;
  if (tab_indented >= 3 && tab_indented * 2 >= nonempty) return Flattening::kTabIndented;
  if (nonempty >= 4 && spaced * 10 >= nonempty * 6) return Flattening::kCellPerLineSpaced;
  return Flattening::kCellPerLine;
}

// A header cell split over two lines continues on a short line without the indenting tab.
bool ContinuesCell(const Line& line, const std::vector<Token>& tokens) {
  if (tokens.empty() || tokens.back().text.empty() || LooksLikeValue(tokens.back().text)) return false;
  std::u32string_view t = Trim(line.text);
  return !t.empty() && t.size() <= 16 && !LooksLikeValue(t);
}

// "-3-", "— 3 —": a page number that a copy from a PDF leaves between a table's rows.
bool IsPageNumber(const Line& line) {
  std::u32string_view t = Trim(line.text);
  if (t.size() < 3 || t.size() > 9) return false;
  auto dash = [](char32_t c) { return c == U'-' || c == U'—' || c == U'–'; };
  if (!dash(t.front()) || !dash(t.back())) return false;
  std::u32string_view inner = Trim(t.substr(1, t.size() - 2));
  if (inner.empty()) return false;
  for (char32_t c : inner) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// A header row laid out with runs of spaces between short cells, as a PDF's text puts it
// ("信息内容      本年制发件数     本年废止件数"): split at runs of two or more spaces.
bool SplitLaidOutHeader(const Line& line, std::vector<Token>* out) {
  std::vector<std::pair<size_t, size_t>> cells;
  size_t i = 0;
  const std::u32string_view t = line.text;
  while (i < t.size()) {
    while (i < t.size() && IsSpace(t[i])) ++i;
    const size_t start = i;
    while (i < t.size() && !(IsSpace(t[i]) && i + 1 < t.size() && IsSpace(t[i + 1])) &&
           !(IsSpace(t[i]) && i + 1 == t.size()))
      ++i;
    size_t end = i;
    while (end > start && IsSpace(t[end - 1])) --end;
    if (end > start) cells.emplace_back(start, end);
  }
  if (cells.size() < 3) return false;
  for (const auto& [b, e] : cells) {
    if (e - b > 14 || LooksLikeValue(t.substr(b, e - b))) return false;
  }
  bool first = true;
  for (const auto& [b, e] : cells) {
    Token token = MakeToken(line, b, e);
    token.row_start = first;
    first = false;
    out->push_back(std::move(token));
  }
  return true;
}

void TokenizeLines(const std::vector<Line>& lines, Flattening flattening, std::vector<Token>* out) {
  // Where rows stand on lines of their own ("规章 0 0 0"), an empty line separates rows; only in a
  // flattening of one cell per line can it be an empty cell.
  size_t spaced_rows = 0;
  for (const Line& line : lines) {
    std::vector<Token> scratch;
    if (!line.empty() && SplitSpacedRow(line, &scratch)) ++spaced_rows;
  }
  const bool empty_line_is_cell = flattening == Flattening::kCellPerLine && spaced_rows < 2;
  bool row_break = flattening == Flattening::kTabIndented;
  size_t empty_run = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (IsPageNumber(line)) continue;
    if (line.empty()) {
      ++empty_run;
      if (flattening == Flattening::kTabIndented) row_break = true;
      if (empty_line_is_cell) {
        Token blank;  // nothing at all in it: where a row has too many cells, the first to go
        blank.begin = blank.end = line.begin;
        blank.placeholder = true;
        out->push_back(blank);
      }
      continue;
    }
    // Spaced: one empty line separates two cells; each further pair stands for an empty cell.
    if (flattening == Flattening::kCellPerLineSpaced && empty_run >= 3 && !out->empty()) {
      for (size_t k = 0; k < (empty_run - 1) / 2; ++k) {
        Token blank;
        blank.begin = blank.end = line.begin;
        blank.placeholder = true;
        out->push_back(blank);
      }
    }
    empty_run = 0;
    if (flattening == Flattening::kTabIndented && line.text[0] != U'\t' && !row_break &&
        ContinuesCell(line, *out)) {
      Token& previous = out->back();
      std::u32string_view t = Trim(line.text);
      previous.text += std::u32string(t);
      previous.end = line.begin + static_cast<size_t>(t.data() - line.text.data()) + t.size();
      continue;
    }
    const size_t before = out->size();
    if (SplitSpacedRow(line, out)) {
      row_break = true;  // the spaced row ends here
      if (before < out->size()) (*out)[before].row_start = true;
      continue;
    }
    if (SplitLaidOutHeader(line, out)) {
      row_break = true;
      continue;
    }
    Token token = MakeToken(line, line.text[0] == U'\t' ? 1 : 0, line.text.size());
    token.row_start = row_break;
    token.line_start = true;
    token.alone = true;
    row_break = false;
    out->push_back(std::move(token));
  }
}

// A table ruled between every two rows (a text browser's box drawing, a grid table) wraps a cell
// over several lines between two rules. Such a table opens with a rule (its top border), which a
// Markdown table never does, and has rules between its rows.
bool IsRuledBetweenRows(const std::vector<Line>& lines) {
  size_t rules = 0;
  bool opens_with_rule = false, seen_pipe = false;
  for (const Line& line : lines) {
    // A grid table's rule ("+----+") counts without a '|'; a line of dashes alone (a heading's
    // underline) is no rule of a table.
    const bool piped = line.text.find(U'|') != std::u32string_view::npos;
    const bool rule = IsMarkdownRule(line) && (piped || line.text.find(U'+') != std::u32string_view::npos);
    if (!rule && !piped) continue;
    if (!seen_pipe) opens_with_rule = rule;
    seen_pipe = true;
    rules += rule;
  }
  return opens_with_rule && rules >= 4;
}

// In a table ruled between its rows, a rule under some cells only: the cells left of it span
// several rows and go on across it ("|   | （ |------|------|", w3m's rowspans), so their text
// runs down through the rules. The rule ends the row; the spanning cells' text on it (a vertical
// group label's character) is no cell of either row.
bool IsPartialRule(const Line& line) {
  size_t ruled = 0;
  size_t from = 0;
  for (size_t i = 0; i <= line.text.size(); ++i) {
    if (i < line.text.size() && line.text[i] != U'|') continue;
    // A rule runs from border to border ("|------|"); "| -- |" is a cell that says it is blank.
    const std::u32string_view cell = line.text.substr(from, i - from);
    from = i + 1;
    if (cell.size() < 2) continue;
    bool dashes = true;
    for (char32_t c : cell) dashes &= c == U'-' || c == U'=' || c == U'+';
    ruled += dashes;
  }
  return ruled > 0;
}

// In a table ruled between its rows, a line after the row's first holds the rest of its wrapped
// cells: each joins the cell above. False (nothing joined) if the line has not the row's cells.
bool JoinWrappedLine(const Line& line, const std::pair<size_t, size_t>& row, std::vector<Token>* tokens) {
  std::vector<Token> cells;
  PipeRow(line, &cells);
  const auto& [first, end] = row;
  if (cells.size() != end - first) return false;
  for (size_t k = 0; k < cells.size(); ++k) {
    Token& cell = (*tokens)[first + k];
    if (cells[k].text.empty()) continue;
    if (cell.text.empty()) {
      const bool row_start = cell.row_start;
      cell = cells[k];
      cell.row_start = row_start;
    } else {
      cell.text += cells[k].text;
      cell.end = cells[k].end;
    }
  }
  return true;
}

// A table written on its expanded grid -- every position a merged cell covers an empty cell, as
// Markdown converters and spreadsheets write it -- has rows of one width, and there a cell's index
// in its row is its column: the header labels' indices then say where each column stands, and a
// row is placed by them (Token::x) rather than by dropping empty cells, which could drop the wrong
// ones. Rows of different widths (each merged cell once) say nothing of columns: no positions.
// Lines of one cell (a page footer, a caption) are not rows of the grid.
void GiveGridColumns(const std::vector<std::pair<size_t, size_t>>& rows, std::vector<Token>* tokens) {
  size_t width = 0, grid_rows = 0;
  for (const auto& [first, end] : rows) {
    const size_t n = end - first;
    if (n < 2) continue;
    if (width && n != width) return;
    width = n;
    ++grid_rows;
  }
  if (grid_rows < 3 || width < 3) return;
  for (const auto& [first, end] : rows) {
    if (end - first < 2) continue;
    for (size_t k = first; k < end; ++k) (*tokens)[k].x = static_cast<double>(k - first);
  }
}

// --- Tables laid out in columns under a dashed rule ("----- ------ ---", pandoc's simple and
// multiline tables): the rule's dash runs say where each column stands, in display columns (a CJK
// character two wide, as the converter counts it); a line's characters are its columns' by where
// they stand, so a blank cell is a column with nothing under it. Widths are the source's: NFKC
// made the full-width "（一）" of a label "(一)", narrower than the converter laid it out.

// A column rule: two dash runs or more, apart by spaces, and nothing else. Each run's [start, end)
// in display columns.
bool ColumnRule(const Line& line, const std::vector<uint8_t>* widths, std::vector<std::pair<size_t, size_t>>* columns) {
  columns->clear();
  size_t at = 0;
  size_t i = line.begin;
  bool in_run = false;
  for (char32_t c : line.text) {
    if (c == U'-') {
      if (!in_run) columns->push_back({at, at});
      in_run = true;
      columns->back().second = at + 1;
    } else if (c == U' ') {
      in_run = false;
    } else {
      return false;
    }
    at += widths ? (*widths)[i] : 1;
    ++i;
  }
  if (columns->size() < 2) return false;
  for (const auto& [b, e] : *columns) {
    if (e - b < 3) return false;  // "- -" is a list's, not a table's
  }
  return true;
}

// The tokens of the table whose rule is lines[first], up to its closing rule (or the region's
// end): one token per column of each row, Token::x its column; a row is a line, or where empty
// lines part the rows (a multiline table), the lines between two empty ones, each cell its
// column's text on them run together. Returns the line after the table.
size_t TokenizeColumns(const std::vector<Line>& lines, size_t first, const std::vector<uint8_t>* widths,
                       std::vector<Token>* out) {
  std::vector<std::pair<size_t, size_t>> columns, rule;
  ColumnRule(lines[first], widths, &columns);
  size_t end = first + 1;
  bool empty_between = false;
  for (; end < lines.size(); ++end) {
    if (ColumnRule(lines[end], widths, &rule)) break;
    if (lines[end].blank() && end + 1 < lines.size() && !lines[end + 1].blank() && end > first + 1) empty_between = true;
  }
  auto column_at = [&](size_t x) {
    size_t k = 0;
    while (k + 1 < columns.size() && x >= columns[k + 1].first) ++k;
    return k;
  };
  std::vector<Token> row;
  auto flush = [&] {
    bool any = false;
    for (const Token& t : row) any |= !t.text.empty();
    if (any) {
      for (size_t k = 0; k < row.size(); ++k) {
        row[k].row_start = k == 0;
        row[k].x = static_cast<double>(k);
        StripEmphasis(&row[k]);
        out->push_back(std::move(row[k]));
      }
    }
    row.clear();
  };
  for (size_t i = first + 1; i < end; ++i) {
    const Line& line = lines[i];
    if (line.blank()) {
      if (empty_between) flush();
      continue;
    }
    if (row.empty()) {
      row.resize(columns.size());
      for (Token& t : row) t.begin = t.end = line.begin;
    }
    // Each column's piece of the line: the characters that stand from its start to the next's.
    std::vector<std::pair<size_t, size_t>> pieces(columns.size(), {0, 0});
    size_t x = 0;
    for (size_t k = 0; k < line.text.size(); ++k) {
      const char32_t c = line.text[k];
      if (!IsSpace(c)) {
        auto& piece = pieces[column_at(x)];
        if (piece.first == piece.second) piece.first = k;
        piece.second = k + 1;
      }
      x += widths ? (*widths)[line.begin + k] : DisplayWidth(c);
    }
    for (size_t k = 0; k < columns.size(); ++k) {
      const auto& [b, e] = pieces[k];
      if (b == e) continue;
      Token& cell = row[k];
      if (cell.text.empty()) cell.begin = line.begin + b;
      cell.text += std::u32string(line.text.substr(b, e - b));
      cell.end = line.begin + e;
    }
    if (!empty_between) flush();
  }
  flush();
  return end < lines.size() ? end + 1 : end;
}

// Whether the region holds a table under a column rule, with a row under the rule at least.
bool HasColumnRule(const std::vector<Line>& lines, const std::vector<uint8_t>* widths) {
  std::vector<std::pair<size_t, size_t>> columns;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (ColumnRule(lines[i], widths, &columns) && columns.size() >= 3) return true;
  }
  return false;
}

}  // namespace

const char* FlatteningName(Flattening f) {
  switch (f) {
    case Flattening::kPipe: return "pipe";
    case Flattening::kTabRows: return "tab_rows";
    case Flattening::kTabIndented: return "tab_indented";
    case Flattening::kCellPerLine: return "cell_per_line";
    case Flattening::kCellPerLineSpaced: return "cell_per_line_spaced";
    case Flattening::kColumns: return "columns";
    case Flattening::kGrid: return "grid";
  }
  return "unknown";
}

TokenizedRegion Tokenize(const std::u32string& text, size_t begin, size_t end, const std::vector<uint8_t>* widths) {
  TokenizedRegion region;
  const std::vector<Line> lines = SplitLines(text, begin, end);
  if (HasColumnRule(lines, widths)) {
    // The tables under their rules by their columns; the lines around them as lines.
    region.flattening = Flattening::kColumns;
    std::vector<std::pair<size_t, size_t>> columns;
    std::vector<Line> other;
    for (size_t i = 0; i < lines.size();) {
      if (ColumnRule(lines[i], widths, &columns)) {
        if (!other.empty()) TokenizeLines(other, Detect(other), &region.tokens);
        other.clear();
        i = TokenizeColumns(lines, i, widths, &region.tokens);
      } else {
        other.push_back(lines[i++]);
      }
    }
    if (!other.empty()) TokenizeLines(other, Detect(other), &region.tokens);
    return region;
  }
  region.flattening = Detect(lines);
  switch (region.flattening) {
    case Flattening::kPipe:
    case Flattening::kTabRows: {
      std::vector<std::pair<size_t, size_t>> rows;  // each line's tokens: [first, end)
      const bool ruled = region.flattening == Flattening::kPipe && IsRuledBetweenRows(lines);
      const bool paragraphs = region.flattening == Flattening::kTabRows && IsTabParagraphs(lines);
      bool after_rule = true;
      for (const Line& line : paragraphs ? TabParagraphRows(text, lines) : lines) {
        if (line.empty()) {
          after_rule = true;  // tables apart
          continue;
        }
        if (region.flattening == Flattening::kPipe && (IsMarkdownRule(line) || (ruled && IsPartialRule(line)))) {
          after_rule = true;
          continue;
        }
        if (ruled && !after_rule && !rows.empty() && line.text.find(U'|') != std::u32string_view::npos &&
            JoinWrappedLine(line, rows.back(), &region.tokens))
          continue;
        after_rule = false;
        const size_t first = region.tokens.size();
        if (region.flattening == Flattening::kPipe) {
          if (line.text.find(U'|') != std::u32string_view::npos) PipeRow(line, &region.tokens);
          else SplitRow(line, U'\0', &region.tokens);
        } else {
          SplitRow(line, U'\t', &region.tokens);
          // Between tabs an empty cell has nothing in it however it came about: no cell is a
          // placeholder, as none can be told from a blank cell. A cell of several lines (its
          // paragraphs) is their text run together.
          for (size_t k = first; k < region.tokens.size(); ++k) {
            Token& token = region.tokens[k];
            token.placeholder = false;
            token.text.erase(std::remove(token.text.begin(), token.text.end(), U'\n'), token.text.end());
          }
        }
        rows.emplace_back(first, region.tokens.size());
      }
      GiveGridColumns(rows, &region.tokens);
      break;
    }
    default:
      TokenizeLines(lines, region.flattening, &region.tokens);
      break;
  }
  return region;
}


TokenizedRegion TokenizeGrid(const std::u32string& text, const std::vector<GridRowSpan>& rows) {
  TokenizedRegion region;
  region.flattening = Flattening::kGrid;
  for (const GridRowSpan& row : rows) {
    bool first = true;
    for (const auto& [begin, end, x] : row.cells) {
      const std::u32string_view cell = std::u32string_view(text).substr(begin, end - begin);
      const std::u32string_view trimmed = Trim(cell);
      Token token;
      token.text = std::u32string(trimmed);
      token.begin = trimmed.empty() ? begin : begin + static_cast<size_t>(trimmed.data() - cell.data());
      token.end = trimmed.empty() ? end : token.begin + trimmed.size();
      token.row_start = first;
      token.x = x;
      first = false;
      region.tokens.push_back(std::move(token));
    }
  }
  return region;
}

}  // namespace gouji
