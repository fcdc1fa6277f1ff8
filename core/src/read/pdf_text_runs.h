// How text a PDF split by position is joined again: shared by the reader of ruled tables
// (pdf_ruling.h) and the layout of the rest of the page (pdf_layout.h).
#ifndef GOUJI_READ_PDF_TEXT_RUNS_H_
#define GOUJI_READ_PDF_TEXT_RUNS_H_

#include <string>
#include <string_view>

namespace gouji {

// Appends `text` to `out` directly, except that two Latin words keep a space ("1" ".本机" is
// "1.本机"; a digit never takes a space, so "8" "21" is "821").
void AppendJoined(const std::u32string& text, std::u32string* out);

// Drops the spaces a reader put inside a run where its letters were spread out ("8 21 . 7 3 万元",
// "商 业 企"): only a space between two Latin letters is kept.
std::u32string WithoutSpreadSpaces(std::u32string_view text);

// How many ems a run of horizontal text advances: a CJK character or full-width form one, anything
// else (digits, Latin letters, ASCII punctuation) half, about what their fonts give them.
double EmsOf(std::u32string_view text);

}  // namespace gouji

#endif  // GOUJI_READ_PDF_TEXT_RUNS_H_
