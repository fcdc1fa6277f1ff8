#include "text/markup.h"

#include <utility>

#include "base/unicode.h"

namespace gouji {
namespace {

// A line's characters still kept: [begin, end) of the normalised text. Taking a frame away keeps
// a line's middle, so what is left of a line is always one range.
struct LineRange {
  size_t begin;
  size_t end;
};

class Stripper {
 public:
  explicit Stripper(const std::u32string& text) : text_(text), drop_(text.size(), false) {
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == U'\n') {
        lines_.push_back({start, i});
        start = i + 1;
      }
    }
  }

  void Frames() { FramesIn(0, lines_.size(), 0); }

  void Inline() {
    for (const std::vector<size_t>& run : Runs()) InlineIn(run);
  }

  const std::vector<bool>& dropped() const { return drop_; }

 private:
  // The first and last characters of a line that are not spaces, or npos.
  size_t FirstVisible(const LineRange& l) const {
    for (size_t i = l.begin; i < l.end; ++i) {
      if (!IsSpace(text_[i])) return i;
    }
    return std::u32string::npos;
  }
  size_t LastVisible(const LineRange& l) const {
    for (size_t i = l.end; i > l.begin; --i) {
      if (!IsSpace(text_[i - 1])) return i - 1;
    }
    return std::u32string::npos;
  }

  // "+-----+" (or "+=====+", a header's): one column's rule. Its '+' at `at` from the line's start.
  bool IsFrameRule(const LineRange& l, size_t* at) const {
    if (GridRuleJoints(l) != 2) return false;
    const size_t first = FirstVisible(l);
    if (LastVisible(l) <= first + 1) return false;  // "++" rules nothing
    *at = first - l.begin;
    return true;
  }

  // "| … |" with its first '|' at `at`: a line between a frame's rules.
  bool IsFrameLine(const LineRange& l, size_t at) const {
    const size_t first = FirstVisible(l), last = LastVisible(l);
    return first != std::u32string::npos && first - l.begin == at && last > first && text_[first] == U'|' &&
           text_[last] == U'|';
  }

