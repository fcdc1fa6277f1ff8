// How gouji's JSON writes a number, shared by the report's JSON and the set's: integral numbers as
// integers ("4", not "4.0"), others with at most six decimals ("3851.869909", not the
// "3851.8699090000005" a sum of amounts can make).
#ifndef GOUJI_CHECK_JSON_NUMBER_H_
#define GOUJI_CHECK_JSON_NUMBER_H_

#include <nlohmann/json.hpp>

namespace gouji {

nlohmann::ordered_json NumberJson(double v);

}  // namespace gouji

#endif  // GOUJI_CHECK_JSON_NUMBER_H_
