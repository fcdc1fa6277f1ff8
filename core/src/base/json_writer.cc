#include "base/json_writer.h"

#include <nlohmann/detail/conversions/to_chars.hpp>
#include <unicode/utf8.h>

#include <array>
#include <cmath>

namespace gouji {
namespace {

// `s` with each ill-formed sequence replaced by U+FFFD: each maximal subpart of a sequence, as ICU's
// U8_NEXT and nlohmann's replace handler both count them ("\xE4\xB8y" is U+FFFD then "y",
// "\xED\xA0\x80" three of them).
std::string WithReplacements(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) {
      out.append("\xEF\xBF\xBD");
    } else {
      out.append(s.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

}  // namespace

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  first_.push_back(true);
}

void JsonWriter::Close(char c) {
  first_.pop_back();
  out_->push_back(c);
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Escaped(key);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Escaped(s);
}

// One pass: bytes are copied in runs, an ASCII byte that JSON needs escaped breaks a run, and a
// byte >= 0x80 is checked as the start of a UTF-8 sequence (strings are far below 2 GB: a report's
// input is at most 16 MB); at the first ill-formed one, what was
// written of `s` is taken back and `s` written again with its replacements.
void JsonWriter::Escaped(std::string_view s) {
  const size_t rollback = out_->size();
  out_->push_back('"');
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t plain = 0;  // start of the bytes not yet copied
  size_t i = 0;
  while (i < n) {
    const unsigned char c = bytes[i];
    if (c >= 0x80) {
      // ICU's U8_NEXT accepts what nlohmann's decoder does: no overlong forms, no surrogates,
      // nothing past U+10FFFF, nothing cut short.
      int32_t next = static_cast<int32_t>(i);
      UChar32 decoded;
      U8_NEXT(bytes, next, static_cast<int32_t>(n), decoded);
      if (decoded < 0) {
        out_->resize(rollback);
        Escaped(WithReplacements(s));
        return;
      }
      i = static_cast<size_t>(next);
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out_->append(s.data() + plain, i - plain);
    plain = ++i;
    switch (c) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\b': out_->append("\\b"); break;
      case '\f': out_->append("\\f"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out_->append(escaped, 6);
      }
    }
  }
  out_->append(s.data() + plain, n - plain);
  out_->push_back('"');
}

void JsonWriter::Int(int64_t v) {
  BeforeValue();
  out_->append(std::to_string(v));
}

void JsonWriter::Uint(uint64_t v) {
  BeforeValue();
  out_->append(std::to_string(v));
}

void JsonWriter::Double(double v) {
  BeforeValue();
  if (!std::isfinite(v)) {
    out_->append("null");
    return;
  }
  std::array<char, 64> buffer;
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
  out_->append(buffer.data(), end);
}

void JsonWriter::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::ZhEn(std::string_view zh, std::string_view en) {
  BeginObject();
  Key("zh");
  String(zh);
  Key("en");
  String(en);
  EndObject();
}

JsonNumber ToJsonNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return {true, static_cast<int64_t>(v), 0};
  const double rounded = std::round(v * 1e6) / 1e6;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 9e15) return {true, static_cast<int64_t>(rounded), 0};
  return {false, 0, std::fabs(v) < 1e9 ? rounded : v};
}

void JsonWriter::Number(double v) {
  const JsonNumber n = ToJsonNumber(v);
  if (n.integral) {
    Int(n.integer);
  } else {
    Double(n.real);
  }
}

}  // namespace gouji
