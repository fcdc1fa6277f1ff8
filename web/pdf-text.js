// A PDF's text as positioned items, read with pdf.js, for the core to lay out by position:
//
//   const { pages } = await pdfTextItems(bytes, new URL('pdf/', import.meta.url));
//   // pages: [{ width, height, items: [{ x, y, w, h, text }], lines: [[x0, y0, x1, y1], ...] }]
//
// In PDF points at scale 1, as the page is shown (its /Rotate and crop box applied): origin at the
// top-left corner of the page, y growing downward; (x, y) is the top-left corner of an item's box,
// w its width and h its height. For text written left to right, h is the font size and y is the
// baseline less the font size. Rotated text gets the upright box that holds it; text in a vertical
// font (one character under the other) gets the box of its column: w the font size, h the column's
// length. Numbers are rounded to 2 decimals; items that are empty or only whitespace are left out.
// A page without text (a scan) has no items: the caller decides what to say. `lines` are the
// straight edges of what the page strokes or fills that run nearly along an axis, in the same
// coordinates: a drawn table's ruling, from which the core builds its grid (absent on a page that
// draws none).
//
// pdf.js (pdf.min.mjs, pdf.worker.min.mjs and cmaps/ in the folder baseUrl names; see build.mjs)
// is imported only when this is called. It works in a module Web Worker (the checker's worker.js)
// and on the main thread, under a CSP without 'unsafe-eval' (pdf.js is told not to use eval) and
// without blob: workers: pdf.js's own worker runs as a nested module Worker from baseUrl, which
// must then be on the caller's origin. Where no such Worker can be made (a baseUrl on another
// origin, or a browser without workers in workers), pdf.js runs its worker's code on the calling
// thread instead (in a Web Worker, that code also answers on the worker's own port: the page gets
// one message of pdf.js's, {sourceName: 'worker', action: 'ready', ...}, to ignore; on a page, it
// leaves pdf.js's two globals, pdfjsLib and pdfjsWorker).
//
// A PDF that pdf.js cannot open (password, damaged, not a PDF) throws an Error whose message says
// why, with `code` 'password', 'invalid' or 'pdfjs' for a caller that words it itself ('load' when
// pdf.js's own files could not be fetched, e.g. offline before the first PDF), and the pdf.js
// error as `cause`. The bytes are copied, not transferred: the caller's array stays usable.
//
// Known pdf.js limitation (6.5.438): in a vertical font set WPS's way (a text matrix of 0.05 and
// a font size of 199), glyphs whose position is less than the font size in text units (199) above
// the bottom of the page are left out of the text content: pdf.js's visibility test adds a
// text-space advance to a page-space position. Both sample reports from 洪泽区 lose the end of
// their vertical label 三、本年度办理结果 that way.

const round = (n) => Math.round(n * 100) / 100 + 0; // + 0: no -0 in the JSON

// a * b for pdf.js's 6-number affine matrices (as pdf.js's Util.transform).
const multiply = (a, b) => [
  a[0] * b[0] + a[2] * b[1],
  a[1] * b[0] + a[3] * b[1],
  a[0] * b[2] + a[2] * b[3],
  a[1] * b[2] + a[3] * b[3],
  a[0] * b[4] + a[2] * b[5] + a[4],
  a[1] * b[4] + a[3] * b[5] + a[5],
];

// pdf.js's path operators in a constructPath's data (DrawOPS in pdf.js 6.5, not exported).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

