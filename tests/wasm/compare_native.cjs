// The WebAssembly build must give byte-identical JSON to the native build. Native output is pinned
// by the golden files (the native tests compare against them); this compares the wasm module's
// output with the same files, and with the native CLI's when its path is given.
//
//   node --no-experimental-fetch compare_native.cjs build/wasm/node/gouji.cjs tests/golden ../shared/samples [gouji-cli]
//
// Missing samples fail when GOUJI_REQUIRE_SAMPLES=1 (./dev.sh test, CI); otherwise the sample
// comparisons are skipped and the script exits 77, which ctest shows as "Skipped".
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [modulePath, goldenDir, samplesDir, nativeCli] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function expect(condition, what) {
  if (condition) {
    passed++;
  } else {
    failed++;
    console.error('FAIL: ' + what);
  }
}

async function main() {
  const createGouji = require(path.resolve(modulePath));
  const wasmBinary = fs.readFileSync(path.resolve(modulePath).replace(/\.cjs$/, '.wasm'));
  const gouji = await createGouji({ wasmBinary });
  // The native CLI's JSON, whatever its exit code (1 when a report has errors, 3 when one is not
  // fully checked).
  const native = (args) => {
    try {
      return execFileSync(nativeCli, ['check', '--format', 'json', ...args], { encoding: 'utf8' }).replace(/\n$/, '');
    } catch (e) {
      return String(e.stdout).replace(/\n$/, '');
    }
  };
  expect(typeof gouji.version() === 'string' && /^\d+\.\d+\.\d+$/.test(gouji.version()), 'version()');

  if (!fs.existsSync(samplesDir)) {
    const what = 'sample comparisons: ' + samplesDir + ' not found (../shared is not beside the clone)';
    if (process.env.GOUJI_REQUIRE_SAMPLES === '1') {
      expect(false, what + ', and GOUJI_REQUIRE_SAMPLES=1 requires them');
    } else {
      console.log('SKIPPED: ' + what);
      skipped++;
    }
  } else {
    for (const file of fs.readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort()) {
      const name = file.replace(/\.json$/, '');
      const bytes = fs.readFileSync(path.join(samplesDir, name + '.txt'));
      const golden = fs.readFileSync(path.join(goldenDir, file), 'utf8').replace(/\n$/, '');
      expect(gouji.check(bytes.toString('utf8')) === golden, name + ': check(text) equals the golden JSON');
      expect(gouji.checkBytes(bytes, 'auto') === golden, name + ': checkBytes(bytes) equals the golden JSON');
      if (nativeCli) {
        expect(native([path.join(samplesDir, name + '.txt')]) === golden, name + ': the native CLI equals the golden JSON');
      }
    }
  }

  // Published formats: .html and .docx as bytes, PDFs as pdf.js's positioned text; wasm and the
  // native CLI give the same JSON, and a paste's HTML reads as the file does.
  const fixtures = path.join(goldenDir, '..', 'fixtures', 'formats');
  for (const file of fs.readdirSync(fixtures).filter((f) => /\.(html|docx)$/.test(f)).sort()) {
    const bytes = fs.readFileSync(path.join(fixtures, file));
    const json = gouji.checkBytes(bytes, 'auto');
    expect(JSON.parse(json).input.format === file.replace(/.*\./, ''), file + ': read as ' + file.replace(/.*\./, ''));
    if (nativeCli) expect(native([path.join(fixtures, file)]) === json, file + ': wasm and native give the same JSON');
    if (file.endsWith('.html') && !file.includes('gbk')) {
      expect(gouji.checkHtml(bytes.toString('utf8')) === json, file + ': checkHtml(text) equals checkBytes(file)');
    }
  }
  const positioned = [path.join(fixtures, 'pdfjs'), path.join(goldenDir, 'pdfjs')]
    .flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)));
  for (const file of positioned) {
    const json = gouji.checkPdfText(fs.readFileSync(file, 'utf8'));
    expect(JSON.parse(json).input.format === 'pdf', path.basename(file) + ': read as a PDF');
    if (nativeCli) expect(native(['--pdf-text', file]) === json, path.basename(file) + ': wasm and native give the same JSON');
  }
  const pdf = JSON.parse(gouji.checkBytes(new TextEncoder().encode('%PDF-1.7\n'), 'auto'));
  expect(pdf.error && pdf.error.code === 'pdf_text_needed', 'a PDF asks for its positioned text');
  const scan = JSON.parse(gouji.checkPdfText('{"pages":[{"width":595,"height":842,"items":[]}]}'));
  expect(scan.error && scan.error.code === 'no_text', 'a PDF without text is a scan');

  // Refusals are the same JSON too.
  const empty = JSON.parse(gouji.check(''));
  expect(empty.error && empty.error.code === 'empty_input', 'check("") is an empty_input error');
  const binary = JSON.parse(gouji.checkBytes(new Uint8Array([0, 1, 2, 3, 0, 5]), 'auto'));
  expect(binary.error && binary.error.code === 'binary_input', 'binary bytes are refused');
  if (nativeCli) {
    let native = '';
    try {
      execFileSync(nativeCli, ['check', '--format', 'json', '-'], { input: '', encoding: 'utf8' });
    } catch (e) {
      native = e.stdout.replace(/\n$/, '');
      expect(e.status === 2, 'the native CLI exits 2 on empty input');
    }
    expect(native === gouji.check(''), 'empty input: wasm and native give the same JSON');
  }

  console.log(passed + ' passed, ' + failed + ' failed, ' + skipped + ' skipped');
  process.exit(failed !== 0 ? 1 : skipped !== 0 ? 77 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
