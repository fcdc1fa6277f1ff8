// The size budget is enforced by the build itself: web/build.mjs exits non-zero when the first load
// is over budget, and the real build is within it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from './harness.mjs';
import { icuPrefix } from './site.mjs';

const wasm = join(REPO_ROOT, 'build', 'wasm', 'web');

function build(budgetKB) {
  const out = mkdtempSync(join(tmpdir(), 'gouji-budget-'));
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'web', 'build.mjs'), '--wasm', wasm, '--icu', icuPrefix(),
    '--samples', join(REPO_ROOT, '..', 'shared', 'samples'), '--out', join(out, 'site'), '--budget', String(budgetKB)],
  { encoding: 'utf8' });
  const sizes = existsSync(join(out, 'site-sizes.json')) ? JSON.parse(readFileSync(join(out, 'site-sizes.json'), 'utf8')) : null;
  rmSync(out, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr, sizes };
}

test('the build fails when the first load is over budget', (t) => {
  if (!existsSync(join(wasm, 'gouji.wasm'))) return t.skip('build/wasm/web is not built');
  const over = build(50);
  assert.equal(over.status, 3, over.stderr);
  assert.match(over.stderr, /over the 50 KB budget/);
});

test('the real build is within 300 KB brotli', (t) => {
  if (!existsSync(join(wasm, 'gouji.wasm'))) return t.skip('build/wasm/web is not built');
  const within = build(300);
  assert.equal(within.status, 0, within.stderr);
  assert.ok(within.sizes.total.brotli <= 300 * 1024, `${within.sizes.total.brotli} bytes`);
  console.log(`# first load: ${within.sizes.total.raw} B raw, ${within.sizes.total.gzip} B gzip, ${within.sizes.total.brotli} B brotli`);
});
