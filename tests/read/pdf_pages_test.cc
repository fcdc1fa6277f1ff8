// read/pdf_pages.cc: positioned text (pdf_page.h) from the JSON the page's pdf.js reader writes,
// and back. The reader is gouji's own, so its JSON is tested here piece by piece: escapes, members it
// does not use, and malformed input, which must fail and never be half read.
#include "gouji/pdf_page.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "gouji/status.h"

namespace gouji {
namespace {

std::vector<PdfPage> Read(const std::string& json) {
  Result<std::vector<PdfPage>> pages = PdfPagesFromJson(json);
  INFO(json);
  INFO(pages.status().message_en());
  REQUIRE(pages.ok());
  return std::move(pages).value();
}

// The one item of a one-page document.
PdfTextItem ItemOf(const std::string& item_json) {
  const std::vector<PdfPage> pages = Read(R"({"pages":[{"width":1,"height":2,"items":[)" + item_json + "]}]}");
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].items.size() == 1);
  return pages[0].items[0];
}

TEST_CASE("positioned text comes from JSON and goes back to it", "[pdf_pages]") {
  const std::string json = R"({"pages":[{"width":595.3,"height":841.9,"items":[{"x":1.25,"y":2.5,"w":3.75,"h":4.5,"text":"一、总体情况"}]}]})";
  const std::vector<PdfPage> pages = Read(json);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].width == 595.3);
  CHECK(pages[0].height == 841.9);
  REQUIRE(pages[0].items.size() == 1);
  const PdfTextItem& item = pages[0].items[0];
  CHECK(item.x == 1.25);
  CHECK(item.y == 2.5);
  CHECK(item.width == 3.75);
  CHECK(item.height == 4.5);
  CHECK(item.text == "一、总体情况");
  CHECK(PdfPagesToJson(pages) == json);
}

TEST_CASE("pages and items keep their order; an empty document and an empty page are read", "[pdf_pages]") {
  CHECK(Read(R"({"pages":[]})").empty());
  const std::vector<PdfPage> pages = Read(
      R"({"pages":[{"width":10.5,"height":20.5,"items":[]},)"
      R"({"width":30.5,"height":40.5,"items":[{"text":"甲","x":1.5},{"text":"乙","x":2.5},{"text":"丙","x":0.5}]}]})");
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].items.empty());
  CHECK(pages[1].width == 30.5);
  REQUIRE(pages[1].items.size() == 3);
  CHECK(pages[1].items[0].text == "甲");
  CHECK(pages[1].items[1].text == "乙");
  CHECK(pages[1].items[2].text == "丙");
  CHECK(pages[1].items[2].x == 0.5);
  // Members not given stay 0.
  CHECK(pages[1].items[0].y == 0);
  CHECK(pages[1].items[0].height == 0);
}

TEST_CASE("strings: every JSON escape, and UTF-16 surrogate pairs", "[pdf_pages]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("plain")", "plain"},
      {R"("")", ""},
      {R"("\"")", "\""},
      {R"("\\")", "\\"},
      {R"("\/")", "/"},
      {R"("a\bb\fc\nd\re\tf")", "a\bb\fc\nd\re\tf"},
      {R"("\u0041\u00e9\u00E9")", "A\xC3\xA9\xC3\xA9"},   // é in lower and upper case hex
      {R"("\u4e00\u4E8C")", "一二"},
      {R"("\u3000")", "\xE3\x80\x80"},
      {R"("\ud83d\ude00")", "\xF0\x9F\x98\x80"},           // 😀 as a surrogate pair
      {R"("\uD840\uDC00")", "\xF0\xA0\x80\x80"},           // 𠀀 (extension B)
      {R"("\u0000")", std::string(1, '\0')},
      {"\"总计 (七)\"", "总计 (七)"},                        // UTF-8 as it is
  };
  for (const auto& [json, text] : cases) {
    INFO(json);
    CHECK(ItemOf(R"({"text":)" + json + "}").text == text);
  }
}

