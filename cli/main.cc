// gouji: check annual reports on government information disclosure from the command line.
//
//   gouji check [--format text|json] [--encoding auto|utf-8|gb18030|utf-16] [--lang zh|en]
//               [--whole FILE] FILE... | -
//
// Several reports (files, or reports in one text) are also checked against each other (gouji/set.h):
// one body's consecutive years, and a whole (--whole) against the other reports of its year. The
// JSON run then ends with one {"set": ...} line; the text report with a section of its own.
//
// Exit status, the worst over the files (and the reports in them): 0 every one passed, 1 some has an
// error, 3 some could not be checked completely (cells not found or blank, rules unverifiable) but
// has no error, 2 some file could not be checked at all (unreadable, empty, not text, not a report)
// or the command line is wrong.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "gouji/check.h"
#include "gouji/pdf_text.h"
#include "gouji/set.h"
#include "pdf_reader.h"
#include "text_report.h"

namespace {

using gouji::cli::Language;

constexpr int kExitClean = 0;       // verdict "pass"
constexpr int kExitFindings = 1;    // verdict "fail"
constexpr int kExitUnusable = 2;    // no verdict: the input could not be checked
constexpr int kExitIncomplete = 3;  // verdict "incomplete"

// How bad an exit status is, to keep the worst over several files: unusable > fail > incomplete > pass.
int Badness(int exit_code) {
  switch (exit_code) {
    case kExitUnusable: return 3;
    case kExitFindings: return 2;
    case kExitIncomplete: return 1;
    default: return 0;
  }
}

int ExitCodeOf(gouji::Verdict verdict) {
  switch (verdict) {
    case gouji::Verdict::kPass: return kExitClean;
    case gouji::Verdict::kFail: return kExitFindings;
    case gouji::Verdict::kIncomplete: return kExitIncomplete;
  }
  return kExitFindings;
}

// A file's exit status: the worst verdict of the reports it holds (Verdict is declared from the
// best to the worst).
int ExitCodeOf(const gouji::Report& report) {
  gouji::Verdict worst = report.summary.verdict;
  for (const gouji::Report& other : report.other_reports) worst = std::max(worst, other.summary.verdict);
  return ExitCodeOf(worst);
}

struct Options {
  bool json = false;
  Language language = Language::kZh;
  gouji::CheckOptions check;
  bool positioned_text = false;  // FILE is a PDF's positioned text as JSON (gouji pdf-text)
  std::vector<std::string> files;
  std::string whole;  // --whole: the file the others of its year add up to
};

const char* kUsage =
    "用法 Usage: gouji check [--format text|json] [--encoding auto|utf-8|gb18030|utf-16]\n"
    "                        [--lang zh|en] [--whole FILE] FILE... | -\n"
    "       gouji pdf-text FILE.pdf   PDF 中文字及其位置（JSON）/ a PDF's positioned text as JSON\n"
    "       gouji --version\n"
    "\n"
    "检查政府信息公开工作年度报告的表格是否勾稽一致。\n"
    "Checks that the tables of an annual report on government information disclosure add up.\n"
    "\n"
    "  FILE                 文本（UTF-8/GBK）、网页 .html、Word .docx 或 PDF，按内容识别\n"
    "                       text (UTF-8/GBK), .html, .docx or PDF, told apart by content\n"
    "  --format text|json   可读报告（默认）或 JSON / readable report (default) or JSON\n"
    "  --encoding ...       输入编码，默认自动识别 / input encoding, detected by default\n"
    "  --lang zh|en         报告语言，默认中文 / language of the report, Chinese by default\n"
    "  --whole FILE         FILE 是其余同年度报告的汇总：核对每个单元格等于下级报告之和\n"
    "                       FILE is the whole the other reports of its year add up to\n"
    "                       多个报告时另核对同一机关相邻年度的衔接 / several reports are also checked\n"
    "                       against each other: one body's consecutive years\n"
    "  --pdf-text           FILE 是 PDF 文字位置 JSON（gouji pdf-text 或网页 pdf.js 所出）\n"
    "                       FILE is a PDF's positioned text as JSON (gouji pdf-text, or pdf.js)\n"
    "  -                    从标准输入读取 / read standard input\n"
    "\n"
    "退出码 Exit status（多个文件取最坏者 the worst over all files）:\n"
    "  0  通过：所有单元格都找到，所有规则都已核对且成立 / passed: every cell found, every rule verified\n"
    "  1  有错误 / errors found\n"
    "  2  无法检查（无法读取、空、非文本、不是年度报告）或命令行有误 / could not check, or bad command line\n"
    "  3  未能完整核对：没有错误，但有单元格未找到或为空、规则无法核对 / no error, but not fully checked\n";

bool ParseArgs(int argc, char** argv, Options* options, std::string* error) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] != "check") {
    *error = args.empty() ? "缺少命令 missing command" : "未知命令 unknown command: " + args[0];
    return false;
  }
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) {
        *error = std::string(name) + " 需要一个值 needs a value";
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--format") {
      const std::string* v = value("--format");
      if (!v) return false;
      if (*v != "text" && *v != "json") {
        *error = "--format 只能是 text 或 json / must be text or json";
        return false;
      }
      options->json = *v == "json";
    } else if (a == "--encoding") {
      const std::string* v = value("--encoding");
      if (!v) return false;
      std::optional<gouji::Encoding> encoding = gouji::EncodingFromName(*v);
      if (!encoding) {
        *error = "未知编码 unknown encoding: " + *v;
        return false;
      }
      options->check.encoding = *encoding;
    } else if (a == "--lang") {
      const std::string* v = value("--lang");
      if (!v) return false;
      if (*v != "zh" && *v != "en" && *v != "zh-CN") {
        *error = "--lang 只能是 zh 或 en / must be zh or en";
        return false;
      }
      options->language = *v == "en" ? Language::kEn : Language::kZh;
    } else if (a == "--whole") {
      const std::string* v = value("--whole");
      if (!v) return false;
      options->whole = *v;
    } else if (a == "--pdf-text") {
      options->positioned_text = true;
    } else if (a == "-" || a.empty() || a[0] != '-') {
      options->files.push_back(a);
    } else {
      *error = "未知选项 unknown option: " + a;
      return false;
    }
  }
  if (!options->whole.empty() &&
      std::find(options->files.begin(), options->files.end(), options->whole) == options->files.end()) {
    options->files.push_back(options->whole);  // the whole is checked too
  }
  if (options->files.empty()) {
    *error = "没有要检查的文件 no file to check";
    return false;
  }
  return true;
}

