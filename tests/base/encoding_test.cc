#include "gouji/encoding.h"

#include <catch2/catch.hpp>

#include <optional>

namespace gouji {
namespace {

TEST_CASE("Encoding names: one reader for the CLI, the bindings and HTML's <meta charset>", "[encoding]") {
  struct Case {
    const char* name;
    std::optional<Encoding> expected;
  };
  const Case cases[] = {
      {"auto", Encoding::kAuto},        {"utf-8", Encoding::kUtf8},         {"UTF-8", Encoding::kUtf8},
      {"utf8", Encoding::kUtf8},        {"unicode-1-1-utf-8", Encoding::kUtf8},
      {"gbk", Encoding::kGb18030},      {"GBK", Encoding::kGb18030},        {"gb2312", Encoding::kGb18030},
      {"GB18030", Encoding::kGb18030},  {"cp936", Encoding::kGb18030},      {"x-gbk", Encoding::kGb18030},
      {"euc-cn", Encoding::kGb18030},   {"windows-936", Encoding::kGb18030},
      {"utf-16", Encoding::kUtf16},     {"utf16", Encoding::kUtf16},        {"UTF-16LE", Encoding::kUtf16},
      {"big5", std::nullopt},           {"shift_jis", std::nullopt},        {"", std::nullopt},
      {"utf-9", std::nullopt},          {"gbk ", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(EncodingFromName(c.name) == c.expected);
  }
}

}  // namespace
}  // namespace gouji