  void DropRange(size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) drop_[i] = true;
  }

  // Lines [from, to): every one-column frame among them taken away, and then those inside it.
  void FramesIn(size_t from, size_t to, int depth) {
    if (depth > 8) return;  // frames in frames in ... : no page nests deeper
    for (size_t i = from; i < to; ++i) {
      size_t at = 0;
      if (!IsFrameRule(lines_[i], &at)) continue;
      // The frame: rows of frame lines, each row closed by a rule of the same column.
      size_t end = i, k = i + 1;
      while (k < to) {
        size_t row_end = k;
        while (row_end < to && IsFrameLine(lines_[row_end], at)) ++row_end;
        size_t rule_at = 0;
        if (row_end == k || row_end == to || !IsFrameRule(lines_[row_end], &rule_at) || rule_at != at) break;
        end = row_end;
        k = row_end + 1;
      }
      if (end == i) continue;  // a rule that closes nothing: no frame
      for (size_t r = i; r <= end; ++r) {
        LineRange& line = lines_[r];
        size_t rule_at = 0;
        if (IsFrameRule(line, &rule_at)) {
          DropRange(line.begin, line.end);
          line.end = line.begin;
          continue;
        }
        // "| " opens the line; the padding before the closing '|' and what follows it close it.
        size_t open = FirstVisible(line) + 1;
        if (open < line.end && IsSpace(text_[open])) ++open;
        size_t close = LastVisible(line);
        while (close > open && IsSpace(text_[close - 1])) --close;
        DropRange(line.begin, open);
        DropRange(close, line.end);
        line = {open, close};
      }
      FramesIn(i + 1, end, depth + 1);
      i = end;
    }
  }

  static bool IsAsciiPunctuation(char32_t c) {
    return (c >= U'!' && c <= U'/') || (c >= U':' && c <= U'@') || (c >= U'[' && c <= U'`') ||
           (c >= U'{' && c <= U'~');
  }

  // A grid table's ruling line ("+-----+-----+", "+=====+====+"): how many '+' it has, or 0.
  size_t GridRuleJoints(const LineRange& l) const {
    const size_t first = FirstVisible(l), last = LastVisible(l);
    if (first == std::u32string::npos || last == first || text_[first] != U'+' || text_[last] != U'+') return 0;
    size_t joints = 0;
    for (size_t i = first; i <= last; ++i) {
      const char32_t c = text_[i];
      if (c == U'+') ++joints;
      else if (c != U'-' && c != U'=' && c != U':') return 0;
    }
    return joints;
  }

  // The '|' that delimit a grid row's cells on one line (an escaped "\|" is text), if the line is
  // such a row of `joints` - 1 cells.
  bool GridCellBorders(const LineRange& l, size_t joints, std::vector<size_t>* borders) const {
    borders->clear();
    const size_t first = FirstVisible(l), last = LastVisible(l);
    if (first == std::u32string::npos || text_[first] != U'|' || text_[last] != U'|') return false;
    for (size_t i = first; i <= last; ++i) {
      if (text_[i] == U'|' && (i == 0 || text_[i - 1] != U'\\')) borders->push_back(i);
    }
    return borders->size() == joints;
  }

  // What the inline markup is read over: a line's characters, or -- in a grid table, whose cells
  // wrap over the lines of their row -- a cell's pieces on those lines, one after another.
  std::vector<std::vector<size_t>> Runs() const {
    std::vector<std::vector<size_t>> runs;
    auto line_run = [&](const LineRange& l) {
      std::vector<size_t> run;
      for (size_t i = l.begin; i < l.end; ++i) run.push_back(i);
      runs.push_back(std::move(run));
    };
    std::vector<size_t> borders;
    for (size_t i = 0; i < lines_.size();) {
      const size_t joints = GridRuleJoints(lines_[i]);
      size_t row_end = i + 1;
      while (joints >= 2 && row_end < lines_.size() && GridCellBorders(lines_[row_end], joints, &borders)) ++row_end;
      if (joints < 2 || row_end == i + 1 || row_end == lines_.size() || GridRuleJoints(lines_[row_end]) == 0) {
        line_run(lines_[i]);
        ++i;
        continue;
      }
      std::vector<std::vector<size_t>> cells(joints - 1);
      for (size_t r = i + 1; r < row_end; ++r) {
        GridCellBorders(lines_[r], joints, &borders);
        for (size_t k = 0; k + 1 < joints; ++k) {
          for (size_t p = borders[k] + 1; p < borders[k + 1]; ++p) cells[k].push_back(p);
        }
      }
      for (auto& cell : cells) runs.push_back(std::move(cell));
      i = row_end;  // the closing rule opens the next row
    }
    return runs;
  }

  // For each '(' and '{' of a run, where its balanced group closes (npos if it does not): found
  // once, in one pass with a stack per bracket, so that markup in a hostile text stays linear.
  std::vector<size_t> GroupEnds(const std::vector<size_t>& run) const {
    std::vector<size_t> close(run.size(), std::u32string::npos);
    std::vector<size_t> parens, braces;
    for (size_t k = 0; k < run.size(); ++k) {
      const char32_t c = text_[run[k]];
      if (c == U'(') parens.push_back(k);
      else if (c == U'{') braces.push_back(k);
      else if (c == U')' && !parens.empty()) close[parens.back()] = k, parens.pop_back();
      else if (c == U'}' && !braces.empty()) close[braces.back()] = k, braces.pop_back();
    }
    return close;
  }

  // "{#id .class key="value"}" after a span, link or image: pandoc's attributes.
  bool IsAttributes(const std::vector<size_t>& run, size_t open, size_t close) const {
    if (close == open + 1) return false;
    const char32_t c = text_[run[open + 1]];
    return c == U'#' || c == U'.' || c == U'-' || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  }

  // run[k], or -- where the spaces from k on close a grid cell's piece on one line, as where the
  // converter wrapped "[6181]" and "{style=…}" apart -- the first character after them.
  size_t AcrossWrap(const std::vector<size_t>& run, size_t k) const {
    size_t next = k;
    bool wrapped = false;
    while (next < run.size() && IsSpace(text_[run[next]])) {
      if (next + 1 < run.size() && run[next + 1] != run[next] + 1) wrapped = true;
      ++next;
    }
    return wrapped && next < run.size() ? next : k;
  }

  void InlineIn(const std::vector<size_t>& run) {
    size_t first = 0;
    while (first < run.size() && IsSpace(text_[run[first]])) ++first;
    if (first == run.size()) return;
    // A fenced div's line (":::", "::: article_title", "::: {#zoom .TRS_Editor}") holds no text.
    if (first + 2 < run.size() && text_[run[first]] == U':' && text_[run[first + 1]] == U':' &&
        text_[run[first + 2]] == U':') {
      for (size_t p : run) drop_[p] = true;
      return;
    }
    auto at = [&](size_t k) { return text_[run[k]]; };
    const std::vector<size_t> group_end = GroupEnds(run);
    std::vector<size_t> brackets;  // the '[' still open
    for (size_t i = first; i < run.size(); ++i) {
      const char32_t c = at(i);
      if (c == U'\\') {
        // An escaped character stays without its backslash; a backslash at the end of a line or of
        // a grid cell's piece is a hard line break.
        size_t next = i + 1;
        bool wrapped = false;  // the spaces after it close the cell's piece on its line
        for (; next < run.size() && at(next) == U' '; ++next) wrapped |= run[next] != run[next - 1] + 1;
        if (next < run.size()) wrapped |= run[next] != run[next - 1] + 1;
        if (next == run.size() || wrapped || (next > i + 1 && at(next) == U'|')) {
          drop_[run[i]] = true;
        } else if (next == i + 1 && IsAsciiPunctuation(at(next))) {
          drop_[run[i]] = true;
          ++i;  // the escaped character is text, not markup
        }
        continue;
      }
      if (c == U'[') {
        brackets.push_back(i);
        continue;
      }
      if (c != U']' || brackets.empty()) continue;
      const size_t open = brackets.back();
      brackets.pop_back();
      size_t markup_end = std::u32string::npos;  // one past the link's target or the attributes
      if (i + 1 < run.size() && at(i + 1) == U'(') {
        const size_t close = group_end[i + 1];
        if (close != std::u32string::npos) markup_end = close + 1;
      }
      const size_t attrs = AcrossWrap(run, markup_end == std::u32string::npos ? i + 1 : markup_end);
      if (attrs < run.size() && at(attrs) == U'{') {
        const size_t close = group_end[attrs];
        if (close != std::u32string::npos && IsAttributes(run, attrs, close)) markup_end = close + 1;
      }
      if (markup_end == std::u32string::npos) continue;  // "[1]": brackets in the text itself
      drop_[run[open]] = true;
      if (open > 0 && at(open - 1) == U'!') drop_[run[open - 1]] = true;  // an image
      for (size_t k = i; k < markup_end; ++k) drop_[run[k]] = true;
      i = markup_end - 1;
    }
  }

  const std::u32string& text_;
  std::vector<bool> drop_;
  std::vector<LineRange> lines_;
};

