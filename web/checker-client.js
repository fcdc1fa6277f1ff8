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
          this.pending.get(message.id)(JSON.parse(message.json));
          this.pending.delete(message.id);
        }
      });
      this.worker.addEventListener('error', (event) => reject(new Error(event.message || 'worker failed')));
    });
  }

  request(message) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...message, id });
    });
  }

  // The report JSON (docs/json-schema.md), or {error}.
  check(text) {
    return this.request({ type: 'check', text });
  }

  // A file's bytes decoded by the core (encoding detected): {text} or {error}.
  decode(bytes) {
    return this.request({ type: 'decode', bytes });
  }
}
