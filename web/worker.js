// The checker's Web Worker: loads the WebAssembly core once and answers check requests, so that
// the page never freezes. Protocol (every message is answered with the same id):
//   -> {id, type: 'check', text}          <- {id, json}
//   -> {id, type: 'decode', bytes}        <- {id, json}   ({"text": ...} or {"error": ...})
//   <- {type: 'ready', version, layouts} once the core is loaded; {type: 'failed', message} if not
import createGouji from './gouji.mjs';

const core = createGouji().then(
  (gouji) => {
    self.postMessage({ type: 'ready', version: gouji.version(), layouts: JSON.parse(gouji.layouts()) });
    return gouji;
  },
  (error) => {
    self.postMessage({ type: 'failed', message: String(error) });
    throw error;
  },
);

self.onmessage = async (event) => {
  const { id, type, text, bytes } = event.data;
  const gouji = await core;
  const json = type === 'decode' ? gouji.decode(bytes) : gouji.check(text);
  self.postMessage({ id, json });
};