// The straight, nearly axis-aligned edges of every path the page strokes or fills, from its
// operator list, in viewport units: the current transformation matrix is followed through
// save/restore, cm and form XObjects as pdf.js's own renderer follows it.
function pageLines(operators, OPS, viewport) {
  const painted = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke,
    OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const lines = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack = [];
  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i += 1) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() || ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = multiply(ctm, Array.from(args[0]));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() || ctm;
    else if (fn === OPS.constructPath && painted.has(args?.[0])) {
      const data = args[1]?.[0];
      if (!data) continue;
      const m = multiply(viewport.transform, ctm);
      const at = (x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
      let start = null;
      let current = null;
      const edge = (to) => {
        if (current) {
          const dx = Math.abs(to[0] - current[0]);
          const dy = Math.abs(to[1] - current[1]);
          // Only what could be a ruling (the core decides how near an axis): a drawing's slanted
          // strokes would only weigh on the JSON.
          if (Math.min(dx, dy) <= 0.1 * Math.max(dx, dy)) {
            lines.push([round(current[0]), round(current[1]), round(to[0]), round(to[1])]);
          }
        }
        current = to;
      };
      for (let k = 0; k < data.length;) {
        switch (data[k++]) {
          case MOVE_TO: current = start = at(data[k], data[k + 1]); k += 2; break;
          case LINE_TO: edge(at(data[k], data[k + 1])); k += 2; break;
          case CURVE_TO: current = at(data[k + 4], data[k + 5]); k += 6; break;
          case QUADRATIC_CURVE_TO: current = at(data[k + 2], data[k + 3]); k += 4; break;
          case CLOSE_PATH: if (start) edge(start); break;
          default: k = data.length; // an operator this code does not know: leave the path
        }
      }
    }
  }
  return lines;
}

// The upright box of a text item on a page shown as `viewport`: {x, y, w, h} in viewport units.
function itemBox(item, viewport, vertical) {
  // The item's text space on the page as shown: (m[0], m[1]) is the text's x unit (the font size
  // along the line), (m[2], m[3]) its y unit (the font size "up", toward the top of the glyphs),
  // (m[4], m[5]) the origin of its first glyph.
  const m = multiply(viewport.transform, item.transform);
  const scale = viewport.scale;
  const ox = m[4];
  const oy = m[5];
  let corners;
  if (!vertical) {
    // From the baseline's start, along the line by the item's width and up by the font size.
    const size = Math.hypot(m[0], m[1]) || 1;
    const along = (item.width * scale) / size;
    const ax = m[0] * along;
    const ay = m[1] * along;
    corners = [[ox, oy], [ox + ax, oy + ay], [ox + m[2], oy + m[3]], [ox + ax + m[2], oy + ay + m[3]]];
  } else {
    // A vertical font: the column is the font size wide, from the origin along the x unit, and
    // goes down (minus the y unit) by the item's height from one font size above the origin.
    // That is where WPS's PDFs (Identity-V, as in the published reports) draw their glyphs in
    // pdf.js and poppler, and the box pdftotext -bbox gives; PDFs that follow the PDF standard's
    // default vertical metrics draw them half a font size to the left and one font size lower.
    const size = Math.hypot(m[2], m[3]) || 1;
    const down = (item.height * scale) / size;
    const dx = -m[2] * down;
    const dy = -m[3] * down;
    const tx = ox + m[2];
    const ty = oy + m[3];
    corners = [[tx, ty], [tx + m[0], ty + m[1]], [tx + dx, ty + dy], [tx + m[0] + dx, ty + m[1] + dy]];
  }
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

// pdf.js's worker as a nested module Worker on baseUrl, or null where none can be made.
function startWorker(url) {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(url, { type: 'module', name: 'pdf.js' });
  } catch {
    return null; // e.g. a SecurityError for a worker on another origin
  }
}

function describe(error) {
  const name = error?.name || '';
  const detail = error?.message || String(error);
  let code = 'pdfjs';
  let message = `pdf.js could not read the PDF: ${detail}`;
  if (name === 'PasswordException') {
    code = 'password';
    message = `the PDF is protected by a password (${detail})`;
  } else if (name === 'InvalidPDFException' || name === 'FormatError') {
    code = 'invalid';
    message = `not a valid PDF, or a damaged one (${detail})`;
  }
  const wrapped = new Error(message, { cause: error });
  wrapped.code = code;
  return wrapped;
}

