// Runs the WebAssembly core for the page's worker and for the widget's main-thread mode. Every
// call resolves to the core's answer, parsed once here: the report, or {error: {code, message:
// {zh, en}}} (the code tells what happened; nothing searches the JSON text for it).
//
// - The first time the core asks for the GB18030 tables ("missing_data": a GBK text or web page)
//   they are fetched from beside the core and the request is answered again.
// - checkBytes(bytes) lets the core tell the format. For a PDF it answers "pdf_text_needed": then
//   pdf-text.js is imported (and pdf.js with it, from pdf/ beside it: nothing of it is fetched
//   before the first PDF), reads the PDF's positioned text, and the core checks that. What pdf.js
//   cannot do (a password, a damaged file, pdf.js itself not downloadable, e.g. offline before the
//   first PDF) comes back as an error of the same shape, worded in i18n.js.
//
//   coreRunner(gouji, dataUrl, pdfReaderUrl)   pdfReaderUrl: pdf-text.js's URL (pdf/ beside it)
import { STRINGS } from './i18n.js';

export function coreRunner(gouji, dataUrl, pdfReaderUrl) {
  let gb18030 = null;
  const load = () => {
    gb18030 = gb18030 || fetch(dataUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${dataUrl}: ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => gouji.addData(new Uint8Array(buffer)));
    return gb18030;
  };
  const code = (answer) => (answer.error ? answer.error.code : null);
  const run = async (call) => {
    let answer = JSON.parse(call());
    if (code(answer) === 'missing_data') {
      try {
        await load();
        answer = JSON.parse(call());
      } catch (error) {
        gb18030 = null;  // try again next time, e.g. when the network is back
      }
    }
    return answer;
  };

  // The PDF's text by pdf.js, checked by the core; onPdf() is called before pdf.js is loaded.
  const checkPdf = async (bytes, onPdf) => {
    if (onPdf) onPdf();
    let reader;
    try {
      reader = await import(String(pdfReaderUrl));
    } catch (error) {
      return pdfError(gouji.version(), Object.assign(new Error(String(error)), { code: 'load' }));
    }
    let pages;
    try {
      pages = await reader.pdfTextItems(bytes, new URL('pdf/', pdfReaderUrl));
    } catch (error) {
      return pdfError(gouji.version(), error);
    }
    return JSON.parse(gouji.checkPdfText(JSON.stringify(pages)));
  };

  return {
    gouji,  // for a worker's own requests (batch-worker.js)
    version: () => gouji.version(),
    layouts: () => JSON.parse(gouji.layouts()),
    // What the page needs of the core before any check: the format's tables and the rule registry.
    info: () => ({ version: gouji.version(), layouts: JSON.parse(gouji.layouts()), rules: JSON.parse(gouji.rules()) }),
    check: (text) => run(() => gouji.check(text)),
    checkHtml: (html) => run(() => gouji.checkHtml(html)),
    checkBytes: async (input, { onPdf } = {}) => {
      const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
      const answer = await run(() => gouji.checkBytes(bytes, 'auto'));
      return code(answer) === 'pdf_text_needed' ? checkPdf(bytes, onPdf) : answer;
    },
    decode: (bytes) => run(() => gouji.decode(bytes)),
  };
}

// What pdf-text.js threw (its `code`: password, invalid, pdfjs, load) as the core's error.
function pdfError(version, error) {
  const code = error && error.code;
  const which = code === 'password' ? ['unsupported_format', 'pdfPassword']
    : code === 'invalid' ? ['damaged_file', 'pdfDamaged']
      : code === 'load' ? ['pdf_reader_unavailable', 'pdfReaderUnavailable']
        : ['pdf_read_failed', 'pdfFailed'];
  const detail = String((error && error.message) || error);
  const say = (lang) => {
    const message = STRINGS[lang][which[1]];
    return typeof message === 'function' ? message(detail) : message;
  };
  return { gouji: version, error: { code: which[0], message: { zh: say('zh-CN'), en: say('en') } } };
}
