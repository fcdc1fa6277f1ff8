// The page's side of the worker protocol (see worker.js): one worker, promises per request.
export class CheckerClient {
  constructor(workerUrl) {
    this.worker = new Worker(workerUrl, { type: 'module' });
    this.pending = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener('message', (event) => {
        const message = event.data;
        if (message.type === 'ready') resolve(message);
        else if (message.type === 'failed') reject(new Error(message.message));
        else if (this.pending.has(message.id)) {
          const request = this.pending.get(message.id);
          if (message.stage) {
            if (request.onStage) request.onStage(message.stage);
            return;
          }
          request.resolve(JSON.parse(message.json));
          this.pending.delete(message.id);
        }
      });
      this.worker.addEventListener('error', (event) => reject(new Error(event.message || 'worker failed')));
    });
  }

  request(message, onStage) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onStage });
      this.worker.postMessage({ ...message, id });
    });
  }

  // The report JSON (docs/json-schema.md), or {error}.
  check(text) {
    return this.request({ type: 'check', text });
  }

  // The same for HTML given as text (what a paste holds as text/html).
  checkHtml(html) {
    return this.request({ type: 'checkHtml', html });
  }

  // The same for a file's bytes, its format told by the core (text, HTML, .docx, PDF). onStage('pdf')
  // is called when it is a PDF, before its text is read (pdf.js may have to be downloaded first).
  checkBytes(bytes, onStage) {
    return this.request({ type: 'checkBytes', bytes }, onStage);
  }

  // A file's bytes decoded by the core (encoding detected): {text} or {error}.
  decode(bytes) {
    return this.request({ type: 'decode', bytes });
  }
}

// What the page and the widget both do with what people give them, over any object with the
// client's methods (the widget's main-thread core has them too).

// A paste that holds a table as HTML (from a web page or Word) and replaces all of `box`'s text:
// {html, plain}, or null where the textarea should take the plain text as usual. The table's grid
// says which cell is which better than its plain text can; HTML cannot be merged into text.
export function tablePaste(event, box) {
  const data = event.clipboardData;
  const html = data ? data.getData('text/html') : '';
  if (!/<t(able|d)\b/i.test(html)) return null;
  const whole = box.value.trim() === '' || (box.selectionStart === 0 && box.selectionEnd === box.value.length);
  return whole ? { html, plain: data.getData('text/plain') } : null;
}

// A file's bytes read by the core, which tells text, a web page, a Word document and a PDF apart:
// {result, text}, `text` being what the report's spans index (the text the core read from a
// document, or a text file decoded as check() decoded it); a refusal is {result: {error}}.
export async function readFile(core, bytes, onStage) {
  const result = await core.checkBytes(bytes, onStage);
  if (result.error) return { result };
  if (typeof result.input.text === 'string') return { result, text: result.input.text };
  const decoded = await core.decode(bytes);
  return decoded.error ? { result: decoded } : { result, text: decoded.text };
}