bool ReadAll(const std::string& path, std::string* bytes) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    *bytes = buffer.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc == 2 && std::string(argv[1]) == "--version") {
    std::cout << "gouji " << gouji::Version() << "\n";
    return kExitClean;
  }
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
    std::cout << kUsage;
    return kExitClean;
  }
  if (argc == 3 && std::string(argv[1]) == "pdf-text") {
    // What the CLI's PDF reader sees, in the JSON the page's pdf.js reader writes: for comparing
    // the two readers, and for a look when a PDF reads wrongly.
    std::string bytes;
    gouji::Result<std::vector<gouji::PdfPage>> pages =
        gouji::Status(gouji::StatusCode::kUnreadable, "无法读取文件", "Cannot read the file");
    if (ReadAll(argv[2], &bytes)) pages = gouji::cli::ReadPdfText(bytes);
    if (!pages.ok()) {
      std::cerr << "gouji: " << argv[2] << ": " << pages.status().message_zh() << "\n";
      return kExitUnusable;
    }
    std::cout << gouji::PdfPagesToJson(pages.value()) << "\n";
    return kExitClean;
  }
  Options options;
  std::string error;
  if (!ParseArgs(argc, argv, &options, &error)) {
    std::cerr << "gouji: " << error << "\n\n" << kUsage;
    return kExitUnusable;
  }

  int exit_code = kExitClean;
  const bool several = options.files.size() > 1;
  std::vector<gouji::SetMember> members;  // what the set's checks need of each report, no more
  for (const std::string& path : options.files) {
    const std::string name = path == "-" ? "(stdin)" : path;
    std::string bytes;
    gouji::Result<gouji::Report> result = gouji::Status(
        gouji::StatusCode::kUnreadable, "无法读取文件：" + name, "Cannot read the file: " + name);
    if (ReadAll(path, &bytes)) {
      result = options.positioned_text ? gouji::CheckPdfTextJson(bytes) : gouji::Check(bytes, options.check);
      // The core leaves PDFs to the caller: poppler extracts the positioned text it lays out.
      if (!result.ok() && result.status().code() == gouji::StatusCode::kNeedsPdfText) {
        gouji::Result<std::vector<gouji::PdfPage>> pages = gouji::cli::ReadPdfText(bytes);
        result = pages.ok() ? gouji::CheckPdfText(pages.value()) : pages.status();
      }
    }

    std::string body;
    if (options.json) {
      body = result.ok() ? gouji::ReportToJson(result.value()) : gouji::StatusToJson(result.status());
      if (several) body = "{\"file\":" + JsonString(name) + ",\"result\":" + body + "}";
      std::cout << body << "\n";
    } else {
      if (several) std::cout << "== " << name << " ==\n";
      if (result.ok()) {
        std::cout << gouji::cli::RenderTextReport(result.value(), options.language);
      } else {
        const gouji::Status& status = result.status();
        std::cerr << "gouji: " << name << ": "
                  << (options.language == Language::kZh ? status.message_zh() : status.message_en())
                  << "\n";
      }
      if (several) std::cout << "\n";
    }
    const int file_code = result.ok() ? ExitCodeOf(result.value()) : kExitUnusable;
    if (Badness(file_code) > Badness(exit_code)) exit_code = file_code;
    if (result.ok()) {
      for (gouji::SetMember& m : gouji::MembersOf(name, result.value())) {
        m.whole = path == options.whole && m.file == name;
        members.push_back(std::move(m));
      }
    }
  }
  if (members.size() > 1 || !options.whole.empty()) {
    const gouji::SetReport set = gouji::CheckSet(members);
    if (options.json) {
      std::cout << gouji::SetReportToJson(set, members) << "\n";
    } else {
      std::cout << gouji::cli::RenderSetReport(set, options.language);
    }
    if (set.errors > 0 && Badness(kExitFindings) > Badness(exit_code)) exit_code = kExitFindings;
  }
  std::cout.flush();
  return exit_code;
}
