// The demo CMS: the editor's text is checked as it changes, and "发布" (publish) is blocked while the
// check finds errors -- through the element's check() and its gouji-result event, and the global
// gouji.check() for the second, full widget.
const body = document.getElementById('article-body');
const publish = document.getElementById('publish');
const note = document.getElementById('publish-note');
const sidebar = document.getElementById('checker');
const full = document.getElementById('full-checker');

function blockedBy(result) {
  if (result.error) return result.error.message.zh;
  return result.summary.errors > 0 ? `检查发现 ${result.summary.errors} 个错误，请修改后再发布。` : '';
}

sidebar.addEventListener('gouji-result', (event) => {
  const reason = blockedBy(event.detail);
  publish.disabled = reason !== '';
  note.textContent = reason || '检查通过，可以发布。';
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
  const reason = blockedBy(result);
  note.textContent = reason || '已发布（演示）。';
  publish.disabled = reason !== '';
});

// Start with a sample report, when the site has one.
fetch('../samples/index.json')
  .then((response) => (response.ok ? response.json() : []))
  .then((names) => (names.length ? fetch(`../samples/${names[names.length - 1]}`).then((r) => r.text()) : ''))
  .then((text) => {
    body.value = text;
    review();
  })
  .catch(() => {});
