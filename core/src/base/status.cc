#include "gouji/status.h"

namespace gouji {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kEmptyInput: return "empty_input";
    case StatusCode::kTooLarge: return "too_large";
    case StatusCode::kBinaryInput: return "binary_input";
    case StatusCode::kUnsupportedFormat: return "unsupported_format";
    case StatusCode::kDamagedFile: return "damaged_file";
    case StatusCode::kNeedsPdfText: return "pdf_text_needed";
    case StatusCode::kNoText: return "no_text";
    case StatusCode::kBadEncoding: return "bad_encoding";
    case StatusCode::kNotAReport: return "not_a_report";
    case StatusCode::kUnreadable: return "unreadable";
    case StatusCode::kMissingData: return "missing_data";
    case StatusCode::kInternal: return "internal";
  }
  return "internal";
}

Status OkStatusWithoutValue() {
  return Status(StatusCode::kInternal, "内部错误：一个步骤既没有给出结果，也没有说明原因（这是 gouji 的问题，请报告）。",
                "Internal error: a step gave neither a result nor a reason (a bug in gouji; please report it).");
}

}  // namespace gouji
