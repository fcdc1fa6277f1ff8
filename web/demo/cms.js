// The demo CMS: the editor's text is checked as it changes, and "发布" (publish) follows the check's
// verdict -- through the element's check() and its gouji-result event, and the global
// gouji.check() for the second, full widget, at the moment of publishing:
//   fail (or a text that cannot be checked)  blocked: the button is disabled, the note says why
//   incomplete                               allowed after a confirmation, in an in-page dialog
//   pass                                     published
const body = document.getElementById('article-body');
const publish = document.getElementById('publish');
const note = document.getElementById('publish-note');
const sidebar = document.getElementById('checker');
const full = document.getElementById('full-checker');
const dialog = document.getElementById('confirm-publish');
const dialogText = document.getElementById('confirm-text');

// What publishing `result` takes: {gate: 'block' | 'confirm' | 'publish', reason}.
function gateFor(result) {
  if (result.error) return { gate: 'block', reason: result.error.message.zh };
  if (result.verdict === 'fail') return { gate: 'block', reason: `检查发现 ${result.summary.errors} 个错误，请修改后再发布。` };
  if (result.verdict === 'incomplete') {
    return { gate: 'confirm', reason: `${result.summary.verdict_message ? result.summary.verdict_message.zh : '未能完整核对'}。` };
  }
  return { gate: 'publish', reason: '' };
}

sidebar.addEventListener('gouji-result', (event) => {
  const { gate, reason } = gateFor(event.detail);
  publish.disabled = gate === 'block';
  publish.dataset.gate = gate;
  note.textContent = gate === 'block' ? reason : gate === 'confirm' ? `${reason}发布前需要确认。` : '检查通过，可以发布。';
});

let pending = 0;
function review() {
  clearTimeout(pending);
  pending = setTimeout(() => {
    sidebar.check(body.value);
    full.check(body.value);
  }, 300);
}
body.addEventListener('input', review);

publish.addEventListener('click', async () => {
  const result = await window.gouji.check(body.value);  // checked again at the moment of publishing
  const { gate, reason } = gateFor(result);
  publish.disabled = gate === 'block';
  if (gate === 'block') note.textContent = reason;
  else if (gate === 'publish') note.textContent = '已发布（演示）。';
  else {
    dialogText.textContent = `${reason}确定仍要发布吗？`;
    dialog.returnValue = '';
    dialog.showModal();
  }
});

// The dialog's buttons close it (method="dialog") with their value.
dialog.addEventListener('close', () => {
  note.textContent = dialog.returnValue === 'publish' ? '已发布（演示），未能完整核对。' : '未发布。';
  publish.focus();
});

// Start with a sample report, when the site has one (not the one with an error).
fetch('../samples/index.json')
  .then((response) => (response.ok ? response.json() : []))
  .then((list) => list.filter((sample) => sample.kind !== 'error').pop())
  .then((sample) => (sample ? fetch(`../samples/${sample.file}`).then((r) => r.text()) : ''))
  .then((text) => {
    body.value = text;
    review();
  })
  .catch(() => {});
