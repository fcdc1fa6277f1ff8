// Stage 4: the report's outline. Finds the six section headings (一、总体情况 ...), the title line
// and the year the report is on, in normalised text.
#ifndef GOUJI_TEXT_SECTIONS_H_
#define GOUJI_TEXT_SECTIONS_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gouji {

struct Heading {
  bool found = false;
  size_t begin = 0;  // normalised position of the heading's first character
  size_t end = 0;    // of its line break
};

struct Outline {
  std::array<Heading, 6> sections;  // [0] is 一、总体情况
  std::u32string title;
  size_t title_begin = 0, title_end = 0;
  std::optional<int> year;
  std::string year_source;  // "title", "text", or ""
  // The body the report is of, as the title names it: what stands before the title's year or its
  // 政府信息公开 ("中山市大涌镇"), or, for a title that starts with its year, the short line above it
  // ("洪泽区人民政府" over "2023年政府信息公开工作年度报告"). Empty when neither names one.
  std::u32string body;
};

Outline FindOutline(const std::u32string& text);

// Where each report begins, when a text holds more than one (pasted twice, or several one after
// another): normalised positions, the first always 0. A new report begins where the section
// headings start again (一、总体情况 after 六、其他需要报告的事项, or any heading numbered no higher
// than the one before it), provided each part has two headings at least; it begins at the
// report's title line (one naming the 年度报告) if one stands between that heading and the
// previous part's last heading, else at the heading itself.
std::vector<size_t> FindReportStarts(const std::u32string& text);

}  // namespace gouji

#endif  // GOUJI_TEXT_SECTIONS_H_
