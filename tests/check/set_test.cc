// Reports checked together (gouji/set.h): members written out by hand, so that each expectation
// follows from the spec's cross-year rules and the numbers below, not from the checker.
#include "gouji/set.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace gouji::testing {
namespace {

const char* kColumns[] = {"natural", "commercial", "research", "social", "legal", "other", "total"};

Cell Number(const std::string& id, double v) {
  Cell c;
  c.id = id;
  c.value.kind = CellValue::Kind::kNumber;
  c.value.number = v;
  return c;
}

Cell Blank(const std::string& id) {
  Cell c;
  c.id = id;
  return c;
}

// A 2021-format member whose t3 rows 二 and 四 are the given columns' values (the rest 0), and
// whose t2 normative documents are (issued, repealed, in force).
SetMember Member(const std::string& file, const std::string& body, int year, std::vector<double> r2,
                 std::vector<double> r4, std::vector<double> normative = {0, 0, 0}) {
  SetMember m;
  m.file = file;
  m.body = body;
  m.year = year;
  m.t2_version = Template::k2021;
  m.t3_version = Template::k2021;
  for (size_t k = 0; k < 7; ++k) {
    m.cells.push_back(Number(std::string("t3.r2.") + kColumns[k], r2[k]));
    m.cells.push_back(Number(std::string("t3.r4.") + kColumns[k], r4[k]));
  }
  m.cells.push_back(Number("t2.normative.issued", normative[0]));
  m.cells.push_back(Number("t2.normative.repealed", normative[1]));
  m.cells.push_back(Number("t2.normative.in_force", normative[2]));
  for (const char* c : {"issued", "repealed", "in_force"}) m.cells.push_back(Number(std::string("t2.regulations.") + c, 0));
  return m;
}

SetVerdict VerdictOf(const ComparedPair& p, const std::string& rule) {
  for (const RuleVerdict& v : p.verdicts) {
    if (v.rule == rule) return v.verdict;
  }
  FAIL("no verdict for " << rule);
  return SetVerdict::kUnverifiable;
}

TEST_CASE("one body's two years: the carry-over holds column by column", "[set]") {
  const std::vector<SetMember> members = {
      Member("2022.txt", "淮安市洪泽区人民政府", 2022, {0, 0, 0, 0, 0, 0, 0}, {2, 1, 0, 0, 0, 0, 3}, {1, 0, 5}),
      Member("2023.txt", "洪泽区人民政府", 2023, {2, 1, 0, 0, 0, 0, 3}, {0, 0, 0, 0, 0, 0, 0}, {3, 1, 7}),
  };
  const SetReport set = CheckSet(members);
  REQUIRE(set.pairs.size() == 1);
  const ComparedPair& p = set.pairs[0];
  CHECK(p.files[0] == "2022.txt");
  CHECK(p.files[1] == "2023.txt");
  CHECK(p.years[0] == 2022);
  CHECK(p.years[1] == 2023);
  CHECK(VerdictOf(p, "cross_year.carry_over") == SetVerdict::kHolds);
  CHECK(VerdictOf(p, "cross_year.in_force") == SetVerdict::kHolds);  // 5 + 3 - 1 = 7
  CHECK(p.findings.empty());
  CHECK(set.not_compared.empty());
  CHECK(set.errors == 0);
}

TEST_CASE("a carry-over that differs fails, naming both files and years", "[set]") {
  const std::vector<SetMember> members = {
      Member("a.txt", "平潭综合实验区", 2021, {0, 0, 0, 0, 0, 0, 0}, {2, 0, 0, 0, 0, 0, 2}, {0, 0, 4}),
      Member("b.txt", "平潭", 2022, {1, 0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 0, 0}, {2, 0, 5}),
  };
  const SetReport set = CheckSet(members);
  REQUIRE(set.pairs.size() == 1);
  const ComparedPair& p = set.pairs[0];
  CHECK(VerdictOf(p, "cross_year.carry_over") == SetVerdict::kFails);
  CHECK(VerdictOf(p, "cross_year.in_force") == SetVerdict::kFails);  // 4 + 2 - 0 = 6, not 5
  // natural and total differ (1 against 2); the other five columns are 0 on both sides.
  std::vector<std::string> failed;
  for (const Finding& f : p.findings) {
    if (f.status == Finding::Status::kFailed) failed.push_back(f.rule + " " + f.cells[0]);
  }
  CHECK(failed == std::vector<std::string>{"cross_year.carry_over t3.r2.natural", "cross_year.carry_over t3.r2.total",
                                           "cross_year.in_force t2.normative.in_force"});
  const Finding& natural = p.findings[0];
  CHECK(natural.severity == Severity::kError);
  CHECK(natural.message_zh ==
        "自然人列，《b.txt》（2022 年）的“二、上年结转”应等于《a.txt》（2021 年）的“四、结转下年度继续办理”：1 与 2，相差 1。");
  CHECK(p.findings[2].severity == Severity::kWarning);
  CHECK(set.errors == 2);
  CHECK(set.warnings == 1);
}

TEST_CASE("blank cells make a comparison unverifiable, not failed", "[set]") {
  std::vector<SetMember> members = {
      Member("a.txt", "某镇", 2021, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}),
      Member("b.txt", "某镇", 2022, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}),
  };
  for (Cell& c : members[1].cells) {
    if (c.id == "t3.r2.legal") c = Blank("t3.r2.legal");
  }
  members[0].t2_version = Template::k2019;  // no documents in force to carry on
  const SetReport set = CheckSet(members);
  REQUIRE(set.pairs.size() == 1);
  CHECK(VerdictOf(set.pairs[0], "cross_year.carry_over") == SetVerdict::kUnverifiable);
  CHECK(VerdictOf(set.pairs[0], "cross_year.in_force") == SetVerdict::kUnverifiable);
  CHECK(set.errors == 0);
}

