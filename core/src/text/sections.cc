#include "text/sections.h"

#include <map>

#include "base/unicode.h"
#include "gouji/format.h"
#include "text/labels.h"

namespace gouji {
namespace {

constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";

// The marks a converter puts around a heading ("## 二、…", "**二、…**", html2text's "***** 二、… *****",
// "== 二、… =="), which are no part of its text: runs of '#', '*', '_', '=' at either end.
std::u32string_view WithoutMarkdown(std::u32string_view t) {
  auto mark = [](char32_t c) { return c == U'#' || c == U'*' || c == U'_' || c == U'='; };
  size_t b = 0, e = t.size();
  while (b < e && mark(t[b])) ++b;
  while (e > b && mark(t[e - 1])) --e;
  return Trim(t.substr(b, e - b));
}

// A heading is a short line: "二、主动公开政府信息情况", "三.收到和处理…", "(四)…" is not (that is a
// sub-heading), and a table row never is (it holds '|' or tabs between cells).
bool IsHeadingOf(std::u32string_view line, const SectionSpec& spec) {
  std::u32string_view t = WithoutMarkdown(Trim(line));
  if (t.empty() || t.size() > 40) return false;
  if (t.find(U'|') != std::u32string_view::npos || t.find(U'\t') != std::u32string_view::npos) return false;
  if (kNumerals.find(t[0]) == std::u32string_view::npos) return false;
  if (static_cast<int>(kNumerals.find(t[0])) + 1 != spec.number) return false;
  size_t i = 1;
  while (i < t.size() && IsSpace(t[i])) ++i;
  if (i >= t.size() || std::u32string_view(U"、.,:").find(t[i]) == std::u32string_view::npos) return false;
  const std::u32string loose = LooseForm(t.substr(i + 1));
  return loose.find(LooseForm(FromUtf8(spec.key))) != std::u32string::npos;
}

// "2019年", "2020 年": a year between 2000 and 2099 as the reports write it.
std::optional<int> YearAt(const std::u32string& text, size_t i, size_t* end) {
  if (i + 4 > text.size() || text[i] != U'2' || text[i + 1] != U'0') return std::nullopt;
  if (i > 0 && IsAsciiDigit(text[i - 1])) return std::nullopt;
  for (size_t k = i; k < i + 4; ++k) {
    if (!IsAsciiDigit(text[k])) return std::nullopt;
  }
  size_t k = i + 4;
  while (k < text.size() && text[k] == U' ') ++k;
  if (k >= text.size() || text[k] != U'年') return std::nullopt;
  *end = k + 1;
  return (text[i + 2] - U'0') * 10 + (text[i + 3] - U'0') + 2000;
}

using Lines = std::vector<std::pair<size_t, size_t>>;  // [begin, end) of each line

Lines SplitLines(const std::u32string& text) {
  Lines lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == U'\n') {
      lines.emplace_back(start, i);
      start = i + 1;
    }
  }
  return lines;
}

std::u32string_view LineAt(const std::u32string& text, const std::pair<size_t, size_t>& line) {
  return std::u32string_view(text.data() + line.first, line.second - line.first);
}

// The number of the section a line is the heading of, or 0.
int HeadingNumber(std::u32string_view line) {
  // Only the section its numeral names can be the one a line heads: most lines start with none.
  const std::u32string_view t = WithoutMarkdown(Trim(line));
  const size_t numeral = t.empty() ? std::u32string_view::npos : kNumerals.find(t[0]);
  if (numeral == std::u32string_view::npos) return 0;
  for (const SectionSpec& spec : Sections()) {
    if (spec.number == static_cast<int>(numeral) + 1 && IsHeadingOf(line, spec)) return spec.number;
  }
  return 0;
}

// A line that could be a report's title: short, and naming the annual report.
bool IsTitleLike(std::u32string_view line) {
  std::u32string_view t = Trim(line);
  return !t.empty() && t.size() <= 80 && t.find(U"年度报告") != std::u32string_view::npos;
}

