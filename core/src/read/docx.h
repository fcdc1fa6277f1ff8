// Stage 0 for Word documents: a .docx package -> a Document (document.h).
//
// The body of word/document.xml in order: each w:p a paragraph, each w:tbl a table whose rows
// (w:tr) and cells (w:tc) keep their merges (w:gridSpan; w:vMerge continuations are covered cells,
// not written again). A table holding tables is a layout table: its cells' contents are read as
// blocks in turn. Deleted text of tracked changes and field codes are not text.
#ifndef GOUJI_READ_DOCX_H_
#define GOUJI_READ_DOCX_H_

#include <string_view>

#include "gouji/document.h"
#include "gouji/status.h"

namespace gouji {

// The bytes of a zip package. Other packages (.xlsx, .pptx, .odt, OFD) get kUnsupportedFormat
// with their name; a broken one kDamagedFile.
Result<Document> ReadDocx(std::string_view bytes);

}  // namespace gouji

#endif  // GOUJI_READ_DOCX_H_
