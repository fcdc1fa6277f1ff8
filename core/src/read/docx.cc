#include "read/docx.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "read/refusals.h"
#include "read/xml.h"
#include "read/zip.h"

namespace gouji {
namespace {

// Unpacked, a report's document.xml is a few megabytes at most.
constexpr size_t kMaxPartBytes = 16 * 1024 * 1024;

using pugi::xml_node;

bool Is(const xml_node& node, const char* name) { return std::strcmp(node.name(), name) == 0; }

bool IsWrapper(std::string_view name) {
  // Elements that only group content: read what is inside.
  return name == "w:sdt" || name == "w:sdtContent" || name == "w:customXml" || name == "w:ins" ||
         name == "w:hyperlink" || name == "w:smartTag" || name == "w:fldSimple" || name == "w:moveTo" ||
         name == "w:r" || name == "mc:AlternateContent" || name == "mc:Choice" || name == "w:dir" ||
         name == "w:bdo";
}

void AppendRunText(const xml_node& node, std::string* out) {
  for (const xml_node& child : node.children()) {
    const std::string_view name = child.name();  // "" for text
    if (name == "w:t") {
      for (const xml_node& text : child.children()) out->append(text.value());  // "" for an element
    } else if (name == "w:tab" || name == "w:ptab") {
      out->push_back(' ');
    } else if (name == "w:br" || name == "w:cr") {
      out->push_back('\n');
    } else if (name == "w:noBreakHyphen") {
      out->push_back('-');
    } else if (IsWrapper(name)) {
      AppendRunText(child, out);
    }
    // Everything else is formatting (w:rPr), deleted text (w:del), field codes (w:instrText),
    // drawings, or mc:Fallback (a copy of mc:Choice for older readers).
  }
}

std::string ParagraphText(const xml_node& p) {
  std::string text;
  AppendRunText(p, &text);
  return text;
}

class BodyReader {
 public:
  explicit BodyReader(Document* document) : document_(document) {}

  void Blocks(const xml_node& container) {
    for (const xml_node& child : container.children()) {
      if (Is(child, "w:p")) document_->AddText(ParagraphText(child));
      else if (Is(child, "w:tbl")) Table(child);
      else if (IsWrapper(child.name())) Blocks(child);
    }
  }

 private:
  // The rows (w:tr) and each row's cells (w:tc), looking through content controls.
  static void Collect(const xml_node& node, const char* name, std::vector<xml_node>* out) {
    for (const xml_node& child : node.children()) {
      if (Is(child, name)) out->push_back(child);
      else if (Is(child, "w:sdt") || Is(child, "w:sdtContent") || Is(child, "w:customXml")) {
        Collect(child, name, out);
      }
    }
  }

  // A cell's paragraphs, one per line, looking through content controls as the body does.
  static void CellParagraphs(const xml_node& node, std::string* text) {
    for (const xml_node& child : node.children()) {
      if (Is(child, "w:p")) {
        if (!text->empty()) text->push_back('\n');
        *text += ParagraphText(child);
      } else if (IsWrapper(child.name())) {
        CellParagraphs(child, text);
      }
    }
  }

  static bool HoldsTable(const xml_node& node) {
    for (const xml_node& child : node.children()) {
      if (Is(child, "w:tbl") || (IsWrapper(child.name()) && HoldsTable(child))) return true;
    }
    return false;
  }

  void Table(const xml_node& tbl) {
    std::vector<xml_node> rows;
    Collect(tbl, "w:tr", &rows);
    std::vector<std::vector<xml_node>> cells(rows.size());
    bool layout = false;
    for (size_t r = 0; r < rows.size(); ++r) {
      Collect(rows[r], "w:tc", &cells[r]);
      for (const xml_node& tc : cells[r]) layout |= HoldsTable(tc);
    }
    if (layout) {
      for (const auto& row : cells) {
        for (const xml_node& tc : row) Blocks(tc);
      }
      return;
    }
    Grid grid;
    for (const auto& row : cells) {
      std::vector<GridCell> out;
      // Word writes every grid column of every row (a merged cell's continuations too), so each
      // cell's column is known: its position, for rows short of values (flatten.h).
      int column = 0;
      // (pugixml's child() and attribute() give an empty handle, false, when there is none.)
      if (const xml_node pr = rows[&row - &cells[0]].child("w:trPr")) {
        // A row may start some grid columns in (w:gridBefore): its cells stand further right.
        if (const pugi::xml_attribute val = pr.child("w:gridBefore").attribute("w:val")) {
          column = std::clamp(std::atoi(val.value()), 0, 1000);
        }
      }
      for (const xml_node& tc : row) {
        GridCell cell;
        bool covered = false;
        if (const xml_node pr = tc.child("w:tcPr")) {
          if (const pugi::xml_attribute val = pr.child("w:gridSpan").attribute("w:val")) {
            cell.col_span = std::clamp(std::atoi(val.value()), 1, 1000);
          }
          if (const xml_node merge = pr.child("w:vMerge")) {
            const pugi::xml_attribute val = merge.attribute("w:val");
            covered = !val || std::strcmp(val.value(), "restart") != 0;  // covered by the cell above
          }
        }
        cell.x = column + cell.col_span / 2.0;
        column += cell.col_span;
        if (covered) continue;
        CellParagraphs(tc, &cell.text);
        out.push_back(std::move(cell));
      }
      grid.rows.push_back(std::move(out));
    }
    document_->AddTable(std::move(grid));
  }

  Document* document_;
};

}  // namespace

Result<Document> ReadDocx(std::string_view bytes) {
  Result<ZipArchive> zip = ZipArchive::Open(bytes);
  if (!zip.ok()) return zip.status();
  const ZipArchive& archive = zip.value();
  if (!archive.Has("word/document.xml")) {
    if (archive.Has("xl/workbook.xml")) return UnsupportedFormat("Excel 表格（.xlsx）", "an Excel workbook (.xlsx)");
    if (archive.Has("ppt/presentation.xml")) return UnsupportedFormat("PowerPoint 演示文稿（.pptx）", "a PowerPoint file (.pptx)");
    if (archive.Has("content.xml")) return UnsupportedFormat("OpenDocument 文档（.odt 等）", "an OpenDocument file (.odt)");
    if (archive.Has("OFD.xml")) return UnsupportedFormat("OFD 版式文件", "an OFD file");
    return UnsupportedFormat("压缩包（.zip）", "a zip archive");
  }
  Result<std::string> xml = archive.Read("word/document.xml", kMaxPartBytes);
  if (!xml.ok()) return xml.status();
  Result<XmlDocument> root = ParseXml(std::move(xml).value());
  if (!root.ok()) return root.status();
  const xml_node body = root.value().Root().child("w:body");
  if (!body) return DamagedFile("Word 文档（.docx）", "Word document (.docx)", "no w:body");
  Document document;
  document.format = SourceFormat::kDocx;
  BodyReader(&document).Blocks(body);
  return document;
}

}  // namespace gouji
