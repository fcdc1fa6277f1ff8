// Writes libFuzzer's dictionary for the text targets from the core's own tables (format.h): every
// row, column, group and header label, the section headings and the tables' anchors, and the
// markup and separators reports arrive in. Built and run by the fuzzing build (gouji.dict), so it
// never falls behind the format.
#include <cstdio>
#include <set>
#include <string>

#include "fuzz/format_words.h"

namespace {

std::set<std::string> words;

void Add(const std::string& word) {
  if (!word.empty()) words.insert(word);
}

}  // namespace

int main() {
  using namespace gouji;
  for (const std::string& w : fuzz::FormatWords()) Add(w);
  for (const SectionSpec& s : Sections()) Add(s.key);
  for (const char* w : {"<table>", "</table>", "<tr>", "<td>", "</td>", "rowspan=\"", "colspan=\"", "<w:tbl>",
                        "<w:tr>", "<w:tc>", "<w:t>", "<w:gridSpan w:val=\"", "<w:vMerge/>", "\"pages\"", "\"items\"",
                        "\"lines\"", "\"text\"", "\"width\"", "\"height\"", "|", "---", "\t", "\r\n", "——", "年度报告",
                        "政府信息公开工作年度报告", "2023年", "万元", "0", "合计", "总计", "PK\x03\x04", "%PDF-"})
    Add(w);
  for (const std::string& w : words) {
    std::string line = "\"";
    for (const unsigned char c : w) {
      char buf[5];
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') std::snprintf(buf, sizeof buf, "\\x%02X", c), line += buf;
      else line += static_cast<char>(c);
    }
    std::printf("%s\"\n", line.c_str());
  }
  return 0;
}
