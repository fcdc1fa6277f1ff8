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

// The GB18030 (GBK) tables are not part of the first load: the core asks for them
// ("missing_data") the first time a file needs them, and they are fetched once.
let gb18030 = null;
function loadGb18030(gouji) {
  gb18030 = gb18030 || fetch(new URL('gouji-gb18030.dat', import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`gouji-gb18030.dat: ${response.status}`);
      return response.arrayBuffer();
    })
    .then((buffer) => gouji.addData(new Uint8Array(buffer)));
  return gb18030;
}

function needsData(json) {
  return json.length < 2000 && json.includes('"code":"missing_data"');
}

self.onmessage = async (event) => {
  const { id, type, text, bytes } = event.data;
  const gouji = await core;
  const run = () => (type === 'decode' ? gouji.decode(bytes) : gouji.check(text));
  let json = run();
  if (needsData(json)) {
    try {
      await loadGb18030(gouji);
      json = run();
    } catch (error) {
      gb18030 = null;  // try again next time, e.g. when the network is back
    }
  }
  self.postMessage({ id, json });
};