// The words a body's name ends in: 人民政府, 教育局, 大涌镇, 管委会 ...
bool EndsLikeABody(std::u32string_view name) {
  static const char32_t* const kEnds[] = {U"政府", U"局", U"委", U"委员会", U"管委会", U"办", U"办公室", U"厅",
                                          U"署", U"院", U"中心", U"镇", U"乡", U"街道", U"区", U"县", U"市", U"旗",
                                          U"所", U"站", U"队", U"馆", U"会", U"部", U"处", U"室"};
  for (const char32_t* end : kEnds) {
    const std::u32string_view e(end);
    if (name.size() > e.size() && name.substr(name.size() - e.size()) == e) return true;
  }
  return false;
}

bool HasDigitOrMarker(std::u32string_view line) {
  for (char32_t c : line) {
    if (IsAsciiDigit(c) || c == U'>' || c == U':' || c == U'|' || c == U'/') return true;
  }
  return false;
}

// See Outline::body.
std::u32string BodyOfTitle(const std::u32string& text, const Outline& outline) {
  if (outline.title.empty()) return {};
  const std::u32string_view title = outline.title;
  size_t end = title.find(U"政府信息公开");
  for (size_t i = 0; i < title.size() && i < end; ++i) {
    if (IsAsciiDigit(title[i])) end = i;
  }
  if (end == std::u32string_view::npos) return {};
  // The name is the run of Han characters (and brackets) right before the year: a title cut out of a
  // longer line ("您当前的位置:>>信息公开年度报告中山市大涌镇2022年…", "# 巡检司镇2019年…") keeps only it,
  // and after a breadcrumb's last 年度报告.
  size_t begin = end;
  while (begin > 0 && (IsHan(title[begin - 1]) || title[begin - 1] == U'(' || title[begin - 1] == U')' ||
                       IsSpace(title[begin - 1]))) {
    --begin;
  }
  std::u32string_view named = Trim(title.substr(begin, end - begin));
  const size_t crumb = named.rfind(U"年度报告");
  if (crumb != std::u32string_view::npos) named = Trim(named.substr(crumb + 4));
  constexpr size_t kLongestName = 30;
  if (named.size() > kLongestName) return {};
  if (!named.empty()) return std::u32string(named);
  // The line above the title: short, a name and nothing else.
  const size_t above_end = text.rfind(U'\n', outline.title_begin == 0 ? 0 : outline.title_begin - 1);
  if (above_end == std::u32string::npos || outline.title_begin == 0) return {};
  size_t above_begin = above_end == 0 ? 0 : text.rfind(U'\n', above_end - 1);
  above_begin = above_begin == std::u32string::npos ? 0 : above_begin + 1;
  const std::u32string_view above = Trim(std::u32string_view(text).substr(above_begin, above_end - above_begin));
  if (above.size() < 2 || above.size() > kLongestName || HasDigitOrMarker(above) || !EndsLikeABody(above)) return {};
  return std::u32string(above);
}

// The reports a text's headings tell: runs of headings whose numbers rise, each a report if it has
// two headings with text between them. A run that is not (a heading quoted in prose, a table of
// contents) belongs to the report beside it.
struct HeadingRun {
  size_t first_line = 0, last_line = 0;  // its first and last heading
  size_t body_line = 0;  // the first heading of the report's body: after a table of contents
  int headings = 0;
  bool has_body = false;  // some text stands between two of its headings
  int last_number = 0;
  bool IsReport() const { return headings >= 2 && has_body; }
};

std::vector<HeadingRun> ReportRuns(const std::u32string& text, const Lines& lines) {
  std::vector<HeadingRun> runs;
  bool text_since_heading = false;
  for (size_t l = 0; l < lines.size(); ++l) {
    const std::u32string_view line = LineAt(text, lines[l]);
    const int number = HeadingNumber(line);
    if (number == 0) {
      text_since_heading |= !Trim(line).empty();
      continue;
    }
    if (runs.empty() || number <= runs.back().last_number) {
      HeadingRun run;
      run.first_line = run.body_line = l;
      runs.push_back(run);
    } else if (text_since_heading) {
      runs.back().has_body = true;
    }
    HeadingRun& run = runs.back();
    run.last_line = l;
    run.last_number = number;
    ++run.headings;
    text_since_heading = false;
  }
  std::vector<HeadingRun> reports;
  for (const HeadingRun& run : runs) {
    if (!reports.empty() && (!run.IsReport() || !reports.back().IsReport())) {
      HeadingRun& into = reports.back();
      if (!into.IsReport() && run.IsReport()) into.body_line = run.body_line;  // contents, then the body
      into.last_line = run.last_line;
      into.headings += run.headings;
      into.has_body = into.has_body || run.has_body;
      continue;
    }
    reports.push_back(run);
  }
  return reports;
}

}  // namespace

