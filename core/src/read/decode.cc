#include "read/decode.h"

#include <unicode/ucnv.h>
#include <unicode/udata.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

namespace gouji {
namespace {

struct DecodeAttempt {
  std::u32string text;
  size_t malformed = 0;
  std::optional<uint64_t> first_malformed_offset;
  bool converter_failed = false;
  bool converter_data_missing = false;  // the build has no tables for it (see kMissingData)
};

struct ErrorLog {
  const UChar* target_base = nullptr;
  size_t count = 0;
  std::optional<size_t> first_target_index;  // where the first U+FFFD went in the output
};

// ICU calls this for every byte sequence it cannot convert; it records where, then lets ICU's
// standard callback substitute U+FFFD.
void U_CALLCONV RecordAndSubstitute(const void* context, UConverterToUnicodeArgs* args,
                                    const char* code_units, int32_t length,
                                    UConverterCallbackReason reason, UErrorCode* error) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED) {
    auto* log = static_cast<ErrorLog*>(const_cast<void*>(context));
    ++log->count;
    if (!log->first_target_index) log->first_target_index = args->target - log->target_base;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, error);
}

// ICU's own name for its GB18030 table, which opens it even where the alias table is not loaded
// (the browser build registers the table late; see AddIcuData).
constexpr const char* kGb18030 = "gb18030";

Status MissingGb18030() {
  return Status(StatusCode::kMissingData, "需要加载 GB18030（GBK）编码数据才能读取这个文件。",
                "The GB18030 (GBK) tables must be loaded to read this file.");
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Well-formed UTF-8, most of what is read, decoded without a converter: the code points ICU's
// converter gives it. False (and `text` left as it was) at the first ill-formed sequence, which the
// converter then decodes and reports.
bool DecodeWellFormedUtf8(std::string_view bytes, std::u32string* text) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  std::u32string out;
  out.reserve(bytes.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
    out.push_back(static_cast<char32_t>(c));
  }
  *text = std::move(out);
  return true;
}

DecodeAttempt DecodeWith(const char* converter_name, std::string_view bytes) {
  DecodeAttempt attempt;
  if (std::string_view(converter_name) == "UTF-8" && bytes.size() < (size_t{1} << 31) &&
      DecodeWellFormedUtf8(bytes, &attempt.text)) {
    return attempt;
  }
  UErrorCode status = U_ZERO_ERROR;
  const char* icu_name = std::string_view(converter_name) == "GB18030" ? kGb18030 : converter_name;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) {
    attempt.converter_failed = true;
    attempt.converter_data_missing = status == U_FILE_ACCESS_ERROR || status == U_MISSING_RESOURCE_ERROR;
    return attempt;
  }
  // Every supported encoding takes at least one byte per UTF-16 unit, plus room for a flush.
  std::vector<UChar> utf16(bytes.size() + 8);
  // offsets[i] is the byte offset of the sequence that produced utf16[i]: it turns the output
  // position of the first substitution back into a byte offset in the input.
  std::vector<int32_t> offsets(utf16.size());
  ErrorLog log;
  log.target_base = utf16.data();
  ucnv_setToUCallBack(converter.get(), RecordAndSubstitute, &log, nullptr, nullptr, &status);
  UChar* target = utf16.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, utf16.data() + utf16.size(), &source,
                 bytes.data() + bytes.size(), offsets.data(), /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    attempt.converter_failed = true;
    return attempt;
  }
  const int32_t length = static_cast<int32_t>(target - utf16.data());
  attempt.text.reserve(length);
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U16_NEXT(utf16.data(), i, length, c);
    attempt.text.push_back(static_cast<char32_t>(c));
  }
  attempt.malformed = log.count;
  if (log.first_target_index && *log.first_target_index < static_cast<size_t>(length))
    attempt.first_malformed_offset = static_cast<uint64_t>(offsets[*log.first_target_index]);
  return attempt;
}

// UTF-16 without a byte-order mark: CJK text has few zero bytes, but ASCII line breaks, digits and
// punctuation give a zero in every other byte.
std::optional<const char*> SniffUtf16(std::string_view bytes) {
  size_t sample = std::min<size_t>(bytes.size(), 4096) & ~size_t{1};
  if (sample < 16) return std::nullopt;
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i < sample; i += 2) {
    even_zero += bytes[i] == 0;
    odd_zero += bytes[i + 1] == 0;
  }
  const size_t pairs = sample / 2;
  // (A few CJK characters, such as 一 U+4E00, have a zero low byte: allow some on the other side.)
  if (odd_zero * 5 > pairs && even_zero * 10 < pairs) return "UTF-16LE";
  if (even_zero * 5 > pairs && odd_zero * 10 < pairs) return "UTF-16BE";
  return std::nullopt;
}

bool LooksBinary(std::string_view bytes) {
  size_t sample = std::min<size_t>(bytes.size(), 65536);
  size_t controls = 0;
  for (size_t i = 0; i < sample; ++i) {
    const unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b == 0) return true;
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1A)
      ++controls;
  }
  return controls * 100 > sample;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

Status EncodingError(const DecodeAttempt& attempt, const char* encoding, uint64_t base) {
  const uint64_t offset = base + attempt.first_malformed_offset.value_or(0);
  return Status(StatusCode::kBadEncoding,
                "无法按 " + std::string(encoding) + " 解码：第 " + std::to_string(offset) +
                    " 字节起有 " + std::to_string(attempt.malformed) +
                    " 处无效字节。请确认文件是文本文件，或用 --encoding 指定编码（utf-8 或 gb18030）。",
                "Cannot decode as " + std::string(encoding) + ": " +
                    std::to_string(attempt.malformed) + " invalid byte sequence(s), the first at byte " +
                    std::to_string(offset) +
                    ". Make sure this is a text file, or name its encoding with --encoding "
                    "(utf-8 or gb18030).",
                offset);
}

}  // namespace

