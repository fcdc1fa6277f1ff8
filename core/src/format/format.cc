#include "gouji/format.h"

#include <algorithm>

namespace gouji {
namespace {

// t3's columns are the same in every row and both versions.
std::vector<ColumnSpec> ApplicantColumns() {
  return {
      {"natural", "自然人", "自然人", "natural persons"},
      {"commercial", "商业企业", "商业企业", "commercial enterprises", false, false, "法人或其他组织"},
      {"research", "科研机构", "科研机构", "research institutions", false, false, "法人或其他组织"},
      {"social", "社会公益组织", "社会公益组织", "public-interest organisations", false, false, "法人或其他组织"},
      {"legal", "法律服务机构", "法律服务机构", "legal service agencies", false, false, "法人或其他组织"},
      {"other", "其他", "其他", "other organisations", false, false, "法人或其他组织"},
      {"total", "总计", "总计", "total"},
  };
}

std::vector<ColumnSpec> OutcomeColumns() {
  return {
      {"upheld", "结果维持", "结果维持", "upheld"},
      {"corrected", "结果纠正", "结果纠正", "corrected"},
      {"other", "其他结果", "其他结果", "other result"},
      {"pending", "尚未审结", "尚未审结", "pending"},
      {"total", "总计", "总计", "total"},
  };
}

TableLayout T2Version2019() {
  const std::vector<ColumnSpec> documents = {
      {"made", "本年新制作数量", "本年新制作数量", "made this year"},
      {"published", "本年新公开数量", "本年新公开数量", "published this year"},
      {"total_public", "对外公开总数量", "对外公开总数量", "total public"},
  };
  const std::vector<ColumnSpec> items = {
      {"prev_count", "上一年项目数量", "上一年项目数量", "items last year"},
      {"delta", "本年增/减", "本年增/减", "change this year", false, true},
      {"decisions", "处理决定数量", "处理决定数量", "decisions"},
  };
  const std::vector<ColumnSpec> fees = {items[0], items[1]};
  const std::vector<ColumnSpec> procurement = {
      {"projects", "采购项目数量", "采购项目数量", "procurement projects"},
      {"amount", "采购总金额", "采购总金额", "procurement amount", true},
  };
  return TableLayout{
      "t2",
      Template::k2019,
      true,
      {
          {"regulations", {"规章"}, "规章", "regulations", documents, {"第二十条第(一)项"}},
          {"normative", {"规范性文件", "行政规范性文件"}, "规范性文件", "normative documents", documents, {"第二十条第(一)项"}},
          {"licensing", {"行政许可"}, "行政许可", "licensing", items, {"第二十条第(五)项"}},
          {"other_services", {"其他对外管理服务事项"}, "其他对外管理服务事项", "other services", items, {"第二十条第(五)项"}},
          {"penalty", {"行政处罚"}, "行政处罚", "penalties", items, {"第二十条第(六)项"}},
          {"enforcement", {"行政强制"}, "行政强制", "enforcement", items, {"第二十条第(六)项"}},
          {"fees", {"行政事业性收费"}, "行政事业性收费", "fees", fees, {"第二十条第(八)项"}},
          {"procurement", {"政府集中采购"}, "政府集中采购", "procurement", procurement, {"第二十条第(九)项"}},
      },
      {},
      {"第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项",
       "第二十条第(九)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
       "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额"},
      {"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
       "采购项目数量", "采购总金额", "第二十条第(九)项"},
  };
}

TableLayout T2Version2021() {
  const std::vector<ColumnSpec> documents = {
      {"issued", "本年制发件数", "本年制发件数", "issued this year"},
      {"repealed", "本年废止件数", "本年废止件数", "repealed this year"},
      {"in_force", "现行有效件数", "现行有效件数", "in force"},
  };
  const std::vector<ColumnSpec> decisions = {
      {"decisions", "本年处理决定数量", "本年处理决定数量", "decisions this year"},
  };
  const std::vector<ColumnSpec> fees = {
      {"amount", "本年收费金额(单位:万元)", "本年收费金额", "fees collected", true},
  };
  return TableLayout{
      "t2",
      Template::k2021,
      true,
      {
          {"regulations", {"规章"}, "规章", "regulations", documents, {"第二十条第(一)项"}},
          {"normative", {"行政规范性文件", "规范性文件"}, "行政规范性文件", "normative documents", documents, {"第二十条第(一)项"}},
          {"licensing", {"行政许可"}, "行政许可", "licensing", decisions, {"第二十条第(五)项"}},
          {"penalty", {"行政处罚"}, "行政处罚", "penalties", decisions, {"第二十条第(六)项"}},
          {"enforcement", {"行政强制"}, "行政强制", "enforcement", decisions, {"第二十条第(六)项"}},
          {"fees", {"行政事业性收费"}, "行政事业性收费", "fees", fees, {"第二十条第(八)项"}},
      },
      {},
      {"第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项", "信息内容",
       "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额(单位:万元)"},
      {"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额(单位:万元)"},
  };
}

TableLayout T3(Template version) {
  const auto cols = ApplicantColumns();
  TableLayout layout{
      "t3",
      version,
      true,
      {
          {"r1", {"一、本年新收政府信息公开申请数量"}, "一", "I", cols},
          {"r2", {"二、上年结转政府信息公开申请数量"}, "二", "II", cols},
          {"r3_1", {"(一)予以公开"}, "三(一)", "III.1", cols, {"三、本年度办理结果"}},
          {"r3_2", {"(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "(二)部分公开"}, "三(二)",
           "III.2", cols, {"三、本年度办理结果"}},
          {"r3_3_1", {"1.属于国家秘密"}, "三(三)1", "III.3.1", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_3_2", {"2.其他法律行政法规禁止公开"}, "三(三)2", "III.3.2", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_3_3", {"3.危及\"三安全一稳定\""}, "三(三)3", "III.3.3", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_3_4", {"4.保护第三方合法权益"}, "三(三)4", "III.3.4", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_3_5", {"5.属于三类内部事务信息"}, "三(三)5", "III.3.5", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_3_6", {"6.属于四类过程性信息"}, "三(三)6", "III.3.6", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_3_7", {"7.属于行政执法案卷"}, "三(三)7", "III.3.7", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_3_8", {"8.属于行政查询事项"}, "三(三)8", "III.3.8", cols, {"三、本年度办理结果", "(三)不予公开"}},
          {"r3_4_1", {"1.本机关不掌握相关政府信息"}, "三(四)1", "III.4.1", cols, {"三、本年度办理结果", "(四)无法提供"}},
          {"r3_4_2", {"2.没有现成信息需要另行制作"}, "三(四)2", "III.4.2", cols, {"三、本年度办理结果", "(四)无法提供"}},
          {"r3_4_3", {"3.补正后申请内容仍不明确"}, "三(四)3", "III.4.3", cols, {"三、本年度办理结果", "(四)无法提供"}},
          {"r3_5_1", {"1.信访举报投诉类申请"}, "三(五)1", "III.5.1", cols, {"三、本年度办理结果", "(五)不予处理"}},
          {"r3_5_2", {"2.重复申请"}, "三(五)2", "III.5.2", cols, {"三、本年度办理结果", "(五)不予处理"}},
          {"r3_5_3", {"3.要求提供公开出版物"}, "三(五)3", "III.5.3", cols, {"三、本年度办理结果", "(五)不予处理"}},
          {"r3_5_4", {"4.无正当理由大量反复申请"}, "三(五)4", "III.5.4", cols, {"三、本年度办理结果", "(五)不予处理"}},
          {"r3_5_5", {"5.要求行政机关确认或重新出具已获取信息"}, "三(五)5", "III.5.5", cols, {"三、本年度办理结果", "(五)不予处理"}},
      },
      {"三、本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理"},
      {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况",
       "法人或其他组织", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
       "总计"},
      {},
  };
  if (version == Template::k2019) {
    layout.rows.push_back({"r3_6", {"(六)其他处理"}, "三(六)", "III.6", cols, {"三、本年度办理结果"}});
  } else {
    layout.group_labels.push_back("(六)其他处理");
    layout.rows.push_back(
        {"r3_6_1", {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}, "三(六)1",
         "III.6.1", cols, {"三、本年度办理结果", "(六)其他处理"}});
    layout.rows.push_back(
        {"r3_6_2", {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
         "三(六)2", "III.6.2", cols, {"三、本年度办理结果", "(六)其他处理"}});
    layout.rows.push_back(
        {"r3_6_3", {"3.其他"}, "三(六)3", "III.6.3", cols, {"三、本年度办理结果", "(六)其他处理"}});
  }
  layout.rows.push_back({"r3_7", {"(七)总计"}, "三(七)", "III.7", cols, {"三、本年度办理结果"}});
  layout.rows.push_back({"r4", {"四、结转下年度继续办理"}, "四", "IV", cols});
  return layout;
}

TableLayout T4() {
  const auto cols = OutcomeColumns();
  return TableLayout{
      "t4",
      Template::kUnknown,
      false,
      {
          {"review", {"行政复议"}, "行政复议", "administrative review", cols, {"行政复议"}},
          {"suit_direct", {"未经复议直接起诉"}, "直接起诉", "suits without review", cols,
           {"行政诉讼", "未经复议直接起诉"}},
          {"suit_after", {"复议后起诉"}, "复议后起诉", "suits after review", cols, {"行政诉讼", "复议后起诉"}},
      },
      {},
      {"行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
       "复议后起诉"},
      {},
  };
}

}  // namespace

int TableLayout::CellCount() const {
  int n = 0;
  for (const RowSpec& row : rows) n += static_cast<int>(row.columns.size());
  return n;
}

const RowSpec* TableLayout::FindRow(std::string_view row_id) const {
  for (const RowSpec& row : rows) {
    if (row_id == row.id) return &row;
  }
  return nullptr;
}

const std::vector<TableSpec>& Tables() {
  static const std::vector<TableSpec> tables = {
      {kTableIds[0], 2, "主动公开政府信息情况表", "the proactive disclosure table",
       {"第二十条第(一)项", "信息内容", "规章"}},
      {kTableIds[1], 3, "收到和处理政府信息公开申请情况表", "the applications table",
       {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况",
        "一、本年新收政府信息公开申请数量"}},
      {kTableIds[2], 4, "行政复议、行政诉讼情况表", "the review and litigation table", {"行政复议", "结果维持"}},
  };
  return tables;
}

const std::vector<FormatVersion>& FormatVersions() {
  // Built once and never destroyed: rows point at layouts, and t4 is one layout in both rows.
  static const std::vector<FormatVersion>* versions = [] {
    const TableLayout* t4 = new TableLayout(T4());
    return new std::vector<FormatVersion>{
        {Template::k2019, "2019", "国办公开办函〔2019〕60号", 2019, 2020,
         {new TableLayout(T2Version2019()), new TableLayout(T3(Template::k2019)), t4}},
        {Template::k2021, "2021", "国办公开办函〔2021〕30号", 2021, FormatVersion::kInForce,
         {new TableLayout(T2Version2021()), new TableLayout(T3(Template::k2021)), t4}},
    };
  }();
  return *versions;
}

const FormatVersion* FindVersion(Template version) {
  for (const FormatVersion& v : FormatVersions()) {
    if (v.version == version) return &v;
  }
  return nullptr;
}

const FormatVersion& VersionForYear(int year) {
  for (const FormatVersion& v : FormatVersions()) {
    if (v.AppliesTo(year)) return v;
  }
  return year < FormatVersions().front().first_year ? FormatVersions().front() : LatestVersion();
}

const FormatVersion& LatestVersion() { return FormatVersions().back(); }

const std::vector<const TableLayout*>& AllLayouts() {
  static const std::vector<const TableLayout*> layouts = [] {
    std::vector<const TableLayout*> out;
    for (size_t t = 0; t < Tables().size(); ++t) {
      for (const FormatVersion& version : FormatVersions()) {
        const TableLayout* layout = version.layouts[t];
        if (std::find(out.begin(), out.end(), layout) == out.end()) out.push_back(layout);
      }
    }
    return out;
  }();
  return layouts;
}

std::vector<const TableLayout*> LayoutsOf(const std::string& table) {
  std::vector<const TableLayout*> out;
  for (const TableLayout* layout : AllLayouts()) {
    if (table == layout->table) out.push_back(layout);
  }
  return out;
}

const TableLayout* FindLayout(const std::string& table, Template version) {
  for (const TableLayout* layout : LayoutsOf(table)) {
    if (layout->version == version || layout->version == Template::kUnknown) return layout;
  }
  return nullptr;
}

const std::vector<SectionSpec>& Sections() {
  static const std::vector<SectionSpec> sections = {
      {1, "一、总体情况", "总体情况"},
      {2, "二、主动公开政府信息情况", "主动公开政府信息"},
      {3, "三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"},
      {4, "四、政府信息公开行政复议、行政诉讼情况", "行政复议"},
      {5, "五、存在的主要问题及改进情况", "存在的主要问题"},
      {6, "六、其他需要报告的事项", "其他需要报告"},
  };
  return sections;
}

}  // namespace gouji
