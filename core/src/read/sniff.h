// What a file is, told by its bytes (never by its name): plain text, an HTML page, a zip package
// (.docx and its relatives), a PDF, or a format gouji cannot read, with the message that says so.
#ifndef GOUJI_READ_SNIFF_H_
#define GOUJI_READ_SNIFF_H_

#include <string_view>

#include "gouji/status.h"

namespace gouji {

enum class Sniffed { kText, kHtml, kZip, kPdf };

// kUnsupportedFormat (with a message naming the format, what gouji reads and how to convert) for
// Word 97-2003 / WPS / Excel (OLE2), RTF, images and other known binary formats.
Result<Sniffed> SniffFormat(std::string_view bytes);

// Whether a file may be a report: any format SniffFormat reads, and those it names that hold
// documents (.doc, .wps, RTF); not an image or a RAR/7z/gzip archive.
bool MayHoldReport(std::string_view bytes);


}  // namespace gouji

#endif  // GOUJI_READ_SNIFF_H_
