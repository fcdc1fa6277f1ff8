// Stage 3b: a report run into one line, or a few (a crawler's page text, a chat paste, an
// element's textContent), cut back into lines where the format's own text begins: before each
// section heading ("三、收到和处理政府信息公开申请情况", which is a line of its own, so also after it)
// and each of the tables' enumerated row and
// group labels ("(一)予以公开", "第二十条第(五)项"), and before any row label that follows a value
// ("… 0 0 行政规范性文件 3 6 5"). Only a line that holds what must be several lines is cut: two
// section headings, or four enumerated labels, at least; other text is left as it is.
//
// The line breaks are inserted into the normalised text, each mapped to the source position of
// the character after it, so spans still index the source.
#ifndef GOUJI_TEXT_UNFOLD_H_
#define GOUJI_TEXT_UNFOLD_H_

#include "text/normalize.h"

namespace gouji {

// Returns how many line breaks were inserted.
size_t UnfoldRunTogetherLines(NormalizedText* norm);

}  // namespace gouji

#endif  // GOUJI_TEXT_UNFOLD_H_
