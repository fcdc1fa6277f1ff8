// The table grid mapper: a Document (document.h) as the HTML, .docx and PDF readers make one,
// built from the input: paragraphs and tables whose cells are the format's own words (its row and
// header labels, section headings), numbers in the shapes reports write them, or any text, with
// any rowspan and colspan (a span bomb included). It is flattened, mapped and checked.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/format_words.h"
#include "fuzz/fuzz.h"
#include "gouji/check.h"

namespace {

using namespace gouji;

const std::vector<std::string>& Words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w = fuzz::FormatWords();
    for (const char* n : {"0", "1", "12", "230", "1,234", "3.5", "-1", "减12", "增3", "0件", "——", "无", "/", "",
                          "123456789012345678901234567890", "1e308", "３５", "二〇二三年", "2023年度"})
      w.emplace_back(n);
    return w;
  }();
  return words;
}

std::string Text(FuzzedDataProvider* in) {
  const std::vector<std::string>& words = Words();
  if (in->ConsumeIntegralInRange<int>(0, 7) == 0) return in->ConsumeRandomLengthString(24);
  return words[in->ConsumeIntegralInRange<size_t>(0, words.size() - 1)];
}

int CellSpan(FuzzedDataProvider* in) {
  switch (in->ConsumeIntegralInRange<int>(0, 15)) {
    case 0: return in->ConsumeIntegralInRange<int>(-2, 12);
    case 1: return in->ConsumeBool() ? 65534 : 1000;
    default: return 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  Document document;
  document.format = in.ConsumeBool() ? SourceFormat::kHtml : SourceFormat::kPdf;
  while (in.remaining_bytes() > 0 && document.blocks.size() < 40) {
    if (in.ConsumeIntegralInRange<int>(0, 2) == 0) {
      document.AddText(Text(&in) + Text(&in));
      continue;
    }
    Grid grid;
    const int rows = in.ConsumeIntegralInRange<int>(0, 48);
    for (int r = 0; r < rows && in.remaining_bytes() > 0; ++r) {
      std::vector<GridCell> row;
      const int cells = in.ConsumeIntegralInRange<int>(0, 14);
      for (int c = 0; c < cells; ++c) {
        GridCell cell;
        cell.text = Text(&in);
        cell.row_span = CellSpan(&in);
        cell.col_span = CellSpan(&in);
        if (document.format == SourceFormat::kPdf) cell.x = in.ConsumeFloatingPointInRange<double>(-10, 1000);
        row.push_back(std::move(cell));
      }
      grid.rows.push_back(std::move(row));
    }
    document.AddTable(std::move(grid));
  }
  fuzz::ExpectOutcome(CheckDocument(document));
  return 0;
}
