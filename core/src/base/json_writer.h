// JSON written straight into a string, without building a DOM first: the report's JSON is most of
// a check's output, and building nlohmann values only to dump them cost a quarter of a check's time.
// The bytes are those nlohmann's dump(-1, ' ', false, error_handler_t::replace) gives for the same
// values in the same order (tests/json_writer_test.cc compares them): strings keep UTF-8 as it is,
// escape `"` `\` and control characters as nlohmann does, and in a string that is not valid UTF-8
// each ill-formed sequence becomes one U+FFFD, where nlohmann puts its own; floats are written by
// nlohmann's shortest-round-trip printer (its one header: no JSON values are built, so none of
// nlohmann's DOM reaches the browser's WebAssembly).
//
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject(); w.Key("a"); w.Int(1); w.Key("b"); w.BeginArray(); w.String("x"); w.EndArray(); w.EndObject();
//   // out == {"a":1,"b":["x"]}
#ifndef GOUJI_BASE_JSON_WRITER_H_
#define GOUJI_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gouji {

// How gouji writes a number, in the report's JSON and the set's: integral numbers as integers ("4",
// not "4.0"), others with at most six decimals ("3851.869909", not the "3851.8699090000005" a sum
// of amounts can make).
struct JsonNumber {
  bool integral;
  int64_t integer;  // when integral
  double real;      // otherwise
};
JsonNumber ToJsonNumber(double v);

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The next value is this key's (inside an object).
  void Key(std::string_view key);

  void String(std::string_view s);
  void Int(int64_t v);
  void Uint(uint64_t v);
  void Double(double v);  // nlohmann's way: shortest round trip, "null" when not finite
  void Bool(bool v);
  void Null();
  void Number(double v);  // as ToJsonNumber says

  // Shapes every document of gouji's has: an array of strings (std::string or const char*), and a
  // message in both languages, {"zh": ..., "en": ...}.
  template <typename Strings>
  void StringArray(const Strings& strings) {
    BeginArray();
    for (const auto& s : strings) String(s);
    EndArray();
  }
  void ZhEn(std::string_view zh, std::string_view en);

 private:
  void BeforeValue();
  void Escaped(std::string_view s);  // `s` quoted and escaped
  void Open(char c);
  void Close(char c);

  std::string* out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace gouji

#endif  // GOUJI_BASE_JSON_WRITER_H_
