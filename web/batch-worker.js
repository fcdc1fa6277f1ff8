// A worker of the batch's pool (batch.js): the core's batch build (batch_bindings.cc), and the
// requests of worker-serve.js's protocol plus the batch's own:
//   -> {id, type: 'checkFile', bytes, name, found}  <- {id, result}  the file checked and summarised
//                                    (batch-summary.js); `found`: from a folder or a zip, where a
//                                    file that is no report's format (an image) is passed over
//   -> {id, type: 'openArchive', bytes}            <- {id, result}  {handle, entries}; {handle: 0}
//                                    if the bytes are no zip of reports (a document, a damaged zip)
//   -> {id, type: 'readArchive', handle, index}    <- {id, result}  the entry's bytes (transferred), or {error}
//   -> {id, type: 'closeArchive', handle}          <- {id, result: true}
//   -> {id, type: 'checkSet', members}             <- {id, result}  {set: ...} (docs/json-schema.md)
// Loaded only when a batch starts.
import createGouji from './gouji-batch.mjs';
import { summarise } from './batch-summary.js';
import { serve } from './worker-serve.js';

// Always a summary, an error inside included (then the row says so: no file stays "waiting").
async function checkFile(runner, { bytes, name, found }, onPdf) {
  try {
    // The format is told by the first bytes: only those are copied into the core to look.
    const passedOver = found && !runner.gouji.mayHoldReport(bytes.subarray(0, 64));
    const result = await runner.checkBytes(bytes, { onPdf });
    return summarise(name, passedOver && result.error ? { ...result, skipped: true } : result);
  } catch (error) {
    // The core may be unusable after this (an abort): `internal` tells the pool to start another.
    return { ...summarise(name, { error: { code: 'internal', message: { zh: `内部错误：${error}`, en: `Internal error: ${error}` } } }), internal: true };
  }
}

serve(createGouji, (runner, message, onPdf) => {
  const { gouji } = runner;
  switch (message.type) {
    case 'checkFile': return checkFile(runner, message, onPdf);
    case 'openArchive': return gouji.openArchive(message.bytes);
    case 'readArchive': return gouji.readArchive(message.handle, message.index);
    case 'closeArchive':
      gouji.closeArchive(message.handle);
      return true;
    case 'checkSet': return JSON.parse(gouji.checkSet(message.members));
    default: return undefined;
  }
});
