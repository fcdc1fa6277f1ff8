#include "read/refusals.h"

namespace gouji {

Status UnsupportedFormat(const char* name_zh, const char* name_en) {
  return Status(StatusCode::kUnsupportedFormat,
                // A space between Han characters and a Latin word: "这是 PNG 图片", "这是压缩包".
                std::string("这是") + (static_cast<unsigned char>(name_zh[0]) < 0x80 ? " " : "") + name_zh +
                    "，gouji 无法读取。可以检查的格式：文本（.txt）、网页（.html，或从网页复制粘贴）、"
                    "Word 文档（.docx）和带文字的 PDF。请用 Word 或 WPS 打开后“另存为” .docx 或 PDF，"
                    "或全选复制报告文字（含表格）后粘贴。",
                std::string("This is ") + name_en +
                    ", which gouji cannot read. It reads text (.txt), web pages (.html, or pasted "
                    "from a browser), Word documents (.docx) and PDFs with a text layer. Open the file "
                    "in Word or WPS and save it as .docx or PDF, or copy all of the report's text "
                    "(tables included) and paste it.");
}

Status DamagedFile(const char* name_zh, const char* name_en, const std::string& detail) {
  return Status(StatusCode::kDamagedFile,
                std::string("这个") + name_zh + "已损坏或不完整，无法读取（" + detail +
                    "）。请重新下载或另存后再试，或复制报告文字后粘贴。",
                std::string("This ") + name_en + " is damaged or incomplete and cannot be read (" + detail +
                    "). Download or save it again, or copy the report's text and paste it.");
}

}  // namespace gouji
