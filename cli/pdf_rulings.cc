#include "pdf_rulings.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <cmath>
#include <memory>

namespace gouji::cli {
namespace {

// Collects the straight edges of every path the page strokes or fills, in device space: 72 dpi,
// y growing downward (upsideDown), which is poppler-cpp's text space.
class RulingCollector : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  // Type 3 glyphs (Chromium's CJK fonts) are drawn by paths: they are text, not rulings.
  bool interpretType3Chars() override { return false; }
  void stroke(GfxState* state) override { Collect(state); }
  void fill(GfxState* state) override { Collect(state); }
  void eoFill(GfxState* state) override { Collect(state); }

  std::vector<PdfSegment> segments;

 private:
  void Collect(GfxState* state) {
    const GfxPath* path = state->getPath();
    if (!path) return;
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      for (int j = 1; j < sub->getNumPoints(); ++j) {
        if (sub->getCurve(j) || sub->getCurve(j - 1)) continue;  // a Bézier's control points
        double x0, y0, x1, y1;
        state->transform(sub->getX(j - 1), sub->getY(j - 1), &x0, &y0);
        state->transform(sub->getX(j), sub->getY(j), &x1, &y1);
        // Only what could be a ruling, nearly along an axis (the core decides how near): a
        // drawing's slanted strokes would only weigh on the JSON.
        const double dx = std::fabs(x1 - x0), dy = std::fabs(y1 - y0);
        if (std::min(dx, dy) > 0.1 * std::max(dx, dy)) continue;
        segments.push_back({x0, y0, x1, y1});
      }
    }
  }
};

}  // namespace

std::vector<std::vector<PdfSegment>> ReadPdfRulings(std::string_view bytes) {
  if (!globalParams) globalParams = std::make_unique<GlobalParams>();
  // The stream does not own the bytes, which outlive the document.
  auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc doc(stream);
  std::vector<std::vector<PdfSegment>> pages;
  if (!doc.isOk() || doc.isEncrypted()) return pages;
  for (int i = 1; i <= doc.getNumPages(); ++i) {
    RulingCollector collector;
    doc.displayPage(&collector, i, 72, 72, 0, false, true, false);
    pages.push_back(std::move(collector.segments));
  }
  return pages;
}

}  // namespace gouji::cli
