#!/usr/bin/env python3
"""Issue 15's first figure: how fast gouji checks report texts against how fast `gzip -1` compresses
the same bytes, side by side in one run, natively (the CLI, one core) and in WebAssembly under Node
(build/wasm/node, checkBytes in a loop). The reports are bench/batch.py's (text shapes and HTML by
default: what crawlers give; --kinds to change). Prints MB/s of each and the ratios, and where the
native check's time goes (gouji check --stages, of the fastest run). Figures only.

    bench/speed.py [--gouji build/native/gouji] [--count 1000] [--kinds text,html] [--wasm build/wasm/node]
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WASM_LOOP = r"""
const fs = require('fs');
const [moduleJs, wasm, list] = process.argv.slice(1);  // node -e: no script in argv
require(moduleJs)({ wasmBinary: fs.readFileSync(wasm) }).then((g) => {
  const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean).map((f) => new Uint8Array(fs.readFileSync(f)));
  const start = process.hrtime.bigint();
  for (const f of files) g.checkBytes(f, 'auto');
  console.log(Number(process.hrtime.bigint() - start) / 1e9);
});
"""


def best_of(n, run):
    return min(run() for _ in range(n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gouji', default=os.path.join(ROOT, 'build/native/gouji'))
    ap.add_argument('--wasm', default=os.path.join(ROOT, 'build/wasm/node'))
    ap.add_argument('--count', type=int, default=1000)
    ap.add_argument('--kinds', default='text,html')
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix='gouji-speed-')
    try:
        reports = os.path.join(work, 'reports')
        subprocess.run([sys.executable, os.path.join(ROOT, 'bench/batch.py'), '--gouji', a.gouji, '--count', str(a.count),
                        '--keep', reports, '--make-only', '--kinds', a.kinds], check=True, stdout=subprocess.DEVNULL)
        files = sorted(glob.glob(os.path.join(reports, '*', '*')))
        size = sum(os.path.getsize(f) for f in files)
        joined = os.path.join(work, 'all')
        with open(joined, 'wb') as out:
            for f in files:
                with open(f, 'rb') as src:
                    out.write(src.read())
        listing = os.path.join(work, 'list')
        with open(listing, 'w') as f:
            f.write('\n'.join(files))

        def gzip_run():
            start = time.monotonic()
            subprocess.run(['gzip', '-1', '-c', joined], check=True, stdout=subprocess.DEVNULL)
            return time.monotonic() - start

        stages = {}

        def gouji_run():
            start = time.monotonic()
            run = subprocess.run([a.gouji, 'check', '--format', 'jsonl', '-j', '1', '--stages', reports],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            seconds = time.monotonic() - start
            if not stages or seconds < stages['wall']:
                checks = re.search(r'all files\s+([0-9.]+) s', run.stderr)
                stages.update(wall=seconds, table=run.stderr, checks=float(checks.group(1)) if checks else seconds)
            return seconds

        mb = size / 1e6
        g = best_of(3, gzip_run)
        n = best_of(3, gouji_run)
        print(f'{len(files)} reports ({a.kinds}), {mb:.1f} MB')
        print(f'gzip -1:              {mb / g:8.1f} MB/s')
        print(f'gouji, native, 1 core: {mb / n:7.1f} MB/s   ({n / g:.1f}x gzip -1\'s time; the whole process, its output written)')
        c = stages['checks']
        print(f'  the checks alone:     {mb / c:7.1f} MB/s   ({c / g:.1f}x gzip -1\'s time; without reading the folder, starting, writing)')
        module = os.path.abspath(os.path.join(a.wasm, 'gouji.cjs'))
        if shutil.which('node') and os.path.exists(module):
            def wasm_run():
                out = subprocess.run(['node', '--no-experimental-fetch', '-e', WASM_LOOP, module, os.path.join(a.wasm, 'gouji.wasm'), listing],
                                     check=True, capture_output=True, text=True).stdout
                return float(out.strip())
            w = best_of(3, wasm_run)
            print(f'gouji, wasm (Node):   {mb / w:8.1f} MB/s   ({w / c:.1f}x the native checks\' time; the check loop alone, no process start)')
        print()
        print(stages['table'].rstrip())
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
