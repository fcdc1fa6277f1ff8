// What the page and the widget both do with what people give them: one controller per text box,
// over a core (checker-client.js). They differ only in how they look, which is the `view`'s:
//
//   view.busy(key)              a check has started ('checking'), or a PDF is being read ('readingPdf')
//   view.show(result, text, info)  the report for `text` (now in the box; result.input.format says
//                               what it was read from), info: the core's {version, layouts, rules}
//   view.refuse(error, name)    the core's refusal ({code, message}), for the file `name` if any
//   view.fail(error)            the core could not be loaded (a CoreUnavailable: error.error)
//   view.empty()                optional: the box was emptied (else empty text goes to the core)
//   view.edited()               optional: the box was typed in (its text is plain text from now on)
//   view.answered(result)       optional: every answer, shown or stale (the widget's event)
//   view.large(text)            optional: `text` is checked but too large to put in the box
//                               (LARGE_TEXT), so the box is empty; null when the box holds the text
//
// The controller owns the typing pause (a paste is checked at once), a table pasted as HTML (the clipboard's text/html, read as
// HTML, or its plain text if that fails), a file dropped or opened, and stale answers: a late
// answer to an old input never overwrites a newer one (it is still returned to its caller).
import { STRINGS } from './i18n.js';

export const TYPING_PAUSE_MS = 200;

// Text longer than this (UTF-16 units, as String.length counts: 1 Mi, 2 MB in memory) is checked
// but not put in the box: Chromium lays out a textarea's whole value on every keystroke, and with
// megabytes in it typing freezes for seconds. A report is some 10 000 characters; this is a whole
// yearbook pasted, which the person still wants checked.
export const LARGE_TEXT = 1024 * 1024;

// A refusal in `lang` ('zh-CN' | 'en'). Still missing after the core tried to fetch the GB18030
// tables: the network is off, which the core cannot know.
export function refusalText(error, lang) {
  if (error.code === 'missing_data') return STRINGS[lang].gb18030Offline;
  return error.message[lang === 'en' ? 'en' : 'zh'];
}

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