TEST_CASE("numbers: signs, fractions and exponents", "[pdf_pages]") {
  const std::vector<std::pair<std::string, double>> cases = {
      {"0", 0}, {"12", 12}, {"-3", -3}, {"0.5", 0.5}, {"-1.5e1", -15}, {"2E2", 200}, {"1e-2", 0.01}, {"595.28", 595.28},
  };
  for (const auto& [json, value] : cases) {
    INFO(json);
    CHECK(ItemOf(R"({"text":"a","x":)" + json + "}").x == value);
  }
}

TEST_CASE("members the reader does not use are skipped, whatever they hold", "[pdf_pages]") {
  // pdf.js's items carry dir, hasEOL, fontName, transform; a later writer may add more.
  const std::vector<PdfPage> pages = Read(
      R"({"version":[1,{"a":null}],"meta":{"s":"} ] \" {","n":-2.5e3,"t":true,"f":false,"z":null,"o":{},"l":[]},)"
      R"("pages":[{"rotate":90,"items":[{"text":"\u4e00\ud83d\ude00\n\"","x":-1.5e1,"dir":"ltr","hasEOL":true,)"
      R"("transform":[1,0,0,1,72.5,700],"fontName":"g_d0_f1"}],"view":[0,0,595,842]}],"after":"x"})");
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].items.size() == 1);
  CHECK(pages[0].items[0].text == "一\U0001F600\n\"");
  CHECK(pages[0].items[0].x == -15);
  // Nested a few levels deep, as real members are.
  CHECK(Read(R"({"a":[[[{"b":[[1]]}]]],"pages":[]})").empty());
}

TEST_CASE("white space between tokens is allowed anywhere JSON allows it", "[pdf_pages]") {
  const std::vector<PdfPage> pages =
      Read(" \n{ \"pages\" :\t[ { \"width\" : 1.5 ,\r\n \"items\" : [ { \"text\" : \"a\" , \"x\" : 2.5 } ] } ] }\n ");
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].width == 1.5);
  REQUIRE(pages[0].items.size() == 1);
  CHECK(pages[0].items[0].x == 2.5);
}

TEST_CASE("malformed positioned text is refused as a whole", "[pdf_pages]") {
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"nothing", ""},
      {"only white space", "  \n"},
      {"an array, not an object", "[]"},
      {"no pages", "{}"},
      {"pages not an array", R"({"pages":3})"},
      {"a page not an object", R"({"pages":[1]})"},
      {"a page without items", R"({"pages":[{"width":1,"height":2}]})"},
      {"items not an array", R"({"pages":[{"items":{}}]})"},
      {"an item without text", R"({"pages":[{"items":[{"x":1}]}]})"},
      {"text not a string", R"({"pages":[{"items":[{"text":5}]}]})"},
      {"a position not a number", R"({"pages":[{"items":[{"text":"a","x":"1"}]}]})"},
      {"a position out of range", R"({"pages":[{"items":[{"text":"a","x":1e999}]}]})"},
      {"a number of more than 32 characters", R"({"pages":[{"items":[{"text":"a","x":1.0000000000000000000000000000000001}]}]})"},
      {"a number that is not one", R"({"pages":[{"items":[{"text":"a","x":1.2.3}]}]})"},
      {"a width that is not a number", R"({"pages":[{"width":null,"items":[]}]})"},
      {"something after the object", R"({"pages":[]} x)"},
      {"two objects", R"({"pages":[]}{"pages":[]})"},
      {"cut short", R"({"pages":[{"items":[{"text":"a")"},
      {"cut short in a string", R"({"pages":[{"items":[{"text":"a)"},
      {"cut short in an escape", R"({"pages":[{"items":[{"text":"\)"},
      {"a trailing comma in an object", R"({"pages":[],})"},
      {"a trailing comma in an array", R"({"pages":[{"items":[],},]})"},
      {"a missing colon", R"({"pages"[]})"},
      {"a key not a string", R"({pages:[]})"},
      {"single quotes", R"({'pages':[]})"},
      {"an unknown escape", R"({"pages":[{"items":[{"text":"\x41"}]}]})"},
      {"a short \\u escape", R"({"pages":[{"items":[{"text":"\u41"}]}]})"},
      {"a \\u escape that is not hex", R"({"pages":[{"items":[{"text":"\u00g1"}]}]})"},
      {"a high surrogate alone", R"({"pages":[{"items":[{"text":"\ud800"}]}]})"},
      {"a high surrogate and no low one", R"({"pages":[{"items":[{"text":"\ud800\u0041"}]}]})"},
      {"a raw line break in a string", "{\"pages\":[{\"items\":[{\"text\":\"a\nb\"}]}]}"},
      {"a raw control character in a string", "{\"pages\":[{\"items\":[{\"text\":\"a\x01\"}]}]}"},
      {"a misspelt literal", R"({"x":tru,"pages":[]})"},
      {"an unknown member nested too deep", R"({"deep":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]],"pages":[]})"},
  };
  for (const auto& [what, json] : cases) {
    INFO(what << ": " << json);
    Result<std::vector<PdfPage>> r = PdfPagesFromJson(json);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kInternal);
    CHECK_FALSE(r.status().message_zh().empty());
    CHECK_FALSE(r.status().message_en().empty());
  }
}

