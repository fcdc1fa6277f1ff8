// base/json_writer.cc: the bytes it writes, by hand, and that they are nlohmann's for the same
// values (the report's JSON was nlohmann's, and stays the same bytes).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "base/json_writer.h"

namespace gouji {
namespace {

std::string WriteString(const std::string& s) {
  std::string out;
  JsonWriter w(&out);
  w.String(s);
  return out;
}

std::string WriteNumber(double v) {
  std::string out;
  JsonWriter w(&out);
  w.Number(v);
  return out;
}

std::string Nlohmann(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST_CASE("objects and arrays get their commas and colons", "[json]") {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a");
  w.Int(1);
  w.Key("b");
  w.BeginArray();
  w.String("x");
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.Null();
  w.EndArray();
  w.Key("c");
  w.Bool(false);
  w.Key("d");
  w.Uint(4294967295u);
  w.EndObject();
  CHECK(out == R"({"a":1,"b":["x",{},[],null],"c":false,"d":4294967295})");
}

TEST_CASE("strings are escaped as nlohmann escapes them", "[json]") {
  CHECK(WriteString("表三") == "\"表三\"");
  CHECK(WriteString("a\"b\\c") == R"("a\"b\\c")");
  CHECK(WriteString("\b\f\n\r\t") == R"("\b\f\n\r\t")");
  CHECK(WriteString(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\x7f\"");
  CHECK(WriteString(std::string("\0", 1)) == R"("\u0000")");
  CHECK(WriteString("") == "\"\"");
  // Not UTF-8: each bad sequence becomes U+FFFD, as nlohmann's replace handler makes it.
  for (const std::string bad : {std::string("a\xff" "b"), std::string("\xe4\xb8"), std::string("\xc0\xaf"),
                                std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("x\xe4\xb8y")}) {
    INFO(bad);
    CHECK(WriteString(bad) == Nlohmann(bad));
    CHECK(WriteString(bad).find("\xef\xbf\xbd") != std::string::npos);
  }
  // Each maximal subpart of an ill-formed sequence is one U+FFFD (by hand).
  CHECK(WriteString("x\xe4\xb8y") == "\"x\xef\xbf\xbdy\"");
  CHECK(WriteString("\xed\xa0\x80") == "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  CHECK(WriteString("\xe4\xb8") == "\"\xef\xbf\xbd\"");
  CHECK(WriteString("\"\xff\n") == "\"\\\"\xef\xbf\xbd\\n\"");
  // Valid at the edges of each range.
  for (const std::string good : {std::string("\xc2\x80"), std::string("\xdf\xbf"), std::string("\xe0\xa0\x80"),
                                 std::string("\xed\x9f\xbf"), std::string("\xef\xbf\xbf"), std::string("\xf0\x90\x80\x80"),
                                 std::string("\xf4\x8f\xbf\xbf")}) {
    CHECK(WriteString(good) == "\"" + good + "\"");
  }
}

TEST_CASE("gouji's numbers: integers without a point, at most six decimals", "[json]") {
  CHECK(WriteNumber(4) == "4");
  CHECK(WriteNumber(-12) == "-12");
  CHECK(WriteNumber(0) == "0");
  CHECK(WriteNumber(3851.8699090000005) == "3851.869909");
  CHECK(WriteNumber(0.5) == "0.5");
  CHECK(WriteNumber(2.0000001) == "2");
  CHECK(WriteNumber(1e20) == "1e+20");
  CHECK(WriteNumber(std::nan("")) == "null");
  CHECK(WriteNumber(std::numeric_limits<double>::infinity()) == "null");
}

TEST_CASE("every byte value and number comes out as nlohmann writes it", "[json]") {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  CHECK(WriteString(all) == Nlohmann(all));
  std::string ascii;
  for (int c = 0; c < 128; ++c) ascii.push_back(static_cast<char>(c));
  CHECK(WriteString(ascii) == Nlohmann(ascii));
  for (double v : {0.1, 1.5, -2.25, 123456.789, 1e-7, 5e15, 9.5e15, 1.2345678901e9}) {
    INFO(v);
    std::string out;
    JsonWriter w(&out);
    w.Double(v);
    CHECK(out == Nlohmann(v));
  }
}

}  // namespace
}  // namespace gouji
