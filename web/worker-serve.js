// The checker's Web Worker, whichever build of the core it loads (worker.js: the page's and the
// widget's; batch-worker.js: the batch's, which adds its own requests through `more`). Protocol
// (every message is answered with the same id):
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
import { coreRunner } from './core-runner.js';

// more(runner, message, onPdf): the answer to a request of a type this file does not know, or
// undefined.
export function serve(createGouji, more = () => undefined) {
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

  const answer = (runner, message) => {
    const { id, type, text, html, bytes } = message;
    const onPdf = () => self.postMessage({ id, stage: 'pdf' });
    switch (type) {
      case 'checkHtml': return runner.checkHtml(html);
      case 'checkBytes': return runner.checkBytes(bytes, { onPdf });
      case 'decode': return runner.decode(bytes);
      case 'check': return runner.check(text);
      default: return more(runner, message, onPdf) ?? runner.check(text);
    }
  };

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
    // An archive's entry goes back without a copy.
    self.postMessage({ id, result }, result instanceof Uint8Array ? [result.buffer] : []);
  };
}
