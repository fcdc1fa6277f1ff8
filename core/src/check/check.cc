// The pipeline: decode -> normalise -> outline -> find the tables -> for each table: tokenise,
// map -> values -> rules -> summary. Each stage's work lives in its own file; this one wires them
// together, one function per stage, and turns what the stages found into findings a person can act
// on. The stages loop over the format's tables (Tables(), format.h), never over a count.
#include "gouji/check.h"

#include <algorithm>
#include <optional>

#include "base/unicode.h"
#include "check/fix.h"
#include "check/prose.h"
#include "check/rules.h"
#include "check/verdict.h"
#include "gouji/format.h"
#include "gouji/pdf_text.h"
#include "gouji/stages.h"
#include "map/map.h"
#include "map/values.h"
#include "read/decode.h"
#include "read/docx.h"
#include "read/flatten.h"
#include "read/html.h"
#include "read/pdf_layout.h"
#include "read/sniff.h"
#include "text/normalize.h"
#include "text/sections.h"
#include "text/tokenize.h"
#include "text/markup.h"
#include "text/unfold.h"

namespace gouji {
namespace {

constexpr size_t kNone = std::u32string::npos;
// A table's region with this many digits in numbers holds a table (a sentence's one figure is none).
constexpr size_t kMinDigitsOfAnUnreadTable = 3;

// A finding of a registered rule (format.h) with its messages.
Finding ReportFinding(const char* rule, const std::string& table, std::string zh, std::string en) {
  Finding f = NewFinding(rule, table);
  f.message_zh = std::move(zh);
  f.message_en = std::move(en);
  return f;
}

// One table of Tables() as the stages pass it on: where its text is, its tokens, and how they
// mapped. The mapped cells point into `tokens` (and into mapped.undrawn), so a FoundTable is built
// in place and never copied.
struct FoundTable {
  const TableSpec* spec = nullptr;
  size_t begin = 0, end = 0;  // its region of the normalised text; empty if not found
  TokenizedRegion tokens;
  MappedTable mapped;
};

// --- Stage: normalise ------------------------------------------------------------------------

struct NormalisedInput {
  NormalizedText norm;
  std::vector<GridRowSpan> grid;  // the source's table rows, in normalised positions
};

Result<NormalisedInput> NormaliseInput(const DecodedText& decoded, const std::vector<GridRowSpan>& grid) {
  Result<NormalizedText> normalized = Normalize(decoded.text);
  if (!normalized.ok()) return normalized.status();
  NormalisedInput out{std::move(normalized.value()), {}};
  const std::vector<uint32_t>& origin = out.norm.origin;
  // Normalising only drops or folds characters, so origin is sorted: the normalised position of a
  // source position is the first one that came from it or after it.
  auto to_norm = [&origin](size_t source) {
    return static_cast<size_t>(std::lower_bound(origin.begin(), origin.end(), source) - origin.begin());
  };
  for (const GridRowSpan& row : grid) {
    GridRowSpan span{to_norm(row.begin), to_norm(row.end), {}};
    for (const GridCellSpan& cell : row.cells) span.cells.push_back({to_norm(cell.begin), to_norm(cell.end), cell.x});
    out.grid.push_back(std::move(span));
  }
  return out;
}

void ReportMalformedInput(const DecodedText& decoded, const std::string& encoding, std::vector<Finding>* findings) {
  if (decoded.malformed == 0) return;
  const std::string offset = std::to_string(decoded.first_malformed_offset.value_or(0));
  const std::string count = std::to_string(decoded.malformed);
  findings->push_back(ReportFinding(
      "input.malformed", "",
      "输入中有 " + count + " 处无法按 " + encoding + " 解码的字节（第一处在第 " + offset +
          " 字节），已替换为 �。这些位置的内容可能有误。",
      "The input has " + count + " byte sequence(s) that are not valid " + encoding + " (the first at byte " +
          offset + "); they were replaced by �. Text there may be wrong."));
}

// --- Stage: outline --------------------------------------------------------------------------

// The title, the year and the six sections; a finding for each section not found. Returns whether
// any was.
bool ReportOutline(const Outline& outline, const NormalizedText& norm, Report* report,
                   std::vector<Finding>* findings) {
  if (!outline.title.empty()) report->title = ToUtf8(outline.title);
  report->body = ToUtf8(outline.body);
  report->year = outline.year;
  report->year_source = outline.year_source;
  bool any_section = false;
  for (const SectionSpec& spec : Sections()) {
    const Heading& h = outline.sections[spec.number - 1];
    SectionInfo info;
    info.number = spec.number;
    info.found = h.found;
    if (h.found) {
      info.span = norm.ToSource(h.begin, h.end);
      any_section = true;
    } else {
      findings->push_back(ReportFinding("section.missing", "", std::string("未找到章节标题“") + spec.heading + "”。",
                                        std::string("Section heading not found: ") + spec.heading));
    }
    report->sections.push_back(info);
  }
  return any_section;
}

// --- Stage: find the tables' text ------------------------------------------------------------

// The start of the first line at or after `from` whose first cell is `anchor`.
size_t FindAnchorLine(const std::u32string& text, const std::u32string& anchor, size_t from) {
  for (size_t at = text.find(anchor, from); at != kNone; at = text.find(anchor, at + 1)) {
    size_t line = at;
    while (line > 0 && text[line - 1] != U'\n') --line;
    bool only_lead = true;
    for (size_t k = line; k < at; ++k) {
      if (!IsSpace(text[k]) && text[k] != U'|') only_lead = false;
    }
    const size_t after = at + anchor.size();
    const bool whole = after == text.size() || text[after] == U'\n' || text[after] == U'|' ||
                       text[after] == U'\t' || text[after] == U' ';
    if (only_lead && whole) return line;
  }
  return kNone;
}

// Where each table's text is: after its section's heading, or, without a heading, from the line
// of its first anchor (searched after the table before it); up to the next heading or table.
std::vector<FoundTable> FindTables(const std::u32string& text, const Outline& outline) {
  std::vector<FoundTable> tables(Tables().size());
  std::vector<size_t> starts(tables.size(), kNone);
  size_t search_from = 0;
  for (size_t t = 0; t < tables.size(); ++t) {
    const TableSpec& spec = Tables()[t];
    tables[t].spec = &spec;
    const Heading& heading = outline.sections[spec.section - 1];
    if (heading.found) {
      starts[t] = heading.end < text.size() ? heading.end + 1 : heading.end;  // after its line break
    } else {
      for (const char* anchor : spec.anchors) {
        starts[t] = FindAnchorLine(text, FromUtf8(anchor), search_from);
        if (starts[t] != kNone) break;
      }
    }
    if (starts[t] != kNone) search_from = starts[t];
  }
  for (size_t t = 0; t < tables.size(); ++t) {
    if (starts[t] == kNone) continue;  // an empty region: nothing to map
    size_t end = text.size();
    for (const Heading& h : outline.sections) {
      if (h.found && h.begin >= starts[t]) end = std::min(end, h.begin);
    }
    for (size_t other : starts) {
      if (other != kNone && other > starts[t]) end = std::min(end, other);
    }
    tables[t].begin = starts[t];
    tables[t].end = end;
  }
  return tables;
}

// --- Stage: map each table -------------------------------------------------------------------

// Tokenises each table's region and maps it with every layout of its table; the best fit tells
// the table's version. Where the source kept the table's grid, the grid wins over reading the text.
void MapTables(const NormalisedInput& input, const DecodedText& decoded, std::vector<FoundTable>* tables) {
  const std::vector<uint8_t> widths = DisplayWidths(input.norm, decoded.text);
  for (FoundTable& table : *tables) {
    std::vector<GridRowSpan> rows_here;
    for (const GridRowSpan& row : input.grid) {
      if (row.begin >= table.begin && row.begin < table.end) rows_here.push_back(row);
    }
    table.tokens = rows_here.empty() ? Tokenize(input.norm.text, table.begin, table.end, &widths)
                                     : TokenizeGrid(input.norm.text, rows_here);
    const std::vector<const TableLayout*> layouts = LayoutsOf(table.spec->id);
    SeparateRunTogetherLabels(&table.tokens, layouts);
    table.mapped = MapTable(table.tokens, layouts);
  }
}

// --- Stage: describe the tables and the report's version ----------------------------------------

TableInfo DescribeTable(const FoundTable& table, const NormalizedText& norm) {
  const MappedTable& m = table.mapped;
  TableInfo info;
  info.id = table.spec->id;
  info.found = m.found;
  info.version = m.found ? m.layout->version : Template::kUnknown;
  info.flattening = m.found ? FlatteningName(table.tokens.flattening) : "";
  if (m.found) info.span = norm.ToSource(m.begin, m.end);
  info.cells_expected = m.layout ? m.layout->CellCount() : 0;
  info.cells_found = static_cast<int>(m.cells.size());
  return info;
}

// The report's version: its tables', when they agree (a table every version shares says nothing).
Template ReportTemplate(const std::vector<TableInfo>& tables) {
  Template version = Template::kUnknown;
  for (const TableInfo& info : tables) {
    if (info.version == Template::kUnknown) continue;
    version = version == Template::kUnknown || version == info.version ? info.version : Template::kMixed;
  }
  return version;
}

// A missing table is counted as the report's version of it would be (the latest, if unknown).
void CountMissingTables(Report* report) {
  const FormatVersion* version = FindVersion(report->report_template);
  if (!version) version = &LatestVersion();
  for (size_t t = 0; t < report->tables.size(); ++t) {
    if (!report->tables[t].found) report->tables[t].cells_expected = version->layouts[t]->CellCount();
  }
}

// --- Stage: what the mapping found wrong -------------------------------------------------------

void ReportTemplateVersion(const Report& report, const TableInfo& table, std::vector<Finding>* findings) {
  if (!report.year || !table.found || table.version == Template::kUnknown) return;
  const FormatVersion& expected = VersionForYear(*report.year);
  if (table.version == expected.version) return;
  const std::string year = std::to_string(*report.year);
  Finding f = ReportFinding(
      "template.version", table.id,
      "报告年度为 " + year + " 年，应使用 " + expected.name + " 年版格式（" + expected.document + "），但 " +
          table.id + " 按 " + TemplateName(table.version) + " 年版格式填写。",
      "The report is on " + year + " and should follow the " + expected.name + " format (" + expected.document +
          "), but " + table.id + " follows the " + TemplateName(table.version) + " format.");
  f.span = table.span;
  findings->push_back(std::move(f));
}

// "23、0、0" / "23, 0, 0": a reading of a run of digits.
std::string Reading(const std::vector<std::u32string>& cells, const char* separator) {
  std::string out;
  for (size_t k = 0; k < cells.size(); ++k) out += (k ? separator : "") + ToUtf8(cells[k]);
  return out;
}

// A row whose digits ran together and could not be read one way only.
Finding RunTogetherUnplaced(const RowProblem& p, const std::string& label, const char* table,
                            const NormalizedText& norm) {
  const std::string run = ToUtf8(p.run->text), n = std::to_string(p.values_expected);
  std::string zh = "“" + label + "”的数字连写为“" + run + "”，";
  std::string en = std::string("\"") + p.row->short_en + "\": its numbers ran together as \"" + run + "\"; ";
  if (p.readings == 0) {
    zh += "拆成 " + n + " 个单元格的方式中没有一种符合格式的算术关系";
    en += "no way of splitting it into " + n + " cells satisfies the format's arithmetic";
  } else {
    zh += "可拆成 " + n + " 个单元格的方式不止一种（如 ";
    en += "it splits into " + n + " cells in more than one way the format allows (e.g. ";
    for (size_t k = 0; k < p.candidates.size(); ++k) {
      zh += (k ? " 或 " : "") + Reading(p.candidates[k], "、");
      en += (k ? " or " : "") + Reading(p.candidates[k], ", ");
    }
    zh += "）";
    en += ")";
  }
  zh += "，无法确定，这些单元格不予核对。";
  en += ", so these cells are not checked.";
  Finding f = ReportFinding("row.unplaced", table, zh, en);
  f.span = norm.ToSource(p.run->begin, p.run->end);
  return f;
}

// Rows whose digits ran together and were read by the format's arithmetic: one finding per row,
// naming the reading and the relations used to choose it.
void ReportRunTogether(const FoundTable& table, const NormalizedText& norm, std::vector<Finding>* findings) {
  const MappedTable& m = table.mapped;
  for (size_t i = 0; i < m.cells.size();) {
    const Token* run = m.cells[i].run;
    size_t end = i + 1;
    while (end < m.cells.size() && run && m.cells[end].run == run) ++end;
    // A run that splits only one way is read as plainly as cells with separators between them.
    if (!run || m.cells[i].read_by.empty()) {
      i = end;
      continue;
    }
    std::vector<std::u32string> reading;
    Finding f = NewFinding("cells.run_together", table.spec->id);
    for (size_t k = i; k < end; ++k) {
      reading.push_back(m.cells[k].token->text);
      f.cells.push_back(m.cells[k].id);
    }
    std::string rules_zh, rules_en;
    for (const RuleSpec* rule : m.cells[i].read_by) {
      rules_zh += (rules_zh.empty() ? "" : "、") + std::string("“") + rule->description_zh + "”";
      rules_en += (rules_en.empty() ? "" : ", ") + std::string("\"") + rule->description_en + "\"";
    }
    const std::string raw = ToUtf8(run->text);
    f.message_zh = "数字连写为“" + raw + "”，读作 " + Reading(reading, "、");
    f.message_en = "The numbers ran together as \"" + raw + "\", read as " + Reading(reading, ", ");
    f.message_zh += "：只有这种拆分满足" + rules_zh + "，该关系用于读数，不算作核对。";
    f.message_en += ": only this split satisfies " + rules_en + ", which is therefore used to read them, not verified.";
    f.span = norm.ToSource(run->begin, run->end);
    findings->push_back(std::move(f));
    i = end;
  }
}

void ReportRowProblems(const FoundTable& table, const TableInfo& info, const NormalizedText& norm,
                       std::vector<Finding>* findings) {
  const MappedTable& m = table.mapped;
  const char* id = table.spec->id;
  for (const LabelDeviation& d : m.deviations) {
    const std::string found = ToUtf8(d.token->text);
    Finding f = ReportFinding("label.deviation", id, "行标签“" + found + "”与格式文本“" + d.expected + "”不一致。",
                              "Row label \"" + found + "\" differs from the format's \"" + d.expected + "\".");
    f.span = norm.ToSource(d.token->begin, d.token->end);
    findings->push_back(std::move(f));
  }
  for (const RowProblem& p : m.problems) {
    const std::string label = m.layout->labelled_rows ? p.row->labels[0] : table.spec->name_zh;
    if (p.kind == RowProblem::Kind::kMissing) {
      findings->push_back(ReportFinding("row.missing", id, "未找到“" + label + "”行。",
                                        std::string("Row \"") + p.row->short_en + "\" not found."));
      continue;
    }
    if (p.run) {
      findings->push_back(RunTogetherUnplaced(p, label, id, norm));
      continue;
    }
    if (p.label_before) {
      const std::string before = ToUtf8(p.label_before->text);
      Finding f = ReportFinding(
          "row.unplaced", id,
          "“" + label + "”紧接在“" + before + "”之后，中间没有数字：文本不是按行的顺序排列的（如 PDF 按内容顺序提取），"
              "其后的数字也可能属于“" + before + "”，这些单元格不予核对。",
          std::string("\"") + p.row->short_en + "\" comes right after \"" + before +
              "\" with no number between: the text is not in row order (as a PDF's text in content order), "
              "and the numbers after it may as well be that row's, so these cells are not checked.");
      f.span = norm.ToSource(p.label->begin, p.label->end);
      findings->push_back(std::move(f));
      continue;
    }
    const std::string found = std::to_string(p.values_found), expected = std::to_string(p.values_expected);
    Finding f = ReportFinding(
        "row.unplaced", id,
        "“" + label + "”找到 " + found + " 个值，但应有 " + expected + " 个，无法确定各值对应的列，这些单元格不予核对。",
        std::string("\"") + p.row->short_en + "\": found " + found + " values where " + expected +
            " are expected; gouji cannot tell which value belongs to which column, so these cells "
            "are not checked.");
    f.span = p.label ? norm.ToSource(p.label->begin, p.label->end) : info.span;
    findings->push_back(std::move(f));
  }
}

// The digits of a text, less those of dates and ordinals ("2022年", "3月", "第2项"): digits, not
// numbers, since run together ("规章000") three numbers are one word.
size_t DigitsOutsideDates(std::u32string_view text) {
  size_t digits = 0;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiDigit(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsAsciiDigit(text[end])) ++end;
    const bool ordinal = i > 0 && text[i - 1] == U'第';
    const bool date = end < text.size() && std::u32string_view(U"年月日号").find(text[end]) != std::u32string_view::npos;
    if (!ordinal && !date) digits += end - i;
    i = end;
  }
  return digits;
}

// A table not found is missing from the report -- unless where it stands (its section) holds
// numbers, or what a converter writes for a table it could not draw (pandoc's "[TABLE]", or the
// table's HTML): then the table is there and gouji could not read it, which is no error of the
// report's.
Finding TableNotFound(const FoundTable& table, const NormalizedText& norm) {
  const TableSpec& spec = *table.spec;
  const std::string name_zh = spec.name_zh + std::string("（") + spec.id + "）";
  const std::string name_en = std::string("table ") + spec.id + " (" + spec.name_en + ")";
  const std::u32string_view region = std::u32string_view(norm.text).substr(table.begin, table.end - table.begin);
  // What a converter left where the table was: pandoc's placeholder, else the table's HTML.
  std::u32string_view placeholder_text = U"[TABLE]";
  size_t placeholder = region.find(placeholder_text);
  if (placeholder == std::u32string_view::npos) placeholder = region.find(placeholder_text = U"<table");
  const size_t placeholder_size = placeholder_text.size();
  const bool html = placeholder != std::u32string_view::npos && placeholder_text == U"<table";
  const size_t digits = DigitsOutsideDates(region);
  if (placeholder == std::u32string_view::npos && digits < kMinDigitsOfAnUnreadTable) {
    return ReportFinding("table.missing", spec.id, "未找到" + name_zh + "。",
                         "Table " + std::string(spec.id) + " (" + spec.name_en + ") not found.");
  }
  Finding f =
      html ? ReportFinding("table.unread", spec.id,
                           "此处是" + name_zh + "的 HTML 代码，gouji 不从文本中读 HTML，表中单元格未核对。请检查网页或 HTML 文件本身。",
                           "The HTML of " + name_en + " stands here; gouji does not read HTML inside a text, so its "
                               "cells were not checked. Check the web page or the HTML file itself.")
      : placeholder != std::u32string_view::npos
          ? ReportFinding("table.unread", spec.id,
                          "此处只有“[TABLE]”：转换工具没有写出" + name_zh + "，表中的数字不在所给文本中，未核对。"
                          "请从网页复制，或直接检查原文件。",
                          "Only \"[TABLE]\" stands here: the converter did not write " + name_en +
                              ", so its numbers are not in the text given, and were not checked. Copy the "
                              "web page instead, or check the original file.")
          : ReportFinding("table.unread", spec.id,
                          "此部分有数字，但未能从中读出" + name_zh + "的行和列，表中单元格未核对。",
                          "This section holds numbers, but the rows and columns of " + name_en +
                              " could not be read from them; its cells were not checked.");
  const size_t at = placeholder != std::u32string_view::npos ? table.begin + placeholder : table.begin;
  f.span = norm.ToSource(at, placeholder != std::u32string_view::npos ? at + placeholder_size : table.end);
  return f;
}

// Per table, in order: not found, or its version against the year, its labels and its rows.
void ReportTables(const std::vector<FoundTable>& tables, const Report& report, const NormalizedText& norm,
                  std::vector<Finding>* findings) {
  for (size_t t = 0; t < tables.size(); ++t) {
    if (!tables[t].mapped.found) {
      findings->push_back(TableNotFound(tables[t], norm));
      continue;
    }
    ReportTemplateVersion(report, report.tables[t], findings);
    ReportRowProblems(tables[t], report.tables[t], norm, findings);
    ReportRunTogether(tables[t], norm, findings);
  }
}

// --- Stage: read the values ------------------------------------------------------------------

// Every placed cell's value, in the format's reading order (table by table, each in its layout's).
std::vector<Cell> ReadValues(const std::vector<FoundTable>& tables, const NormalizedText& norm) {
  std::vector<Cell> cells;
  for (const FoundTable& table : tables) {
    if (!table.mapped.found) continue;
    for (const PlacedCell& placed : table.mapped.cells) {
      Cell cell;
      cell.id = placed.id;
      cell.raw = ToUtf8(placed.token->text);
      cell.value = ParseCellValue(placed.token->text, placed.column->amount);
      cell.span = norm.ToSource(placed.token->begin, placed.token->end);
      for (const RuleSpec* rule : placed.read_by) cell.read_by.push_back(rule->id);
      cells.push_back(std::move(cell));
    }
  }
  return cells;
}

// --- Stage: apply the rules ------------------------------------------------------------------

void ApplyRules(const std::vector<FoundTable>& tables, Report* report, std::vector<Finding>* findings) {
  std::vector<TableForRules> for_rules;
  for (const FoundTable& table : tables) {
    for_rules.push_back({table.spec->id, table.mapped.found ? table.mapped.layout : nullptr});
  }
  CheckCellValues(for_rules, report->cells, findings);
  CellsById by_id;
  for (const Cell& cell : report->cells) by_id[cell.id] = &cell;
  EvaluateRules(for_rules, by_id, findings, &report->summary);
  const FixSearch search = FindSmallestFix(for_rules, by_id);
  report->fix = search.fix;
  if (std::optional<Finding> said = DescribeFix(search, for_rules)) findings->push_back(std::move(*said));
}

// The statistics table of the years before 2019: rows of 指标名称 with their 计量单位.
bool IsPre2019Statistics(const std::u32string& text) {
  return text.find(U"指标名称") != std::u32string::npos && text.find(U"计量单位") != std::u32string::npos;
}

Status NotAReport() {
  return Status(StatusCode::kNotAReport,
                "未识别出政府信息公开工作年度报告：既没有找到“一、总体情况”等章节标题，也没有找到三张统计表。"
                "请粘贴报告全文（含表格）。",
                "This does not look like an annual report on government information disclosure: "
                "none of its section headings (一、总体情况 ...) and none of its three tables were "
                "found. Paste the whole report, tables included.");
}

// One report of the input, from the outline on; `malformed` tells whether to report the
// input's undecodable bytes (once, in the first report).
Result<Report> CheckReport(const NormalisedInput& input, const DecodedText& decoded, SourceFormat format,
                           bool malformed) {
  const NormalizedText& norm = input.norm;
  Report report;
  report.format = SourceFormatName(format);
  report.encoding = decoded.encoding;
  std::vector<Finding> findings;
  if (malformed) ReportMalformedInput(decoded, report.encoding, &findings);
  std::optional<StageTimer> timer(kStageOutline);
  const Outline outline = FindOutline(norm.text);
  const bool any_section = ReportOutline(outline, norm, &report, &findings);

  timer.emplace(kStageTables);
  std::vector<FoundTable> tables = FindTables(norm.text, outline);
  MapTables(input, decoded, &tables);
  bool any_table = false;
  for (const FoundTable& table : tables) {
    report.tables.push_back(DescribeTable(table, norm));
    any_table |= table.mapped.found;
  }
  timer.emplace(kStageRules);
  // A report of the years before 2019: its one statistics table (指标名称 / 计量单位 / 统计数) is
  // not the format's, and is named as such rather than refused; nothing of it is checked.
  if (!any_table && IsPre2019Statistics(norm.text)) {
    // Its sections are that format's too (一、概述 ...): the current format's missing ones are no news.
    findings.erase(std::remove_if(findings.begin(), findings.end(), [](const Finding& f) { return f.rule == "section.missing"; }),
                   findings.end());
    for (TableInfo& info : report.tables) info.cells_expected = 0;  // none of the current format's is asked of it
    findings.push_back(ReportFinding(
        "template.pre2019", "",
        "这份报告的统计表是 2019 年以前的格式（“指标名称 / 计量单位”），不是国办公开办函〔2019〕60号或〔2021〕30号"
        "规定的表格。gouji 只核对这两版格式的表二、表三、表四：这份报告的表格未核对。",
        "This report's statistics table is in the format used before 2019 (指标名称 / 计量单位), not one of the "
        "tables that 国办公开办函〔2019〕60号 or 〔2021〕30号 prescribe. gouji checks tables 2, 3 and 4 of those two "
        "formats only: this report's table was not checked."));
    report.findings = std::move(findings);
    Summarise(&report);
    return report;
  }
  if (!any_table && !any_section) return NotAReport();
  report.report_template = ReportTemplate(report.tables);
  CountMissingTables(&report);

  ReportTables(tables, report, norm, &findings);
  report.cells = ReadValues(tables, norm);
  ApplyRules(tables, &report, &findings);
  timer.emplace(kStageProse);
  ProseInput prose{&norm, decoded.text, &outline, {}};
  for (const FoundTable& table : tables) {
    if (table.end > table.begin) prose.tables.emplace_back(table.begin, table.end);
  }
  CheckProse(prose, report, &findings);
  timer.emplace(kStageRules);
  report.findings = std::move(findings);
  Summarise(&report);
  return report;
}

// The input as one of its reports sees it: its part [begin, end) of the normalised text, with the
// map back to the source kept as it is (origin holds source positions), so that every span a report
// gives is still one of the whole text's, and each report costs the time of its own part: a text
// pasted 1,000 times is checked in linear time.
NormalisedInput PartOf(const NormalisedInput& input, size_t begin, size_t end) {
  NormalisedInput part;
  part.norm.text = input.norm.text.substr(begin, end - begin);
  part.norm.origin.assign(input.norm.origin.begin() + begin, input.norm.origin.begin() + end + 1);
  part.norm.converted_traditional = input.norm.converted_traditional;
  part.norm.stripped_pinyin = input.norm.stripped_pinyin;
  for (const GridRowSpan& row : input.grid) {
    if (row.begin < begin || row.begin >= end) continue;
    GridRowSpan shifted{row.begin - begin, row.end - begin, {}};
    for (const GridCellSpan& cell : row.cells) shifted.cells.push_back({cell.begin - begin, cell.end - begin, cell.x});
    part.grid.push_back(std::move(shifted));
  }
  return part;
}

// Tells, in the first report, that the text holds several and that each was checked on its own.
Finding SeveralReports(const std::vector<Report>& reports) {
  std::string zh = "这段文字含 " + std::to_string(reports.size()) + " 份报告，已分别核对：";
  std::string en = "This text holds " + std::to_string(reports.size()) + " reports, each checked on its own: ";
  for (size_t k = 0; k < reports.size(); ++k) {
    const std::string n = std::to_string(k + 1);
    const std::string& title = reports[k].title;
    zh += (k ? "；" : "") + ("第 " + n + " 份") + (title.empty() ? "（无标题）" : "《" + title + "》");
    en += (k ? "; " : "") + ("no. " + n + " ") + (title.empty() ? "(untitled)" : "\"" + title + "\"");
  }
  Finding f = ReportFinding("input.several_reports", "", zh + "。", en + ".");
  f.span = reports[1].span;
  return f;
}

// The pipeline from decoded text on, stage by stage; `grid` holds the rows of the tables a
// published format kept (empty for plain text), in positions of decoded.text. A text that holds
// several reports gives the first, with the others in other_reports: none is merged with another.
Result<Report> CheckDecoded(DecodedText decoded, const std::vector<GridRowSpan>& grid, SourceFormat format) {
  std::optional<StageTimer> timer(kStageNormalise);
  Result<NormalisedInput> normalised = NormaliseInput(decoded, grid);
  if (!normalised.ok()) return normalised.status();
  NormalisedInput& input = normalised.value();
  // A converter's frames and markup around a page's text are taken away, and a report run into one
  // line (a crawler's text) is cut back into lines; a document's grid already has its rows.
  timer.emplace(kStageUnfold);
  if (input.grid.empty()) {
    StripConverterMarkup(&input.norm);
    UnfoldRunTogetherLines(&input.norm);
  }
  timer.emplace(kStageOutline);
  const std::vector<size_t> starts = FindReportStarts(input.norm.text);
  timer.reset();
  if (starts.size() == 1) {
    Result<Report> report = CheckReport(input, decoded, format, true);
    if (report.ok()) report.value().source = std::move(decoded.text);
    return report;
  }
  std::vector<Report> reports;
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t end = k + 1 < starts.size() ? starts[k + 1] : input.norm.text.size();
    Result<Report> report = CheckReport(PartOf(input, starts[k], end), decoded, format, k == 0);
    if (!report.ok()) return report.status();
    reports.push_back(std::move(report.value()));
    reports.back().span = input.norm.ToSource(starts[k], end);
  }
  Finding several = SeveralReports(reports);
  Report first = std::move(reports.front());
  first.findings.insert(first.findings.begin(), std::move(several));
  Summarise(&first);
  first.other_reports.assign(std::make_move_iterator(reports.begin() + 1), std::make_move_iterator(reports.end()));
  first.source = std::move(decoded.text);
  return first;
}

}  // namespace