TEST_CASE("reports that form no pair are listed with the reason", "[set]") {
  std::vector<SetMember> members = {
      Member("a.txt", "洪泽区人民政府", 2021, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}),
      Member("b.txt", "洪泽区人民政府", 2023, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}),  // a year apart
      Member("c.txt", "洪泽镇人民政府", 2022, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}),  // a town, not the district
      Member("d.txt", "", 2022, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}),
  };
  const SetReport set = CheckSet(members);
  CHECK(set.pairs.empty());
  REQUIRE(set.not_compared.size() == 4);
  CHECK(set.not_compared[0].reason_zh == "这组文件中没有“洪泽区人民政府”2020 年或 2022 年的报告");
  CHECK(set.not_compared[3].reason_zh == "标题中没有机关名称，无法与其他年度的报告对应");
  // In the JSON: every report, and the pairs (none).
  const nlohmann::json j = nlohmann::json::parse(SetReportToJson(set, members));
  CHECK(j["set"]["reports"].size() == 4);
  CHECK(j["set"]["pairs"].empty());
  CHECK(j["set"]["not_compared"][1]["file"] == "b.txt");
}

TEST_CASE("a whole is the sum of its parts, cell by cell", "[set]") {
  SetMember whole = Member("county.txt", "某县", 2023, {3, 0, 0, 0, 0, 0, 3}, {1, 0, 0, 0, 0, 0, 1});
  whole.whole = true;
  const SetMember a = Member("a.txt", "某县教育局", 2023, {1, 0, 0, 0, 0, 0, 1}, {1, 0, 0, 0, 0, 0, 1});
  const SetMember b = Member("b.txt", "某县公安局", 2023, {2, 0, 0, 0, 0, 0, 2}, {1, 0, 0, 0, 0, 0, 1});
  const SetMember last_year = Member("old.txt", "某县", 2022, {0, 0, 0, 0, 0, 0, 0}, {3, 0, 0, 0, 0, 0, 3});
  const SetReport set = CheckSet({whole, a, b, last_year});
  REQUIRE(set.wholes.size() == 1);
  const WholeCheck& w = set.wholes[0];
  CHECK(w.parts == std::vector<std::string>{"a.txt", "b.txt"});  // not last year's
  CHECK(w.verdict == SetVerdict::kFails);
  // r2: 3 = 1 + 2 holds; r4: 1, but 1 + 1 = 2 fails in natural and total.
  std::vector<std::string> failed;
  for (const Finding& f : w.findings) {
    if (f.status == Finding::Status::kFailed) failed.push_back(f.cells[0] + " " + FormatNumber(*f.actual) + " " + FormatNumber(*f.expected));
  }
  CHECK(failed == std::vector<std::string>{"t3.r4.natural 1 2", "t3.r4.total 1 2"});
  CHECK(set.errors == 2);
  // The whole's last year is no pair with it: a whole is compared with its parts only.
  CHECK(set.pairs.empty());
}

// Sample 004 (中山市大涌镇, 2022) as a text, and the same text as the report on 2023; empty if the
// samples are absent.
std::pair<std::string, std::string> Sample004AndNextYear() {
  const std::string text = SampleText("004_2621131c2785ac51");
  if (text.empty()) return {};
  std::string next = text;
  const std::string title = "中山市大涌镇2022年政府信息公开工作年度报告";
  next.replace(next.find(title), title.size(), "中山市大涌镇2023年政府信息公开工作年度报告");
  return {text, next};
}

TEST_CASE("two checked reports: one body's two years, by their titles", "[samples][set]") {
  const auto [text, next] = Sample004AndNextYear();
  if (text.empty()) return;
  // 2023's 二 (all 0) is 2022's 四 (all 0), so the carry-over holds; its documents in force are
  // 2022's, though 2023 would then have issued 3 and repealed 6 normative documents (its t2, and
  // its prose): 2022's in force + 3 - 6 is not the same number, so that warning fails.
  const Report a = CheckOk(text), b = CheckOk(next);
  CHECK(a.body == "中山市大涌镇");
  std::vector<SetMember> members = MembersOf("2022.txt", a);
  for (SetMember& m : MembersOf("2023.txt", b)) members.push_back(std::move(m));
  REQUIRE(members.size() == 2);
  CHECK(members[0].t2_version == Template::k2021);
  CHECK(members[0].cells.size() == a.cells.size());
  const nlohmann::json j = nlohmann::json::parse(SetReportToJson(CheckSet(members), members));
  REQUIRE(j["set"]["pairs"].size() == 1);
  CHECK(j["set"]["pairs"][0]["files"] == nlohmann::json::array({"2022.txt", "2023.txt"}));
  CHECK(j["set"]["pairs"][0]["body"] == "中山市大涌镇");
  CHECK(j["set"]["pairs"][0]["verdicts"]["cross_year.carry_over"] == "holds");
  CHECK(j["set"]["pairs"][0]["verdicts"]["cross_year.in_force"] == "fails");
  CHECK(j["set"]["warnings"] == 1);
  CHECK(j["set"]["errors"] == 0);
}

