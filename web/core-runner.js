// Runs the WebAssembly core for the page's worker and for the widget's main-thread mode: check()
// and decode() answer JSON strings, and the first time the core asks for the GB18030 tables
// ("missing_data") they are fetched from beside the core and the request is answered again.
export function coreRunner(gouji, dataUrl) {
  let gb18030 = null;
  const load = () => {
    gb18030 = gb18030 || fetch(dataUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${dataUrl}: ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => gouji.addData(new Uint8Array(buffer)));
    return gb18030;
  };
  const needsData = (json) => json.length < 2000 && json.includes('"code":"missing_data"');
  const run = async (call) => {
    let json = call();
    if (needsData(json)) {
      try {
        await load();
        json = call();
      } catch (error) {
        gb18030 = null;  // try again next time, e.g. when the network is back
      }
    }
    return json;
  };
  return {
    version: () => gouji.version(),
    layouts: () => JSON.parse(gouji.layouts()),
    check: (text) => run(() => gouji.check(text)),
    decode: (bytes) => run(() => gouji.decode(bytes)),
  };
}
