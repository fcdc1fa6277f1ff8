// The PDF entry points of pdf_text.h: positioned text from JSON, and checking it.
#include "gouji/pdf_text.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "gouji/check.h"
#include "pdf_layout.h"

namespace gouji {

Result<Report> CheckPdfText(const std::vector<PdfPage>& pages) {
  size_t runs = 0;
  for (const PdfPage& page : pages) runs += page.items.size();
  if (runs == 0) {
    return Status(StatusCode::kNoText,
                  "这个 PDF 的 " + std::to_string(pages.size()) +
                      " 页里没有文字，只有图像（可能是扫描件），无法检查。请找到报告的网页版、Word 版"
                      "或带文字的 PDF。",
                  "This PDF's " + std::to_string(pages.size()) +
                      " page(s) hold no text, only images (it may be a scan), so it cannot be checked. "
                      "Find the report as a web page, a Word file or a PDF with text.");
  }
  return CheckDocument(LayOutPdf(pages));
}

Result<std::vector<PdfPage>> PdfPagesFromJson(std::string_view text) {
  const Status bad(StatusCode::kInternal, "PDF 文字数据格式有误（这是 gouji 的问题，请报告）。",
                   "The PDF text data is malformed (a bug in gouji; please report it).");
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("pages") || !json["pages"].is_array()) return bad;
  std::vector<PdfPage> pages;
  for (const auto& p : json["pages"]) {
    if (!p.is_object() || !p.contains("items") || !p["items"].is_array()) return bad;
    PdfPage page;
    page.width = p.value("width", 0.0);
    page.height = p.value("height", 0.0);
    for (const auto& i : p["items"]) {
      if (!i.is_object() || !i.contains("text") || !i["text"].is_string()) return bad;
      PdfTextItem item;
      item.x = i.value("x", 0.0);
      item.y = i.value("y", 0.0);
      item.width = i.value("w", 0.0);
      item.height = i.value("h", 0.0);
      item.text = i["text"].get<std::string>();
      page.items.push_back(std::move(item));
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

std::string PdfPagesToJson(const std::vector<PdfPage>& pages) {
  nlohmann::ordered_json json;
  json["pages"] = nlohmann::ordered_json::array();
  const auto round2 = [](double v) { return std::round(v * 100) / 100; };
  for (const PdfPage& page : pages) {
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const PdfTextItem& item : page.items) {
      items.push_back({{"x", round2(item.x)}, {"y", round2(item.y)}, {"w", round2(item.width)},
                       {"h", round2(item.height)}, {"text", item.text}});
    }
    json["pages"].push_back({{"width", round2(page.width)}, {"height", round2(page.height)}, {"items", std::move(items)}});
  }
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gouji
