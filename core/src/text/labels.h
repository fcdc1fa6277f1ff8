// Tolerant matching of the labels people typed against the format's text.
//
// Published labels differ from the format in punctuation, spacing, quote style, numbering and the
// odd typo (6.属于四类过程性信息0). A match says how close it was, so that the caller can both use the
// label and report how it deviates.
#ifndef GOUJI_TEXT_LABELS_H_
#define GOUJI_TEXT_LABELS_H_

#include <string>
#include <string_view>

namespace gouji {

// The label reduced to what identifies it: letters, digits and Han characters, ASCII lower-cased;
// no white space, punctuation, quotes or brackets.
std::u32string LooseForm(std::u32string_view text);

// LooseForm without a leading enumerator ("一、", "(三)", "1.", "(2)").
std::u32string CoreForm(std::u32string_view text);

enum class LabelMatch {
  kNone,
  kPrefix, // the label's beginning, the rest wrapped onto another line (not a deviation)
  kFuzzy,  // a small edit away (a typo, a stray character)
  kCore,   // the same words under a different enumerator, or none
  kExact,  // identical but for punctuation and spacing
};

// A text's loose and core forms, computed once per cell and once per label of the format.
struct LabelForms {
  std::u32string loose;
  std::u32string core;
};
LabelForms FormsOf(std::u32string_view text);

// How well a cell as written (normalised) matches one of the format's labels.
LabelMatch MatchLabel(const LabelForms& text, const LabelForms& label);

// A count as reports write it in words around its digits: "增3" and "增加3" (+3), "减12" and
// "减少12" (-12) in t2's 本年增/减, "0件", "3个", "2项". Returns the digits' text, trimmed, and sets
// *sign to -1 for 减; the text as it was, and +1, when it has none of these words.
std::u32string_view WithoutCountWords(std::u32string_view text, int* sign);

// "无", "——": a cell that says there is nothing, which the format wants written as 0. Read as blank:
// a rule that reads it says it could not be verified (and whether it would hold with 0), rather than
// an error on a report that adds up.
bool IsNothingMark(std::u32string_view text);

// True for cells that read as a value rather than a label: digits, signs, separators and units
// only ("0", "-3", "5,630", "821.73万元", "/"), a count in words ("减12", "0件"), or nothing ("无").
bool LooksLikeValue(std::u32string_view text);

// Length of the enumerator at the start of NFKC text ("一、", "(三)", "1.", "(2)", "3、"), or 0.
size_t EnumeratorLength(std::u32string_view text);

}  // namespace gouji

#endif  // GOUJI_TEXT_LABELS_H_
