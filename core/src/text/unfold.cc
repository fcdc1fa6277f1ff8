#include "text/unfold.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/unicode.h"
#include "gouji/format.h"
#include "text/labels.h"

namespace gouji {
namespace {

struct Marker {
  std::u32string text;
  enum Kind { kHeading, kEnumerated, kRowLabel } kind;
};

// The format's text a line may be cut before, longest first (so that a label found inside a
// longer one is the longer one's).
const std::vector<Marker>& Markers() {
  static const std::vector<Marker> markers = [] {
    std::vector<Marker> all;
    std::set<std::u32string> seen;
    const auto add = [&](const char* utf8, Marker::Kind kind) {
      std::u32string text = FromUtf8(utf8);
      if (text.size() < 2 || !seen.insert(text).second) return;
      all.push_back({std::move(text), kind});
    };
    for (const SectionSpec& section : Sections()) add(section.heading, Marker::kHeading);
    for (const TableLayout* layout : AllLayouts()) {
      for (const RowSpec& row : layout->rows) {
        for (const char* group : row.groups) add(group, Marker::kEnumerated);
        for (const char* label : row.labels) {
          const std::u32string text = FromUtf8(label);
          add(label, EnumeratorLength(text) > 0 ? Marker::kEnumerated : Marker::kRowLabel);
        }
      }
    }
    std::stable_sort(all.begin(), all.end(), [](const Marker& a, const Marker& b) { return a.text.size() > b.text.size(); });
    return all;
  }();
  return markers;
}

// The headings and enumerated labels of Markers() by their first character: a line is looked at
// once, character by character, not once for each marker.
const std::unordered_map<char32_t, std::vector<size_t>>& FirstPassByFirstChar() {
  static const std::unordered_map<char32_t, std::vector<size_t>> index = [] {
    std::unordered_map<char32_t, std::vector<size_t>> by_first;
    for (size_t m = 0; m < Markers().size(); ++m) {
      if (Markers()[m].kind != Marker::kRowLabel) by_first[Markers()[m].text.front()].push_back(m);
    }
    return by_first;
  }();
  return index;
}

// Where one line is to be cut: the start of each marker in it (not at its very start). Headings
// and enumerated labels first, longest first; then the labels without an enumerator, which begin a
// row only right after a value ("0 行政规范性文件"), right after a heading or a group label
// ("…情况 规章 0 0 0") or right before a value ("…件数 规章 0 0 0"); then any enumerator after a
// value.
std::vector<size_t> CutsIn(const std::u32string& text, size_t begin, size_t end) {
  const std::u32string_view line(text.data() + begin, end - begin);
  // Every heading and enumerated label in the line, in the order they are taken: by marker (longest
  // first), then by position.
  std::vector<std::pair<size_t, size_t>> found;  // (marker, position)
  int heading_matches = 0, enumerated_matches = 0;
  const auto& by_first = FirstPassByFirstChar();
  for (size_t at = 0; at < line.size(); ++at) {
    const auto bucket = by_first.find(line[at]);
    if (bucket == by_first.end()) continue;
    for (size_t m : bucket->second) {
      if (line.compare(at, Markers()[m].text.size(), Markers()[m].text) != 0) continue;
      found.emplace_back(m, at);
      (Markers()[m].kind == Marker::kHeading ? heading_matches : enumerated_matches) += 1;
    }
  }
  if (heading_matches < 2 && enumerated_matches < 4) return {};  // fewer still once overlaps are dropped
  std::sort(found.begin(), found.end());

  // What the markers taken cover, and where they end: per position, so that taking one is as
  // long as the marker, not as the markers taken before it.
  std::vector<bool> covered(line.size(), false), ends_here(line.size() + 1, false);
  int headings = 0, enumerated = 0;
  std::vector<size_t> cuts;
  const auto take = [&](const Marker& marker, size_t at) {
    const size_t to = at + marker.text.size();
    for (size_t k = at; k < to; ++k) {
      if (covered[k]) return;
    }
    if (marker.kind == Marker::kRowLabel) {
      size_t k = at;
      while (k > 0 && IsSpace(line[k - 1])) --k;
      // With spaces between them, or none (a text with its white space removed: "规章000行政…").
      const bool after_value = k > 0 && IsAsciiDigit(line[k - 1]);
      const bool after_marker = ends_here[k];
      // "… 现行有效件数 规章 0 0 0": a row label with its values after it starts a row too.
      size_t v = to;
      while (v < line.size() && IsSpace(line[v])) ++v;
      const bool before_value = v < line.size() && IsAsciiDigit(line[v]);
      if (!after_value && !after_marker && !before_value) return;
    }
    for (size_t k = at; k < to; ++k) covered[k] = true;
    ends_here[to] = true;
    headings += marker.kind == Marker::kHeading;
    enumerated += marker.kind == Marker::kEnumerated;
    if (at > 0) cuts.push_back(begin + at);
    // A heading is a line of its own: what follows it starts the next.
    if (marker.kind == Marker::kHeading && to < line.size()) {
      size_t after = to;
      while (after < line.size() && IsSpace(line[after])) ++after;
      if (after < line.size()) cuts.push_back(begin + after);
    }
  };
  for (const auto& [m, at] : found) take(Markers()[m], at);
  if (headings < 2 && enumerated < 4) return {};
  for (const Marker& marker : Markers()) {
    if (marker.kind != Marker::kRowLabel) continue;
    for (size_t at = line.find(marker.text); at != std::u32string_view::npos; at = line.find(marker.text, at + 1)) {
      take(marker, at);
    }
  }
  // An enumerated label the format writes otherwise ("3.危及\"三安全一稳定\"" for "3.危及“三安全一稳定”")
  // still starts a row where it follows a value: "0 3.危…", its enumerator then a word.
  // With no space after the value ("00000003.危及…"), the enumerator is the last digit's: the
  // format numbers its rows 1. to 8.
  for (size_t at = 2; at < line.size(); ++at) {
    const bool spaced = IsSpace(line[at - 1]) && IsAsciiDigit(line[at - 2]);
    const bool bare = IsAsciiDigit(line[at - 1]) && line[at] >= U'1' && line[at] <= U'9' && at + 2 < line.size() &&
                      (line[at + 1] == U'.' || line[at + 1] == U'、') && IsHan(line[at + 2]);
    if (!spaced && !bare) continue;
    const size_t n = EnumeratorLength(line.substr(at));
    if (n == 0 || at + n >= line.size() || IsAsciiDigit(line[at + n]) || IsSpace(line[at + n])) continue;
    if (covered[at] && covered[at - 1] && !ends_here[at]) continue;  // inside a marker taken
    cuts.push_back(begin + at);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

}  // namespace

size_t UnfoldRunTogetherLines(NormalizedText* norm) {
  std::u32string& text = norm->text;
  std::vector<size_t> cuts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == U'\n') {
      const std::vector<size_t> here = CutsIn(text, start, i);
      cuts.insert(cuts.end(), here.begin(), here.end());
      start = i + 1;
    }
  }
  if (cuts.empty()) return 0;
  std::u32string out;
  std::vector<uint32_t> origin;
  out.reserve(text.size() + cuts.size());
  origin.reserve(norm->origin.size() + cuts.size());
  size_t next = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (next < cuts.size() && cuts[next] == i) {
      // The spaces before a cut end the line above; the break maps to the character after it.
      while (!out.empty() && out.back() == U' ') {
        out.pop_back();
        origin.pop_back();
      }
      out.push_back(U'\n');
      origin.push_back(norm->origin[i]);
      ++next;
    }
    out.push_back(text[i]);
    origin.push_back(norm->origin[i]);
  }
  origin.push_back(norm->origin.back());  // one past the end
  text = std::move(out);
  norm->origin = std::move(origin);
  return cuts.size();
}

}  // namespace gouji
