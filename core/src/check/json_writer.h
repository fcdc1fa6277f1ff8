// JSON written straight into a string, without building a DOM first: the report's JSON is most of
// a check's output, and building nlohmann values only to dump them cost a quarter of a check's time.
// The bytes are those nlohmann's dump(-1, ' ', false, error_handler_t::replace) gives for the same
// values in the same order (tests/json_writer_test.cc compares them): strings keep UTF-8 as it is,
// escape `"` `\` and control characters as nlohmann does, and a string that is not valid UTF-8 is
// handed to nlohmann itself so that its replacement characters are the same; floats are written by
// nlohmann's own shortest-round-trip printer.
//
//   std::string out;
//   JsonWriter w(&out);
//   w.BeginObject(); w.Key("a"); w.Int(1); w.Key("b"); w.BeginArray(); w.String("x"); w.EndArray(); w.EndObject();
//   // out == {"a":1,"b":["x"]}
#ifndef GOUJI_CHECK_JSON_WRITER_H_
#define GOUJI_CHECK_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gouji {

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
  // gouji's numbers (json_number.h): integral ones as integers, others with at most six decimals.
  void Number(double v);

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

#endif  // GOUJI_CHECK_JSON_WRITER_H_