bool AddIcuData(const void* package) {
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(package, &status);
  return U_SUCCESS(status);
}

Status CheckInputSize(std::string_view bytes) {
  if (bytes.empty()) {
    return Status(StatusCode::kEmptyInput, "输入为空：没有可检查的内容。",
                  "The input is empty: there is nothing to check.");
  }
  if (bytes.size() > kMaxInputBytes) {
    return Status(StatusCode::kTooLarge,
                  "输入过大（" + std::to_string(bytes.size()) + " 字节，上限 " +
                      std::to_string(kMaxInputBytes) + " 字节）：年度报告的文字通常只有几十 KB。",
                  "The input is too large (" + std::to_string(bytes.size()) + " bytes, limit " +
                      std::to_string(kMaxInputBytes) +
                      " bytes): the text of an annual report is usually tens of kilobytes.");
  }
  return Status();
}

Result<DecodedText> Decode(std::string_view bytes, Encoding requested) {
  if (Status size = CheckInputSize(bytes); !size.ok()) return size;
  std::string_view body = bytes;
  uint64_t base = 0;
  const char* encoding = nullptr;
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    encoding = "UTF-8";
    base = 3;
  } else if (StartsWith(bytes, "\xFF\xFE")) {
    encoding = "UTF-16LE";
    base = 2;
  } else if (StartsWith(bytes, "\xFE\xFF")) {
    encoding = "UTF-16BE";
    base = 2;
  } else if (requested == Encoding::kUtf16 || requested == Encoding::kAuto) {
    if (auto sniffed = SniffUtf16(bytes)) encoding = *sniffed;
    else if (requested == Encoding::kUtf16) encoding = "UTF-16LE";
  }
  if (requested == Encoding::kUtf8) encoding = "UTF-8";
  if (requested == Encoding::kGb18030) encoding = "GB18030";
  body = bytes.substr(base);

  const bool is_utf16 = encoding && std::string_view(encoding).substr(0, 6) == "UTF-16";
  if (!is_utf16 && LooksBinary(body)) {
    return Status(StatusCode::kBinaryInput,
                  "这不是文本文件（含有二进制数据）。请粘贴报告的文字，或选择 .txt 文件。",
                  "This is not a text file (it holds binary data). Paste the report's text, or "
                  "choose a .txt file.");
  }

  DecodeAttempt attempt;
  if (requested == Encoding::kGb18030 && !is_utf16) {
    // Valid UTF-8 with Chinese in it decodes as GB18030 too -- into nonsense. Named by mistake, it
    // would be checked as a different text; say so instead.
    DecodeAttempt utf8 = DecodeWith("UTF-8", body);
    size_t non_ascii = 0;
    for (char32_t c : utf8.text) non_ascii += c >= 0x80;
    if (!utf8.converter_failed && utf8.malformed == 0 && non_ascii >= 8) {
      return Status(StatusCode::kBadEncoding,
                    "无法按 GB18030 解码：这些字节是 UTF-8 文本，按 GB18030 读取会变成乱码。请改用 "
                    "--encoding utf-8，或不指定编码。",
                    "Cannot decode as GB18030: these bytes are UTF-8 text and would read as "
                    "nonsense. Use --encoding utf-8, or name no encoding.");
    }
  }
  if (encoding) {
    attempt = DecodeWith(encoding, body);
  } else {
    // No mark and no request: UTF-8 if it is valid, else GB18030, else whichever is less damaged.
    encoding = "UTF-8";
    attempt = DecodeWith(encoding, body);
    if (!attempt.converter_failed && attempt.malformed > 0) {
      DecodeAttempt gb = DecodeWith("GB18030", body);
      if (gb.converter_data_missing) return MissingGb18030();
      if (!gb.converter_failed && gb.malformed < attempt.malformed) {
        attempt = std::move(gb);
        encoding = "GB18030";
      }
    }
  }
  if (attempt.converter_data_missing) return MissingGb18030();
  if (attempt.converter_failed) {
    return Status(StatusCode::kInternal, std::string("内部错误：无法打开字符集转换器 ") + encoding,
                  std::string("Internal error: cannot open the converter for ") + encoding);
  }
  // A few bad bytes in a real report are worth checking around (and are reported); a text that is
  // mostly undecodable is the wrong encoding, and checking it would be a silent wrong answer.
  if (attempt.malformed * 20 > attempt.text.size() + 1) {
    return EncodingError(attempt, encoding, base);
  }

  DecodedText decoded;
  decoded.text = std::move(attempt.text);
  decoded.encoding = encoding;
  decoded.malformed = attempt.malformed;
  if (attempt.first_malformed_offset) decoded.first_malformed_offset = base + *attempt.first_malformed_offset;
  size_t i = 0;
  while (i < decoded.text.size() && (decoded.text[i] == U' ' || decoded.text[i] == U'\n' ||
                                     decoded.text[i] == U'\r' || decoded.text[i] == U'\t' ||
                                     decoded.text[i] == 0x3000 || decoded.text[i] == 0xA0))
    ++i;
  if (i == decoded.text.size()) {
    return Status(StatusCode::kEmptyInput, "输入只有空白，没有可检查的内容。",
                  "The input holds only white space: there is nothing to check.");
  }
  return decoded;
}

}  // namespace gouji
