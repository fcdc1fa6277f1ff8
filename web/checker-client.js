// The core, as the page and the widget use it: one promise-based interface whether the core runs
// in a Web Worker (worker.js) or on this thread (the widget on another origin than its assets):
//
//   core.mode                       'worker' | 'main-thread'
//   core.ready                      -> {version, layouts, rules} (the rule registry, docs/json-schema.md)
//   core.check(text)                -> the report, or {error: {code, message: {zh, en}}}
//   core.checkHtml(html)            -> the same for HTML given as text (a paste's text/html)
//   core.checkBytes(bytes, onStage) -> the same for a file's bytes, its format told by the core (text,
//                                      HTML, .docx, PDF); onStage('pdf') before a PDF's text is read
//   core.decode(bytes)              -> {text} or {error}
//
// When the core cannot be loaded (the worker, gouji.mjs or gouji.wasm missing or broken), `ready`
// and every call, pending or later, reject with a CoreUnavailable: never an answer left hanging.
import { STRINGS } from './i18n.js';
import { coreRunner } from './core-runner.js';

// The core could not be loaded. `error` is in the shape of the core's refusals, so that it is
// worded like them: {code: 'core_unavailable', message: {zh, en}}.
export class CoreUnavailable extends Error {
  constructor(detail) {
    const why = String(detail || 'unknown error');
    super(STRINGS.en.coreUnavailable(why));
    this.name = 'CoreUnavailable';
    this.code = 'core_unavailable';
    this.error = { code: this.code, message: { zh: STRINGS['zh-CN'].coreUnavailable(why), en: this.message } };
  }
}

// The core in a Web Worker of this origin.
export class WorkerCore {
  constructor(workerUrl) {
    this.mode = 'worker';
    this.pending = new Map();
    this.nextId = 1;
    this.failure = null;
    this.worker = new Worker(workerUrl, { type: 'module' });
    this.ready = new Promise((resolve, reject) => {
      const fail = (detail) => {
        if (this.failure) return;
        this.failure = new CoreUnavailable(detail);
        reject(this.failure);
        for (const request of this.pending.values()) request.reject(this.failure);
        this.pending.clear();
        this.worker.terminate();
      };
      this.worker.addEventListener('message', (event) => {
        const message = event.data;
        if (message.type === 'ready') resolve(message.info);
        else if (message.type === 'failed') fail(message.message);
        else if (this.pending.has(message.id)) {
          const request = this.pending.get(message.id);
          if (message.stage) {
            if (request.onStage) request.onStage(message.stage);
            return;
          }
          this.pending.delete(message.id);
          if ('failed' in message) fail(message.failed);
          else request.resolve(message.result);
        }
      });
      // The worker's script or one it imports could not be fetched or run (before 'ready': after
      // it, the worker answers every request itself, a bug included).
      this.worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail(event.message || `${new URL(workerUrl).pathname.split('/').pop()} failed to load`);
      });
    });
    this.ready.catch(() => {});  // seen through every call
  }

  // Any request of worker-serve.js's protocol; `transfer`: buffers given to the worker, not copied.
  request(message, onStage, transfer = []) {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStage });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  // Stops the worker; every request still pending rejects (a CoreUnavailable), none hangs.
  terminate() {
    this.worker.terminate();
    if (!this.failure) this.failure = new CoreUnavailable('stopped');
    for (const request of this.pending.values()) request.reject(this.failure);
    this.pending.clear();
  }

  check(text) {
    return this.request({ type: 'check', text });
  }

  checkHtml(html) {
    return this.request({ type: 'checkHtml', html });
  }

  checkBytes(bytes, onStage) {
    return this.request({ type: 'checkBytes', bytes }, onStage);
  }

  decode(bytes) {
    return this.request({ type: 'decode', bytes });
  }
}

// The core on this thread, loaded from `base` (gouji.mjs, gouji.wasm and their companions).
export class MainThreadCore {
  constructor(base) {
    this.mode = 'main-thread';
    const runner = import(new URL('gouji.mjs', base).href)
      .then((module) => module.default({ locateFile: (file) => new URL(file, base).href }))
      .then(
        (gouji) => coreRunner(gouji, new URL('gouji-gb18030.dat', base), new URL('pdf-text.js', base)),
        (error) => {
          throw new CoreUnavailable((error && error.message) || error);
        },
      );
    this.runner = runner;
    this.ready = runner.then((r) => r.info());
    this.ready.catch(() => {});  // seen through every call
  }

  check(text) {
    return this.runner.then((r) => r.check(text));
  }

  checkHtml(html) {
    return this.runner.then((r) => r.checkHtml(html));
  }

  checkBytes(bytes, onStage) {
    return this.runner.then((r) => r.checkBytes(bytes, { onPdf: () => onStage && onStage('pdf') }));
  }

  decode(bytes) {
    return this.runner.then((r) => r.decode(bytes));
  }
}
