// check/json.cc: small reports built by hand, and the exact JSON docs/json-schema.md says they give
// (keys in its order, integers without a point, null for what is unknown, nothing for what is absent).
#include <catch2/catch.hpp>

#include <string>

#include "gouji/check.h"

namespace gouji {
namespace {

Cell MakeCell(const char* id, const char* raw, CellValue::Kind kind, double number, Span span) {
  Cell cell;
  cell.id = id;
  cell.raw = raw;
  cell.value.kind = kind;
  cell.value.number = number;
  cell.span = span;
  return cell;
}

TEST_CASE("a report's JSON, key by key", "[json]") {
  Report r;
  r.format = "text";
  r.encoding = "GB18030";
  r.source = U"测试镇2022年政府信息公开工作年度报告\n一、总体情况";
  r.title = "测试镇2022年政府信息公开工作年度报告";
  r.year = 2022;
  r.year_source = "title";
  r.report_template = Template::k2021;
  r.sections = {{1, true, {21, 27}}, {2, false, {}}};
  r.tables = {{"t2", true, Template::k2021, "grid", {5, 9}, 10, 1},
              {"t3", false, Template::kUnknown, "", {}, 175, 0},
              {"t4", true, Template::kUnknown, "pipe", {10, 12}, 15, 3}};
  Cell amount = MakeCell("t2.fees.amount", "0.5万元", CellValue::Kind::kNumber, 0.5, {5, 10});
  amount.value.integral = false;
  amount.value.unit = "万元";
  r.cells = {amount, MakeCell("t4.review.total", "4", CellValue::Kind::kNumber, 4, {13, 14}),
             MakeCell("t4.review.upheld", "无", CellValue::Kind::kNotNumber, 0, {15, 16}),
             MakeCell("t4.review.other", "", CellValue::Kind::kBlank, 0, {17, 19})};

  Finding failed;
  failed.rule = "t4.sum";
  failed.severity = Severity::kError;
  failed.status = Finding::Status::kFailed;
  failed.table = "t4";
  failed.cells = {"t4.review.total", "t4.review.upheld", "t4.review.pending"};  // the last not found
  failed.subject_cells = {"t4.review.total"};
  failed.expected = 2.5;
  failed.actual = 4;
  failed.message_zh = "行政复议：总计(4)";
  failed.message_en = "total (4)";
  Finding unverifiable;
  unverifiable.rule = "t3.balance";
  unverifiable.severity = Severity::kInfo;
  unverifiable.status = Finding::Status::kUnverifiable;
  unverifiable.table = "t3";
  unverifiable.cells = {"t4.review.other"};
  unverifiable.unverified_cells = {"t4.review.other"};
  unverifiable.message_zh = "无法核对";
  unverifiable.message_en = "cannot check";
  Finding reported;
  reported.rule = "label.deviation";
  reported.severity = Severity::kWarning;
  reported.status = Finding::Status::kReported;
  reported.span = Span{2, 3};
  reported.message_zh = "“6.属于四类过程性信息0”\n";
  reported.message_en = "say \"0\"\\\t";
  r.findings = {failed, unverifiable, reported};
  r.body = "测试镇";
  r.fix = std::vector<CellChange>{{"t4.review.total", 4, 2.5}};
  r.summary.verdict = Verdict::kFail;
  r.summary.verdict_zh = "1 个错误";
  r.summary.verdict_en = "1 error";
  r.summary.incomplete = {{"cells_blank", 1, "1 个单元格为空", "1 cell is blank"}};
  r.summary.errors = r.summary.warnings = r.summary.infos = 1;
  r.summary.rules_checked = 2;
  r.summary.rules_failed = r.summary.rules_unverifiable = 1;
  r.summary.cells_found = 3;
  r.summary.cells_expected = 25;
  r.summary.cells_blank = 1;

  const std::string v = Version();
  CHECK(ReportToJson(r) ==
        "{\"gouji\":\"" + v + "\","
        "\"input\":{\"format\":\"text\",\"encoding\":\"GB18030\",\"characters\":27},"
        "\"report\":{\"template\":\"2021\",\"year\":2022,\"year_source\":\"title\","
        "\"title\":\"测试镇2022年政府信息公开工作年度报告\",\"body\":\"测试镇\","
        "\"sections\":[{\"number\":1,\"found\":true,\"span\":[21,27]},{\"number\":2,\"found\":false}],"
        "\"tables\":{"
        "\"t2\":{\"found\":true,\"template\":\"2021\",\"flattening\":\"grid\",\"span\":[5,9],\"cells_found\":1,\"cells_expected\":10},"
        "\"t3\":{\"found\":false,\"template\":null,\"cells_found\":0,\"cells_expected\":175},"
        "\"t4\":{\"found\":true,\"template\":null,\"flattening\":\"pipe\",\"span\":[10,12],\"cells_found\":3,\"cells_expected\":15}}},"
        "\"cells\":{"
        "\"t2.fees.amount\":{\"value\":0.5,\"raw\":\"0.5万元\",\"span\":[5,10],\"kind\":\"number\",\"unit\":\"万元\"},"
        "\"t4.review.total\":{\"value\":4,\"raw\":\"4\",\"span\":[13,14],\"kind\":\"number\"},"
        "\"t4.review.upheld\":{\"value\":null,\"raw\":\"无\",\"span\":[15,16],\"kind\":\"text\"},"
        "\"t4.review.other\":{\"value\":null,\"raw\":\"\",\"span\":[17,19],\"kind\":\"blank\"}},"
        "\"findings\":["
        "{\"rule\":\"t4.sum\",\"severity\":\"error\",\"status\":\"failed\",\"table\":\"t4\",\"cells\":["
        "{\"id\":\"t4.review.total\",\"value\":4,\"span\":[13,14]},"
        "{\"id\":\"t4.review.upheld\",\"value\":null,\"span\":[15,16]},"
        "{\"id\":\"t4.review.pending\",\"value\":null,\"found\":false}],"
        "\"subject\":[\"t4.review.total\"],\"expected\":2.5,\"actual\":4,\"message\":{\"zh\":\"行政复议：总计(4)\",\"en\":\"total (4)\"}},"
        "{\"rule\":\"t3.balance\",\"severity\":\"info\",\"status\":\"unverifiable\",\"table\":\"t3\",\"cells\":["
        "{\"id\":\"t4.review.other\",\"value\":null,\"span\":[17,19]}],"
        "\"unverified_cells\":[\"t4.review.other\"],\"message\":{\"zh\":\"无法核对\",\"en\":\"cannot check\"}},"
        "{\"rule\":\"label.deviation\",\"severity\":\"warning\",\"status\":\"reported\",\"table\":null,\"cells\":[],"
        "\"span\":[2,3],\"message\":{\"zh\":\"“6.属于四类过程性信息0”\\n\",\"en\":\"say \\\"0\\\"\\\\\\t\"}}],"
        "\"fix\":[{\"cell\":\"t4.review.total\",\"from\":4,\"to\":2.5}],"
        "\"summary\":{\"verdict\":\"fail\",\"verdict_message\":{\"zh\":\"1 个错误\",\"en\":\"1 error\"},"
        "\"incomplete\":[{\"reason\":\"cells_blank\",\"count\":1,\"message\":{\"zh\":\"1 个单元格为空\",\"en\":\"1 cell is blank\"}}],"
        "\"errors\":1,\"warnings\":1,\"infos\":1,\"rules_checked\":2,\"rules_failed\":1,"
        "\"rules_unverifiable\":1,\"cells_found\":3,\"cells_expected\":25,\"cells_blank\":1}}");
}

TEST_CASE("an empty report's JSON, and a published format's text in it", "[json]") {
  Report r;
  r.format = "html";
  r.encoding = "UTF-8";
  r.source = U"规章\t0\n";
  const std::string v = Version();
  CHECK(ReportToJson(r) ==
        "{\"gouji\":\"" + v + "\","
        "\"input\":{\"format\":\"html\",\"encoding\":\"UTF-8\",\"characters\":5,\"text\":\"规章\\t0\\n\"},"
        "\"report\":{\"template\":\"unknown\",\"year\":null,\"year_source\":null,\"title\":null,\"body\":null,"
        "\"sections\":[],\"tables\":{}},"
        "\"cells\":{},\"findings\":[],\"fix\":[],"
        "\"summary\":{\"verdict\":\"incomplete\",\"verdict_message\":{\"zh\":\"\",\"en\":\"\"},\"incomplete\":[],\"errors\":0,\"warnings\":0,\"infos\":0,\"rules_checked\":0,\"rules_failed\":0,"
        "\"rules_unverifiable\":0,\"cells_found\":0,\"cells_expected\":0,\"cells_blank\":0}}");
}

TEST_CASE("a refusal's JSON and a text's JSON", "[json]") {
  const std::string v = Version();
  CHECK(StatusToJson(Status(StatusCode::kEmptyInput, "输入为空", "empty")) ==
        "{\"gouji\":\"" + v + "\",\"error\":{\"code\":\"empty_input\",\"message\":{\"zh\":\"输入为空\",\"en\":\"empty\"}}}");
  CHECK(StatusToJson(Status(StatusCode::kBadEncoding, "无法解码", "cannot decode", 1234)) ==
        "{\"gouji\":\"" + v + "\",\"error\":{\"code\":\"bad_encoding\",\"message\":{\"zh\":\"无法解码\","
        "\"en\":\"cannot decode\"},\"byte_offset\":1234}}");
  CHECK(TextToJson("一\t\"二\"\n") == "{\"text\":\"一\\t\\\"二\\\"\\n\"}");
  CHECK(TextToJson("") == "{\"text\":\"\"}");
}

}  // namespace
}  // namespace gouji

namespace gouji {
namespace {

TEST_CASE("amounts in the JSON carry at most six decimals", "[json]") {
  Report r;
  Cell cell;
  cell.id = "t2.fees.amount";
  cell.raw = "3851.869909";
  cell.value.kind = CellValue::Kind::kNumber;
  cell.value.number = 3851.8699090000005;  // what a sum or a unit's conversion can leave
  cell.value.integral = false;
  r.cells = {cell};
  cell.id = "t2.procurement.amount";
  cell.value.number = 2.0000000001;  // six decimals make it whole
  r.cells.push_back(cell);
  const std::string json = ReportToJson(r);
  CHECK(json.find("\"t2.fees.amount\":{\"value\":3851.869909,") != std::string::npos);
  CHECK(json.find("\"t2.procurement.amount\":{\"value\":2,") != std::string::npos);
}

}  // namespace
}  // namespace gouji
