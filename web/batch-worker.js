// A worker of the batch's pool (batch.js): the core's batch build (batch_bindings.cc), and the
// requests of worker-serve.js's protocol plus the batch's own:
//   -> {id, type: 'checkFile', bytes, name, found}  <- {id, result}  the file checked and summarised
//                                    (batch-summary.js); `found`: from a folder or a zip, where a
//                                    file that is no report's format (an image) is passed over
//   -> {id, type: 'openArchive', bytes}            <- {id, result}  {handle, entries}; {handle: 0}
//                                    if the bytes are no zip of reports; {error} if damaged
//   -> {id, type: 'readArchive', handle, index}    <- {id, result}  the entry's bytes (transferred), or {error}
//   -> {id, type: 'closeArchive', handle}          <- {id, result: true}
//   -> {id, type: 'checkSet', members}             <- {id, result}  {set: ...} (docs/json-schema.md)
// Loaded only when a batch starts.
import createGouji from './gouji-batch.mjs';
import { summarise } from './batch-summary.js';
import { serve } from './worker-serve.js';

async function checkFile(runner, { bytes, name, found }, onPdf) {
  const passedOver = found && !runner.gouji.mayHoldReport(bytes);
  const result = await runner.checkBytes(bytes, { onPdf });
  return summarise(name, passedOver && result.error ? { ...result, skipped: true } : result);
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
