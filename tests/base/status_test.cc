#include "gouji/status.h"

#include <catch2/catch.hpp>

#include <string>

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

}  // namespace
}  // namespace gouji
