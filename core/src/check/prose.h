// Stage 6c: what the report's prose says, against its tables and its year.
//
//   text.mismatch    a count the prose states about a table cell (本年新收…申请N件, 上年结转N件, 办结N件,
//                    予以公开 / 部分公开 / 不予公开N件, 结转下年度N件, 行政复议N件, 行政诉讼N件, 制发规范性
//                    文件N件 ...) that differs from the cell; every occurrence, in Arabic or Chinese
//                    numerals, the sentence quoted and its span given.
//   text.other_year  a count of this kind stated for another year than the report's
//                    (本单位2022年度共收到… in the report on 2023).
//   section.empty    section 五 (problems and improvements) empty, "无", or a few characters.
//   fee.statement    2021 format: section 六 silent on 信息处理费 (国办函〔2020〕109号), or saying none
//                    was charged while t3 三(六)2 (fees not paid) is above 0.
//
// A count is tied to a cell only when the link is clear: its clause names exactly one of the
// statements of the table below, the sentence is about applications (or, for t4, about information
// disclosure), and neither counts something that is no cell (网络申请3件, 信函申请, 热线工单, 较上年增加
// 2件, 自然人申请). Anything else is said nothing about: a warning is given only where it is
// certain which cell the sentence means.
#ifndef GOUJI_CHECK_PROSE_H_
#define GOUJI_CHECK_PROSE_H_

#include <string>
#include <utility>
#include <vector>

#include "gouji/report.h"
#include "text/normalize.h"
#include "text/sections.h"

namespace gouji {

struct ProseInput {
  const NormalizedText* norm = nullptr;  // the report's normalised text, with its map to the source
  std::u32string_view source;            // the decoded input, for quoting what the person wrote
  const Outline* outline = nullptr;
  std::vector<std::pair<size_t, size_t>> tables;  // the tables' regions, normalised: not prose
};

// Adds the findings above, for the report whose cells, tables, year and format `report` holds.
void CheckProse(const ProseInput& input, const Report& report, std::vector<Finding>* findings);

}  // namespace gouji

#endif  // GOUJI_CHECK_PROSE_H_
