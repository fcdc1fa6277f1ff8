#include "read/docx.h"

#include <algorithm>
#include <cstdlib>

#include "read/refusals.h"
#include "read/xml.h"
#include "read/zip.h"

namespace gouji {
namespace {

// Unpacked, a report's document.xml is a few megabytes at most.
constexpr size_t kMaxPartBytes = 16 * 1024 * 1024;

bool IsWrapper(const std::string& name) {
  // Elements that only group content: read what is inside.
  return name == "w:sdt" || name == "w:sdtContent" || name == "w:customXml" || name == "w:ins" ||
         name == "w:hyperlink" || name == "w:smartTag" || name == "w:fldSimple" || name == "w:moveTo" ||
         name == "w:r" || name == "mc:AlternateContent" || name == "mc:Choice" || name == "w:dir" ||
         name == "w:bdo";
}

void AppendRunText(const XmlNode& node, std::string* out) {
  for (const XmlNode& child : node.children) {
    const std::string& name = child.name;
    if (name == "w:t") {
      for (const XmlNode& text : child.children) out->append(text.text);
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

std::string ParagraphText(const XmlNode& p) {
  std::string text;
  AppendRunText(p, &text);
  return text;
}

class BodyReader {
 public:
  explicit BodyReader(Document* document) : document_(document) {}

  void Blocks(const XmlNode& container) {
    for (const XmlNode& child : container.children) {
      if (child.name == "w:p") document_->AddText(ParagraphText(child));
      else if (child.name == "w:tbl") Table(child);
      else if (IsWrapper(child.name)) Blocks(child);
    }
  }

 private:
  // The rows (w:tr) and each row's cells (w:tc), looking through content controls.
  static void Collect(const XmlNode& node, const char* name, std::vector<const XmlNode*>* out) {
    for (const XmlNode& child : node.children) {
      if (child.name == name) out->push_back(&child);
      else if (child.name == "w:sdt" || child.name == "w:sdtContent" || child.name == "w:customXml") {
        Collect(child, name, out);
      }
    }
  }

  // A cell's paragraphs, one per line, looking through content controls as the body does.
  static void CellParagraphs(const XmlNode& node, std::string* text) {
    for (const XmlNode& child : node.children) {
      if (child.name == "w:p") {
        if (!text->empty()) text->push_back('\n');
        *text += ParagraphText(child);
      } else if (IsWrapper(child.name)) {
        CellParagraphs(child, text);
      }
    }
  }

  static bool HoldsTable(const XmlNode& node) {
    for (const XmlNode& child : node.children) {
      if (child.name == "w:tbl" || (IsWrapper(child.name) && HoldsTable(child))) return true;
    }
    return false;
  }

  void Table(const XmlNode& tbl) {
    std::vector<const XmlNode*> rows;
    Collect(tbl, "w:tr", &rows);
    std::vector<std::vector<const XmlNode*>> cells(rows.size());
    bool layout = false;
    for (size_t r = 0; r < rows.size(); ++r) {
      Collect(*rows[r], "w:tc", &cells[r]);
      for (const XmlNode* tc : cells[r]) layout |= HoldsTable(*tc);
    }
    if (layout) {
      for (const auto& row : cells) {
        for (const XmlNode* tc : row) Blocks(*tc);
      }
      return;
    }
    Grid grid;
    for (const auto& row : cells) {
      std::vector<GridCell> out;
      // Word writes every grid column of every row (a merged cell's continuations too), so each
      // cell's column is known: its position, for rows short of values (flatten.h).
      int column = 0;
      if (const XmlNode* pr = rows[&row - &cells[0]]->Child("w:trPr")) {
        // A row may start some grid columns in (w:gridBefore): its cells stand further right.
        if (const XmlNode* before = pr->Child("w:gridBefore")) {
          if (const std::string* val = before->Attribute("w:val")) column = std::clamp(std::atoi(val->c_str()), 0, 1000);
        }
      }
      for (const XmlNode* tc : row) {
        GridCell cell;
        bool covered = false;
        if (const XmlNode* pr = tc->Child("w:tcPr")) {
          if (const XmlNode* span = pr->Child("w:gridSpan")) {
            if (const std::string* val = span->Attribute("w:val")) cell.col_span = std::clamp(std::atoi(val->c_str()), 1, 1000);
          }
          if (const XmlNode* merge = pr->Child("w:vMerge")) {
            const std::string* val = merge->Attribute("w:val");
            covered = !val || *val != "restart";  // covered by the cell above
          }
        }
        cell.x = column + cell.col_span / 2.0;
        column += cell.col_span;
        if (covered) continue;
        CellParagraphs(*tc, &cell.text);
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
  Result<XmlNode> root = ParseXml(xml.value());
  if (!root.ok()) return root.status();
  const XmlNode* body = root.value().Child("w:body");
  if (!body) return DamagedFile("Word 文档（.docx）", "Word document (.docx)", "no w:body");
  Document document;
  document.format = SourceFormat::kDocx;
  BodyReader(&document).Blocks(*body);
  return document;
}

}  // namespace gouji
