// What a reader test looks at in a Document (html_test.cc, docx_test.cc): its paragraphs, its n-th
// table, a grid's texts row by row.
#ifndef GOUJI_TESTS_READ_DOCUMENT_VIEW_H_
#define GOUJI_TESTS_READ_DOCUMENT_VIEW_H_

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "gouji/document.h"

namespace gouji {
namespace testing {

inline std::vector<std::vector<std::string>> Texts(const Grid& grid) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : grid.rows) {
    rows.emplace_back();
    for (const GridCell& cell : row) rows.back().push_back(cell.text);
  }
  return rows;
}

inline const Block& TableAt(const Document& d, size_t n) {
  size_t seen = 0;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::kTable && seen++ == n) return b;
  }
  FAIL("no table " << n);
  return d.blocks.front();
}

inline std::vector<std::string> Paragraphs(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::kText) out.push_back(b.text);
  }
  return out;
}

}  // namespace testing
}  // namespace gouji

#endif  // GOUJI_TESTS_READ_DOCUMENT_VIEW_H_
