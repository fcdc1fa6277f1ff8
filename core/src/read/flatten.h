// Stage 1 for documents: a Document (document.h) -> the text gouji checks and shows, with the
// place of every table row and cell in it, so that a table's cells come from its grid.
//
// Paragraphs become lines; a table row becomes one line of its cells separated by tabs (the shape
// a browser gives a copied table). A line break inside a cell is dropped between Han characters
// and becomes a space elsewhere: "三、本年度<br>办理结果" is one label. Each cell keeps its horizontal
// position: a PDF's, or for HTML and .docx the middle of the grid columns it covers once rowspan
// and colspan are resolved, so that a row with fewer cells than columns is placed by its columns.
#ifndef GOUJI_READ_FLATTEN_H_
#define GOUJI_READ_FLATTEN_H_

#include <cstddef>
#include <string>
#include <vector>

#include "gouji/document.h"
#include "text/tokenize.h"

namespace gouji {

struct FlatDocument {
  std::u32string text;
  std::vector<GridRowSpan> rows;  // each table row's line and written cells, in text order
};

FlatDocument Flatten(const Document& document);

}  // namespace gouji

#endif  // GOUJI_READ_FLATTEN_H_
