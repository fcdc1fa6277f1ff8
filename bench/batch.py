#!/usr/bin/env python3
"""A batch as an assessor has it: N reports (default 10,000) made from the samples and the fixtures
(every text shape, the HTML pages, the .docx files, the PDFs of every producer), each under its own
body's name, a fifth of them with the same body's next year beside it, and half with one table
number changed so that verdicts differ. Then `gouji check --format csv DIR` with -j 1 and -j 2:
wall time, reports per second and peak memory (/usr/bin/time's maximum resident set size), and the
verdicts counted from the CSV.

    bench/batch.py [--gouji build/native/gouji] [--count 10000] [--keep DIR] [--seed 1]

Figures, not pass/fail; exits 1 only if gouji crashes or the runs' CSVs differ (the output order
must not depend on -j).
"""
import argparse
import csv
import glob
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
# Characters for made-up bodies' names: 24^3 = 13,824 three-character cores, each a 镇.
NAME_CHARS = '东西南北山河湖海松柏桃李金银青白安平福寿新兴长乐'


def sources():
    """Every report file of the repository and ../shared, by kind."""
    found = {'text': [], 'html': [], 'docx': [], 'pdf': []}
    found['text'] += sorted(glob.glob(os.path.join(SHARED, 'samples', '0*.txt')))
    found['text'] += sorted(glob.glob(os.path.join(ROOT, 'tests/fixtures/text-shapes', '*-[0-9][0-9][0-9].txt')))
    found['html'] += sorted(glob.glob(os.path.join(ROOT, 'tests/fixtures/formats', '*.html')))
    found['docx'] += sorted(glob.glob(os.path.join(ROOT, 'tests/fixtures/formats', '*.docx')))
    found['pdf'] += sorted(glob.glob(os.path.join(ROOT, 'tests/fixtures/formats', '00?.pdf')))
    found['pdf'] += sorted(glob.glob(os.path.join(ROOT, 'tests/fixtures/pdf-producers', '*.pdf')))
    found['pdf'] += sorted(glob.glob(os.path.join(SHARED, 'samples/pdf', '*.pdf')))
    return found


def body_and_year(gouji, path):
    out = subprocess.run([gouji, 'check', '--format', 'json', path], capture_output=True).stdout
    try:
        report = json.loads(out).get('report', {})
    except ValueError:
        return None, None
    return report.get('body') or None, report.get('year')


def name(k):
    n = len(NAME_CHARS)
    return NAME_CHARS[k % n] + NAME_CHARS[k // n % n] + NAME_CHARS[k // n // n % n] + '镇'


def vary_text(text, body, year, new_body, new_year, rng, change_number):
    if body:
        text = text.replace(body, new_body)
    if year and new_year != year:
        text = re.sub(rf'{year}(\s*年)', rf'{new_year}\1', text)  # the title's year, and the prose's
    if change_number:
        # One number alone on its line or in its cell: a table's value (and a report with an error).
        spots = [m for m in re.finditer(r'(?:(?<=\n)|(?<=>)|(?<=\|)|(?<=\t))\s*(\d{1,4})\s*(?=\n|<|\||\t)', text)]
        if spots:
            m = rng.choice(spots)
            text = text[:m.start(1)] + str(int(m.group(1)) + rng.randint(1, 9)) + text[m.end(1):]
    return text


def decode(data):
    for enc in ('utf-8', 'gb18030'):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    return None, None


def make(gouji, count, out_dir, seed, kinds):
    rng = random.Random(seed)
    found = sources()
    known = {}
    for kind, paths in found.items():
        for p in paths:
            known[p] = body_and_year(gouji, p)
    # The mix: mostly text and web pages, as crawlers give them, a tenth Word and a tenth PDF.
    weights = {k: w for k, w in {'text': 0.6, 'html': 0.2, 'docx': 0.1, 'pdf': 0.1}.items() if k in kinds}
    made = 0
    k = 0
    while made < count:
        kind = rng.choices(list(weights), list(weights.values()))[0]
        src = rng.choice(found[kind])
        body, year = known[src]
        new_body = name(k)
        k += 1
        years = [year] if year is None or rng.random() >= 0.2 else [year, year + 1]
        for y in years:
            if made >= count:
                break
            change = rng.random() < 0.5
            folder = os.path.join(out_dir, f'{made // 1000:02d}')
            os.makedirs(folder, exist_ok=True)
            ext = os.path.splitext(src)[1]
            dest = os.path.join(folder, f'{made:05d}-{new_body}-{y}{ext}')
            if kind in ('text', 'html'):
                with open(src, 'rb') as f:
                    text, enc = decode(f.read())
                text = vary_text(text, body, year, new_body, y, rng, change)
                with open(dest, 'wb') as f:
                    f.write(text.encode(enc, errors='replace'))
            elif kind == 'docx':
                with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, 'w', zipfile.ZIP_DEFLATED) as zout:
                    for item in zin.infolist():
                        data = zin.read(item.filename)
                        if item.filename == 'word/document.xml':
                            data = vary_text(data.decode('utf-8'), body, year, new_body, y, rng, change).encode('utf-8')
                        zout.writestr(item, data)
            else:
                shutil.copyfile(src, dest)  # a PDF is as published: its numbers are in its content streams
            made += 1
    return made


