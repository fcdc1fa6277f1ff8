#include "gouji/document.h"

namespace gouji {

const char* SourceFormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kHtml: return "html";
    case SourceFormat::kDocx: return "docx";
    case SourceFormat::kPdf: return "pdf";
    case SourceFormat::kText: break;
  }
  return "text";
}

}  // namespace gouji