Result<Report> CheckDocument(const Document& document) {
  std::optional<StageTimer> timer(kStageDecode);
  FlatDocument flat = Flatten(document);
  if (flat.text.size() > kMaxInputBytes) {
    // What a document holds is held to what a text may hold.
    return Status(StatusCode::kTooLarge,
                  "文档过大（文字 " + std::to_string(flat.text.size()) + " 字）：年度报告的文字通常只有几万字。",
                  "The document is too large (" + std::to_string(flat.text.size()) +
                      " characters of text): an annual report has some tens of thousands.");
  }
  DecodedText decoded;
  decoded.text = std::move(flat.text);
  decoded.encoding = document.encoding;
  decoded.malformed = document.malformed_bytes;
  if (document.malformed_bytes > 0) decoded.first_malformed_offset = document.first_malformed_offset;
  timer.reset();
  return CheckDecoded(std::move(decoded), flat.rows, document.format);
}

Result<Report> Check(std::string_view bytes, const CheckOptions& options) {
  if (Status size = CheckInputSize(bytes); !size.ok()) return size;
  Result<Sniffed> kind = SniffFormat(bytes);
  if (!kind.ok()) return kind.status();
  Result<Document> document = Status();
  switch (kind.value()) {
    case Sniffed::kText: {
      std::optional<StageTimer> timer(kStageDecode);
      Result<DecodedText> decoded = Decode(bytes, options.encoding);
      if (!decoded.ok()) return decoded.status();
      timer.reset();
      return CheckDecoded(std::move(decoded.value()), {}, SourceFormat::kText);
    }
    case Sniffed::kPdf:
      return Status(StatusCode::kNeedsPdfText,
                    "这是 PDF 文件：需要先提取其中的文字及位置（网页和命令行会自动完成）。",
                    "This is a PDF: its text and positions must be extracted first (the page and the "
                    "command line do that themselves).");
    case Sniffed::kHtml: {
      StageTimer timer(kStageRead);
      document = ReadHtml(bytes, options.encoding);
      break;
    }
    case Sniffed::kZip: {
      StageTimer timer(kStageRead);
      document = ReadDocx(bytes);
      break;
    }
  }
  if (!document.ok()) return document.status();
  return CheckDocument(document.value());
}

