#include "read/sniff.h"

#include <cctype>
#include <string>

#include "read/refusals.h"

namespace gouji {
namespace {

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

struct KnownFormat {
  std::string_view magic;
  const char* name_zh;
  const char* name_en;
  bool document = false;  // may hold a report's text (a batch names it; an image it skips)
};

// Formats people drop by mistake, named so that the message can say what they are.
constexpr KnownFormat kUnreadable[] = {
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Word 97-2003 (.doc)、WPS (.wps) 或 Excel (.xls) 文件",
     "a Word 97-2003 (.doc), WPS (.wps) or Excel (.xls) file", true},
    {"{\\rtf", "RTF 文件", "an RTF file", true},
    {"\x89PNG", "PNG 图片", "a PNG image"},
    {"\xFF\xD8\xFF", "JPEG 图片", "a JPEG image"},
    {"GIF8", "GIF 图片", "a GIF image"},
    {"BM", "BMP 图片", "a BMP image"},
    // Spelled with their length: from a plain literal, the NUL would end the magic at "II*" and "MM".
    {std::string_view("II*\0", 4), "TIFF 图片", "a TIFF image"},
    {std::string_view("MM\0*", 4), "TIFF 图片", "a TIFF image"},
    {"Rar!", "RAR 压缩包", "a RAR archive"},
    {"7z\xBC\xAF", "7z 压缩包", "a 7z archive"},
    {"\x1F\x8B", "gzip 压缩文件", "a gzip file"},
};

// The first bytes of an HTML document, as the WHATWG MIME sniffing standard lists them (tag names
// followed by a space or '>'), and the comment that clipboard HTML often starts with.
constexpr std::string_view kHtmlStarts[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<table",
                                            "<div", "<p", "<h1", "<h2", "<font", "<span", "<title",
                                            "<style", "<script", "<br", "<b", "<a", "<!--"};

bool LooksLikeHtml(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  // An XML declaration may precede XHTML.
  if (bytes.substr(i, 5) == "<?xml") {
    const size_t close = bytes.find("?>", i);
    if (close == std::string_view::npos) return false;
    for (i = close + 2; i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]));) ++i;
  }
  std::string head(bytes.substr(i, 16));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view start : kHtmlStarts) {
    if (!StartsWith(head, start)) continue;
    if (start == "<!--") return true;
    const char after = head.size() > start.size() ? head[start.size()] : '\0';
    if (after == ' ' || after == '>' || after == '\t' || after == '\n' || after == '\r' || after == '/') return true;
  }
  return false;
}

}  // namespace


Result<Sniffed> SniffFormat(std::string_view bytes) {
  if (StartsWith(bytes, "%PDF-")) return Sniffed::kPdf;
  if (StartsWith(bytes, "PK\x03\x04")) return Sniffed::kZip;
  for (const KnownFormat& format : kUnreadable) {
    if (StartsWith(bytes, format.magic)) return UnsupportedFormat(format.name_zh, format.name_en);
  }
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
    return UnsupportedFormat("WebP 图片", "a WebP image");
  }
  if (LooksLikeHtml(bytes)) return Sniffed::kHtml;
  return Sniffed::kText;
}

bool MayHoldReport(std::string_view bytes) {
  for (const KnownFormat& format : kUnreadable) {
    if (StartsWith(bytes, format.magic)) return format.document;
  }
  return !(bytes.size() >= 12 && StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP");
}

}  // namespace gouji
