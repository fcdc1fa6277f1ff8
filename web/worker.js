// The checker's Web Worker: loads the WebAssembly core once and answers check requests, so that
// the page never freezes. Protocol (every message is answered with the same id):
//   -> {id, type: 'check', text}          <- {id, json}
//   -> {id, type: 'decode', bytes}        <- {id, json}   ({"text": ...} or {"error": ...})
//   <- {type: 'ready', version, layouts} once the core is loaded; {type: 'failed', message} if not
import createGouji from './gouji.mjs';
import { coreRunner } from './core-runner.js';

const core = createGouji().then(
  (gouji) => {
    const runner = coreRunner(gouji, new URL('gouji-gb18030.dat', import.meta.url));
    self.postMessage({ type: 'ready', version: runner.version(), layouts: runner.layouts() });
    return runner;
  },
  (error) => {
    self.postMessage({ type: 'failed', message: String(error) });
    throw error;
  },
);

self.onmessage = async (event) => {
  const { id, type, text, bytes } = event.data;
  const runner = await core;
  const json = await (type === 'decode' ? runner.decode(bytes) : runner.check(text));
  self.postMessage({ id, json });
};