Result<Report> CheckHtml(std::string_view utf8) {
  if (Status size = CheckInputSize(utf8); !size.ok()) return size;
  Result<Document> document = [&] {
    StageTimer timer(kStageRead);
    return ReadHtmlText(utf8);
  }();
  if (!document.ok()) return document.status();
  return CheckDocument(document.value());
}

Result<Report> CheckPdfText(const std::vector<PdfPage>& pages) {
  size_t runs = 0;
  for (const PdfPage& page : pages) runs += page.items.size();
  if (runs == 0) {
    return Status(StatusCode::kNoText,
                  "这个 PDF 的 " + std::to_string(pages.size()) +
                      " 页里没有文字，只有图像（可能是扫描件），无法检查。请找到报告的网页版、Word 版"
                      "或带文字的 PDF。",
                  "This PDF's " + std::to_string(pages.size()) +
                      " page(s) hold no text, only images (it may be a scan), so it cannot be checked. "
                      "Find the report as a web page, a Word file or a PDF with text.");
  }
  Document document = [&] {
    StageTimer timer(kStageRead);
    return LayOutPdf(pages);
  }();
  return CheckDocument(document);
}

Result<Report> CheckPdfTextJson(std::string_view json) {
  Result<std::vector<PdfPage>> pages = PdfPagesFromJson(json);
  if (!pages.ok()) return pages.status();
  return CheckPdfText(pages.value());
}

Result<std::string> DecodeToUtf8(std::string_view bytes, Encoding encoding) {
  if (Status size = CheckInputSize(bytes); !size.ok()) return size;
  // Only text has a text of its own: the text of a PDF or a .docx is what Check() makes of it
  // (the report's input.text).
  Result<Sniffed> kind = SniffFormat(bytes);
  if (!kind.ok()) return kind.status();
  if (kind.value() == Sniffed::kPdf || kind.value() == Sniffed::kZip) {
    return Status(StatusCode::kUnsupportedFormat, "这不是文本文件（PDF 或 Word 文档），请用检查功能读取。",
                  "This is not a text file (a PDF or a Word document): check it to read it.");
  }
  Result<DecodedText> decoded = Decode(bytes, encoding);
  if (!decoded.ok()) return decoded.status();
  return ToUtf8(decoded.value().text);
}

const char* Version() { return "0.1.0"; }

}  // namespace gouji
