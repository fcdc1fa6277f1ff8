#include "check/prose.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "base/unicode.h"
#include "check/rules.h"
#include "gouji/format.h"
#include "text/numerals.h"

namespace gouji {
namespace {

// --- What the prose states, as data --------------------------------------------------------------

// One kind of count the prose states about the tables: the words that name it in its clause, and
// the cells it is (their sum, for a group such as 不予公开). Cell patterns may end a row in '*'
// (every row of the layout whose ID starts so); the first alternative the report's layouts have is
// used (2021's t2 issued, 2019's made).
// A constant table, with no code to build it (each list ends at its first empty entry).
struct Statement {
  const char* id;
  std::u32string_view any_of[7];  // one of these in the clause
  std::u32string_view all_of;                 // and this, if any
  enum class About { kApplications, kDisclosure, kDocuments } about;
  const char* cells[2][2];        // alternatives, each one or two cell patterns
  const char* name_zh;
  const char* name_en;
  std::u32string_view units;  // measure words it is counted in
  int year_offset;            // the year it is of, from the report's (上年结转: −1); checked when 0
};

using A = Statement::About;
constexpr Statement kStatements[] = {
      {"received", {U"新收", U"收到", U"受理", U"接收", U"接到"}, U"申请", A::kApplications, {{"t3.r1.total"}},
       "表三 一（本年新收申请）/总计", "table 3 I (new applications)/total", U"件个", 0},
      {"carried_in", {U"上年结转", U"上年度结转", U"上一年度结转", U"上年遗留"}, {}, A::kApplications, {{"t3.r2.total"}},
       "表三 二（上年结转）/总计", "table 3 II (carried over from last year)/total", U"件个", -1},
      {"concluded", {U"办结", U"办理完毕", U"办理完结", U"办理结果总计", U"答复"}, {}, A::kApplications, {{"t3.r3_7.total"}},
       "表三 三(七)（办理结果总计）/总计", "table 3 III.7 (outcomes in all)/total", U"件个", 0},
      {"disclosed", {U"予以公开"}, {}, A::kApplications, {{"t3.r3_1.total"}}, "表三 三(一)（予以公开）/总计",
       "table 3 III.1 (disclosed)/total", U"件个", 0},
      {"partly", {U"部分公开"}, {}, A::kApplications, {{"t3.r3_2.total"}}, "表三 三(二)（部分公开）/总计",
       "table 3 III.2 (partly disclosed)/total", U"件个", 0},
      {"withheld", {U"不予公开"}, {}, A::kApplications, {{"t3.r3_3_*.total"}},
       "表三 三(三)（不予公开）各项总计之和", "the sum of table 3 III.3 (withheld) totals", U"件个", 0},
      {"unavailable", {U"无法提供"}, {}, A::kApplications, {{"t3.r3_4_*.total"}},
       "表三 三(四)（无法提供）各项总计之和", "the sum of table 3 III.4 (cannot be provided) totals", U"件个", 0},
      {"not_handled", {U"不予处理"}, {}, A::kApplications, {{"t3.r3_5_*.total"}},
       "表三 三(五)（不予处理）各项总计之和", "the sum of table 3 III.5 (not handled) totals", U"件个", 0},
      {"carried_out", {U"结转下年", U"结转至下年", U"结转到下年", U"转入下年", U"结转下一年", U"结转至下一年", U"结转到下一年"}, {}, A::kApplications, {{"t3.r4.total"}}, "表三 四（结转下年度继续办理）/总计",
       "table 3 IV (carried over to next year)/total", U"件个", 1},
      {"review", {U"行政复议"}, {}, A::kDisclosure, {{"t4.review.total"}}, "表四 行政复议/总计",
       "table 4 administrative review/total", U"件起宗次个", 0},
      {"suit", {U"行政诉讼"}, {}, A::kDisclosure, {{"t4.suit_direct.total", "t4.suit_after.total"}},
       "表四 行政诉讼（未经复议直接起诉、复议后起诉）总计之和", "table 4 lawsuits (direct and after review), totals",
       U"件起宗次个", 0},
      {"regulations_issued", {U"制发", U"制定", U"出台", U"印发", U"新制作", U"发布"}, U"规章", A::kDocuments,
       {{"t2.regulations.issued"}, {"t2.regulations.made"}}, "表二 规章/本年制发（新制作）件数",
       "table 2 regulations/issued (made) this year", U"件部个", 0},
      {"normative_issued", {U"制发", U"制定", U"出台", U"印发", U"新制作", U"发布"}, U"规范性文件", A::kDocuments,
       {{"t2.normative.issued"}, {"t2.normative.made"}}, "表二 规范性文件/本年制发（新制作）件数",
       "table 2 normative documents/issued (made) this year", U"件部个", 0},
      {"regulations_repealed", {U"废止"}, U"规章", A::kDocuments, {{"t2.regulations.repealed"}},
       "表二 规章/本年废止件数", "table 2 regulations/repealed this year", U"件部个", 0},
      {"normative_repealed", {U"废止"}, U"规范性文件", A::kDocuments, {{"t2.normative.repealed"}},
       "表二 规范性文件/本年废止件数", "table 2 normative documents/repealed this year", U"件部个", 0},
      {"regulations_in_force", {U"现行有效"}, U"规章", A::kDocuments, {{"t2.regulations.in_force"}},
       "表二 规章/现行有效件数", "table 2 regulations/in force", U"件部个", 0},
      {"normative_in_force", {U"现行有效"}, U"规范性文件", A::kDocuments, {{"t2.normative.in_force"}},
       "表二 规范性文件/现行有效件数", "table 2 normative documents/in force", U"件部个", 0},
};

// A clause with one of these counts a part, a change or something else than the cell: 网络申请3件,
// 较上年增加2件, 自然人申请5件, 涉及征地3件, 解读规范性文件2件.
const std::u32string_view kClauseCountsSomethingElse[] = {
    U"较", U"同比", U"比上年", U"增加", U"减少", U"增长", U"下降", U"上升", U"率", U"占", U"平均", U"人次", U"自然人", U"法人",
    U"企业", U"科研", U"公益", U"律师", U"法律服务", U"网络", U"网上", U"在线", U"信函", U"当面", U"现场", U"传真", U"邮件",
    U"邮寄", U"电话", U"来信", U"涉及", U"关于", U"其余", U"解读", U"备案", U"审查", U"清理", U"征求", U"草案", U"以上", U"超过",
    U"不足", U"约", U"近", U"余"};
// A sentence with one of these counts other business than information-disclosure applications:
// 政府信箱信件, 12345热线工单, 投诉, 人大代表建议.
const std::u32string_view kSentenceCountsOtherBusiness[] = {
    U"信箱", U"信件", U"热线", U"12345", U"投诉", U"留言", U"建议", U"提案", U"工单", U"来电", U"来访", U"信访", U"咨询", U"诉求",
    U"舆情", U"依法行政", U"政务服务"};
// What a clause may hold when the count's words are in the clause before it: "申请,共计23件".
const std::u32string_view kFillers[] = {U"其中", U"共计", U"合计", U"总计", U"累计", U"共", U"计", U"达", U"为", U"有", U"了", U"是"};

bool Has(std::u32string_view text, std::u32string_view word) { return text.find(word) != std::u32string_view::npos; }

template <size_t N>
bool HasAny(std::u32string_view text, const std::u32string_view (&words)[N]) {
  for (std::u32string_view w : words) {
    if (Has(text, w)) return true;
  }
  return false;
}

bool IsClauseBreak(char32_t c) {
  return c == U',' || c == U';' || c == U':' || c == U'、' || c == U'(' || c == U')' || c == U'。';
}

// The clause with its fillers taken away: "" when it is only "共计".
std::u32string WithoutFillers(std::u32string_view clause) {
  std::u32string rest(Trim(clause));
  for (bool changed = true; changed;) {
    changed = false;
    for (std::u32string_view w : kFillers) {
      if (rest.compare(0, w.size(), w) == 0) {
        rest.erase(0, w.size());
        changed = true;
      }
    }
  }
  return rest;
}

bool Matches(const Statement& s, std::u32string_view clause) {
  bool any = false;
  for (std::u32string_view w : s.any_of) any |= !w.empty() && Has(clause, w);
  return any && (s.all_of.empty() || Has(clause, s.all_of));
}

// The years the text names ("2022年", "2022年度"), each with the position of its 年, in order.
std::vector<std::pair<size_t, int>> YearsIn(std::u32string_view text) {
  std::vector<std::pair<size_t, int>> years;
  for (size_t i = 4; i < text.size(); ++i) {
    if (text[i] != U'年') continue;
    bool digits = true;
    for (size_t k = i - 4; k < i; ++k) digits &= IsAsciiDigit(text[k]);
    if (!digits || (i >= 5 && IsAsciiDigit(text[i - 5]))) continue;
    int y = 0;
    for (size_t k = i - 4; k < i; ++k) y = y * 10 + static_cast<int>(text[k] - U'0');
    if (y >= 1990 && y <= 2100) years.emplace_back(i, y);
  }
  return years;
}

// --- The cells a statement is about --------------------------------------------------------------

const TableLayout* LayoutOfReport(const Report& report, const std::string& table) {
  for (const TableInfo& t : report.tables) {
    if (t.id == table && t.found) return FindLayout(table, t.version);
  }
  return nullptr;
}

// "t3.r3_3_*.total" -> t3.r3_3_1.total ... for the rows of the report's layout.
std::vector<std::string> ExpandCell(const std::string& pattern, const Report& report) {
  const size_t a = pattern.find('.'), b = pattern.rfind('.');
  const std::string table = pattern.substr(0, a), row = pattern.substr(a + 1, b - a - 1);
  const TableLayout* layout = LayoutOfReport(report, table);
  if (!layout) return {};
  std::vector<std::string> ids;
  const bool prefix = !row.empty() && row.back() == '*';
  for (const RowSpec& r : layout->rows) {
    const std::string id = r.id;
    if (prefix ? id.compare(0, row.size() - 1, row, 0, row.size() - 1) == 0 : id == row) {
      ids.push_back(table + "." + id + pattern.substr(b));
    }
  }
  return ids;
}

// The statement's cells in this report, and their sum when every one holds a number.
struct Target {
  std::vector<std::string> cells;
  std::optional<double> sum;
};

std::optional<Target> TargetOf(const Statement& s, const Report& report) {
  for (const auto& alternative : s.cells) {
    if (!alternative[0]) continue;
    Target t;
    bool all = true;
    for (const char* pattern : alternative) {
      if (!pattern) continue;
      const std::vector<std::string> ids = ExpandCell(pattern, report);
      if (ids.empty()) all = false;
      for (const std::string& id : ids) {
        const Cell* c = report.FindCell(id);
        if (!c) all = false;
        t.cells.push_back(id);
      }
    }
    if (!all || t.cells.empty()) continue;
    double sum = 0;
    bool numbers = true;
    for (const std::string& id : t.cells) {
      const Cell* c = report.FindCell(id);
      numbers &= c->value.kind == CellValue::Kind::kNumber;
      if (numbers) sum += c->value.number;
    }
    if (numbers) t.sum = sum;
    return t;
  }
  return std::nullopt;
}

// A sub-heading's start: "(一)", "一、", "1." or "1、".
bool IsEnumerated(std::u32string_view line) {
  if (line.empty()) return false;
  if (line[0] == U'(') return true;
  size_t k = 0;
  while (k < line.size() && (IsAsciiDigit(line[k]) || ParseChineseNumeral(line.substr(k, 1)))) ++k;
  return k > 0 && k < line.size() && (line[k] == U'、' || line[k] == U'.');
}

// --- The prose -----------------------------------------------------------------------------------

// A sentence as the checks read it: its characters with spaces and the line breaks of wrapped
// lines taken out (a PDF's text breaks lines mid-word: "受理政府\n信息公开申请 17 件"), each with its
// normalised position.
struct Sentence {
  std::u32string text;
  std::vector<size_t> at;  // at[k]: text[k]'s normalised position; one more, the end
};

bool EndsSentence(char32_t c) { return c == U'。' || c == U'!' || c == U'?' || c == U';'; }

// Whether a line break ends a sentence: after one's punctuation, before or after an empty line,
// and around a heading ("(三)政府信息管理情况", "一、总体情况"); elsewhere it only wraps a line.
bool IsHardBreak(std::u32string_view line_before, std::u32string_view line_after) {
  const std::u32string_view before = Trim(line_before), after = Trim(line_after);
  if (before.empty() || after.empty()) return true;
  const char32_t last = before.back();
  if (EndsSentence(last) || last == U':') return true;
  return IsEnumerated(after) || (IsEnumerated(before) && before.size() <= 30);
}

// The report's sentences outside its tables.
std::vector<Sentence> Sentences(const ProseInput& input) {
  const std::u32string& text = input.norm->text;
  std::vector<bool> in_table(text.size() + 1, false);
  for (const auto& [b, e] : input.tables) {
    for (size_t i = b; i < e && i < text.size(); ++i) in_table[i] = true;
  }
  std::vector<Sentence> out(1);
  auto close = [&](size_t end) {
    if (out.back().text.empty()) return;
    out.back().at.push_back(end);
    out.emplace_back();
  };
  size_t line_begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (in_table[i]) {
      close(i);
    } else if (c == U'\n') {
      const size_t next_end = std::min(text.find(U'\n', i + 1), text.size());
      const std::u32string_view line(text.data() + line_begin, i - line_begin);
      const std::u32string_view next(text.data() + i + 1, next_end - i - 1);
      if (IsHardBreak(line, next)) close(i);
    } else if (!IsSpace(c)) {
      out.back().text.push_back(c);
      out.back().at.push_back(i);
      if (EndsSentence(c)) close(i + 1);
    }
    if (c == U'\n') line_begin = i + 1;
  }
  close(text.size());
  out.pop_back();
  return out;
}

// What the person wrote, for the message: the sentence as in the source, at most about 80
// characters (the part up to the count when it is longer), its line breaks as spaces.
std::string Quote(const ProseInput& input, const Sentence& sentence, size_t count_end) {
  constexpr size_t kLongest = 80;
  size_t first = 0, last = sentence.text.size();
  if (last > kLongest) {
    last = std::min(last, std::max(count_end + 10, kLongest));
    first = last > kLongest ? last - kLongest : 0;
  }
  const Span span = input.norm->ToSource(sentence.at[first], last == 0 ? sentence.at[0] : sentence.at[last - 1] + 1);
  std::u32string out(Trim(input.source.substr(span.begin, span.end - span.begin)));
  // A wrapped line's break between two Han characters is no space ("答\n复" is 答复).
  std::u32string joined;
  for (size_t k = 0; k < out.size(); ++k) {
    const char32_t c = out[k];
    if (c == U'\n' || c == U'\t') {
      const bool han_around = !joined.empty() && IsHan(joined.back()) && k + 1 < out.size() && IsHan(out[k + 1]);
      if (!han_around) joined.push_back(U' ');
      continue;
    }
    joined.push_back(c);
  }
  out = std::move(joined);
  return (first > 0 ? "…" : "") + ToUtf8(out) + (last < sentence.text.size() ? "…" : "");
}

// The words that may stand before a statement's own in its clause without saying whose count it
// is: times (2023年, 全年, 截至12月31日), the report's own body (全区, 本机关, 我局, 区政府, or the body its
// title names), and words that qualify nothing (共, 其中, 依法). Anything else ("区政府办代表区政府受理")
// may be a part's count, not the report's.
const std::u32string_view kNeutralWords[] = {
    U"政府信息公开", U"信息公开", U"人民政府", U"本年度", U"上年度", U"本年", U"今年", U"全年", U"年内", U"当年", U"年度",
    U"截至", U"截止", U"全区", U"全市", U"全县", U"全镇", U"全乡", U"全街道", U"全省", U"全州", U"全旗", U"我区", U"我市",
    U"我县", U"我镇", U"我乡", U"我街道", U"我局", U"我委", U"我办", U"我厅", U"我院", U"我单位", U"我部门", U"我机关",
    U"我中心", U"本机关", U"本单位", U"本部门", U"本局", U"本委", U"本办", U"本厅", U"本院", U"本级", U"本镇", U"本乡",
    U"本街道", U"本中心", U"区政府", U"市政府", U"县政府", U"镇政府", U"乡政府", U"政府", U"一共", U"共计", U"累计", U"合计",
    U"总计", U"其中", U"依法", U"全部", U"各类", U"被申请", U"提起", U"发生", U"引起", U"因", U"含", U"包括", U"共", U"计",
    U"新", U"已", U"均", U"年", U"月", U"日", U"底", U"的", U"了", U"和", U"及", U"我", U"本", U"区", U"市", U"县", U"镇", U"乡"};

bool IsNeutral(std::u32string_view prefix, std::u32string_view body) {
  while (!prefix.empty()) {
    size_t taken = 0;
    if (IsAsciiDigit(prefix[0])) {
      while (taken < prefix.size() && IsAsciiDigit(prefix[taken])) ++taken;
    }
    // The body, or its tail from a 市/区/县/镇 on ("大涌镇" of "中山市大涌镇").
    for (size_t k = 0; !taken && k + 2 <= body.size(); ++k) {
      if (k > 0 && std::u32string_view(U"省市区县州盟旗").find(body[k - 1]) == std::u32string_view::npos) continue;
      const std::u32string_view tail = body.substr(k);
      if (prefix.substr(0, tail.size()) == tail) taken = tail.size();
    }
    for (std::u32string_view word : kNeutralWords) {
      if (taken) break;
      if (prefix.substr(0, word.size()) == word) taken = word.size();
    }
    if (!taken) return false;
    prefix.remove_prefix(taken);
  }
  return true;
}

// Where a statement's own words begin in its clause: the first of its words found.
size_t StatementStart(const Statement& st, std::u32string_view clause) {
  size_t first = clause.size();
  for (std::u32string_view w : st.any_of) {
    if (!w.empty()) first = std::min(first, clause.find(w));
  }
  if (!st.all_of.empty()) first = std::min(first, clause.find(st.all_of));
  return first;
}

// A real report states a count a few times; a text that states one thousands of times (pasted in a
// loop, or made to) gets this many findings of each rule, and one saying how many more there were.
constexpr int kMostListed = 50;

void CheckStatements(const ProseInput& input, const Report& report, std::vector<Finding>* findings) {
  const std::u32string& body = input.outline->body;
  int listed_mismatch = 0, listed_other_year = 0;
  int more_mismatch = 0, more_other_year = 0;
  // What a sentence is about may be said in the one before: "收到申请5件。其中予以公开4件".
  std::u32string_view before;
  for (const Sentence& sentence : Sentences(input)) {
    const std::u32string_view s = sentence.text;
    const std::u32string_view previous = before;
    before = s;
    if (HasAny(s, kSentenceCountsOtherBusiness)) {
      before = {};  // nor is the next sentence about applications on its account
      continue;
    }
    // Looked up once a sentence, not once a count: a sentence may be long (a text with no full stop).
    const bool about_applications = Has(s, U"申请") || Has(previous, U"申请");
    const bool about_disclosure = Has(s, U"信息公开") || Has(previous, U"信息公开");
    const std::vector<std::pair<size_t, int>> years = YearsIn(s);
    size_t years_before = 0;  // how many of them stand before the count
    size_t previous_end = 0;  // in s
    for (const StatedCount& count : FindStatedCounts(s, U"件个起宗次部")) {
      // The clause: back to a break, or to the count before.
      size_t b = count.begin;
      while (b > previous_end && !IsClauseBreak(s[b - 1])) --b;
      std::u32string_view clause = s.substr(b, count.begin - b);
      if (WithoutFillers(clause).empty() && b > previous_end) {
        size_t bb = b - 1;  // the clause before, when this one is only 共计
        while (bb > previous_end && !IsClauseBreak(s[bb - 1])) --bb;
        clause = s.substr(bb, count.begin - bb);
        b = bb;
      }
      previous_end = count.unit_end;
      if (HasAny(clause, kClauseCountsSomethingElse)) continue;
      const Statement* match = nullptr;
      int matches = 0;
      for (const Statement& st : kStatements) {
        if (!Matches(st, clause)) continue;
        if (st.units.find(count.unit) == std::u32string_view::npos) continue;
        if (st.about == Statement::About::kApplications && !about_applications) continue;
        if (st.about == Statement::About::kDisclosure && !about_disclosure) continue;
        match = &st;
        ++matches;
      }
      if (matches != 1) continue;  // none, or unclear which cell it means
      // Whose count: only the report's own, with nothing but neutral words before its own.
      if (!IsNeutral(clause.substr(0, StatementStart(*match, clause)), body)) continue;
      const Span stated = input.norm->ToSource(sentence.at[b], sentence.at[count.unit_end - 1] + 1);
      const std::string quote = Quote(input, sentence, count.unit_end);
      // Of another year than the report's: not this report's count.
      while (years_before < years.size() && years[years_before].first < count.begin) ++years_before;
      if (report.year && match->year_offset == 0) {
        // The last year named before the count, if it is not the report's.
        std::optional<int> other;
        if (years_before > 0 && years[years_before - 1].second != *report.year) other = years[years_before - 1].second;
        if (other && ++listed_other_year > kMostListed) {
          ++more_other_year;
          continue;
        }
        if (other) {
          Finding f = NewFinding("text.other_year", "");
          f.span = stated;
          f.actual = count.value;
          f.message_zh = "正文“" + quote + "”给出的是 " + std::to_string(*other) + " 年的数字，而这是 " +
                         std::to_string(*report.year) + " 年度的报告。";
          f.message_en = "The text \"" + quote + "\" gives a figure for " + std::to_string(*other) +
                         ", but this is the report on " + std::to_string(*report.year) + ".";
          findings->push_back(std::move(f));
          continue;
        }
      }
      const std::optional<Target> target = TargetOf(*match, report);
      if (!target || !target->sum || std::fabs(*target->sum - static_cast<double>(count.value)) < 1e-9) continue;
      if (++listed_mismatch > kMostListed) {
        ++more_mismatch;
        continue;
      }
      Finding f = NewFinding("text.mismatch", target->cells.front().substr(0, 2));
      f.cells = target->cells;
      f.span = stated;
      f.actual = static_cast<double>(count.value);
      f.expected = *target->sum;
      const std::string number = std::to_string(count.value), table = FormatNumber(*target->sum);
      const std::string difference = FormatNumber(std::fabs(*target->sum - static_cast<double>(count.value)));
      f.message_zh = "正文说“" + quote + "”（" + number + "），但" + match->name_zh + "为 " + table + "，相差 " +
                     difference + "。";
      f.message_en = "The text says \"" + quote + "\" (" + number + "), but " + match->name_en + " is " + table +
                     ", a difference of " + difference + ".";
      findings->push_back(std::move(f));
    }
  }
  for (auto [rule, more] : {std::make_pair("text.mismatch", more_mismatch), std::make_pair("text.other_year", more_other_year)}) {
    if (more == 0) continue;
    Finding f = NewFinding(rule, "");
    f.message_zh = "另有 " + std::to_string(more) + " 处同类问题，未逐一列出（只列出前 " + std::to_string(kMostListed) + " 处）。";
    f.message_en = std::to_string(more) + " more of these are not listed (only the first " + std::to_string(kMostListed) + " are).";
    findings->push_back(std::move(f));
  }
}

// --- Sections 五 and 六 ---------------------------------------------------------------------------

// A section's body: from the end of its heading to the next heading found, or the end of the text.
std::u32string_view SectionBody(const ProseInput& input, int number, size_t* begin) {
  const std::u32string& text = input.norm->text;
  const Heading& h = input.outline->sections[number - 1];
  if (!h.found) return {};
  size_t end = text.size();
  for (const Heading& next : input.outline->sections) {
    if (next.found && next.begin > h.begin && next.begin < end) end = next.begin;
  }
  *begin = h.end;
  return std::u32string_view(text).substr(h.end, end > h.end ? end - h.end : 0);
}

// The characters that say something: Han characters, letters and digits, outside sub-headings
// ("(一)存在的主要问题" on a line of its own, up to 20 characters).
size_t MeaningfulLength(std::u32string_view body) {
  constexpr size_t kLongestSubheading = 20;
  size_t n = 0;
  size_t line_begin = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i < body.size() && body[i] != U'\n') continue;
    std::u32string_view line = Trim(body.substr(line_begin, i - line_begin));
    line_begin = i + 1;
    if (IsEnumerated(line) && line.size() <= kLongestSubheading) continue;
    for (char32_t c : line) n += IsHan(c) || IsAsciiDigit(c) || (c < 0x80 && std::isalpha(static_cast<int>(c)));
  }
  return n;
}

