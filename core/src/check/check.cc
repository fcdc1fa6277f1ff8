// The pipeline: decode -> normalise -> outline -> for each table: tokenise, map -> values ->
// rules -> report. Each stage lives in its own file; this one only wires them together and turns
// what the stages found into findings a person can act on.
#include "gouji/check.h"

#include <algorithm>
#include <array>

#include "base/unicode.h"
#include "check/rules.h"
#include "gouji/format.h"
#include "gouji/pdf_text.h"
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

namespace gouji {
namespace {

struct TableText {
  const char* id;
  int section;          // the section that holds it, 1-based
  const char* name_zh;  // for messages
  const char* name_en;
  // Cells that mark the table when its section heading is missing: found at the start of a line,
  // as a whole cell (followed by a separator or the line's end).
  std::vector<const char*> anchors;
};

const std::array<TableText, 3>& Tables() {
  static const std::array<TableText, 3> tables = {{
      {"t2", 2, "主动公开政府信息情况表", "the proactive disclosure table",
       {"第二十条第(一)项", "信息内容", "规章"}},
      {"t3", 3, "收到和处理政府信息公开申请情况表", "the applications table",
       {"(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况",
        "一、本年新收政府信息公开申请数量"}},
      {"t4", 4, "行政复议、行政诉讼情况表", "the review and litigation table", {"行政复议", "结果维持"}},
  }};
  return tables;
}

// The start of the first line at or after `from` whose first cell is `anchor`.
size_t FindAnchorLine(const std::u32string& text, const std::u32string& anchor, size_t from) {
  for (size_t at = text.find(anchor, from); at != std::u32string::npos; at = text.find(anchor, at + 1)) {
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
  return std::u32string::npos;
}

// Where each table's text is: after its section's heading, or, without a heading, from the line
// of its first anchor; up to the next heading or table.
std::array<std::pair<size_t, size_t>, 3> TableRegions(const std::u32string& text, const Outline& outline) {
  constexpr size_t kNone = std::u32string::npos;
  std::array<size_t, 3> starts;
  size_t search_from = 0;
  for (size_t t = 0; t < 3; ++t) {
    const TableText& table = Tables()[t];
    const Heading& heading = outline.sections[table.section - 1];
    starts[t] = kNone;
    if (heading.found) {
      starts[t] = heading.end < text.size() ? heading.end + 1 : heading.end;  // after its line break
    } else {
      for (const char* anchor : table.anchors) {
        starts[t] = FindAnchorLine(text, FromUtf8(anchor), search_from);
        if (starts[t] != kNone) break;
      }
    }
    if (starts[t] != kNone) search_from = starts[t];
  }
  std::array<std::pair<size_t, size_t>, 3> regions;
  for (size_t t = 0; t < 3; ++t) {
    if (starts[t] == kNone) {
      regions[t] = {0, 0};
      continue;
    }
    size_t end = text.size();
    for (const Heading& h : outline.sections) {
      if (h.found && h.begin >= starts[t]) end = std::min(end, h.begin);
    }
    for (size_t u = 0; u < 3; ++u) {
      if (starts[u] != kNone && starts[u] > starts[t]) end = std::min(end, starts[u]);
    }
    regions[t] = {starts[t], end};
  }
  return regions;
}

Finding ReportFinding(const char* rule, Severity severity, const std::string& table, std::string zh,
                      std::string en) {
  Finding f;
  f.rule = rule;
  f.severity = severity;
  f.table = table;
  f.message_zh = std::move(zh);
  f.message_en = std::move(en);
  return f;
}

const char* TemplateDocument(Template t) {
  return t == Template::k2019 ? "国办公开办函〔2019〕60号" : "国办公开办函〔2021〕30号";
}

void AddTemplateFinding(const Report& report, const TableInfo& table, std::vector<Finding>* findings) {
  if (!report.year || !table.found || table.version == Template::kUnknown) return;
  const Template expected = *report.year >= 2021 ? Template::k2021 : Template::k2019;
  if (table.version == expected) return;
  const std::string year = std::to_string(*report.year);
  Finding f = ReportFinding(
      "template.version", Severity::kWarning, table.id,
      "报告年度为 " + year + " 年，应使用 " + TemplateName(expected) + " 年版格式（" +
          TemplateDocument(expected) + "），但 " + table.id + " 按 " + TemplateName(table.version) +
          " 年版格式填写。",
      "The report is on " + year + " and should follow the " + TemplateName(expected) + " format (" +
          TemplateDocument(expected) + "), but " + table.id + " follows the " +
          TemplateName(table.version) + " format.");
  f.span = table.span;
  findings->push_back(std::move(f));
}

// The pipeline from decoded text on; `grid` holds the rows of the tables a published format kept
// (empty for plain text), in positions of decoded.text.
Result<Report> CheckDecoded(DecodedText decoded, const std::vector<GridRowSpan>& grid, SourceFormat format) {
  Result<NormalizedText> normalized = Normalize(decoded.text);
  if (!normalized.ok()) return normalized.status();
  const NormalizedText& norm = normalized.value();
  // Normalising only drops or folds characters, so origin is sorted: the normalised position of a
  // source position is the first one that came from it or after it.
  auto to_norm = [&norm](size_t source) {
    return static_cast<size_t>(std::lower_bound(norm.origin.begin(), norm.origin.end(), source) -
                               norm.origin.begin());
  };
  std::vector<GridRowSpan> grid_rows;  // in normalised positions
  for (const GridRowSpan& row : grid) {
    GridRowSpan span{to_norm(row.begin), to_norm(row.end), {}};
    for (const GridCellSpan& cell : row.cells) span.cells.push_back({to_norm(cell.begin), to_norm(cell.end), cell.x});
    grid_rows.push_back(std::move(span));
  }

  Report report;
  report.format = SourceFormatName(format);
  report.encoding = decoded.encoding;
  const Outline outline = FindOutline(norm.text);
  if (!outline.title.empty()) report.title = ToUtf8(outline.title);
  report.year = outline.year;
  report.year_source = outline.year_source;

  std::vector<Finding> findings;
  if (decoded.malformed > 0) {
    const std::string offset = std::to_string(decoded.first_malformed_offset.value_or(0));
    const std::string count = std::to_string(decoded.malformed);
    findings.push_back(ReportFinding(
        "input.malformed", Severity::kWarning, "",
        "输入中有 " + count + " 处无法按 " + report.encoding + " 解码的字节（第一处在第 " + offset +
            " 字节），已替换为 �。这些位置的内容可能有误。",
        "The input has " + count + " byte sequence(s) that are not valid " + report.encoding +
            " (the first at byte " + offset + "); they were replaced by �. Text there may be wrong."));
  }

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
      findings.push_back(ReportFinding("section.missing", Severity::kWarning, "",
                                       std::string("未找到章节标题“") + spec.heading + "”。",
                                       std::string("Section heading not found: ") + spec.heading));
    }
    report.sections.push_back(info);
  }

