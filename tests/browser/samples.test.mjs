// The page's own sample with an error (web/samples/error-t4-sum.txt) is what its committed generator
// makes from the shared sample 004, and differs from it in one number only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from './harness.mjs';
import { SAMPLES_DIR } from './site.mjs';

const OWN = join(REPO_ROOT, 'web', 'samples', 'error-t4-sum.txt');

test('scripts/make-error-sample.mjs --check: the committed sample is the generator\'s output', (t) => {
  if (!existsSync(SAMPLES_DIR)) return t.skip('../shared/samples is absent');
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'make-error-sample.mjs'), '--check', '--samples', SAMPLES_DIR],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('the sample with an error is sample 004 with one line changed, 0 -> 1', (t) => {
  if (!existsSync(SAMPLES_DIR)) return t.skip('../shared/samples is absent');
  const source = readdirSync(SAMPLES_DIR).find((f) => f.startsWith('004_') && f.endsWith('.txt'));
  const a = readFileSync(join(SAMPLES_DIR, source), 'utf8').split('\n');
  const b = readFileSync(OWN, 'utf8').split('\n');
  assert.equal(b.length, a.length);
  const changed = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
  assert.deepEqual(changed, [['0', '1']]);
});
