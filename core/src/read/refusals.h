// The Statuses a reader gives a file it cannot read, worded the same whichever reader refuses it.
#ifndef GOUJI_READ_REFUSALS_H_
#define GOUJI_READ_REFUSALS_H_

#include <string>

#include "gouji/status.h"

namespace gouji {

// kUnsupportedFormat: a format gouji does not read, named in both languages ("a PNG image"), with
// what it does read and how to convert.
Status UnsupportedFormat(const char* name_zh, const char* name_en);

// kDamagedFile with the format's name in the message ("这个 Word 文档（.docx）已损坏…") and, for the
// curious, what exactly is wrong.
Status DamagedFile(const char* name_zh, const char* name_en, const std::string& detail);

}  // namespace gouji

#endif  // GOUJI_READ_REFUSALS_H_
