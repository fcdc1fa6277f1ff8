#include "text_report.h"

#include <cctype>
#include <algorithm>
#include <map>
#include <set>

#include "gouji/format.h"

namespace gouji::cli {
namespace {

// How a cell is marked, strongest first.
enum class Mark { kNone, kUnverifiable, kBlank, kFailed };

const char* Tr(Language lang, const char* zh, const char* en) { return lang == Language::kZh ? zh : en; }

// Columns of terminal text: CJK and full-width characters take two.
size_t DisplayWidth(const std::string& s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : 4;
    width += len >= 3 ? 2 : 1;
    i += len;
  }
  return width;
}

std::string Pad(const std::string& s, size_t width, bool right = false) {
  const size_t w = DisplayWidth(s);
  const std::string fill = w < width ? std::string(width - w, ' ') : "";
  return right ? fill + s : s + fill;
}


// Whether every row of the layout has the same columns, so that it draws as one grid (t3, t4).
bool SharesColumns(const TableLayout& layout) {
  for (const RowSpec& row : layout.rows) {
    if (row.columns.size() != layout.rows.front().columns.size()) return false;
    for (size_t k = 0; k < row.columns.size(); ++k) {
      if (std::string(row.columns[k].id) != layout.rows.front().columns[k].id) return false;
    }
  }
  return true;
}

std::string CellText(const Cell* cell, Mark mark) {
  std::string text;
  if (!cell) return "—";
  switch (cell->value.kind) {
    case CellValue::Kind::kBlank: text = "□"; break;
    case CellValue::Kind::kNumber:
      text = FormatNumber(cell->value.number);
      if (!cell->value.unit.empty() && cell->value.unit != "万元") text = cell->raw;
      break;
    case CellValue::Kind::kNotNumber: text = "“" + cell->raw + "”"; break;
  }
  if (mark == Mark::kFailed) text += "✗";
  else if (mark == Mark::kUnverifiable && cell->value.kind != CellValue::Kind::kBlank) text += "?";
  return text;
}

// 1-based line of a source position.
size_t LineOf(const std::u32string& source, uint32_t pos) {
  size_t line = 1;
  for (uint32_t i = 0; i < pos && i < source.size(); ++i) line += source[i] == U'\n';
  return line;
}

class Renderer {
 public:
  // `source` is the text the spans index: the whole input's, also for its second report.
  Renderer(const Report& report, const std::u32string& source, Language lang)
      : report_(report), source_(source), lang_(lang) {
    for (const Cell& cell : report.cells) cells_[cell.id] = &cell;
    for (const Finding& f : report.findings) {
      if (f.status == Finding::Status::kFailed) {
        // The cell the relation is about (the total that disagrees), not every cell it reads:
        // the finding's line gives them all with their numbers.
        for (const std::string& id : f.subject_cells.empty() ? f.cells : f.subject_cells) marks_[id] = Mark::kFailed;
      } else if (f.rule == "cell.not_number" || f.rule == "cell.negative") {
        for (const std::string& id : f.cells) marks_[id] = Mark::kFailed;
      }
    }
    for (const Finding& f : report.findings) {
      if (f.status != Finding::Status::kUnverifiable) continue;
      for (const std::string& id : f.cells) {
        if (!marks_.count(id)) marks_[id] = Mark::kUnverifiable;
      }
    }
  }

  std::string Render() {
    Header();
    for (const TableInfo& table : report_.tables) Table(table);
    Findings();
    return out_;
  }

 private:
  const Cell* CellAt(const std::string& id) const {
    auto it = cells_.find(id);
    return it == cells_.end() ? nullptr : it->second;
  }
  Mark MarkOf(const std::string& id) const {
    auto it = marks_.find(id);
    return it == marks_.end() ? Mark::kNone : it->second;
  }
  std::string Value(const std::string& id) const { return CellText(CellAt(id), MarkOf(id)); }
  const char* Name(const char* zh, const char* en) const { return lang_ == Language::kZh ? zh : en; }
  // What a finding is, in words: the registry's name for its rule (format.h), which names a
  // failure; for an instance that could not be evaluated, that it could not.
  std::string RuleName(const Finding& f) const {
    if (f.status == Finding::Status::kUnverifiable) return Tr(lang_, "无法核对", "Unverifiable");
    const RuleSpec* rule = FindRule(f.rule);
    return rule ? Name(rule->name_zh, rule->name_en) : f.rule;
  }

