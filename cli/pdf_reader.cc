#include "pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

#include "pdf_rulings.h"

namespace gouji::cli {
namespace {

// poppler prints its complaints about odd PDFs to stderr; they are not the user's business.
void Quiet(const std::string&, void*) {}

}  // namespace

void InitPdfReader() { poppler::set_debug_error_function(Quiet, nullptr); }

Result<std::vector<PdfPage>> ReadPdfText(std::string_view bytes) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return Status(StatusCode::kDamagedFile, "这个 PDF 文件已损坏或不完整，无法读取。请重新下载后再试。",
                  "This PDF is damaged or incomplete and cannot be read. Download it again and retry.");
  }
  if (doc->is_locked()) {
    return Status(StatusCode::kUnsupportedFormat, "这个 PDF 设置了打开密码，无法读取。请取消密码后另存，再检查。",
                  "This PDF needs a password to open and cannot be read. Remove the password, save it "
                  "again and check that copy.");
  }
  std::vector<PdfPage> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PdfPage out;
    if (!page) {
      pages.push_back(out);
      continue;
    }
    const poppler::rectf box = page->page_rect(poppler::crop_box);
    const bool sideways = page->orientation() == poppler::page::landscape ||
                          page->orientation() == poppler::page::seascape;
    out.width = sideways ? box.height() : box.width();
    out.height = sideways ? box.width() : box.height();
    for (const poppler::text_box& word : page->text_list()) {
      const poppler::byte_array utf8 = word.text().to_utf8();
      PdfTextItem item;
      item.text.assign(utf8.begin(), utf8.end());
      const poppler::rectf r = word.bbox();
      item.x = r.x();
      item.y = r.y();
      item.width = r.width();
      item.height = r.height();
      out.items.push_back(std::move(item));
    }
    pages.push_back(std::move(out));
  }
  // The drawing, for tables that are ruled.
  std::vector<std::vector<PdfSegment>> rulings = ReadPdfRulings(bytes);
  for (size_t i = 0; i < pages.size() && i < rulings.size(); ++i) pages[i].segments = std::move(rulings[i]);
  return pages;
}

}  // namespace gouji::cli