std::vector<size_t> FindReportStarts(const std::u32string& text) {
  const Lines lines = SplitLines(text);
  const std::vector<HeadingRun> reports = ReportRuns(text, lines);
  std::vector<size_t> starts = {0};
  for (size_t k = 1; k < reports.size(); ++k) {
    size_t start_line = reports[k].first_line;
    for (size_t l = reports[k].first_line; l-- > reports[k - 1].last_line + 1;) {
      if (IsTitleLike(LineAt(text, lines[l]))) {
        start_line = l;
        break;
      }
    }
    starts.push_back(lines[start_line].first);
  }
  return starts;
}

Outline FindOutline(const std::u32string& text) {
  Outline outline;
  const Lines lines = SplitLines(text);

  // Sections in order: each heading is looked for after the one before it, so that a row label
  // such as "四、结转下年度继续办理" inside section 三 cannot be taken for section 四; and from the
  // body on, past a table of contents.
  const std::vector<HeadingRun> runs = ReportRuns(text, lines);
  size_t from_line = runs.empty() ? 0 : runs.front().body_line;
  for (const SectionSpec& spec : Sections()) {
    for (size_t l = from_line; l < lines.size(); ++l) {
      std::u32string_view line(text.data() + lines[l].first, lines[l].second - lines[l].first);
      if (IsHeadingOf(line, spec)) {
        Heading& heading = outline.sections[spec.number - 1];
        heading.found = true;
        heading.begin = lines[l].first + (Trim(line).data() - line.data());
        heading.end = lines[l].second;
        from_line = l + 1;
        break;
      }
    }
  }

  // The title: the line before the first section that best names the annual report. A
  // breadcrumb ("您当前的位置: >信息公开年度报告") also says 年度报告; the title has the year and the
  // full name.
  const size_t body_start = outline.sections[0].found ? outline.sections[0].begin : text.size();
  int best_score = 0;
  for (const auto& [b, e] : lines) {
    if (b >= body_start) break;
    std::u32string_view line = Trim(std::u32string_view(text.data() + b, e - b));
    if (!IsTitleLike(line)) continue;
    const size_t begin = b + (line.data() - (text.data() + b));
    std::optional<int> year;
    for (size_t i = begin; i < begin + line.size() && !year; ++i) {
      size_t end;
      year = YearAt(text, i, &end);
    }
    const int score = 1 + (year ? 2 : 0) + (line.find(U"政府信息公开") != std::u32string_view::npos ? 1 : 0);
    if (score <= best_score) continue;
    best_score = score;
    outline.title = std::u32string(line);
    outline.title_begin = begin;
    outline.title_end = begin + line.size();
    outline.year = year;
    outline.year_source = year ? "title" : "";
  }

  outline.body = BodyOfTitle(text, outline);

  // No year in the title: the year the first section speaks of most ("2020年，镇党委…").
  if (!outline.year) {
    size_t b = outline.sections[0].found ? outline.sections[0].begin : 0;
    size_t e = outline.sections[1].found ? outline.sections[1].begin : text.size();
    std::map<int, int> counts;
    for (size_t i = b; i < e; ++i) {
      size_t end;
      if (auto year = YearAt(text, i, &end)) ++counts[*year];
    }
    int best = 0;
    for (const auto& [year, count] : counts) {
      if (count > best) {
        best = count;
        outline.year = year;
        outline.year_source = "text";
      }
    }
  }
  return outline;
}

}  // namespace gouji