  void Header() {
    const Summary& s = report_.summary;
    if (!report_.title.empty()) out_ += report_.title + "\n";
    out_ += std::string(Tr(lang_, "格式：", "Format: ")) + TemplateName(report_.report_template);
    if (const FormatVersion* version = FindVersion(report_.report_template)) {
      out_ += std::string(Tr(lang_, "（", " (")) + version->document + Tr(lang_, "）", ")");
    }
    out_ += std::string(Tr(lang_, " · 年度：", " · year: ")) +
            (report_.year ? std::to_string(*report_.year) : Tr(lang_, "未知", "unknown"));
    if (report_.format != "text") {
      std::string source = report_.format;
      for (char& c : source) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out_ += std::string(Tr(lang_, " · 来源：", " · source: ")) + (source == "DOCX" ? "Word (.docx)" : source);
    }
    out_ += std::string(Tr(lang_, " · 编码：", " · encoding: ")) + report_.encoding + "\n";
    // The verdict as the core words it (通过, 未能完整核对：…, N 个错误), then the counts.
    out_ += std::string(Tr(lang_, "结果：", "Result: ")) + (lang_ == Language::kZh ? s.verdict_zh : s.verdict_en) + "\n";
    out_ += std::string(Tr(lang_, "统计：", "Counts: ")) + std::to_string(s.errors) + Tr(lang_, " 个错误", " error(s)");
    out_ += " · " + std::to_string(s.warnings) + Tr(lang_, " 个警告", " warning(s)");
    out_ += " · " + std::to_string(s.infos) + Tr(lang_, " 个提示", " note(s)");
    out_ += std::string(Tr(lang_, " · 单元格 ", " · cells ")) + std::to_string(s.cells_found) + "/" +
            std::to_string(s.cells_expected);
    out_ += std::string(Tr(lang_, " · 核对 ", " · checks ")) + std::to_string(s.rules_checked) +
            Tr(lang_, " 项，无法核对 ", ", unverifiable ") + std::to_string(s.rules_unverifiable) + "\n";
    out_ += Tr(lang_, "图例：✗ 不一致  ? 无法核对  □ 空白  — 未找到\n",
               "Legend: ✗ inconsistent  ? unverifiable  □ blank  — not found\n");
  }

  void Table(const TableInfo& info) {
    out_ += "\n" + info.id + " ";
    if (!info.found) {
      out_ += Tr(lang_, "未找到\n", "not found\n");
      return;
    }
    const TableLayout* layout = FindLayout(info.id, info.version);
    if (!layout) return;
    out_ += std::string("(") + (info.version == Template::kUnknown ? "" : TemplateName(info.version)) +
            (info.version == Template::kUnknown ? "" : " · ") + info.flattening + ")\n";
    if (!SharesColumns(*layout)) {  // t2: each block its own columns, a line per row
      for (const RowSpec& row : layout->rows) {
        std::string line = "  " + Pad(Name(row.short_zh, row.short_en), 24);
        for (const ColumnSpec& column : row.columns) {
          line += std::string(Name(column.short_zh, column.short_en)) + " " +
                  Value(info.id + "." + row.id + "." + column.id) + "   ";
        }
        out_ += line + "\n";
      }
      return;
    }
    // t3 and t4: a grid with one header row.
    const std::vector<ColumnSpec>& columns = layout->rows.front().columns;
    size_t label_width = 0;
    for (const RowSpec& row : layout->rows) label_width = std::max(label_width, DisplayWidth(Name(row.short_zh, row.short_en)));
    std::vector<size_t> widths;
    std::string header = "  " + Pad("", label_width);
    for (const ColumnSpec& c : columns) {
      widths.push_back(DisplayWidth(Name(c.short_zh, c.short_en)) + 2);
      header += Pad(Name(c.short_zh, c.short_en), widths.back(), true);
    }
    out_ += header + "\n";
    for (const RowSpec& row : layout->rows) {
      std::string line = "  " + Pad(Name(row.short_zh, row.short_en), label_width);
      for (size_t k = 0; k < columns.size(); ++k) {
        line += Pad(Value(info.id + "." + row.id + "." + columns[k].id), widths[k], true);
      }
      out_ += line + "\n";
    }
  }

