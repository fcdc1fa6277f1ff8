// The batch as an .xlsx workbook, by write-excel-file (MIT, maintained, some 30 KB with its zip
// writer fflate; chosen over libxlsxwriter in the core because it runs in the page only when a
// person exports, so neither the core's wasm nor the first load grows). Loaded by batch.js on export.
//
//   xlsxOf([{name, header, rows, numeric}]) -> a Blob: one sheet each, its header row bold and
//                                              frozen, the `numeric` columns' cells as numbers
import writeExcelFile from 'write-excel-file/browser';

export async function xlsxOf(sheets) {
  return writeExcelFile(sheets.map(({ name, header, rows, numeric }) => ({
    sheet: name,
    stickyRowsCount: 1,
    columns: header.map((_, c) => ({ width: c === 0 ? 40 : numeric.has(c) ? 8 : 16 })),
    data: [
      header.map((value) => ({ value, fontWeight: 'bold' })),
      // Text stays text (a file name starting with "=" is no formula in a String cell).
      ...rows.map((row) => row.map((value, c) => (value === '' || value === null || value === undefined ? null
        : numeric.has(c) && typeof value === 'number' ? { value, type: Number } : { value: String(value), type: String }))),
    ],
  }))).toBlob();
}