// Quick test: a text with no '+' (a frame's rule), no ']' (a span, link or image), no backslash
// and no ":::" (a fenced div) has nothing to take away -- as most reports, whose full-width colons
// NFKC made ':', and which are then not looked at line by line.
bool MayHoldMarkup(const std::u32string& text) {
  for (char32_t c : text) {
    if (c == U'+' || c == U']' || c == U'\\') return true;
  }
  return text.find(U":::") != std::u32string::npos;
}

}  // namespace

size_t StripConverterMarkup(NormalizedText* norm) {
  if (!MayHoldMarkup(norm->text)) return 0;
  Stripper stripper(norm->text);
  stripper.Frames();
  stripper.Inline();
  const std::vector<bool>& drop = stripper.dropped();
  size_t dropped = 0;
  std::u32string text;
  std::vector<uint32_t> origin;
  text.reserve(norm->text.size());
  origin.reserve(norm->origin.size());
  for (size_t i = 0; i < norm->text.size(); ++i) {
    if (drop[i]) {
      ++dropped;
      continue;
    }
    text.push_back(norm->text[i]);
    origin.push_back(norm->origin[i]);
  }
  if (dropped == 0) return 0;
  origin.push_back(norm->origin.back());
  norm->text = std::move(text);
  norm->origin = std::move(origin);
  return dropped;
}

}  // namespace gouji
