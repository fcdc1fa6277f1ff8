#include "gouji/status.h"

#include <catch2/catch.hpp>

#include <string>

#include "gouji/encoding.h"

namespace gouji {
namespace {

TEST_CASE("A Result holds a value or a Status that says why not", "[status]") {
  Result<std::string> value = std::string("text");
  CHECK(value.ok());
  CHECK(value.value() == "text");
  CHECK(value.status().code() == StatusCode::kOk);

  Result<std::string> refused = Status(StatusCode::kEmptyInput, "空", "empty");
  CHECK_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kEmptyInput);
  CHECK(refused.status().message_en() == "empty");
}

TEST_CASE("A Result made of an OK Status is not ok: it has no value to give", "[status]") {
  Result<std::string> empty = Status();
  CHECK_FALSE(empty.ok());
  CHECK(empty.status().code() == StatusCode::kInternal);
  CHECK_FALSE(empty.status().message_zh().empty());
  CHECK_FALSE(empty.status().message_en().empty());
}

TEST_CASE("Every status code has its stable name", "[status]") {
  CHECK(std::string(StatusCodeName(StatusCode::kOk)) == "ok");
  CHECK(std::string(StatusCodeName(StatusCode::kEmptyInput)) == "empty_input");
  CHECK(std::string(StatusCodeName(StatusCode::kTooLarge)) == "too_large");
  CHECK(std::string(StatusCodeName(StatusCode::kBinaryInput)) == "binary_input");
  CHECK(std::string(StatusCodeName(StatusCode::kUnsupportedFormat)) == "unsupported_format");
  CHECK(std::string(StatusCodeName(StatusCode::kDamagedFile)) == "damaged_file");
  CHECK(std::string(StatusCodeName(StatusCode::kNeedsPdfText)) == "pdf_text_needed");
  CHECK(std::string(StatusCodeName(StatusCode::kNoText)) == "no_text");
  CHECK(std::string(StatusCodeName(StatusCode::kBadEncoding)) == "bad_encoding");
  CHECK(std::string(StatusCodeName(StatusCode::kNotAReport)) == "not_a_report");
  CHECK(std::string(StatusCodeName(StatusCode::kUnreadable)) == "unreadable");
  CHECK(std::string(StatusCodeName(StatusCode::kMissingData)) == "missing_data");
  CHECK(std::string(StatusCodeName(StatusCode::kInternal)) == "internal");
}

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
