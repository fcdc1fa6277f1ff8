// Stage 4: the report's outline. Finds the six section headings (一、总体情况 ...), the title line
// and the year the report is on, in normalised text.
#ifndef GOUJI_TEXT_SECTIONS_H_
#define GOUJI_TEXT_SECTIONS_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>

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
};

Outline FindOutline(const std::u32string& text);

}  // namespace gouji

#endif  // GOUJI_TEXT_SECTIONS_H_
