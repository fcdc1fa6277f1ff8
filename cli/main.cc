// gouji: check annual reports on government information disclosure from the command line.
//
//   gouji check [--format text|json|jsonl|csv] [-j N] [--encoding auto|utf-8|gb18030|utf-16]
//               [--lang zh|en] [--whole FILE] FILE|FOLDER|ZIP... | -
//
// A folder is every file under it, a .zip of reports every file in it (inputs.h); files found so
// that are no report's format (images, RAR) are passed over and listed on standard error. Files
// are checked on N threads (all cores by default) and written in the order named, whatever N.
//
// Several reports (files, or reports in one text) are also checked against each other (gouji/set.h):
// one body's consecutive years, and a whole (--whole) against the other reports of its year. The
// JSON run then ends with one {"set": ...} line; the text report with a section of its own; the CSV
// (one row per report, the page's batch columns) names them in a column.
//
// Exit status, the worst over the files (and the reports in them): 0 every one passed, 1 some has an
// error, 3 some could not be checked completely (cells not found or blank, rules unverifiable) but
// has no error, 2 some file could not be checked at all (unreadable, empty, not text, not a report)
// or the command line is wrong.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gouji/check.h"
#include "gouji/pdf_text.h"
#include "gouji/set.h"
#include "gouji/stages.h"
#include "inputs.h"
#include "ordered_pool.h"
#include "pdf_reader.h"
#include "progress.h"
#include "summary_table.h"
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

enum class Output { kText, kJson, kJsonLines, kCsv };

// --stages: the core's stage times over every file and thread, and the time outside them.
struct StageTotals {
  std::mutex mutex;
  gouji::StageTimes core;
  double files_seconds = 0;  // each file's whole time, from reading it to its output made
  std::atomic<size_t> bytes{0};
};

// Times one file's work on its thread and adds it to the totals when it ends (nothing if null).
class StageClock {
 public:
  explicit StageClock(StageTotals* totals) : totals_(totals), start_(std::chrono::steady_clock::now()) {
    if (totals_) gouji::SetStageTimes(&times_);
  }
  ~StageClock() {
    if (!totals_) return;
    gouji::SetStageTimes(nullptr);
    const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start_;
    std::lock_guard<std::mutex> lock(totals_->mutex);
    for (int s = 0; s < gouji::kStageCount; ++s) totals_->core.seconds[s] += times_.seconds[s];
    totals_->files_seconds += spent.count();
  }

 private:
  StageTotals* totals_;
  gouji::StageTimes times_;
  std::chrono::steady_clock::time_point start_;
};

void PrintStages(const StageTotals& t, double wall_seconds) {
  double core = 0;
  for (double s : t.core.seconds) core += s;
  const double mb = static_cast<double>(t.bytes.load()) / 1e6;
  std::fprintf(stderr, "gouji --stages: %.1f MB in %.3f s wall (%.1f MB/s); per stage, summed over threads:\n", mb,
               wall_seconds, mb / wall_seconds);
  auto line = [&](const char* name, double seconds) {
    std::fprintf(stderr, "  %-44s %8.3f s  %5.1f %%  %8.1f MB/s\n", name, seconds,
                 t.files_seconds > 0 ? 100 * seconds / t.files_seconds : 0.0, seconds > 0 ? mb / seconds : 0.0);
  };
  for (int s = 0; s < gouji::kStageCount; ++s) line(gouji::StageName(s), t.core.seconds[s]);
  line("other (file reading, poppler, the CLI's rows)", t.files_seconds - core);
  line("all files", t.files_seconds);
}

struct Options {
  Output output = Output::kText;
  unsigned threads = 0;  // 0: one per core
  Language language = Language::kZh;
  gouji::CheckOptions check;
  bool positioned_text = false;  // FILE is a PDF's positioned text as JSON (gouji pdf-text)
  bool stages = false;           // --stages: where the time went, on stderr
  std::vector<std::string> files;
  std::string whole;  // --whole: the file the others of its year add up to
};

