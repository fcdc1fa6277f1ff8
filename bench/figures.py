#!/usr/bin/env python3
"""The speed rows of the README's figures table (issue 15), measured now: runs bench/speed.py,
bench/linear.py and bench/page_speed.mjs, and prints their figures as Markdown table rows to paste
into README.md's "Figures", then each benchmark's own output below them. Figures, not pass/fail.

    bench/figures.py [--gouji build/native/gouji] [--wasm build/wasm/node] [--site build/site]
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    print('figures.py: ' + ' '.join(cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def first(pattern, text, default='?'):
    m = re.search(pattern, text, re.M)
    return m.group(1) if m else default


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gouji', default=os.path.join(ROOT, 'build/native/gouji'))
    ap.add_argument('--wasm', default=os.path.join(ROOT, 'build/wasm/node'))
    ap.add_argument('--site', default=os.path.join(ROOT, 'build/site'))
    a = ap.parse_args()
    speed = run([sys.executable, 'bench/speed.py', '--gouji', a.gouji, '--wasm', a.wasm])
    linear = run([sys.executable, 'bench/linear.py', '--gouji', a.gouji])
    page = run(['node', 'bench/page_speed.mjs', '--site', a.site])

    rows = []
    v = {key: first(pattern, speed) for key, pattern in (
        ('reports', r'^(\d[\d,]* reports \([^)]*\), [0-9.]+ MB)'),
        ('gzip', r'gzip -1:\s+([0-9.]+) MB/s'),
        ('native', r'native, 1 core:\s+([0-9.]+) MB/s'),
        ('native_x', r'native, 1 core:.*?\(([0-9.]+)x'),
        ('checks', r'checks alone:\s+([0-9.]+) MB/s'),
        ('wasm', r'wasm \(Node\):\s+([0-9.]+) MB/s'),
        ('wasm_x', r'wasm \(Node\):.*?\(([0-9.]+)x'))}
    rows.append((f'checking against compressing, `bench/speed.py`: {v["reports"]} of `bench/batch.py`\'s reports',
                 f'`gzip -1` {v["gzip"]} MB/s; gouji natively on one core {v["native"]} MB/s for the whole run '
                 f'({v["native_x"]}× gzip\'s time), the checks alone {v["checks"]} MB/s; the wasm build under Node '
                 f'{v["wasm"]} MB/s ({v["wasm_x"]}× the native checks\' time)'))
    stages = re.findall(r'^\s{2}(\w[\w ]*?)\s{2,}[0-9.]+ s\s+([0-9.]+) %', speed, re.M)
    if stages:
        rows.append(('where the native check\'s time goes (`gouji check --stages`, the same run)',
                     ', '.join(f'{name} {share} %' for name, share in stages if not name.startswith('all'))))
    shapes = {}
    for line in linear.splitlines():
        m = re.match(r'^(.+?)\s{2,}([\d,]+)\s+([0-9.]+)\s+([0-9.]+)\s+(\S+)', line)
        if m and m.group(1) != 'shape':
            shapes.setdefault(m.group(1).strip(), []).append((m.group(2), m.group(4), m.group(5)))
    if shapes:
        rows.append(('cost against size, `bench/linear.py`: one report grown with prose from 10 KB to 10 MB; MB/s '
                     'at each size (time per byte against the size before: 1.0 is linear)',
                     '; '.join(f'{shape}: ' + ', '.join(f'{size} B {mbs} MB/s ({ratio})' for size, mbs, ratio in runs)
                               for shape, runs in shapes.items())))
    pastes = re.findall(r'paste to drawn tables, (\S+) .*?: (\d+) ms', page)
    visits = first(r'first visit:\s+(\d+) ms', page), first(r'repeat visit:\s+(\d+) ms', page)
    rows.append(('the page, `bench/page_speed.mjs` (headless Chromium, loopback, median of 7): ready after navigation, '
                 'first visit / repeat visit; paste to drawn tables per sample',
                 f'{visits[0]} ms / {visits[1]} ms; ' + ', '.join(f'{ms} ms' for _, ms in pastes)))

    for what, figure in rows:
        print(f'| {what} | {figure} |')
    print()
    for name, out in (('bench/speed.py', speed), ('bench/linear.py', linear), ('bench/page_speed.mjs', page)):
        print(f'--- {name}\n{out.rstrip()}\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
