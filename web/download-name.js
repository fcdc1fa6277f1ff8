// The name the JSON download is saved under: the reporting body and the year, as people file
// these reports ("某某区人民政府-2023-gouji.json"), so that a folder of results reads as a list of
// bodies instead of gouji-result (1).json, (2), (3)…
//
// Titles follow the format's wording, "<body><year>年政府信息公开工作年度报告", with the usual
// variants: "关于" before the year, the year first, no year at all, full-width digits.

export const FALLBACK_NAME = 'gouji-result.json';

// Characters Windows, macOS or Linux refuse in a file name (and control characters).
const NOT_IN_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
// A year as a title writes it: 2023年, 2023年度, or a bare 2023.
const YEAR = /((?:19|20)\d{2})\s*(?:年度|年)?/;
// What follows the body when there is no year: the report's own name.
const REPORT_NAME = /政府信息公开/;
// Words that join the body to the year ("…人民政府关于2023年…") and punctuation left around it.
const JOINERS = /(?:关于|的|[\s《》〈〉「」『』【】()（）\[\]、，,.。·・_\-—–])+$/u;
const LEADING = /^[\s《》〈〉「」『』【】()（）\[\]、，,.。·・_\-—–]+/u;
// Long enough for any body's name ("中共某某市委某某办公室某某中心"), short enough for every file system.
const MAX_BODY = 60;

// The reporting body named by a report's title ("北京市朝阳区人民政府"), or '' if it names none.
export function reportBody(title) {
  if (typeof title !== 'string') return '';
  const text = title.normalize('NFKC');
  const year = YEAR.exec(text);
  let body = year ? text.slice(0, year.index) : text;
  // The year first ("2023年某某镇政府信息公开工作年度报告"): the body is what follows it.
  if (year && !body.replace(LEADING, '')) body = text.slice(year.index + year[0].length);
  const report = REPORT_NAME.exec(body);
  if (report) body = body.slice(0, report.index);
  body = body.replace(NOT_IN_NAMES, '').replace(LEADING, '').replace(JOINERS, '').trim();
  return Array.from(body).slice(0, MAX_BODY).join('');
}

// The file name for `report` (the core's report.report: {title, year}).
export function downloadName(report) {
  const body = reportBody(report && report.title);
  if (!body) return FALLBACK_NAME;
  const year = report.year || (YEAR.exec(report.title.normalize('NFKC')) || [])[1];
  return year ? `${body}-${year}-gouji.json` : `${body}-gouji.json`;
}