const char* kUsage =
    "用法 Usage: gouji check [--format text|json|jsonl|csv] [-j N] [--lang zh|en]\n"
    "                        [--encoding auto|utf-8|gb18030|utf-16] [--whole FILE] FILE|FOLDER|ZIP... | -\n"
    "       gouji pdf-text FILE.pdf   PDF 中文字及其位置（JSON）/ a PDF's positioned text as JSON\n"
    "       gouji --version\n"
    "\n"
    "检查政府信息公开工作年度报告的表格是否勾稽一致。\n"
    "Checks that the tables of an annual report on government information disclosure add up.\n"
    "\n"
    "  FILE                 文本（UTF-8/GBK）、网页 .html、Word .docx 或 PDF，按内容识别\n"
    "                       text (UTF-8/GBK), .html, .docx or PDF, told apart by content\n"
    "  FOLDER               其下所有文件（含子文件夹；图片等非报告格式的文件跳过并列出）\n"
    "                       every file under it (images and other non-report files are listed, not checked)\n"
    "  ZIP                  .zip 压缩包中的每个文件 / every file in a .zip of reports\n"
    "  --format FORMAT      text 可读报告（默认）/ readable report (default)\n"
    "                       json 每份报告一行 JSON / a JSON line per report\n"
    "                       jsonl 同上，每行注明文件，最后一行为多份报告之间的核对 / the same, each line\n"
    "                             naming its file, and the checks across the reports last\n"
    "                       csv 汇总表：每份报告一行（UTF-8，Excel/WPS 可直接打开）/ one row per report\n"
    "  -j N                 同时检查 N 个文件，默认为 CPU 核数；输出顺序不变 / check N files at once\n"
    "                       (default: one per core); the output's order is the same\n"
    "  --encoding ...       输入编码，默认自动识别 / input encoding, detected by default\n"
    "  --lang zh|en         报告语言，默认中文 / language of the report, Chinese by default\n"
    "  --whole FILE         FILE 是其余同年度报告的汇总：核对每个单元格等于下级报告之和\n"
    "                       FILE is the whole the other reports of its year add up to\n"
    "                       多个报告时另核对同一机关相邻年度的衔接 / several reports are also checked\n"
    "                       against each other: one body's consecutive years\n"
    "  --pdf-text           FILE 是 PDF 文字位置 JSON（gouji pdf-text 或网页 pdf.js 所出）\n"
    "                       FILE is a PDF's positioned text as JSON (gouji pdf-text, or pdf.js)\n"
    "  --stages             最后在标准错误输出各阶段用时 / at the end, each stage's time on stderr\n"
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
      if (*v == "text") options->output = Output::kText;
      else if (*v == "json") options->output = Output::kJson;
      else if (*v == "jsonl") options->output = Output::kJsonLines;
      else if (*v == "csv") options->output = Output::kCsv;
      else {
        *error = "--format 只能是 text、json、jsonl 或 csv / must be text, json, jsonl or csv";
        return false;
      }
    } else if (a == "-j" || (a.size() > 2 && a.compare(0, 2, "-j") == 0)) {
      std::string v = a.substr(2);
      if (v.empty()) {
        const std::string* next = value("-j");
        if (!next) return false;
        v = *next;
      }
      const bool digits = !v.empty() && v.size() <= 4 && v.find_first_not_of("0123456789") == std::string::npos;
      const int n = digits ? std::stoi(v) : 0;
      if (n < 1 || n > 1024) {
        *error = "-j 需要 1 到 1024 之间的整数 / needs a whole number from 1 to 1024: " + v;
        return false;
      }
      options->threads = static_cast<unsigned>(n);
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
    } else if (a == "--stages") {
      options->stages = true;
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

// A bug, not the input's fault: that file's answer says so, in every format, and the others
// still come.
gouji::Status InternalError(const std::exception& e) {
  return gouji::Status(gouji::StatusCode::kUnreadable, std::string("内部错误：") + e.what(),
                       std::string("Internal error: ") + e.what());
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
    if (gouji::cli::ReadPath(argv[2], &bytes)) pages = gouji::cli::ReadPdfText(bytes);
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

  std::vector<gouji::cli::Input> inputs = gouji::cli::ExpandInputs(options.files);
  const bool zh = options.language == Language::kZh;
  const bool json = options.output == Output::kJson || options.output == Output::kJsonLines;
  const bool several = inputs.size() > 1 || options.output == Output::kJsonLines;
  const gouji::MemberCells kept = options.whole.empty() ? gouji::MemberCells::kPairs : gouji::MemberCells::kAll;
  if (inputs.empty()) {
    std::string where;
    for (const std::string& f : options.files) where += (where.empty() ? "" : (zh ? "、" : ", ")) + f;
    std::cerr << "gouji: " << (zh ? "没有找到要检查的文件：" : "no file to check found in: ") << where << "\n";
    return kExitUnusable;
  }

  // What one input gives: its part of the output, its summary rows and set members, its status.
  struct Outcome {
    std::string out, err;
    std::vector<gouji::cli::SummaryRow> rows;
    std::vector<gouji::SetMember> members;
    int exit_code = kExitClean;
    bool skipped = false;
    std::string skip_note;
  };
  StageTotals stage_totals;
  // The input's check; `skipped` set for a file found in a folder or zip that is no report's format.
  auto check = [&](gouji::cli::Input& input, bool* skipped) -> gouji::Result<gouji::Report> {
    try {
      gouji::Result<std::string> bytes = gouji::cli::ReadInput(&input);
      if (!bytes.ok()) return bytes.status();
      const std::string& b = bytes.value();
      stage_totals.bytes += b.size();
      *skipped = input.found && !gouji::MayHoldReport(b);
      gouji::Result<gouji::Report> result =
          options.positioned_text ? gouji::CheckPdfTextJson(b) : gouji::Check(b, options.check);
      // The core leaves PDFs to the caller: poppler extracts the positioned text it lays out.
      if (!result.ok() && result.status().code() == gouji::StatusCode::kNeedsPdfText) {
        gouji::Result<std::vector<gouji::PdfPage>> pages = gouji::cli::ReadPdfText(b);
        result = pages.ok() ? gouji::CheckPdfText(pages.value()) : pages.status();
      }
      return result;
    } catch (const std::exception& e) {
      return InternalError(e);
    }
  };
  // What the input's result gives in the output, the summary and the set.
  auto outcome_of = [&](const gouji::cli::Input& input, const gouji::Result<gouji::Report>& result, bool skipped) {
    Outcome o;
    o.skipped = skipped;
    if (o.skipped) {
      o.skip_note = input.name + (zh ? "（" : " (") + (zh ? result.status().message_zh() : result.status().message_en()) +
                    (zh ? "）" : ")");
      o.rows.push_back(gouji::cli::RowOf(input.name, result.status(), true));
      if (json) {
        o.out = "{\"file\":" + JsonString(input.name) + ",\"skipped\":true,\"result\":" +
                gouji::StatusToJson(result.status()) + "}\n";
      }
      return o;
    }
    if (json) {
      std::string body = result.ok() ? gouji::ReportToJson(result.value()) : gouji::StatusToJson(result.status());
      if (several) body = "{\"file\":" + JsonString(input.name) + ",\"result\":" + body + "}";
      o.out = body + "\n";
    } else if (options.output == Output::kText) {
      if (several) o.out = "== " + input.name + " ==\n";
      if (result.ok()) {
        o.out += gouji::cli::RenderTextReport(result.value(), options.language);
      } else {
        const gouji::Status& status = result.status();
        o.err = "gouji: " + input.name + ": " + (zh ? status.message_zh() : status.message_en()) + "\n";
      }
      if (several) o.out += "\n";
    }
    if (result.ok()) {
      o.exit_code = ExitCodeOf(result.value());
      o.rows = gouji::cli::RowsOf(input.name, result.value());
      o.members = gouji::MembersOf(input.name, result.value(), kept);
      o.members.front().whole = !options.whole.empty() && gouji::cli::SamePath(input.path, options.whole);
    } else {
      o.exit_code = kExitUnusable;
      o.rows.push_back(gouji::cli::RowOf(input.name, result.status(), false));
    }
    return o;
  };
  auto work = [&](size_t i) {
    StageClock clock(options.stages ? &stage_totals : nullptr);
    bool skipped = false;
    const gouji::Result<gouji::Report> result = check(inputs[i], &skipped);
    try {
      return outcome_of(inputs[i], result, skipped);
    } catch (const std::exception& e) {
      return outcome_of(inputs[i], InternalError(e), false);
    }
  };

  int exit_code = kExitClean;
  std::vector<gouji::SetMember> members;  // what the set's checks need of each report, no more
  std::vector<gouji::cli::SummaryRow> rows;
  std::vector<std::string> skipped;
  gouji::cli::Progress progress(inputs.size(), zh);
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  gouji::cli::InitPdfReader();
  size_t checked = 0;  // inputs not passed over
  const auto run_start = std::chrono::steady_clock::now();
  gouji::cli::RunOrdered(inputs.size(), threads, work, [&](size_t i, Outcome&& o) {
    if (!o.out.empty() || !o.err.empty()) progress.Clear();
    std::cout << o.out;
    if (!o.err.empty()) {
      std::cout.flush();
      std::cerr << o.err;
    }
    if (o.skipped) {
      skipped.push_back(std::move(o.skip_note));
    } else {
      ++checked;
      if (Badness(o.exit_code) > Badness(exit_code)) exit_code = o.exit_code;
    }
    if (options.output == Output::kCsv) {
      for (gouji::cli::SummaryRow& row : o.rows) rows.push_back(std::move(row));
    }
    for (gouji::SetMember& m : o.members) members.push_back(std::move(m));
    progress.Done(i + 1);
  });
  progress.Clear();

  gouji::SetReport set;
  // CSV has a column for the set and jsonl a last line: both always have it, even for one report.
  const bool check_set = members.size() > 1 || !options.whole.empty() || options.output == Output::kJsonLines ||
                         options.output == Output::kCsv;
  if (check_set) set = gouji::CheckSet(members);
  if (options.output == Output::kCsv) {
    std::cout << gouji::cli::SummaryCsv(rows, set, options.language);
  } else if (check_set && json) {
    std::cout << gouji::SetReportToJson(set, members) << "\n";
  } else if (check_set) {
    std::cout << gouji::cli::RenderSetReport(set, options.language);
  }
  if (set.errors > 0 && Badness(kExitFindings) > Badness(exit_code)) exit_code = kExitFindings;
  if (!skipped.empty()) {
    std::cout.flush();
    std::cerr << "gouji: " << (zh ? "跳过 " : "passed over ") << skipped.size()
              << (zh ? " 个不是报告格式的文件：" : " files that are no report's format: ");
    for (size_t k = 0; k < skipped.size(); ++k) std::cerr << (k ? (zh ? "、" : ", ") : "") << skipped[k];
    std::cerr << "\n";
  }
  if (options.stages) {
    std::cout.flush();
    PrintStages(stage_totals, std::chrono::duration<double>(std::chrono::steady_clock::now() - run_start).count());
  }
  if (checked == 0) {
    // Every file was passed over: nothing was checked, which is no "passed".
    std::cerr << "gouji: " << (zh ? "没有可以检查的报告文件" : "no report file to check") << "\n";
    exit_code = kExitUnusable;
  }
  std::cout.flush();
  return exit_code;
}