  // Tables: tokenise each region and map it with every layout of its table.
  const auto regions = TableRegions(norm.text, outline);
  std::vector<TokenizedRegion> tokenized(3);
  std::vector<MappedTable> mapped(3);
  std::vector<TableForRules> for_rules;
  bool any_table = false;
  for (size_t t = 0; t < 3; ++t) {
    const TableText& text = Tables()[t];
    // Where the source kept the table's grid, the grid wins over reading the text.
    std::vector<GridRowSpan> rows_here;
    for (const GridRowSpan& row : grid_rows) {
      if (row.begin >= regions[t].first && row.begin < regions[t].second) rows_here.push_back(row);
    }
    tokenized[t] = rows_here.empty() ? Tokenize(norm.text, regions[t].first, regions[t].second)
                                     : TokenizeGrid(norm.text, rows_here);
    mapped[t] = MapTable(tokenized[t], LayoutsOf(text.id));
    const MappedTable& m = mapped[t];
    TableInfo info;
    info.id = text.id;
    info.found = m.found;
    info.version = m.found ? m.layout->version : Template::kUnknown;
    info.flattening = m.found ? FlatteningName(tokenized[t].flattening) : "";
    if (m.found) info.span = norm.ToSource(m.begin, m.end);
    info.cells_expected = m.layout ? m.layout->CellCount() : 0;
    info.cells_found = static_cast<int>(m.cells.size());
    any_table |= m.found;
    report.tables.push_back(info);
    for_rules.push_back({text.id, m.found ? m.layout : nullptr});
  }
  if (!any_table && !any_section) {
    return Status(StatusCode::kNotAReport,
                  "未识别出政府信息公开工作年度报告：既没有找到“一、总体情况”等章节标题，也没有找到三张统计表。"
                  "请粘贴报告全文（含表格）。",
                  "This does not look like an annual report on government information disclosure: "
                  "none of its section headings (一、总体情况 ...) and none of its three tables were "
                  "found. Paste the whole report, tables included.");
  }

  // The report's format version: its tables', when they agree.
  const Template t2 = report.tables[0].version, t3 = report.tables[1].version;
  if (t2 != Template::kUnknown && t3 != Template::kUnknown) {
    report.report_template = t2 == t3 ? t2 : Template::kMixed;
  } else {
    report.report_template = t2 != Template::kUnknown ? t2 : t3;
  }
  // A missing table is counted as the report's version of it would be.
  for (size_t t = 0; t < 3; ++t) {
    if (report.tables[t].found) continue;
    const Template v = report.report_template == Template::k2019 ? Template::k2019 : Template::k2021;
    if (const TableLayout* layout = FindLayout(Tables()[t].id, v)) {
      report.tables[t].cells_expected = layout->CellCount();
    }
  }

