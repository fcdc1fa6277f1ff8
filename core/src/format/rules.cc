// The rule registry (format.h): every rule a finding can name, with its severity and its names.
// The spec's two Rules tables, and gouji's own findings, in one list.

#include "gouji/format.h"

#include "base/json_writer.h"

namespace gouji {
namespace {

using Kind = RuleSpec::Kind;
using Over = RuleSpec::Over;

// A calculation: what it reads is its terms, in the table's namespace.
RuleSpec Calculation(const char* id, Severity severity, const char* name_zh, const char* name_en,
                     const char* description_zh, const char* description_en, const char* table,
                     Template version, Over over, std::vector<const char*> rows, std::vector<const char*> lhs,
                     Relation relation, std::vector<const char*> rhs) {
  RuleSpec rule{id, Kind::kCalculation, severity, false, name_zh, name_en, description_zh, description_en, {}};
  rule.table = table;
  rule.version = version;
  rule.over = over;
  rule.rows = std::move(rows);
  rule.lhs = std::move(lhs);
  rule.relation = relation;
  rule.rhs = std::move(rhs);
  for (const auto* side : {&rule.lhs, &rule.rhs}) {
    for (const char* term : *side) rule.reads.push_back(std::string(table) + "." + term);
  }
  return rule;
}

// Every cell of every table.
std::vector<std::string> AllCells() {
  std::vector<std::string> cells;
  for (const char* table : kTableIds) cells.push_back(std::string(table) + ".*.*");
  return cells;
}

std::vector<RuleSpec> MakeRules() {
  std::vector<RuleSpec> rules = {
      // The spec's rules on the tables, in the order they are evaluated.
      Calculation("t3.balance", Severity::kError, "表三收支不平衡", "Table 3 does not balance",
                  "第一项加第二项之和，等于第三项加第四项之和", "I + II must equal III + IV", "t3",
                  Template::kUnknown, Over::kColumns, {}, {"r1.{col}", "r2.{col}"}, Relation::kEqual,
                  {"r3_7.{col}", "r4.{col}"}),
      Calculation("t3.outcome_sum", Severity::kError, "表三办理结果总计不符",
                  "Table 3 outcome total does not add up", "三(七)总计等于各项办理结果之和",
                  "III.7 must equal the sum of the outcomes", "t3", Template::kUnknown, Over::kColumns, {},
                  {"r3_7.{col}"}, Relation::kEqual,
                  {"r3_1.{col}", "r3_2.{col}", "r3_3_*.{col}", "r3_4_*.{col}", "r3_5_*.{col}", "r3_6*.{col}"}),
      Calculation("t3.applicant_sum", Severity::kError, "表三申请人总计不符",
                  "Table 3 applicant total does not add up", "总计等于各类申请人之和",
                  "the total must equal the sum of the applicants", "t3", Template::kUnknown, Over::kRows, {},
                  {"{row}.total"}, Relation::kEqual,
                  {"{row}.natural", "{row}.commercial", "{row}.research", "{row}.social", "{row}.legal",
                   "{row}.other"}),
      Calculation("t4.sum", Severity::kError, "表四合计不符", "Table 4 group total does not add up",
                  "总计等于各结果之和", "the total must equal the sum of the results", "t4", Template::kUnknown,
                  Over::kRows, {}, {"{row}.total"}, Relation::kEqual,
                  {"{row}.upheld", "{row}.corrected", "{row}.other", "{row}.pending"}),
      Calculation("t2.public_total", Severity::kWarning, "表二对外公开总数量小于本年新公开数量",
                  "Table 2 total public is below this year's published", "对外公开总数量不应小于本年新公开数量",
                  "the total public must not be less than those published this year", "t2", Template::k2019,
                  Over::kRows, {"regulations", "normative"}, {"{row}.total_public"}, Relation::kAtLeast,
                  {"{row}.published"}),
      // The spec's other rules.
      {"cell.blank", Kind::kCell, Severity::kWarning, false, "单元格空白", "Blank cell",
       "表格单元格留空（格式要求填 0，不留空）；读到空白单元格的规则无法核对，并如实说明",
       "a table cell left empty (the format wants 0, not blank); a rule whose inputs are blank cannot be "
       "verified and says so",
       AllCells()},
      {"cell.not_number", Kind::kCell, Severity::kError, false, "单元格不是数字", "Cell is not a number",
       "数量单元格填写了数字以外的内容", "a count cell that holds something other than a number", AllCells()},
      {"cell.negative", Kind::kCell, Severity::kError, false, "数量为负", "Negative count",
       "数量为负数（只有表二“本年增/减”可为负）", "a negative count (only t2 delta may be negative)", AllCells()},
      {"table.missing", Kind::kStructure, Severity::kError, false, "未找到统计表", "Table not found",
       "未找到表二、表三或表四", "table t2, t3 or t4 not found", {}},
      {"section.missing", Kind::kStructure, Severity::kWarning, false, "未找到章节", "Section not found",
       "六个章节之一的标题未找到", "one of the six section headings not found", {}},
      {"template.version", Kind::kStructure, Severity::kWarning, false, "格式版本与报告年度不符",
       "Format version does not match the year",
       "2021 年及以后的报告使用 2019 年版格式，或 2019、2020 年的报告使用 2021 年版格式",
       "a report on 2021 or later in the 2019 format, or on 2019/2020 in the 2021 format", {}},
      {"label.deviation", Kind::kStructure, Severity::kInfo, false, "标签与格式文本不一致",
       "Label differs from the format", "行或列标签与格式文本不同（如“6.属于四类过程性信息0”）",
       "a row or column label that differs from the format's text (e.g. 6.属于四类过程性信息0)", {}},
      // The spec's rules that read more than the tables.
      {"text.mismatch", Kind::kText, Severity::kWarning, false, "正文数字与表格不符", "Text disagrees with a table",
       "正文说的数量（如“本年新收…申请N件”“上年结转N件”“行政复议N件”）与它所指的表格单元格不同；只在能确定所指单元格时报告",
       "a count the prose states (\"本年新收…申请N件\", \"上年结转N件\", \"行政复议N件\" ...) differs from the table cell it "
       "names; reported only where that cell is certain",
       {"t3.r1.total", "t3.r2.total", "t3.r3_*.total", "t3.r4.total", "t4.*.total", "t2.regulations.*",
        "t2.normative.*"}},
      {"section.empty", Kind::kText, Severity::kWarning, false, "章节内容为空", "Section is empty",
       "第五部分“存在的主要问题及改进情况”为空、只写“无”或只有几个字",
       "section V (main problems and improvements) is empty, says only \"无\", or a few characters", {}},
      {"fee.statement", Kind::kText, Severity::kInfo, false, "未说明信息处理费", "Fee statement",
       "2021 年版格式：第六部分没有说明信息处理费的收取情况（国办函〔2020〕109号），或说未收取而表三 三(六)2 大于 0",
       "2021 format: section VI says nothing about information processing fees (国办函〔2020〕109号), or says none "
       "were charged while t3 III.6.2 is above 0",
       {"t3.r3_6_2.total"}},
      {"cross_year.carry_over", Kind::kSet, Severity::kError, false, "上年结转与上年报告不符",
       "Carry-over differs from last year's report",
       "同一机关相邻两年的报告：表三每一列，N 年的“二、上年结转”等于 N−1 年的“四、结转下年度继续办理”",
       "two reports of one body on years N-1 and N: for every t3 column, II of year N equals IV of year N-1",
       {"t3.r2.*", "t3.r4.*"}},
      {"cross_year.in_force", Kind::kSet, Severity::kWarning, false, "现行有效件数与上年报告不衔接",
       "Documents in force do not follow from last year's",
       "2021 年版格式，同一机关相邻两年：表二 N 年现行有效件数 = N−1 年现行有效件数 + N 年本年制发 − N 年本年废止"
       "（文件也可能失效，故为警告）",
       "2021 format, one body, years N-1 and N: t2 in force (N) = in force (N-1) + issued (N) - repealed (N) "
       "(documents can also lapse, so a warning)",
       {"t2.regulations.*", "t2.normative.*"}},
      // gouji's own.
      {"parts.sum", Kind::kSet, Severity::kError, true, "总报告不等于下级报告之和", "The whole is not the sum of its parts",
       "标为汇总的报告：表三、表四的每个单元格等于同一年度各下级报告该单元格之和",
       "a report marked as the whole of the set's others of its year: each t3 and t4 cell equals the sum over "
       "the parts",
       {"t3.*.*", "t4.*.*"}},
      {"text.other_year", Kind::kText, Severity::kWarning, true, "正文数字不是本年度的", "Text gives another year's figure",
       "正文的统计数字（如“2022年度共收到…申请N件”）注明的年份不是报告的年度",
       "a statistic in the prose (\"2022年度共收到…申请N件\") is dated in another year than the report's", {}},
      {"row.unplaced", Kind::kStructure, Severity::kWarning, true, "行的值无法对应到列", "Row cannot be placed",
       "找到了行标签，但值的个数与该行的列数不同：无法确定各值属于哪一列，因此一个也不放置",
       "a row's label was found, but not as many values as the row has columns: gouji cannot tell which "
       "value belongs where, so it places none of them",
       {}},
      {"table.unread", Kind::kStructure, Severity::kWarning, true, "统计表未能读出", "Table could not be read",
       "表所在的部分有数字（或转换工具留下的“[TABLE]”），但读不出表的行和列：表在报告中，其单元格未核对",
       "the table's section holds numbers (or a converter's \"[TABLE]\"), but no rows and columns could be read "
       "from them: the table is in the report, its cells were not checked",
       {}},
      {"cells.run_together", Kind::kStructure, Severity::kInfo, true, "数字连写，按格式的算术关系读出",
       "Run-together digits read by the format's arithmetic",
       "一行的数字连在一起（如 230000023），只有一种拆分符合格式的算术关系（如总计等于各项之和），按它读出；"
       "这一关系用于读数，不算作核对",
       "a row's numbers ran together (e.g. 230000023) and only one way of splitting them satisfies the "
       "format's arithmetic (e.g. the total is the sum of the parts): they are read so, and that relation "
       "counts as used to read them, not as verified",
       {}},
      {"fix.suggested", Kind::kCell, Severity::kInfo, true, "最小修改", "Smallest fix",
       "规则不成立时，找出使所有规则成立的最少单元格改动（先试改一个，再试改两个）；只有这一种改法时才给出",
       "when rules fail, the fewest cell changes that make every rule hold (one cell first, then two); given "
       "only when no other change of that size does",
       AllCells()},
      {"row.missing", Kind::kStructure, Severity::kWarning, true, "未找到行", "Row not found",
       "已找到的表格中，某一行的标签在报告里没有出现", "a row of a table that was found has no label in the report",
       {}},
      {"input.malformed", Kind::kInput, Severity::kWarning, true, "输入含无法解码的字节",
       "Input has bytes that do not decode",
       "部分字节无法解码，已替换为 U+FFFD；消息给出第一处的字节位置",
       "some bytes could not be decoded and were replaced by U+FFFD; the message gives the first one's "
       "byte offset",
       {}},
      {"template.pre2019", Kind::kStructure, Severity::kWarning, true, "2019 年以前的格式",
       "Format before 2019",
       "统计表是 2019 年以前的格式（指标名称 / 计量单位），gouji 不核对：只核对 2019 年版和 2021 年版格式的表格",
       "the statistics table is in the format used before 2019 (指标名称 / 计量单位), which gouji does not check: "
       "it checks the tables of the 2019 and 2021 formats only",
       {}},
      {"input.several_reports", Kind::kInput, Severity::kWarning, true, "一段文字含多份报告",
       "Several reports in one text",
       "文字中有多份报告（粘贴了两次，或前后相连）：每份分别核对，不合并",
       "the text holds more than one report (pasted twice, or one after another): each is checked on its "
       "own, never merged",
       {}},
  };
  return rules;
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kCalculation: return "calculation";
    case Kind::kCell: return "cell";
    case Kind::kStructure: return "structure";
    case Kind::kInput: return "input";
    case Kind::kText: return "text";
    case Kind::kSet: return "set";
  }
  return "structure";
}

}  // namespace