TEST_CASE("a batch's members keep only what the pairs compare, and give the same verdicts", "[samples][set]") {
  const auto [text, next] = Sample004AndNextYear();
  if (text.empty()) return;
  const Report a = CheckOk(text), b = CheckOk(next);
  const SetMember kept = MemberOf("2022.txt", a, MemberCells::kPairs);
  // 2021's t2: 2 rows of 3 cells and 4 of 1 (the spec); t3's 二 and 四: 7 each. Nothing of t4.
  CHECK(kept.cells.size() == 10 + 14);
  for (const Cell& c : kept.cells) {
    INFO(c.id);
    CHECK((c.id.rfind("t2.", 0) == 0 || c.id.rfind("t3.r2.", 0) == 0 || c.id.rfind("t3.r4.", 0) == 0));
  }
  const SetReport set = CheckSet({kept, MemberOf("2023.txt", b, MemberCells::kPairs)});
  REQUIRE(set.pairs.size() == 1);
  CHECK(VerdictOf(set.pairs[0], "cross_year.carry_over") == SetVerdict::kHolds);
  CHECK(VerdictOf(set.pairs[0], "cross_year.in_force") == SetVerdict::kFails);
}

TEST_CASE("a report saved twice is a duplicate of the first, paired no further", "[set]") {
  const std::vector<double> zeros(7, 0);
  std::vector<SetMember> members;
  for (int k = 0; k < 200; ++k) members.push_back(Member("copy" + std::to_string(k) + ".txt", "洪泽区人民政府", 2023, zeros, zeros));
  members.push_back(Member("2024.txt", "淮安市洪泽区人民政府", 2024, zeros, zeros));
  // The same body and year, other numbers: a second version, compared as a report of its own.
  members.push_back(Member("corrected.txt", "洪泽区人民政府", 2023, zeros, {1, 0, 0, 0, 0, 0, 1}));
  const SetReport set = CheckSet(members);
  REQUIRE(set.duplicates.size() == 199);
  CHECK(set.duplicates[0].file == "copy1.txt");
  CHECK(set.duplicates[0].same_as == "copy0.txt");
  CHECK(set.duplicates[198].file == "copy199.txt");
  REQUIRE(set.pairs.size() == 2);
  CHECK(set.pairs[0].files[0] == "copy0.txt");
  CHECK(VerdictOf(set.pairs[0], "cross_year.carry_over") == SetVerdict::kHolds);
  CHECK(set.pairs[1].files[0] == "corrected.txt");  // its 四 is 1, 2024's 二 is 0
  CHECK(VerdictOf(set.pairs[1], "cross_year.carry_over") == SetVerdict::kFails);
  CHECK(set.not_compared.empty());
  const nlohmann::json j = nlohmann::json::parse(SetReportToJson(set, members));
  CHECK(j["set"]["duplicates"][0] == nlohmann::json({{"file", "copy1.txt"}, {"same_as", "copy0.txt"}}));
}

TEST_CASE("among many bodies, each report is paired with its own body's next year only", "[set]") {
  // 300 towns of one county, each with 2022 and 2023, given in a shuffled order, and one town
  // whose name differs only by its last character: 300 pairs, in the order of the later reports.
  std::vector<SetMember> members;
  const std::vector<double> zeros(7, 0);
  for (int k = 0; k < 300; ++k) {
    const std::string town = "某县" + std::to_string(k) + "镇";
    members.push_back(Member(town + "-2023.txt", town + "人民政府", 2023, zeros, zeros));
    members.push_back(Member(town + "-2022.txt", "某县" + town, 2022, zeros, zeros));
  }
  members.push_back(Member("lone.txt", "某县0乡", 2022, zeros, zeros));  // a 乡, not the 镇 "某县0镇"
  const SetReport set = CheckSet(members);
  REQUIRE(set.pairs.size() == 300);
  for (int k = 0; k < 300; ++k) {
    const std::string town = "某县" + std::to_string(k) + "镇";
    CHECK(set.pairs[k].files[0] == town + "-2022.txt");
    CHECK(set.pairs[k].files[1] == town + "-2023.txt");
  }
  REQUIRE(set.not_compared.size() == 1);
  CHECK(set.not_compared[0].file == "lone.txt");
}

}  // namespace
}  // namespace gouji::testing
