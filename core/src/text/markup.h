// Stage 3a: what a text converter writes around a page's text, taken away so that the page's own
// text is left (pandoc's Markdown and plain text, as a crawler or a person converts a CMS page):
//   - one-column frames: a page laid out in a table (a CMS's layout table around the article) is
//     drawn as a grid table of one column, every line between `| ` and ` |` and rows between
//     `+-----+` rules; the frames go, nested ones too, and what they hold stays where it stands
//     (a table in a frame is then a grid table of its own);
//   - pandoc's inline markup: a span's or link's brackets and what follows them
//     (`[三、…情况]{style="…"}`, `[首页](/)`, `![logo](a.png){width="460"}`), a fenced div's
//     `:::` lines, a backslash escape (`\|`, `\>`) and a hard line break's backslash (`商业\`).
// Nothing else changes: a text with none of these is left as it is. The characters taken away
// are dropped from the normalised text with their map to the source, so spans still index it.
#ifndef GOUJI_TEXT_MARKUP_H_
#define GOUJI_TEXT_MARKUP_H_

#include "text/normalize.h"

namespace gouji {

// Returns how many characters were taken away.
size_t StripConverterMarkup(NormalizedText* norm);

}  // namespace gouji

#endif  // GOUJI_TEXT_MARKUP_H_
