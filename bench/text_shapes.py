#!/usr/bin/env python3
"""How many cells gouji reads right from the text shapes of tests/fixtures/text-shapes (made by its
make.mjs from the five samples): for every `SHAPE-NNN.txt`, `gouji check --format json` is
compared ID by ID with sample NNN's cells (tests/golden/NNN_*.json). A cell is
  right    when its raw text equals the sample's (white space aside),
  wrong    when gouji gives it another value: read silently wrong, the one outcome never allowed,
  unread   when gouji gives no cell for it (and says so: a row unplaced, a table not found).
Also counted: error-level findings the sample's own check does not have (on a consistent report
they are false alarms), and refusals (exit 2).

    bench/text_shapes.py [--gouji build/native/gouji] [--examples N] [--by shape|file] [FILE ...]

Prints one line per shape (or file) and the total; exits 1 if any cell is wrong.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHAPES = os.path.join(ROOT, 'tests/fixtures/text-shapes')


def squash(s):
    return None if s is None else re.sub(r'\s+', '', s)


def golden(n, cache={}):
    if n not in cache:
        [path] = glob.glob(os.path.join(ROOT, 'tests/golden', f'{n}_*.json'))
        with open(path) as f:
            d = json.load(f)
        errors = {(x['rule'], tuple(sorted(json.dumps(c, sort_keys=True) for c in x.get('cells', [])))) for x in d['findings'] if x['severity'] == 'error'}
        cache[n] = ({k: v['raw'] for k, v in d['cells'].items()}, errors)
    return cache[n]


def measure(gouji, path):
    n = re.search(r'-(\d{3})\.txt$', path).group(1)
    expected, expected_errors = golden(n)
    proc = subprocess.run([gouji, 'check', '--format', 'json', path], capture_output=True)
    try:
        d = json.loads(proc.stdout)
    except ValueError:
        d = {}
    cells = {k: v.get('raw') for k, v in d.get('cells', {}).items()}
    right, wrong, unread = 0, [], []
    for k, raw in expected.items():
        got = cells.get(k)
        if k not in cells:
            unread.append(k)
        elif squash(got) == squash(raw):
            right += 1
        else:
            wrong.append((k, raw, got))
    errors = [x for x in d.get('findings', []) if x['severity'] == 'error'
              and (x['rule'], tuple(sorted(json.dumps(c, sort_keys=True) for c in x.get('cells', [])))) not in expected_errors]
    verdict = d.get('summary', {}).get('verdict', '-')
    return dict(n=len(expected), right=right, wrong=wrong, unread=unread, errors=errors,
                refused=proc.returncode == 2, verdict=verdict)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gouji', default=os.path.join(ROOT, 'build/native/gouji'))
    ap.add_argument('--examples', type=int, default=0)
    ap.add_argument('--by', choices=['shape', 'file'], default='shape')
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(SHAPES, '*-[0-9][0-9][0-9].txt')))
    groups = defaultdict(list)
    for path in files:
        r = measure(a.gouji, path)
        key = os.path.basename(path)[:-4] if a.by == 'file' else re.sub(r'-\d{3}\.txt$', '', os.path.basename(path))
        groups[key].append((path, r))
    total = defaultdict(int)
    print(f'{"shape":<22} {"right":>11} {"%":>6} {"wrong":>5} {"unread":>6} {"false err":>9} {"refused":>7}  verdicts')
    for key, rs in groups.items():
        s = {f: sum(len(r[f]) if isinstance(r[f], list) else r[f] for _, r in rs) for f in ('n', 'right', 'wrong', 'unread', 'errors', 'refused')}
        for f, v in s.items():
            total[f] += v
        verdicts = ' '.join(r['verdict'][:4] for _, r in rs)
        print(f'{key:<22} {s["right"]:>5}/{s["n"]:<5} {100 * s["right"] / s["n"]:>6.1f} {s["wrong"]:>5} {s["unread"]:>6} {s["errors"]:>9} {s["refused"]:>7}  {verdicts}')
        if a.examples:
            for path, r in rs:
                for k, raw, got in r['wrong'][:a.examples]:
                    print(f'    WRONG {os.path.basename(path)} {k}: {raw!r} read as {got!r}')
                for x in r['errors'][:a.examples]:
                    print(f'    FALSE {os.path.basename(path)} {x["rule"]}: {x.get("message_zh", "")[:100]}')
    print(f'{"total":<22} {total["right"]:>5}/{total["n"]:<5} {100 * total["right"] / max(1, total["n"]):>6.1f} {total["wrong"]:>5} {total["unread"]:>6} {total["errors"]:>9} {total["refused"]:>7}')
    return 1 if total['wrong'] else 0


if __name__ == '__main__':
    sys.exit(main())
