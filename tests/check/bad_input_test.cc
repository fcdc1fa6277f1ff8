// Bad input: whatever arrives, gouji answers with a reason or a report whose every part is
// consistent -- never a crash, a hang or a silently different text.
#include <cstdint>

#include <catch2/catch.hpp>

#include "read/decode.h"
#include "test_util.h"

namespace gouji::testing {
namespace {


// What must hold of any report gouji returns.
void CheckConsistent(const Report& r) {
  for (const Cell& cell : r.cells) {
    INFO(cell.id);
    CHECK(cell.span.begin <= cell.span.end);
    CHECK(cell.span.end <= r.source.size());
  }
  CHECK(r.summary.cells_found <= r.summary.cells_expected);
  CHECK(r.summary.cells_found == static_cast<int>(r.cells.size()));
  CHECK(static_cast<size_t>(r.summary.errors + r.summary.warnings + r.summary.infos) == r.findings.size());
  const std::string json = ReportToJson(r);
  CHECK(json.front() == '{');
  CHECK(json.back() == '}');
}

std::vector<std::string> CellValues(const Report& r) {
  std::vector<std::string> values;
  for (const Cell& c : r.cells) values.push_back(c.id + "=" + c.raw);
  return values;
}

TEST_CASE("inputs that cannot be checked get a reason in both languages", "[bad_input]") {
  struct {
    std::string bytes;
    StatusCode code;
  } cases[] = {
      {"", StatusCode::kEmptyInput},
      {"   \n\n\t ", StatusCode::kEmptyInput},
      {std::string("\x00\x01\x02\x03", 4), StatusCode::kBinaryInput},
      {"%PDF-1.4 report", StatusCode::kNeedsPdfText},
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), StatusCode::kUnsupportedFormat},
      {std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\x01'), StatusCode::kUnsupportedFormat},
      {std::string("PK\x03\x04", 4) + "word/document.xml but no directory", StatusCode::kDamagedFile},
      {"<html><body><p>你好</p><table><tr><td>1</td></tr></table></body></html>", StatusCode::kNotAReport},
      {"<!DOCTYPE html><html><head><title>空</title></head><body></body></html>", StatusCode::kNotAReport},
      {"今天天气很好，我们去公园散步。\n没有表格，也没有章节。\n", StatusCode::kNotAReport},
      {"hello world", StatusCode::kNotAReport},
      // Markup that never closes (each "](" and "]{" a link or span to look for), a frame's rule
      // that closes nothing: no report, found as fast as any other text (bench, not timed here).
      {[] { std::string s; for (int k = 0; k < 100000; ++k) s += "[](" ; return s; }(), StatusCode::kNotAReport},
      {[] { std::string s; for (int k = 0; k < 100000; ++k) s += "[a]{"; return s; }(), StatusCode::kNotAReport},
      {"+" + std::string(100000, '-') + "+\n| |\n", StatusCode::kNotAReport},
      {std::string(kMaxInputBytes + 10, ' '), StatusCode::kTooLarge},
  };
  for (const auto& c : cases) {
    INFO(c.bytes.substr(0, 20));
    Result<Report> r = Check(c.bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == c.code);
    CHECK_FALSE(r.status().message_zh().empty());
    CHECK_FALSE(r.status().message_en().empty());
    const std::string json = StatusToJson(r.status());
    CHECK(json.find(std::string("\"code\":\"") + StatusCodeName(c.code) + "\"") != std::string::npos);
  }
}

TEST_CASE("a sample reads the same in every encoding and line ending", "[bad_input][samples]") {
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) continue;
    INFO(name);
    const Report utf8 = CheckOk(text);
    std::string crlf;
    for (char c : text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    for (const std::string& bytes : {"\xEF\xBB\xBF" + text, "\xFF\xFE" + Encode("UTF-16LE", text),
                                     Encode("GB18030", text), crlf}) {
      const Report other = CheckOk(bytes);
      CHECK(CellValues(other) == CellValues(utf8));
      CHECK(other.summary.errors == utf8.summary.errors);
      CHECK(other.findings.size() == utf8.findings.size());
    }
    // Spans count code points, so they do not depend on the encoding either.
    const Report gb = CheckOk(Encode("GB18030", text));
    CHECK(gb.encoding == "GB18030");
    REQUIRE(gb.cells.size() == utf8.cells.size());
    for (size_t k = 0; k < gb.cells.size(); ++k) {
      CHECK(gb.cells[k].span.begin == utf8.cells[k].span.begin);
    }
  }
}

TEST_CASE("a damaged byte in a report is reported where it is, and the rest is checked", "[bad_input][samples]") {
  const std::string text = SampleText("004_2621131c2785ac51");
  if (text.empty()) return;
  std::string damaged = text;
  const size_t at = damaged.find("五、存在的主要问题");
  REQUIRE(at != std::string::npos);
  damaged[at + 1] = '\xFF';  // inside the three bytes of 五
  const Report r = CheckOk(damaged);
  const Finding* f = FirstFinding(r, "input.malformed");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
  CHECK(f->message_zh.find("第 " + std::to_string(at) + " 字节") != std::string::npos);
  CHECK(r.summary.cells_found == 200);
}

TEST_CASE("every truncation of every sample gives a consistent answer", "[bad_input][samples]") {
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) continue;
    const Report whole = CheckOk(text);
    int reports = 0, refusals = 0;
    for (size_t cut = 0; cut <= text.size(); cut += text.size() / 60 + 1) {
      INFO(name << " cut at " << cut);
      Result<Report> r = Check(text.substr(0, cut));
      if (!r.ok()) {
        ++refusals;
        CHECK(r.status().code() != StatusCode::kInternal);
        continue;
      }
      ++reports;
      CheckConsistent(r.value());
      // A cell read from a prefix is a cell of the whole report, with the same value, unless it is
      // the very cell the cut went through.
      for (const Cell& cell : r.value().cells) {
        const Cell* full = whole.FindCell(cell.id);
        REQUIRE(full != nullptr);
        if (cell.span.end + 2 < r.value().source.size()) CHECK(cell.raw == full->raw);
      }
    }
    CHECK(reports > 10);
    CHECK(refusals >= 1);  // the empty prefix at least
  }
}

TEST_CASE("random bytes never crash and never pass for a report", "[bad_input]") {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 200; ++round) {
    std::string bytes(1 + next() % 4000, '\0');
    for (char& c : bytes) c = static_cast<char>(next() & 0xFF);
    Result<Report> r = Check(bytes);
    INFO("round " << round);
    if (r.ok()) {
      CheckConsistent(r.value());
      CHECK(r.value().summary.cells_found == 0);
    } else {
      CHECK(r.status().code() != StatusCode::kInternal);
    }
  }
}

}  // namespace
}  // namespace gouji::testing