const std::vector<RuleSpec>& Rules() {
  static const std::vector<RuleSpec>* rules = new std::vector<RuleSpec>(MakeRules());
  return *rules;
}

const RuleSpec* FindRule(const std::string& id) {
  for (const RuleSpec& rule : Rules()) {
    if (id == rule.id) return &rule;
  }
  return nullptr;
}

std::string RulesToJson() {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray();
  for (const RuleSpec& rule : Rules()) {
    w.BeginObject();
    w.Key("id");
    w.String(rule.id);
    w.Key("kind");
    w.String(KindName(rule.kind));
    w.Key("severity");
    w.String(SeverityName(rule.severity));
    w.Key("origin");
    w.String(rule.gouji_own ? "gouji" : "spec");
    w.Key("name");
    w.ZhEn(rule.name_zh, rule.name_en);
    w.Key("description");
    w.ZhEn(rule.description_zh, rule.description_en);
    w.Key("reads");
    w.StringArray(rule.reads);
    if (rule.kind == Kind::kCalculation) {
      w.Key("table");
      w.String(rule.table);
      w.Key("template");
      if (rule.version == Template::kUnknown) {
        w.Null();
      } else {
        w.String(TemplateName(rule.version));
      }
      w.Key("over");
      w.String(rule.over == Over::kColumns ? "columns" : "rows");
      w.Key("rows");
      if (rule.rows.empty()) {
        w.Null();
      } else {
        w.StringArray(rule.rows);
      }
      w.Key("lhs");
      w.StringArray(rule.lhs);
      w.Key("relation");
      w.String(rule.relation == Relation::kEqual ? "=" : ">=");
      w.Key("rhs");
      w.StringArray(rule.rhs);
    }
    w.EndObject();
  }
  w.EndArray();
  return out;
}

}  // namespace gouji
