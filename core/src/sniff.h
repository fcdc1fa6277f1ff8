// What a file is, told by its bytes (never by its name): plain text, an HTML page, a zip package
// (.docx and its relatives), a PDF, or a format gouji cannot read, with the message that says so.
#ifndef GOUJI_SNIFF_H_
#define GOUJI_SNIFF_H_

#include <string_view>

#include "gouji/status.h"

namespace gouji {

enum class Sniffed { kText, kHtml, kZip, kPdf };

// kUnsupportedFormat (with a message naming the format, what gouji reads and how to convert) for
// Word 97-2003 / WPS / Excel (OLE2), RTF, images and other known binary formats.
Result<Sniffed> SniffFormat(std::string_view bytes);

// The message for a format gouji does not read, named in both languages ("a PNG image").
Status UnsupportedFormat(const char* name_zh, const char* name_en);

}  // namespace gouji

#endif  // GOUJI_SNIFF_H_
