#include "flatten.h"

#include "unicode.h"

namespace gouji {
namespace {

// A cell's text on one line: tabs and line breaks inside it would split the row.
std::u32string CellLine(const std::string& utf8) {
  const std::u32string text = FromUtf8(utf8);
  std::u32string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c == U'\n' || c == U'\r') {
      // Join the lines of a wrapped label; keep words apart.
      const char32_t before = out.empty() ? U' ' : out.back();
      size_t j = i + 1;
      while (j < text.size() && (text[j] == U'\n' || text[j] == U'\r')) ++j;
      const char32_t after = j < text.size() ? text[j] : U' ';
      if (!IsHan(before) && !IsHan(after) && !IsSpace(before) && !IsSpace(after)) out += U' ';
      i = j - 1;
    } else if (c == U'\t') {
      out += U' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

FlatDocument Flatten(const Document& document) {
  FlatDocument flat;
  std::u32string& text = flat.text;
  auto new_line = [&] {
    if (!text.empty() && text.back() != U'\n') text += U'\n';
  };
  for (const Block& block : document.blocks) {
    new_line();
    if (block.kind == Block::Kind::kText) {
      text += FromUtf8(block.text);
      continue;
    }
    for (const std::vector<GridCell>& row : block.grid.rows) {
      new_line();
      GridRowSpan placed;
      placed.begin = text.size();
      for (size_t k = 0; k < row.size(); ++k) {
        if (k > 0) text += U'\t';
        const size_t begin = text.size();
        text += CellLine(row[k].text);
        placed.cells.push_back({begin, text.size(), row[k].x});
      }
      placed.end = text.size();
      flat.rows.push_back(std::move(placed));
    }
  }
  new_line();
  return flat;
}

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