  void Findings() {
    out_ += "\n";
    if (report_.findings.empty()) {
      out_ += Tr(lang_, "没有发现问题。\n", "No findings.\n");
      return;
    }
    out_ += Tr(lang_, "发现：\n", "Findings:\n");
    // Unverifiable instances of one rule are many and alike (a table left blank makes dozens): one
    // line each for the first few, then how many more. The JSON keeps every one.
    constexpr int kShownPerRule = 3;
    std::map<std::string, int> unverifiable_shown, unverifiable_total;
    for (const Finding& f : report_.findings) {
      if (f.status == Finding::Status::kUnverifiable) ++unverifiable_total[f.table + " " + f.rule];
    }
    // Errors first, then warnings, then notes; in reading order within each.
    std::vector<const Finding*> ordered;
    for (const Finding& f : report_.findings) ordered.push_back(&f);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Finding* a, const Finding* b) { return a->severity < b->severity; });
    for (const Finding* finding : ordered) {
      const Finding& f = *finding;
      if (f.status == Finding::Status::kUnverifiable) {
        const std::string key = f.table + " " + f.rule;
        const int shown = ++unverifiable_shown[key];
        if (shown > kShownPerRule) {
          if (shown == unverifiable_total[key]) {
            out_ += "  [" + std::string(Tr(lang_, "提示", "note")) + "] " + RuleName(f) + Tr(lang_, "：", ": ") +
                    Tr(lang_, "另有 ", "and ") + std::to_string(shown - kShownPerRule) +
                    Tr(lang_, " 处同样无法核对。", " more that cannot be checked likewise.") + "  [" + f.rule +
                    "]\n";
          }
          continue;
        }
      }
      const char* severity = f.severity == Severity::kError     ? Tr(lang_, "错误", "error")
                             : f.severity == Severity::kWarning ? Tr(lang_, "警告", "warning")
                                                                : Tr(lang_, "提示", "note");
      std::string where;
      std::optional<Span> span = f.span;
      if (!span && !f.cells.empty()) {
        if (const Cell* c = CellAt(f.cells.front())) span = c->span;
      }
      if (span) {
        where = std::string(Tr(lang_, "（第 ", " (line ")) + std::to_string(LineOf(source_, span->begin)) +
                Tr(lang_, " 行）", ")");
      }
      // The rule in words first; its ID, which the JSON and the docs use, as the detail.
      out_ += "  [" + std::string(severity) + "] " + RuleName(f) + Tr(lang_, "：", ": ") +
              (lang_ == Language::kZh ? f.message_zh : f.message_en) + where + "  [" + f.rule + "]\n";
    }
  }

  const Report& report_;
  const std::u32string& source_;
  Language lang_;
  std::map<std::string, const Cell*> cells_;
  std::map<std::string, Mark> marks_;
  std::string out_;
};

}  // namespace

std::string RenderTextReport(const Report& report, Language language) {
  std::string out = Renderer(report, report.source, language).Render();
  const std::string total = std::to_string(report.other_reports.size() + 1);
  for (size_t k = 0; k < report.other_reports.size(); ++k) {
    const std::string n = std::to_string(k + 2);
    out += "\n" + std::string(Tr(language, "—— 第 ", "—— report ")) + n + " / " + total +
           Tr(language, " 份报告 ——\n", " ——\n");
    out += Renderer(report.other_reports[k], report.source, language).Render();
  }
  return out;
}

std::string RenderSetReport(const SetReport& set, Language language) {
  const bool zh = language == Language::kZh;
  auto verdict = [&](SetVerdict v) {
    switch (v) {
      case SetVerdict::kHolds: return zh ? "成立" : "holds";
      case SetVerdict::kFails: return zh ? "不成立" : "fails";
      case SetVerdict::kUnverifiable: return zh ? "无法核对" : "cannot be checked";
    }
    return "";
  };
  auto rule_name = [&](const std::string& id) {
    const RuleSpec* rule = FindRule(id);
    return rule ? std::string(zh ? rule->name_zh : rule->name_en) + " (" + id + ")" : id;
  };
  auto findings = [&](const std::vector<Finding>& list, std::string* out) {
    for (const Finding& f : list) {
      const char* mark = f.status == Finding::Status::kFailed ? "  ✗ " : "  ? ";
      *out += mark + (zh ? f.message_zh : f.message_en) + "\n";
    }
  };
  std::string out = zh ? "== 多份报告之间的核对 ==\n" : "== Across the reports ==\n";
  for (const ComparedPair& p : set.pairs) {
    out += (zh ? "同一机关相邻年度：" : "One body's consecutive years: ") + p.body + " " + std::to_string(p.years[0]) +
           " (" + p.files[0] + ") → " + std::to_string(p.years[1]) + " (" + p.files[1] + ")\n";
    for (const RuleVerdict& v : p.verdicts) out += "  " + rule_name(v.rule) + (zh ? "：" : ": ") + verdict(v.verdict) + "\n";
    findings(p.findings, &out);
  }
  for (const WholeCheck& w : set.wholes) {
    out += (zh ? "汇总报告：" : "Whole: ") + w.file + (zh ? "，下级报告 " : ", parts: ") + std::to_string(w.parts.size()) +
           (zh ? " 份" : "") + "\n";
    out += "  " + rule_name("parts.sum") + (zh ? "：" : ": ") + verdict(w.verdict) + "\n";
    findings(w.findings, &out);
  }
  if (set.pairs.empty() && set.wholes.empty()) out += zh ? "没有可以相互核对的报告。\n" : "No reports could be checked against each other.\n";
  for (const Duplicate& d : set.duplicates) {
    out += (zh ? "重复的报告：" : "Duplicate: ") + d.file + (zh ? "（机关、年度和数字与 " : " (the same body, year and numbers as ") +
           d.same_as + (zh ? " 相同，未另行核对）\n" : "; not compared again)\n");
  }
  for (const NotCompared& n : set.not_compared) {
    out += (zh ? "未与其他报告核对：" : "Not compared: ") + n.file + (zh ? "（" : " (") + (zh ? n.reason_zh : n.reason_en) +
           (zh ? "）\n" : ")\n");
  }
  return out;
}

}  // namespace gouji::cli