TEST_CASE("positioned text is written with two decimals, its text escaped as JSON", "[pdf_pages]") {
  PdfPage page;
  page.width = 595.2756;
  page.height = 841.8898;
  page.items.push_back({1.234, 10.006, 3.25, -2.3456, "\"引号\"\t\n\\"});
  page.items.push_back({0.5, 0.25, 0.75, 1.5, std::string("a\x01z")});
  CHECK(PdfPagesToJson({page}) ==
        R"({"pages":[{"width":595.28,"height":841.89,"items":[)"
        R"({"x":1.23,"y":10.01,"w":3.25,"h":-2.35,"text":"\"引号\"\t\n\\"},)"
        R"({"x":0.5,"y":0.25,"w":0.75,"h":1.5,"text":"a\u0001z"}]}]})");
  CHECK(PdfPagesToJson({}) == R"({"pages":[]})");
  // Bytes that are not UTF-8 become U+FFFD rather than JSON no reader accepts.
  PdfPage bad;
  bad.width = 1.5;
  bad.height = 2.5;
  bad.items.push_back({0.5, 0.5, 0.5, 0.5, "a\xFF" "b"});
  CHECK(PdfPagesToJson({bad}) ==
        "{\"pages\":[{\"width\":1.5,\"height\":2.5,\"items\":[{\"x\":0.5,\"y\":0.5,\"w\":0.5,\"h\":0.5,\"text\":\"a\xEF\xBF\xBD"
        "b\"}]}]}");
  // What it writes, it reads.
  const std::vector<PdfPage> back = Read(PdfPagesToJson({page}));
  REQUIRE(back.size() == 1);
  REQUIRE(back[0].items.size() == 2);
  CHECK(back[0].items[0].text == page.items[0].text);
  CHECK(back[0].items[1].text == page.items[1].text);
  CHECK(back[0].items[0].x == 1.23);
}

}  // namespace
}  // namespace gouji

namespace gouji {
namespace {

TEST_CASE("a page's ruling lines come and go as [x0, y0, x1, y1]", "[pdf_pages]") {
  const std::string json =
      R"({"pages":[{"width":595.3,"height":841.9,"items":[],"lines":[[56.35,71.3,539.0,71.3],[56.35,71.3,56.35,90.5]]}]})";
  const std::vector<PdfPage> pages = Read(json);
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].segments.size() == 2);
  CHECK(pages[0].segments[0].x0 == 56.35);
  CHECK(pages[0].segments[0].y0 == 71.3);
  CHECK(pages[0].segments[0].x1 == 539);
  CHECK(pages[0].segments[0].y1 == 71.3);
  CHECK(pages[0].segments[1].y1 == 90.5);
  CHECK(PdfPagesToJson(pages) == json);
  // A line of three numbers, or five, or one that is not a number, is malformed.
  for (const char* lines : {"[[1,2,3]]", "[[1,2,3,4,5]]", "[[1,2,3,\"4\"]]", "[1,2,3,4]"}) {
    INFO(lines);
    CHECK_FALSE(PdfPagesFromJson(std::string(R"({"pages":[{"width":1,"height":1,"items":[],"lines":)") + lines + "}]}").ok());
  }
}

}  // namespace
}  // namespace gouji
