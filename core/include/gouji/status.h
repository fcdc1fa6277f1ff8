// Status: why an input could not be checked at all.
//
// A Status is returned, never thrown, by every stage that can refuse its input. It carries a code a
// program can switch on, the same message in Chinese and English for the person who gave the input,
// and, where the problem sits at a place in the input, its byte offset. "Ok" carries no message.
//
// Problems *inside* a report that could be read (a sum that does not add up, a blank cell) are not
// Statuses: they are Findings (see report.h).
#ifndef GOUJI_STATUS_H_
#define GOUJI_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace gouji {

enum class StatusCode {
  kOk = 0,
  kEmptyInput,         // no bytes, or only white space
  kTooLarge,           // larger than kMaxInputBytes
  kBinaryInput,        // not text (NUL bytes, control characters)
  kUnsupportedFormat,  // a format gouji does not read (.doc, .wps, images, a zip that is not .docx)
  kDamagedFile,        // a format gouji reads (.docx, HTML), but this file of it is broken
  kNeedsPdfText,       // a PDF: the caller extracts its positioned text and calls CheckPdfText()
  kNoText,             // a PDF (or document) without any text: a scan
  kBadEncoding,        // bytes that decode in no supported encoding
  kNotAReport,         // text, but none of the report's sections or tables were found
  kUnreadable,         // the file could not be read (the CLI's, before any checking)
  kMissingData,        // a build without the GB18030 tables met GB18030 text: load them (AddIcuData), retry
  kInternal,           // a library (ICU) failed; a bug or a broken build, not the user's input
};

// A stable identifier for the code ("empty_input", ...), used in JSON and by the CLI.
const char* StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // Ok
  Status(StatusCode code, std::string message_zh, std::string message_en,
         std::optional<uint64_t> byte_offset = std::nullopt)
      : code_(code),
        message_zh_(std::move(message_zh)),
        message_en_(std::move(message_en)),
        byte_offset_(byte_offset) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message_zh() const { return message_zh_; }
  const std::string& message_en() const { return message_en_; }
  const std::optional<uint64_t>& byte_offset() const { return byte_offset_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_zh_;
  std::string message_en_;
  std::optional<uint64_t> byte_offset_;
};

// The Status a Result made of an OK Status holds instead: an OK Result always has a value.
Status OkStatusWithoutValue();

// A value or the Status that explains why there is none. A Result is ok() exactly when it holds a
// value: one made of an OK Status (`Result<Document> r = Status();`) is not ok, and its status()
// says so (kInternal), so that value() is never reached on an empty Result by a caller that checks
// ok() first. value() on a Result that is not ok() stops the program.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status)                          // NOLINT: implicit by design
      : status_(status.ok() ? OkStatusWithoutValue() : std::move(status)) {}

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const& { return value_.value(); }
  T& value() & { return value_.value(); }
  T&& value() && { return std::move(value_.value()); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace gouji

#endif  // GOUJI_STATUS_H_
