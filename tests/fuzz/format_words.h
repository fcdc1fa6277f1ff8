// The format's own words, from the core's tables (format.h): every row, column and group label of
// every layout, its header labels and version markers, the section headings and the tables'
// anchors, in that order (duplicates kept: the grid target picks them by index). The grid target
// builds its cells from them; make_dict writes them as libFuzzer's dictionary.
#ifndef GOUJI_TESTS_FUZZ_FORMAT_WORDS_H_
#define GOUJI_TESTS_FUZZ_FORMAT_WORDS_H_

#include <string>
#include <vector>

#include "gouji/format.h"

namespace gouji::fuzz {

inline std::vector<std::string> FormatWords() {
  std::vector<std::string> w;
  for (const TableLayout* layout : AllLayouts()) {
    for (const RowSpec& row : layout->rows) {
      for (const char* label : row.labels) w.emplace_back(label);
      for (const ColumnSpec& c : row.columns) w.emplace_back(c.label);
      for (const char* g : row.groups) w.emplace_back(g);
    }
    for (const char* l : layout->group_labels) w.emplace_back(l);
    for (const char* l : layout->header_labels) w.emplace_back(l);
    for (const char* l : layout->version_markers) w.emplace_back(l);
  }
  for (const SectionSpec& s : Sections()) w.emplace_back(s.heading);
  for (const TableSpec& t : Tables()) {
    for (const char* a : t.anchors) w.emplace_back(a);
  }
  return w;
}

}  // namespace gouji::fuzz

#endif  // GOUJI_TESTS_FUZZ_FORMAT_WORDS_H_
