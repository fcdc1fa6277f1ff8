// How long one check takes, per sample, natively (Google Benchmark). Figures, not pass/fail.
//   build/native/gouji_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gouji/check.h"
#include "gouji/pdf_text.h"

namespace {

std::string Sample(const std::string& name) {
  std::ifstream in(std::string(GOUJI_SAMPLES_DIR) + "/" + name + ".txt", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One check of the sample, and with `to_json` its JSON too.
void BM_Check(benchmark::State& state, const std::string& name, bool to_json) {
  const std::string text = Sample(name);
  if (text.empty()) {
    state.SkipWithError("sample not found (../shared is not beside the clone)");
    return;
  }
  for (auto _ : state) {
    auto result = gouji::Check(text);
    benchmark::DoNotOptimize(result);
    if (to_json) {
      std::string json = gouji::ReportToJson(result.value());
      benchmark::DoNotOptimize(json);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

std::string Fixture(const std::string& path) {
  std::ifstream in(std::string(GOUJI_FIXTURES_DIR) + "/" + path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Sample 004 as published: an HTML page, a .docx (unzipped by the core) and a PDF's positioned text
// (laid out by the core; the PDF reader's own time, pdf.js or poppler, is not in it).
void BM_CheckFormat(benchmark::State& state, const std::string& path) {
  const std::string bytes = Fixture(path);
  const bool pdf = path.find("pdfjs/") != std::string::npos;
  std::vector<gouji::PdfPage> pages;
  if (pdf) pages = gouji::PdfPagesFromJson(bytes).value();
  for (auto _ : state) {
    auto result = pdf ? gouji::CheckPdfText(pages) : gouji::Check(bytes);
    if (!result.ok()) {
      state.SkipWithError("the fixture could not be checked");
      return;
    }
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

}  // namespace

BENCHMARK_CAPTURE(BM_CheckFormat, s004_html, std::string("formats/004.html"));
BENCHMARK_CAPTURE(BM_CheckFormat, s004_docx, std::string("formats/004.docx"));
BENCHMARK_CAPTURE(BM_CheckFormat, s004_pdf_positioned_text, std::string("formats/pdfjs/004.json"));
BENCHMARK_CAPTURE(BM_CheckFormat, cms_page_gbk, std::string("formats/cms-page-gbk.html"));

BENCHMARK_CAPTURE(BM_Check, s000_pipe, std::string("000_2efa133927cd4048"), false);
BENCHMARK_CAPTURE(BM_Check, s001_tab_indented, std::string("001_eabb943c232c0218"), false);
BENCHMARK_CAPTURE(BM_Check, s002_cell_per_line, std::string("002_819d0f33b79d307e"), false);
BENCHMARK_CAPTURE(BM_Check, s003_traditional_pinyin, std::string("003_6997cc47fc5df21f"), false);
BENCHMARK_CAPTURE(BM_Check, s004_2021, std::string("004_2621131c2785ac51"), false);
BENCHMARK_CAPTURE(BM_Check, s004_2021_json, std::string("004_2621131c2785ac51"), true);

BENCHMARK_MAIN();
