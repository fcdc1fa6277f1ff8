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