export async function pdfTextItems(bytes, baseUrl) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('pdfTextItems: bytes must be a Uint8Array');
  let base = String(baseUrl);
  if (!base.endsWith('/')) base += '/';
  base = new URL(base, globalThis.location?.href).href;

  let pdfjs;
  try {
    pdfjs = await import(`${base}pdf.min.mjs`);
  } catch (error) {
    const wrapped = new Error(`pdf.js could not be loaded from ${base} (${error?.message || error})`, { cause: error });
    wrapped.code = 'load';
    throw wrapped;
  }
  const workerUrl = `${base}pdf.worker.min.mjs`;
  // Used by pdf.js only where the nested worker below cannot be made.
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

  shared ??= sharedWorker(pdfjs, workerUrl);
  if (!shared.port && typeof window !== 'undefined' && !globalThis.pdfjsWorker) {
    // On a page, pdf.js would first try its worker through a blob: URL, which a strict CSP refuses
    // (a violation report). Its worker's code, imported here, is what it then runs on this thread
    // anyway (it sets globalThis.pdfjsWorker, which pdf.js takes instead of trying a worker).
    try {
      await import(workerUrl);
    } catch (error) {
      const wrapped = new Error(`pdf.js's worker could not be loaded from ${workerUrl} (${error?.message || error})`, { cause: error });
      wrapped.code = 'load';
      throw wrapped;
    }
  }
  const { worker, workerFailed } = shared;

  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js transfers its buffer to its worker
    ...(worker ? { worker } : {}),
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    // The worker fetches the CMaps itself: pdf.js's fetch on the calling side reads
    // document.baseURI, which a Web Worker does not have.
    useWorkerFetch: true,
    // No font files are fetched or shown: the text's positions come from the PDF's own widths
    // (or pdf.js's built-in metrics of the 14 standard fonts), so no standard_fonts folder.
    useSystemFonts: true,
    disableFontFace: true,
    disableWorkerRendering: true,
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0, // errors only
  });

  const read = async () => {
    const doc = await task.promise;
    const pages = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || !/\S/u.test(item.str)) continue; // marked content, EOLs, spaces
        const box = itemBox(item, viewport, !!content.styles[item.fontName]?.vertical);
        items.push({ x: round(box.x), y: round(box.y), w: round(box.w), h: round(box.h), text: item.str });
      }
      const lines = pageLines(await page.getOperatorList(), pdfjs.OPS, viewport);
      pages.push({ width: round(viewport.width), height: round(viewport.height), items, ...(lines.length ? { lines } : {}) });
      page.cleanup();
    }
    return { pages };
  };

  let failed = false;
  try {
    return await Promise.race([read(), workerFailed]);
  } catch (error) {
    if (error?.code === 'load') {
      failed = true;
      // A worker that failed is not used again: the next PDF starts another.
      if (shared && shared.workerFailed === workerFailed) {
        shared.worker?.destroy();
        shared.port?.terminate();
        shared = null;
      }
      throw error;
    }
    throw describe(error);
  } finally {
    // A dead worker never answers destroy(): not waited for then, or this PDF would never end.
    const destroyed = task.destroy().catch(() => {});
    if (!failed) await destroyed;
  }
}

// pdf.js's worker, started with the first PDF and kept for the next ones (a batch reads hundreds:
// starting pdf.js's 1 MB worker for each took most of a PDF's time); several documents may be
// read on it at once. {port, worker, workerFailed}: workerFailed rejects if its script fails,
// since a worker whose script does not load would leave pdf.js waiting for ever.
let shared = null;
function sharedWorker(pdfjs, workerUrl) {
  const port = startWorker(workerUrl);
  const workerFailed = new Promise((resolve, reject) => {
    port?.addEventListener('error', (event) => {
      event.preventDefault?.();
      const wrapped = new Error(`pdf.js's worker failed (${event.message || workerUrl})`);
      wrapped.code = 'load';
      reject(wrapped);
    });
  });
  workerFailed.catch(() => {});
  return { port, worker: port ? new pdfjs.PDFWorker({ port }) : null, workerFailed };
}
