#include "text/unfold.h"

#include <algorithm>
#include <set>
#include <string>
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

// Where one line is to be cut: the start of each marker in it (not at its very start). Headings
// and enumerated labels first; then the labels without an enumerator, which begin a row only right
// after a value ("0 行政规范性文件") or right after a heading or a group label ("…情况 规章 0 0 0").
std::vector<size_t> CutsIn(const std::u32string& text, size_t begin, size_t end) {
  std::vector<std::pair<size_t, size_t>> taken;  // [from, to) of the markers found
  int headings = 0, enumerated = 0;
  std::vector<size_t> cuts;
  const std::u32string_view line(text.data() + begin, end - begin);
  for (const bool labels_pass : {false, true}) {
    for (const Marker& marker : Markers()) {
      if ((marker.kind == Marker::kRowLabel) != labels_pass) continue;
      for (size_t at = line.find(marker.text); at != std::u32string_view::npos; at = line.find(marker.text, at + 1)) {
        const size_t to = at + marker.text.size();
        if (std::any_of(taken.begin(), taken.end(), [&](const auto& t) { return at < t.second && to > t.first; })) continue;
        if (marker.kind == Marker::kRowLabel) {
          size_t k = at;
          while (k > 0 && IsSpace(line[k - 1])) --k;
          const bool after_value = k < at && k > 0 && IsAsciiDigit(line[k - 1]);
          const bool after_marker = std::any_of(taken.begin(), taken.end(), [&](const auto& t) { return t.second == k; });
          if (!after_value && !after_marker) continue;
        }
        taken.emplace_back(at, to);
        headings += marker.kind == Marker::kHeading;
        enumerated += marker.kind == Marker::kEnumerated;
        if (at > 0) cuts.push_back(begin + at);
        // A heading is a line of its own: what follows it starts the next.
        if (marker.kind == Marker::kHeading && to < line.size()) {
          size_t after = to;
          while (after < line.size() && IsSpace(line[after])) ++after;
          if (after < line.size()) cuts.push_back(begin + after);
        }
      }
    }
    if (!labels_pass && headings < 2 && enumerated < 4) return {};
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