// A plain-text paste that would leave more than LARGE_TEXT in `box`: that text (the box's text
// with the paste in place of the selection), or null where the browser should paste as usual.
export function largePaste(event, box) {
  const data = event.clipboardData;
  const pasted = data ? data.getData('text/plain') : '';
  const start = box.selectionStart ?? box.value.length;
  const end = box.selectionEnd ?? box.value.length;
  if (box.value.length - (end - start) + pasted.length <= LARGE_TEXT) return null;
  return box.value.slice(0, start) + pasted + box.value.slice(end);
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

// A file (File, Blob, ArrayBuffer, a typed array) as a Uint8Array.
export function toBytes(file) {
  if (file instanceof Uint8Array) return Promise.resolve(file);
  if (ArrayBuffer.isView(file)) return Promise.resolve(new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
  if (file instanceof ArrayBuffer) return Promise.resolve(new Uint8Array(file));
  return Promise.resolve(file).then((blob) => blob.arrayBuffer()).then((buffer) => new Uint8Array(buffer));
}

// The refusal for a file that could not be read at all, in the core's shape.
export function unreadable(error) {
  return { error: { code: 'unreadable', message: { zh: `${STRINGS['zh-CN'].fileError}（${error}）`, en: `${STRINGS.en.fileError} (${error})` } } };
}

export class InputController {
  // core: a core, or a function giving the current one (the widget's follows its src attribute).
  constructor({ core, box, view }) {
    this.core_ = typeof core === 'function' ? core : () => core;
    this.box = box;
    this.view = view;
    this.sequence = 0;
    this.timer = 0;
  }

  // Listens to the box (typing, paste) and to `dropTarget` (a file dropped on it; `dragging` is
  // its class while a file is over it). With `onMany`, a drop of several files, a folder or a .zip
  // goes to onMany(entries, files) instead (entries: the drop's FileSystemEntry objects, taken
  // while the drop lasts, null where there is none), for a batch.
  attach({ dropTarget, onMany }) {
    const quiet = (promise) => promise.catch(() => {});  // shown by the view already
    this.box.addEventListener('input', (event) => {
      if (this.view.edited) this.view.edited();
      clearTimeout(this.timer);
      // A paste or a drop of text is the report arriving whole: checked at once. Typing waits for
      // a pause, so that each key does not start a check.
      if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') {
        quiet(this.checkText(this.box.value));
        return;
      }
      this.timer = setTimeout(() => quiet(this.checkText(this.box.value)), TYPING_PAUSE_MS);
    });
    this.box.addEventListener('paste', (event) => {
      const paste = tablePaste(event, this.box);
      if (paste) {
        event.preventDefault();
        quiet(this.pasteHtml(paste.html, paste.plain));
        return;
      }
      // Too large to go into the box (LARGE_TEXT): checked without the browser's own paste.
      const text = largePaste(event, this.box);
      if (text === null) return;
      event.preventDefault();
      if (this.view.edited) this.view.edited();
      quiet(this.checkText(text));
    });
    if (!dropTarget) return;
    for (const type of ['dragenter', 'dragover']) {
      dropTarget.addEventListener(type, (event) => {
        if (!event.dataTransfer || Array.from(event.dataTransfer.types).indexOf('Files') < 0) return;
        event.preventDefault();
        dropTarget.classList.add('dragging');
      });
    }
    dropTarget.addEventListener('dragleave', () => dropTarget.classList.remove('dragging'));
    dropTarget.addEventListener('drop', (event) => {
      dropTarget.classList.remove('dragging');
      const files = event.dataTransfer ? event.dataTransfer.files : [];
      if (!files.length) return;
      event.preventDefault();
      const entries = Array.from(event.dataTransfer.items || [], (item) => (item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null));
      if (onMany && (files.length > 1 || entries.some((e) => e && e.isDirectory) || /\.zip$/i.test(files[0].name))) {
        onMany(entries, files);
        return;
      }
      quiet(this.checkFile(files[0]));
    });
  }

  // Each resolves to the core's answer (a report or {error}), shown unless a newer input came
  // since; each rejects (after the view was told) when the core cannot be loaded.

  // Text, as typed or given: it is what the box shows (unless it is too large for it).
  checkText(text) {
    this.fill_(text);
    if (text.trim() === '' && this.view.empty) {
      this.supersede_();
      this.view.empty();
      return Promise.resolve(null);
    }
    return this.run_((core) => core.check(text).then((result) => ({ result, text })));
  }

  // HTML given as text (a rich-text editor's content): the box then shows the text read from it.
  checkHtml(html) {
    return this.run_((core) => core.checkHtml(html).then((result) => ({ result, text: result.error ? undefined : result.input.text, replace: true })));
  }

  // A table pasted as HTML: shown at once as its plain text would be, then read as HTML, or else
  // checked as that plain text, as a plain paste would be.
  pasteHtml(html, plain) {
    this.fill_(plain);
    if (this.view.edited) this.view.edited();
    return this.run_(async (core) => {
      const result = await core.checkHtml(html);
      if (!result.error) return { result, text: result.input.text, replace: true };
      return { result: await core.check(plain), text: plain };
    });
  }

  // A file (File, Blob, ArrayBuffer, Uint8Array): text, web page, Word .docx or PDF; the box then
  // shows its text, or the text the core read from it. A refusal names the file.
  checkFile(file) {
    const name = file && typeof file.name === 'string' ? file.name : undefined;
    return this.run_(async (core, onStage) => {
      let bytes;
      try {
        bytes = await toBytes(file);
      } catch (error) {
        return { result: unreadable(error) };
      }
      return { ...(await readFile(core, bytes, onStage)), replace: true };
    }, name);
  }

  // Puts `text` in the box, or, beyond LARGE_TEXT, empties it and tells the view (view.large).
  fill_(text) {
    const large = text.length > LARGE_TEXT;
    const value = large ? '' : text;
    if (this.box.value !== value) this.box.value = value;
    if (this.view.large) this.view.large(large ? text : null);
  }

  // Whatever was scheduled or running is no longer wanted.
  supersede_() {
    clearTimeout(this.timer);
    return ++this.sequence;
  }

  async run_(read, name) {
    const sequence = this.supersede_();
    const current = () => sequence === this.sequence;
    this.view.busy('checking');
    const core = this.core_();
    let info, result, text, replace;
    try {
      info = await core.ready;
      ({ result, text, replace } = await read(core, (stage) => {
        if (stage === 'pdf' && current()) this.view.busy('readingPdf');
      }));
    } catch (error) {
      if (current()) this.view.fail(error);
      throw error;
    }
    if (current()) {
      if (result.error) this.view.refuse(result.error, name);
      else {
        // A document's text replaces what the box showed; typed text is left as it is (a newer
        // edit may be waiting for its pause).
        if (replace) this.fill_(text);
        this.view.show(result, text, info);
      }
    }
    if (this.view.answered) this.view.answered(result);
    return result;
  }
}
