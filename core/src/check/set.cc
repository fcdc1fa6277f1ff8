// Several reports together (gouji/set.h): one body's consecutive years, and a whole against its
// parts. The rules' IDs, severities and names are the registry's (format.h), like every other
// finding's.
#include "gouji/set.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "base/unicode.h"
#include "base/json_writer.h"
#include "check/rules.h"
#include "gouji/format.h"
#include "text/body.h"

namespace gouji {
namespace {

using Json = nlohmann::ordered_json;

const Cell* FindIn(const SetMember& m, const std::string& id) {
  for (const Cell& c : m.cells) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::optional<double> NumberOf(const SetMember& m, const std::string& id) {
  const Cell* c = FindIn(m, id);
  if (!c || c->value.kind != CellValue::Kind::kNumber) return std::nullopt;
  return c->value.number;
}

// "b.pdf（2024 年）", "b.pdf (2024)"
std::string NameZh(const SetMember& m) { return "《" + m.file + "》（" + std::to_string(*m.year) + " 年）"; }
std::string NameEn(const SetMember& m) { return "\"" + m.file + "\" (" + std::to_string(*m.year) + ")"; }

// The worst of the instances' verdicts: one failing fails the rule, else one unverifiable leaves
// it unverifiable.
void Worsen(SetVerdict* verdict, SetVerdict instance) {
  if (instance == SetVerdict::kFails || (instance == SetVerdict::kUnverifiable && *verdict == SetVerdict::kHolds)) {
    *verdict = instance;
  }
}

// One relation between cells of two reports (or of many): a finding when it fails or cannot be
// evaluated, and its verdict.
SetVerdict Compare(const char* rule, const std::string& table, const std::vector<std::string>& cells,
                   std::optional<double> lhs, std::optional<double> rhs, const std::string& what_zh,
                   const std::string& what_en, const std::string& sides_zh, const std::string& sides_en,
                   std::vector<Finding>* findings) {
  Finding f = NewFinding(rule, table);
  f.cells = cells;
  if (!lhs || !rhs) {
    f.severity = Severity::kInfo;
    f.status = Finding::Status::kUnverifiable;
    f.message_zh = what_zh + "：无法核对，有单元格为空或未找到。";
    f.message_en = what_en + ": cannot be checked, a cell is blank or not found.";
    findings->push_back(std::move(f));
    return SetVerdict::kUnverifiable;
  }
  if (std::fabs(*lhs - *rhs) < 1e-6) return SetVerdict::kHolds;
  f.status = Finding::Status::kFailed;
  f.actual = *lhs;
  f.expected = *rhs;
  const std::string difference = FormatNumber(std::fabs(*lhs - *rhs));
  f.message_zh = what_zh + "：" + sides_zh + "，相差 " + difference + "。";
  f.message_en = what_en + ": " + sides_en + ", a difference of " + difference + ".";
  findings->push_back(std::move(f));
  return SetVerdict::kFails;
}

// For every t3 column: 二 of year N = 四 of year N−1.
RuleVerdict CarryOver(const SetMember& before, const SetMember& after, std::vector<Finding>* findings) {
  RuleVerdict out{"cross_year.carry_over", SetVerdict::kHolds};
  const TableLayout* layout = FindLayout("t3", after.t3_version != Template::kUnknown ? after.t3_version : before.t3_version);
  if (!layout || before.t3_version == Template::kUnknown || after.t3_version == Template::kUnknown) {
    Finding f = NewFinding(out.rule.c_str(), "t3");
    f.severity = Severity::kInfo;
    f.status = Finding::Status::kUnverifiable;
    f.message_zh = NameZh(before) + "与" + NameZh(after) + "：有一份的表三未找到，无法核对上年结转。";
    f.message_en = NameEn(before) + " and " + NameEn(after) + ": table 3 of one was not found, so the carry-over cannot be checked.";
    findings->push_back(std::move(f));
    out.verdict = SetVerdict::kUnverifiable;
    return out;
  }
  for (const ColumnSpec& column : layout->rows.front().columns) {
    const std::string in = std::string("t3.r2.") + column.id, out_id = std::string("t3.r4.") + column.id;
    const std::optional<double> a = NumberOf(after, in), b = NumberOf(before, out_id);
    const std::string what_zh = column.short_zh + std::string("列，") + NameZh(after) + "的“二、上年结转”应等于" +
                                NameZh(before) + "的“四、结转下年度继续办理”";
    const std::string what_en = std::string("Column ") + column.short_en + ", " + NameEn(after) +
                                "'s II (carried over from last year) must equal " + NameEn(before) +
                                "'s IV (carried over to next year)";
    const std::string sides_zh = a && b ? FormatNumber(*a) + " 与 " + FormatNumber(*b) : "";
    const std::string sides_en = a && b ? FormatNumber(*a) + " against " + FormatNumber(*b) : "";
    Worsen(&out.verdict, Compare(out.rule.c_str(), "t3", {in, out_id}, a, b, what_zh, what_en, sides_zh, sides_en, findings));
  }
  return out;
}

// 2021 format: in_force(N) = in_force(N−1) + issued(N) − repealed(N), for 规章 and 规范性文件.
RuleVerdict InForce(const SetMember& before, const SetMember& after, std::vector<Finding>* findings) {
  RuleVerdict out{"cross_year.in_force", SetVerdict::kHolds};
  const TableLayout* layout = FindLayout("t2", Template::k2021);
  if (before.t2_version != Template::k2021 || after.t2_version != Template::k2021) {
    Finding f = NewFinding(out.rule.c_str(), "t2");
    f.severity = Severity::kInfo;
    f.status = Finding::Status::kUnverifiable;
    f.message_zh = NameZh(before) + "与" + NameZh(after) + "：表二不都是 2021 年版格式（有“现行有效件数”），无法核对现行有效件数的衔接。";
    f.message_en = NameEn(before) + " and " + NameEn(after) + ": table 2 is not in the 2021 format in both (with "
                   "documents in force), so their continuity cannot be checked.";
    findings->push_back(std::move(f));
    out.verdict = SetVerdict::kUnverifiable;
    return out;
  }
  for (const char* row : {"regulations", "normative"}) {
    const RowSpec* spec = layout->FindRow(row);
    const std::string prefix = std::string("t2.") + row + ".";
    const std::optional<double> now = NumberOf(after, prefix + "in_force"), then = NumberOf(before, prefix + "in_force");
    const std::optional<double> issued = NumberOf(after, prefix + "issued"), repealed = NumberOf(after, prefix + "repealed");
    std::optional<double> expected;
    if (then && issued && repealed) expected = *then + *issued - *repealed;
    const std::string what_zh = std::string(spec->short_zh) + "：" + NameZh(after) + "的现行有效件数应等于" + NameZh(before) +
                                "的现行有效件数加本年制发、减本年废止";
    const std::string what_en = std::string(spec->short_en) + ": " + NameEn(after) + "'s documents in force must be " +
                                NameEn(before) + "'s plus those issued less those repealed this year";
    std::string sides_zh, sides_en;
    if (now && expected) {
      sides_zh = FormatNumber(*now) + "，但 " + FormatNumber(*then) + " + " + FormatNumber(*issued) + " − " +
                 FormatNumber(*repealed) + " = " + FormatNumber(*expected) + "（文件也可能失效，故为警告）";
      sides_en = FormatNumber(*now) + ", but " + FormatNumber(*then) + " + " + FormatNumber(*issued) + " - " +
                 FormatNumber(*repealed) + " = " + FormatNumber(*expected) + " (documents can also lapse, hence a warning)";
    }
    Worsen(&out.verdict, Compare(out.rule.c_str(), "t2", {prefix + "in_force", prefix + "issued", prefix + "repealed"}, now,
                                 expected, what_zh, what_en, sides_zh, sides_en, findings));
  }
  return out;
}

// Every t3 and t4 cell of the whole = the sum of the parts'.
void SumOfParts(const SetMember& whole, const std::vector<const SetMember*>& parts, WholeCheck* check) {
  check->verdict = SetVerdict::kHolds;
  int unverifiable = 0;
  std::vector<std::string> unverified;
  for (const Cell& cell : whole.cells) {
    if (cell.id.rfind("t3.", 0) != 0 && cell.id.rfind("t4.", 0) != 0) continue;
    std::optional<double> sum = 0.0;
    std::string terms;
    for (const SetMember* part : parts) {
      const std::optional<double> v = NumberOf(*part, cell.id);
      if (!v) sum.reset();
      if (sum) {
        *sum += *v;
        terms += (terms.empty() ? "" : " + ") + FormatNumber(*v);
      }
    }
    const std::optional<double> total =
        cell.value.kind == CellValue::Kind::kNumber ? std::optional<double>(cell.value.number) : std::nullopt;
    if (!sum || !total) {
      ++unverifiable;
      unverified.push_back(cell.id);
      Worsen(&check->verdict, SetVerdict::kUnverifiable);
      continue;
    }
    if (std::fabs(*sum - *total) < 1e-6) continue;
    Finding f = NewFinding("parts.sum", cell.id.substr(0, 2));
    f.cells = {cell.id};
    f.status = Finding::Status::kFailed;
    f.actual = *total;
    f.expected = *sum;
    const std::string difference = FormatNumber(std::fabs(*sum - *total));
    f.message_zh = "《" + whole.file + "》" + cell.id + " 为 " + FormatNumber(*total) + "，但 " + std::to_string(parts.size()) +
                   " 份下级报告之和为 " + terms + " = " + FormatNumber(*sum) + "，相差 " + difference + "。";
    f.message_en = "\"" + whole.file + "\" " + cell.id + " is " + FormatNumber(*total) + ", but its " +
                   std::to_string(parts.size()) + " parts add up to " + terms + " = " + FormatNumber(*sum) +
                   ", a difference of " + difference + ".";
    check->findings.push_back(std::move(f));
    Worsen(&check->verdict, SetVerdict::kFails);
  }
  if (unverifiable > 0) {
    Finding f = NewFinding("parts.sum", "");
    f.severity = Severity::kInfo;
    f.status = Finding::Status::kUnverifiable;
    f.unverified_cells = unverified;
    f.message_zh = std::to_string(unverifiable) + " 个单元格无法核对：总报告或某份下级报告中为空或未找到。";
    f.message_en = std::to_string(unverifiable) + " cells cannot be checked: blank or not found in the whole or in a part.";
    check->findings.push_back(std::move(f));
  }
  if (parts.empty()) check->verdict = SetVerdict::kUnverifiable;
}

void Count(const std::vector<Finding>& findings, SetReport* set) {
  for (const Finding& f : findings) {
    if (f.status != Finding::Status::kFailed) continue;
    set->errors += f.severity == Severity::kError;
    set->warnings += f.severity == Severity::kWarning;
  }
}

Template TableVersion(const Report& report, const char* table) {
  for (const TableInfo& t : report.tables) {
    if (t.id == table && t.found) return t.version;
  }
  return Template::kUnknown;
}

Json NumberJson(double v) {
  const JsonNumber n = ToJsonNumber(v);
  return n.integral ? Json(n.integer) : Json(n.real);
}

Json FindingJson(const Finding& f) {
  Json j = {{"rule", f.rule}, {"severity", SeverityName(f.severity)},
            {"status", f.status == Finding::Status::kFailed ? "failed"
                       : f.status == Finding::Status::kUnverifiable ? "unverifiable" : "reported"}};
  j["table"] = f.table.empty() ? Json(nullptr) : Json(f.table);
  j["cells"] = f.cells;
  if (!f.unverified_cells.empty()) j["unverified_cells"] = f.unverified_cells;
  if (f.expected) j["expected"] = NumberJson(*f.expected);
  if (f.actual) j["actual"] = NumberJson(*f.actual);
  j["message"] = {{"zh", f.message_zh}, {"en", f.message_en}};
  return j;
}

}  // namespace

const char* SetVerdictName(SetVerdict verdict) {
  switch (verdict) {
    case SetVerdict::kHolds: return "holds";
    case SetVerdict::kFails: return "fails";
    case SetVerdict::kUnverifiable: return "unverifiable";
  }
  return "unverifiable";
}

// The cells the pairs' rules read: t2 (in force), t3's 二 and 四 (carry-over).
bool PairsRead(const std::string& id) {
  return id.compare(0, 3, "t2.") == 0 || id.compare(0, 6, "t3.r2.") == 0 || id.compare(0, 6, "t3.r4.") == 0;
}

SetMember MemberOf(const std::string& file, const Report& report, MemberCells which) {
  SetMember m;
  m.file = file;
  m.title = report.title;
  m.body = report.body;
  m.year = report.year;
  m.t2_version = TableVersion(report, "t2");
  m.t3_version = TableVersion(report, "t3");
  // FNV-1a over each cell's ID, kind and number.
  uint64_t digest = 14695981039346656037ull;
  auto mix = [&digest](const void* data, size_t size) {
    for (size_t k = 0; k < size; ++k) digest = (digest ^ static_cast<const unsigned char*>(data)[k]) * 1099511628211ull;
  };
  for (const Cell& c : report.cells) {
    mix(c.id.data(), c.id.size() + 1);  // with its NUL: "t3.r1" + "1" is not "t3.r11"
    mix(&c.value.kind, sizeof c.value.kind);
    mix(&c.value.number, sizeof c.value.number);
  }
  m.digest = digest ? digest : 1;
  for (const Cell& c : report.cells) {
    if (which == MemberCells::kPairs && (c.value.kind == CellValue::Kind::kBlank || !PairsRead(c.id))) continue;
    Cell kept;
    kept.id = c.id;
    kept.value = c.value;
    m.cells.push_back(std::move(kept));
  }
  return m;
}

std::vector<SetMember> MembersOf(const std::string& file, const Report& report, MemberCells which) {
  std::vector<SetMember> out = {MemberOf(file, report, which)};
  for (size_t k = 0; k < report.other_reports.size(); ++k) {
    out.push_back(MemberOf(file + "#" + std::to_string(k + 2), report.other_reports[k], which));
  }
  return out;
}

// Whether two members are of the same cells with the same values (blank or a number): by their
// digests when both have one, else by the cells they keep.
static bool SameCells(const SetMember& a, const SetMember& b) {
  if (a.t2_version != b.t2_version || a.t3_version != b.t3_version) return false;
  if (a.digest && b.digest) return a.digest == b.digest;
  if (a.cells.size() != b.cells.size()) return false;
  for (size_t k = 0; k < a.cells.size(); ++k) {
    const Cell& x = a.cells[k];
    const Cell& y = b.cells[k];
    if (x.id != y.id || x.value.kind != y.value.kind || x.value.number != y.value.number) return false;
  }
  return true;
}

SetReport CheckSet(const std::vector<SetMember>& members) {
  SetReport set;
  std::vector<bool> compared(members.size(), false);
  // Each report is compared only with those of the next year under the same body key, in the
  // members' order: a pair list that grows with the pairs, not with the square of the reports.
  std::map<std::pair<std::u32string, int>, std::vector<size_t>> by_key;
  std::vector<std::u32string> bodies(members.size()), keys(members.size());
  std::vector<bool> duplicate(members.size(), false);
  for (size_t i = 0; i < members.size(); ++i) {
    const SetMember& m = members[i];
    if (m.body.empty() || !m.year || m.whole) continue;
    bodies[i] = FromUtf8(m.body);
    keys[i] = BodyKey(bodies[i]);
    // A copy of a report already in its bucket is named as such and paired no further: a folder
    // holding one report 200 times gives 200 duplicates, not 200 × 200 pairs with the next year.
    std::vector<size_t>& bucket = by_key[{keys[i], *m.year}];
    const auto first = std::find_if(bucket.begin(), bucket.end(), [&](size_t j) {
      return SameBody(bodies[i], bodies[j]) && SameCells(members[i], members[j]);
    });
    if (first != bucket.end()) {
      duplicate[i] = compared[i] = true;
      set.duplicates.push_back({m.file, members[*first].file});
      continue;
    }
    bucket.push_back(i);
  }
  for (size_t i = 0; i < members.size(); ++i) {
    const SetMember& a = members[i];
    if (a.body.empty() || !a.year || a.whole || duplicate[i]) continue;
    const auto next = by_key.find({keys[i], *a.year + 1});
    if (next == by_key.end()) continue;
    for (size_t j : next->second) {
      const SetMember& b = members[j];
      if (!SameBody(bodies[i], bodies[j])) continue;
      ComparedPair pair;
      pair.files[0] = a.file;
      pair.files[1] = b.file;
      pair.body = b.body;
      pair.years[0] = *a.year;
      pair.years[1] = *b.year;
      pair.verdicts.push_back(CarryOver(a, b, &pair.findings));
      pair.verdicts.push_back(InForce(a, b, &pair.findings));
      Count(pair.findings, &set);
      set.pairs.push_back(std::move(pair));
      compared[i] = compared[j] = true;
    }
  }
  for (size_t w = 0; w < members.size(); ++w) {
    const SetMember& whole = members[w];
    if (!whole.whole) continue;
    WholeCheck check;
    check.file = whole.file;
    compared[w] = true;
    if (!whole.year) {
      set.not_compared.push_back({whole.file, "总报告的年度未能识别，无法找出它的下级报告",
                                  "the whole's year was not recognised, so its parts cannot be told"});
      continue;
    }
    check.year = *whole.year;
    std::vector<const SetMember*> parts;
    for (size_t p = 0; p < members.size(); ++p) {
      // A duplicate is its first copy's again: counted once.
      if (p == w || members[p].whole || members[p].year != whole.year || duplicate[p]) continue;
      parts.push_back(&members[p]);
      check.parts.push_back(members[p].file);
      compared[p] = true;
    }
    SumOfParts(whole, parts, &check);
    Count(check.findings, &set);
    set.wholes.push_back(std::move(check));
  }
  for (size_t i = 0; i < members.size(); ++i) {
    if (compared[i]) continue;
    const SetMember& m = members[i];
    if (m.body.empty()) {
      set.not_compared.push_back({m.file, "标题中没有机关名称，无法与其他年度的报告对应",
                                  "its title names no body, so it cannot be matched with other years' reports"});
    } else if (!m.year) {
      set.not_compared.push_back({m.file, "报告年度未能识别", "its year was not recognised"});
    } else {
      const std::string y = std::to_string(*m.year), before = std::to_string(*m.year - 1), after = std::to_string(*m.year + 1);
      set.not_compared.push_back({m.file, "这组文件中没有“" + m.body + "”" + before + " 年或 " + after + " 年的报告",
                                  "the set holds no report of " + m.body + " on " + before + " or " + after});
    }
  }
  return set;
}

std::string SetReportToJson(const SetReport& set, const std::vector<SetMember>& members) {
  Json reports = Json::array();
  for (const SetMember& m : members) {
    reports.push_back({{"file", m.file},
                       {"body", m.body.empty() ? Json(nullptr) : Json(m.body)},
                       {"year", m.year ? Json(*m.year) : Json(nullptr)},
                       {"whole", m.whole}});
  }
  Json pairs = Json::array();
  for (const ComparedPair& p : set.pairs) {
    Json verdicts = Json::object();
    for (const RuleVerdict& v : p.verdicts) verdicts[v.rule] = SetVerdictName(v.verdict);
    Json findings = Json::array();
    for (const Finding& f : p.findings) findings.push_back(FindingJson(f));
    pairs.push_back({{"files", {p.files[0], p.files[1]}},
                     {"body", p.body},
                     {"years", {p.years[0], p.years[1]}},
                     {"verdicts", std::move(verdicts)},
                     {"findings", std::move(findings)}});
  }
  Json wholes = Json::array();
  for (const WholeCheck& w : set.wholes) {
    Json findings = Json::array();
    for (const Finding& f : w.findings) findings.push_back(FindingJson(f));
    wholes.push_back({{"file", w.file},
                      {"year", w.year},
                      {"parts", w.parts},
                      {"verdicts", {{"parts.sum", SetVerdictName(w.verdict)}}},
                      {"findings", std::move(findings)}});
  }
  Json duplicates = Json::array();
  for (const Duplicate& d : set.duplicates) duplicates.push_back({{"file", d.file}, {"same_as", d.same_as}});
  Json not_compared = Json::array();
  for (const NotCompared& n : set.not_compared) {
    not_compared.push_back({{"file", n.file}, {"reason", {{"zh", n.reason_zh}, {"en", n.reason_en}}}});
  }
  const Json out = {{"set",
                     {{"reports", std::move(reports)},
                      {"pairs", std::move(pairs)},
                      {"wholes", std::move(wholes)},
                      {"duplicates", std::move(duplicates)},
                      {"not_compared", std::move(not_compared)},
                      {"errors", set.errors},
                      {"warnings", set.warnings}}}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gouji
