// Builds a whole report as text, in a chosen flattening, from cell values: the synthetic reports
// the end-to-end tests read back. Labels come from the format's own tables (format.h).
#ifndef GOUJI_TESTS_REPORT_BUILDER_H_
#define GOUJI_TESTS_REPORT_BUILDER_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "gouji/format.h"

namespace gouji::testing {

enum class Shape { kPipe, kMarkdown, kTabRows, kSpacedRows, kCellPerLine, kCellPerLineSpaced };

struct ReportSpec {
  int year = 2022;
  Template t2 = Template::k2021;
  Template t3 = Template::k2021;
  Shape shape = Shape::kPipe;
  bool headings = true;
  // Cell text by ID; a cell not listed holds "0".
  std::map<std::string, std::string> cells;
  // Rows (by "t3.r1" style key) to write with one value fewer.
  std::vector<std::string> short_rows;
};

inline std::string BuildReport(const ReportSpec& spec) {
  std::string out = "测试镇" + std::to_string(spec.year) + "年政府信息公开工作年度报告\n";
  auto heading = [&](const char* h) {
    if (spec.headings) out += std::string(h) + "\n";
  };
  heading("一、总体情况");
  out += "本年度，我镇认真贯彻落实《条例》。\n";
  auto row = [&](std::vector<std::string> cells) {
    switch (spec.shape) {
      case Shape::kPipe:
      case Shape::kMarkdown: {
        std::string line = "|";
        for (const std::string& c : cells) line += " " + c + " |";
        out += line + "\n";
        break;
      }
      case Shape::kTabRows: {
        std::string line;
        for (size_t k = 0; k < cells.size(); ++k) line += (k ? "\t" : "") + cells[k];
        out += line + "\n";
        break;
      }
      case Shape::kSpacedRows: {
        std::string line;
        for (size_t k = 0; k < cells.size(); ++k) line += (k ? " " : "") + cells[k];
        out += line + "\n";
        break;
      }
      case Shape::kCellPerLine:
        for (const std::string& c : cells) out += (c.empty() ? " " : c) + "\n";
        break;
      case Shape::kCellPerLineSpaced:
        for (const std::string& c : cells) out += (c.empty() ? " " : c) + "\n\n";
        break;
    }
  };
  auto table = [&](const TableLayout& layout) {
    if (spec.shape == Shape::kMarkdown) {
      row({"信息内容", "数量"});
      out += "|---|---|\n";
    }
    if (!layout.labelled_rows) {
      row({"行政复议", "行政诉讼"});
      row({"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"});
      std::vector<std::string> values;
      for (const RowSpec& r : layout.rows) {
        for (const ColumnSpec& c : r.columns) {
          const std::string id = std::string(layout.table) + "." + r.id + "." + c.id;
          auto it = spec.cells.find(id);
          values.push_back(it == spec.cells.end() ? "0" : it->second);
        }
      }
      row(values);
      return;
    }
    for (const RowSpec& r : layout.rows) {
      std::vector<std::string> cells = {r.labels[0]};
      for (const ColumnSpec& c : r.columns) {
        const std::string id = std::string(layout.table) + "." + r.id + "." + c.id;
        auto it = spec.cells.find(id);
        cells.push_back(it == spec.cells.end() ? "0" : it->second);
      }
      for (const std::string& key : spec.short_rows) {
        if (key == std::string(layout.table) + "." + r.id) cells.pop_back();
      }
      row(cells);
    }
  };
  heading("二、主动公开政府信息情况");
  table(*FindLayout("t2", spec.t2));
  heading("三、收到和处理政府信息公开申请情况");
  row({"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"});
  row({"自然人", "法人或其他组织", "总计"});
  row({"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"});
  table(*FindLayout("t3", spec.t3));
  heading("四、政府信息公开行政复议、行政诉讼情况");
  table(*FindLayout("t4", Template::kUnknown));
  heading("五、存在的主要问题及改进情况");
  out += "一是公开意识有待加强。\n";
  heading("六、其他需要报告的事项");
  out += "无。\n";
  return out;
}

}  // namespace gouji::testing

#endif  // GOUJI_TESTS_REPORT_BUILDER_H_