def run(gouji, directory, threads):
    cmd = ['/usr/bin/time', '-v', gouji, 'check', '--format', 'csv', '-j', str(threads), directory]
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True)
    wall = time.monotonic() - start
    err = proc.stderr.decode('utf-8', 'replace')
    rss = re.search(r'Maximum resident set size \(kbytes\): (\d+)', err)
    if proc.returncode not in (0, 1, 2, 3):
        print(f'gouji exited {proc.returncode}:\n{err[-2000:]}', file=sys.stderr)
        sys.exit(1)
    return proc.stdout, wall, int(rss.group(1)) / 1024 if rss else float('nan')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gouji', default=os.path.join(ROOT, 'build/native/gouji'))
    ap.add_argument('--count', type=int, default=10000)
    ap.add_argument('--keep', help='make the reports in this folder and keep them')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--make-only', action='store_true', help='make the reports (with --keep) and stop')
    ap.add_argument('--kinds', default='text,html,docx,pdf', help='which kinds of source to make reports from')
    a = ap.parse_args()
    out_dir = a.keep or tempfile.mkdtemp(prefix='gouji-batch-')
    try:
        if a.keep:
            shutil.rmtree(out_dir, ignore_errors=True)
            os.makedirs(out_dir)
        made = make(a.gouji, a.count, out_dir, a.seed, a.kinds.split(','))
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out_dir) for f in fs)
        print(f'{made} reports, {size / 1e6:.1f} MB, in {out_dir}')
        if a.make_only:
            return 0
        outputs = []
        for threads in (1, 2):
            out, wall, rss = run(a.gouji, out_dir, threads)
            outputs.append(out)
            print(f'-j {threads}: {wall:.1f} s, {made / wall:.0f} reports/s, peak memory {rss:.0f} MB')
        rows = list(csv.reader(io.StringIO(outputs[0].decode('utf-8-sig'))))[1:]
        verdicts = {}
        for r in rows:
            verdicts[r[5]] = verdicts.get(r[5], 0) + 1
        paired = sum(1 for r in rows if r[10].startswith('与 '))
        print('verdicts: ' + ', '.join(f'{v} {n}' for v, n in sorted(verdicts.items(), key=lambda x: -x[1])))
        print(f'reports compared with another year of their body: {paired}')
        if outputs[0] != outputs[1]:
            print('the CSVs of -j 1 and -j 2 differ', file=sys.stderr)
            return 1
        return 0
    finally:
        if not a.keep:
            shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
