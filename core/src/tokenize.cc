#include "tokenize.h"

#include "labels.h"
#include "unicode.h"

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

bool IsMarkdownRule(const Line& line) {
  bool dash = false;
  for (char32_t c : line.text) {
    if (c == U'-') dash = true;
    else if (c != U'|' && c != U':' && !IsSpace(c)) return false;
  }
  return dash;
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
  SplitRow(inner, U'|', out);
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
  if (words.size() < 2) return false;
  size_t trailing_values = 0;
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    if (!LooksLikeValue(line.text.substr(it->first, it->second - it->first))) break;
    ++trailing_values;
  }
  // One value after a label ("行政许可 6181") is a row too when the line is short; in a long line
  // it is prose that happens to end in a number.
  const size_t needed = Trim(line.text).size() <= 30 && trailing_values < words.size() ? 1 : 2;
  if (trailing_values < needed) return false;
  // The label before the values may itself contain spaces ("本年新 制作数量"): keep it one cell.
  const size_t label_words = words.size() - trailing_values;
  bool first = true;
  if (label_words > 0) {
    Token label = MakeToken(line, words.front().first, words[label_words - 1].second);
    label.row_start = true;
    first = false;
    out->push_back(std::move(label));
  }
  for (size_t w = label_words; w < words.size(); ++w) {
    Token value = MakeToken(line, words[w].first, words[w].second);
    value.row_start = first;
    first = false;
    out->push_back(std::move(value));
  }
  return true;
}

bool HasInnerTab(const Line& line) {
  std::u32string_view t = Trim(line.text);
  return t.find(U'\t') != std::u32string_view::npos;
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
  if (mostly(tab_rows)) return Flattening::kTabRows;
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

void TokenizeLines(const std::vector<Line>& lines, Flattening flattening, std::vector<Token>* out) {
  bool row_break = flattening == Flattening::kTabIndented;
  size_t empty_run = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.empty()) {
      ++empty_run;
      if (flattening == Flattening::kTabIndented) row_break = true;
      if (flattening == Flattening::kCellPerLine) {
        Token blank;
        blank.begin = blank.end = line.begin;
        out->push_back(blank);
      }
      continue;
    }
    // Spaced: one empty line separates two cells; each further pair stands for an empty cell.
    if (flattening == Flattening::kCellPerLineSpaced && empty_run >= 3 && !out->empty()) {
      for (size_t k = 0; k < (empty_run - 1) / 2; ++k) {
        Token blank;
        blank.begin = blank.end = line.begin;
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
    Token token = MakeToken(line, line.text[0] == U'\t' ? 1 : 0, line.text.size());
    token.row_start = row_break;
    row_break = false;
    out->push_back(std::move(token));
  }
}

}  // namespace

const char* FlatteningName(Flattening f) {
  switch (f) {
    case Flattening::kPipe: return "pipe";
    case Flattening::kTabRows: return "tab_rows";
    case Flattening::kTabIndented: return "tab_indented";
    case Flattening::kCellPerLine: return "cell_per_line";
    case Flattening::kCellPerLineSpaced: return "cell_per_line_spaced";
  }
  return "unknown";
}

TokenizedRegion Tokenize(const std::u32string& text, size_t begin, size_t end) {
  TokenizedRegion region;
  const std::vector<Line> lines = SplitLines(text, begin, end);
  region.flattening = Detect(lines);
  switch (region.flattening) {
    case Flattening::kPipe:
    case Flattening::kTabRows:
      for (const Line& line : lines) {
        if (line.empty()) continue;
        if (region.flattening == Flattening::kPipe) {
          if (line.text.find(U'|') != std::u32string_view::npos) PipeRow(line, &region.tokens);
          else SplitRow(line, U'\0', &region.tokens);
        } else {
          SplitRow(line, U'\t', &region.tokens);
        }
      }
      break;
    default:
      TokenizeLines(lines, region.flattening, &region.tokens);
      break;
  }
  return region;
}

}  // namespace gouji
