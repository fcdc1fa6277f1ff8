// The checker's Web Worker: loads the WebAssembly core once and answers check requests, so that
// the page never freezes. Protocol (every message is answered with the same id):
//   -> {id, type: 'check', text}          <- {id, result}
//   -> {id, type: 'checkHtml', html}      <- {id, result}   (HTML as text: a paste's text/html)
//   -> {id, type: 'checkBytes', bytes}    <- {id, result}   (a file: text, HTML, .docx or PDF), and
//                                          <- {id, stage: 'pdf'} first when it is a PDF, before
//                                             pdf.js is loaded (pdf/ beside this file)
//   -> {id, type: 'decode', bytes}        <- {id, result}   ({text} or {error})
//   <- {type: 'ready', info: {version, layouts, rules}} once the core is loaded; {type: 'failed', message} if it
//      cannot be (then every request is answered {id, failed: message})
// `result` is the core's answer as an object (core-runner.js): a report, or {error: {code, message}}.
// A PDF is read by pdf.js in a worker of its own, started from here; where that cannot be done,
// pdf.js answers one message of its own on this worker's port ({sourceName: 'worker', ...}),
// which the page ignores (it has no id).
import createGouji from './gouji.mjs';
import { coreRunner } from './core-runner.js';

const core = createGouji().then(
  (gouji) => {
    const runner = coreRunner(gouji, new URL('gouji-gb18030.dat', import.meta.url),
      new URL('pdf-text.js', import.meta.url));
    self.postMessage({ type: 'ready', info: runner.info() });
    return runner;
  },
  (error) => {
    const message = String((error && error.message) || error);
    self.postMessage({ type: 'failed', message });
    throw new Error(message);
  },
);

function answer(runner, { id, type, text, html, bytes }) {
  switch (type) {
    case 'checkHtml': return runner.checkHtml(html);
    case 'checkBytes': return runner.checkBytes(bytes, { onPdf: () => self.postMessage({ id, stage: 'pdf' }) });
    case 'decode': return runner.decode(bytes);
    default: return runner.check(text);
  }
}

self.onmessage = async (event) => {
  const { id } = event.data;
  if (id === undefined) return;
  let runner;
  try {
    runner = await core;
  } catch (error) {
    self.postMessage({ id, failed: error.message });
    return;
  }
  let result;
  try {
    result = await answer(runner, event.data);
  } catch (error) {
    // A bug, not the input's fault: still an answer, so that the page does not wait for ever.
    result = { gouji: runner.version(), error: { code: 'internal', message: { zh: `内部错误：${error}`, en: `Internal error: ${error}` } } };
  }
  self.postMessage({ id, result });
};
