// Reading one cell's text as the format expects it: a count (an integer, "0" padded with spaces
// allowed, thousands separators allowed, words around it as reports write them: "增3", "减12",
// "0件"; labels.h), an amount (decimal, optionally with 元 or 万元, converted to 万元), or a blank
// (empty, "/" or "-" alone, or nothing in words: "无", "——"). Anything else is not a number.
#ifndef GOUJI_MAP_VALUES_H_
#define GOUJI_MAP_VALUES_H_

#include <string_view>

#include "gouji/report.h"

namespace gouji {

// `amount` selects the amount grammar. Negative counts parse (as numbers): whether they are
// allowed is a rule's business, not the reader's.
CellValue ParseCellValue(std::u32string_view text, bool amount);

}  // namespace gouji

#endif  // GOUJI_MAP_VALUES_H_
