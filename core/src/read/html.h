// Stage 0 for web pages: HTML -> a Document (document.h), parsed by gumbo, an HTML5-conformant
// parser, so that a page is read as a browser reads it (unclosed cells, stray tags and all).
//
// Paragraphs are the text between block elements (p, div, h1..h6, li, br, ...), white space
// collapsed as a browser collapses it; &nbsp; survives as U+00A0. A table whose cells hold no
// table is a grid (rowspan/colspan kept, <br> and paragraphs inside a cell as line breaks); a
// table that holds tables is page layout, and its cells are read as blocks in turn. Scripts,
// styles, <head> and hidden elements are not text.
#ifndef GOUJI_READ_HTML_H_
#define GOUJI_READ_HTML_H_

#include <string_view>

#include "gouji/document.h"
#include "gouji/encoding.h"
#include "gouji/status.h"

namespace gouji {

// A saved page's bytes. The encoding is, in order: the requested one (unless kAuto), a byte-order
// mark, the page's <meta charset> or http-equiv declaration (GBK and GB2312 are read as GB18030,
// their superset), then detection as for text. A page declared GBK whose bytes are valid UTF-8
// with non-ASCII text in them is read as UTF-8: the declaration is wrong, the bytes are not.
Result<Document> ReadHtml(std::string_view bytes, Encoding requested = Encoding::kAuto);

// HTML that is already text (the clipboard's text/html), UTF-8.
Result<Document> ReadHtmlText(std::string_view utf8);

// The charset an HTML page declares in its first 4096 bytes ("gbk", "utf-8"), lower case, or "".
std::string DeclaredCharset(std::string_view bytes);

}  // namespace gouji

#endif  // GOUJI_READ_HTML_H_