  for (size_t t = 0; t < 3; ++t) {
    const TableText& text = Tables()[t];
    const MappedTable& m = mapped[t];
    TableInfo& info = report.tables[t];
    if (!m.found) {
      findings.push_back(ReportFinding("table.missing", Severity::kError, text.id,
                                       std::string("未找到") + text.name_zh + "（" + text.id + "）。",
                                       std::string("Table ") + text.id + " (" + text.name_en + ") not found."));
      continue;
    }
    AddTemplateFinding(report, info, &findings);
    for (const LabelDeviation& d : m.deviations) {
      const std::string found = ToUtf8(d.token->text);
      Finding f = ReportFinding("label.deviation", Severity::kInfo, text.id,
                                "行标签“" + found + "”与格式文本“" + d.expected + "”不一致。",
                                "Row label \"" + found + "\" differs from the format's \"" + d.expected + "\".");
      f.span = norm.ToSource(d.token->begin, d.token->end);
      findings.push_back(std::move(f));
    }
    for (const RowProblem& p : m.problems) {
      const std::string label = m.layout->labelled_rows ? p.row->labels[0] : text.name_zh;
      if (p.kind == RowProblem::Kind::kMissing) {
        findings.push_back(ReportFinding("row.missing", Severity::kWarning, text.id,
                                         "未找到“" + label + "”行。",
                                         std::string("Row \"") + p.row->short_en + "\" not found."));
        continue;
      }
      const std::string found = std::to_string(p.values_found), expected = std::to_string(p.values_expected);
      Finding f = ReportFinding(
          "row.unplaced", Severity::kWarning, text.id,
          "“" + label + "”找到 " + found + " 个值，但应有 " + expected +
              " 个，无法确定各值对应的列，这些单元格不予核对。",
          std::string("\"") + p.row->short_en + "\": found " + found + " values where " + expected +
              " are expected; gouji cannot tell which value belongs to which column, so these cells "
              "are not checked.");
      if (p.label) f.span = norm.ToSource(p.label->begin, p.label->end);
      else f.span = info.span;
      findings.push_back(std::move(f));
    }
    for (const PlacedCell& placed : m.cells) {
      Cell cell;
      cell.id = placed.id;
      cell.raw = ToUtf8(placed.token->text);
      cell.value = ParseCellValue(placed.token->text, placed.column->amount);
      cell.span = norm.ToSource(placed.token->begin, placed.token->end);
      report.cells.push_back(std::move(cell));
    }
  }

  CheckCellValues(for_rules, report.cells, &findings);
  CellsById by_id;
  for (const Cell& cell : report.cells) by_id[cell.id] = &cell;
  EvaluateRules(for_rules, by_id, &findings, &report.summary);

  for (const Finding& f : findings) {
    if (f.severity == Severity::kError) ++report.summary.errors;
    else if (f.severity == Severity::kWarning) ++report.summary.warnings;
    else ++report.summary.infos;
  }
  for (const TableInfo& info : report.tables) {
    report.summary.cells_found += info.cells_found;
    report.summary.cells_expected += info.cells_expected;
  }
  report.findings = std::move(findings);
  report.source = std::move(decoded.text);
  return report;
}

}  // namespace

Result<Report> CheckDocument(const Document& document) {
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
  return CheckDecoded(std::move(decoded), flat.rows, document.format);
}

Result<Report> Check(std::string_view bytes, const CheckOptions& options) {
  if (Status size = CheckInputSize(bytes); !size.ok()) return size;
  Result<Sniffed> kind = SniffFormat(bytes);
  if (!kind.ok()) return kind.status();
  Result<Document> document = Status();
  switch (kind.value()) {
    case Sniffed::kText: {
      Result<DecodedText> decoded = Decode(bytes, options.encoding);
      if (!decoded.ok()) return decoded.status();
      return CheckDecoded(std::move(decoded.value()), {}, SourceFormat::kText);
    }
    case Sniffed::kPdf:
      return Status(StatusCode::kNeedsPdfText,
                    "这是 PDF 文件：需要先提取其中的文字及位置（网页和命令行会自动完成）。",
                    "This is a PDF: its text and positions must be extracted first (the page and the "
                    "command line do that themselves).");
    case Sniffed::kHtml:
      document = ReadHtml(bytes, options.encoding);
      break;
    case Sniffed::kZip:
      document = ReadDocx(bytes);
      break;
  }
  if (!document.ok()) return document.status();
  return CheckDocument(document.value());
}

Result<Report> CheckHtml(std::string_view utf8) {
  if (Status size = CheckInputSize(utf8); !size.ok()) return size;
  Result<Document> document = ReadHtmlText(utf8);
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
  return CheckDocument(LayOutPdf(pages));
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