// Section 五 says what went wrong and what is done about it: a few characters ("无", "暂无。") say
// neither.
void CheckProblemsSection(const ProseInput& input, std::vector<Finding>* findings) {
  constexpr int kProblems = 5;
  constexpr size_t kFewCharacters = 10;
  size_t begin = 0;
  const std::u32string_view body = SectionBody(input, kProblems, &begin);
  if (!input.outline->sections[kProblems - 1].found) return;
  const size_t n = MeaningfulLength(body);
  if (n >= kFewCharacters) return;
  const Heading& h = input.outline->sections[kProblems - 1];
  Finding f = NewFinding("section.empty", "");
  f.span = input.norm->ToSource(h.begin, begin + body.size());
  const std::string what_zh = n == 0 ? "是空的" : "只有“" + ToUtf8(Trim(body)) + "”";
  const std::string what_en = n == 0 ? "is empty" : "says only \"" + ToUtf8(Trim(body)) + "\"";
  f.message_zh = "第五部分“存在的主要问题及改进情况”" + what_zh + "：应写明存在的问题和改进措施。";
  f.message_en = "Section V (main problems and improvements) " + what_en +
                 ": it should say what the problems were and what is being done about them.";
  findings->push_back(std::move(f));
}

// 2021 format: section 六 says whether 信息处理费 were charged (国办函〔2020〕109号), and does not say
// none were while t3 三(六)2 counts applications dropped for fees not paid.
void CheckFeeStatement(const ProseInput& input, const Report& report, std::vector<Finding>* findings) {
  constexpr int kOther = 6;
  if (report.report_template != Template::k2021 || !input.outline->sections[kOther - 1].found) return;
  size_t begin = 0;
  const std::u32string_view body = SectionBody(input, kOther, &begin);
  const Heading& h = input.outline->sections[kOther - 1];
  static const std::u32string_view kFeeWords[] = {U"处理费", U"收费", U"收取", U"费用"};
  static const std::u32string_view kNoneCharged[] = {U"未收取", U"没有收取", U"不收取", U"无收取", U"未收费",
                                                     U"没有收费", U"不收费", U"未产生", U"未发生"};
  Finding f = NewFinding("fee.statement", "");
  f.span = input.norm->ToSource(h.begin, begin + body.size());
  if (!HasAny(body, kFeeWords)) {
    f.message_zh = "第六部分“其他需要报告的事项”没有说明信息处理费的收取情况（国办函〔2020〕109号要求在年度报告中说明）。";
    f.message_en = "Section VI (other matters) does not say whether information processing fees were charged "
                   "(国办函〔2020〕109号 asks the annual report to say so).";
    findings->push_back(std::move(f));
    return;
  }
  const Cell* unpaid = report.FindCell("t3.r3_6_2.total");
  if (HasAny(body, kNoneCharged) && unpaid && unpaid->value.kind == CellValue::Kind::kNumber &&
      unpaid->value.number > 0) {
    const std::string n = FormatNumber(unpaid->value.number);
    f.table = "t3";
    f.cells = {unpaid->id};
    f.actual = unpaid->value.number;
    f.message_zh = "第六部分说未收取信息处理费，但表三 三(六)2（申请人逾期未按收费通知要求缴纳费用）/总计为 " + n +
                   "：发出过收费通知。";
    f.message_en = "Section VI says no information processing fees were charged, but table 3 III.6.2 (fees "
                   "not paid after a fee notice)/total is " + n + ": fee notices were sent.";
    findings->push_back(std::move(f));
  }
}

}  // namespace

void CheckProse(const ProseInput& input, const Report& report, std::vector<Finding>* findings) {
  CheckStatements(input, report, findings);
  CheckProblemsSection(input, findings);
  CheckFeeStatement(input, report, findings);
}

}  // namespace gouji
