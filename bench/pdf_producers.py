#!/usr/bin/env python3
"""How many cells gouji reads right from PDFs of other producers: for every fixture PDF, the cells
of `gouji check --format json FILE` (the native reader, poppler) and of `gouji check --pdf-text
--format json ITEMS.json` where ITEMS.json is what pdf.js gives (the web page's path, dumped by
tests/browser/tools/dump-pdf-items.mjs in headless Chromium), each compared ID by ID with the text
sample's cells: a cell is right when its `raw` equals the sample's; a missing cell is wrong.

    bench/pdf_producers.sh [--no-pdfjs] [--examples N] [--json OUT.json] [--save DIR] [PDF ...]

PDFs default to tests/fixtures/pdf-producers/*.pdf and tests/fixtures/formats/00?.pdf (the
LibreOffice HTML export, set `lo-html`). The page a PDF was made from is the end of its name:
`…-NNN.pdf` or `NNN.pdf` is sample NNN (expected cells: tests/golden/NNN_*.json, `cells[id].raw`),
`…-cms.pdf` is tests/fixtures/formats/cms-page-gbk.html (cms-page-gbk.expected.json). The set is
the name without that ending.

Prints a table per file and per set (cells right / cells expected, percent, wall time per PDF),
with --examples N the first N wrong cells of each file, and exits 0 only when every cell of every
file is right in every path measured (1 otherwise): it can serve as the test once the reader reads
them all.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def expected_cells(page):
    if page == 'cms':
        with open(os.path.join(ROOT, 'tests/fixtures/formats/cms-page-gbk.expected.json')) as f:
            return json.load(f)
    [golden] = glob.glob(os.path.join(ROOT, 'tests/golden', f'{page}_*.json'))
    with open(golden) as f:
        return {k: v['raw'] for k, v in json.load(f)['cells'].items()}


def name_parts(path):
    stem = os.path.basename(path)[:-4]
    m = re.fullmatch(r'(?:(.*)-)?(\d{3}|cms)', stem)
    if not m:
        raise SystemExit(f'pdf_producers: {path}: the name does not end in -NNN or -cms')
    producer_set = m.group(1) or ('lo-html' if '/formats/' in os.path.abspath(path) else 'other')
    return stem, producer_set, m.group(2)


def run_check(args, save=None):
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True)
    ms = (time.perf_counter() - start) * 1000
    if save:
        with open(save, 'wb') as f:
            f.write(proc.stdout)
    try:
        cells = json.loads(proc.stdout).get('cells', {})
    except ValueError:
        cells = {}
    return {k: v.get('raw') for k, v in cells.items()}, ms, proc.returncode


def compare(expected, got):
    wrong = [(k, raw, got.get(k)) for k, raw in expected.items() if got.get(k) != raw]
    return len(expected) - len(wrong), wrong


def dump_pdfjs(pdfs, out):
    """Runs dump-pdf-items.mjs once for all files; returns {stem: ms} (pdf.js time per file)."""
    tool = os.path.join(ROOT, 'tests/browser/tools/dump-pdf-items.mjs')
    proc = subprocess.run(['node', tool, '--compact', '--out', out, *pdfs], capture_output=True, text=True)
    ms = {}
    for line in proc.stdout.splitlines():
        m = re.match(r'(\S+): .* (\d+) ms in the', line)
        if m:
            ms[m.group(1)] = float(m.group(2))
    if not ms:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit('pdf_producers: dump-pdf-items.mjs read nothing (run bash tests/browser/install.sh '
                         'and bash web/install.sh)')
    return ms


def pct(right, total):
    return f'{100 * right / total:5.1f} %' if total else '    - '


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('pdfs', nargs='*')
    ap.add_argument('--no-pdfjs', action='store_true', help='measure the native reader only')
    ap.add_argument('--examples', type=int, default=0, help='print the first N wrong cells of each file')
    ap.add_argument('--json', help='write every figure and every wrong cell to this file')
    ap.add_argument('--save', help="write each file's check JSON here (FILE.native.json, FILE.pdfjs.json) and "
                    "pdf.js's items (FILE.items.json): `input.text` is the text the reader made of the tables")
    ap.add_argument('--gouji', default=os.path.join(ROOT, 'build/native/gouji'))
    a = ap.parse_args()

    pdfs = a.pdfs or (sorted(glob.glob(os.path.join(ROOT, 'tests/fixtures/pdf-producers/*.pdf'))) +
                      sorted(glob.glob(os.path.join(ROOT, 'tests/fixtures/formats/00?.pdf'))))
    pdfs = [os.path.abspath(p) for p in pdfs]
    stems = [os.path.basename(p) for p in pdfs]
    if len(set(stems)) != len(stems):  # pdf.js's items are written as STEM.json, one folder for all
        raise SystemExit('pdf_producers: two PDFs of the same name: ' +
                         ', '.join(sorted({n for n in stems if stems.count(n) > 1})))
    if not os.access(a.gouji, os.X_OK):
        raise SystemExit(f'pdf_producers: {a.gouji} missing: cmake --preset native && cmake --build --preset native')

    if a.save:
        os.makedirs(a.save, exist_ok=True)
    paths = ['native'] + ([] if a.no_pdfjs else ['pdfjs'])
    results = []
    with tempfile.TemporaryDirectory() as items:
        pdfjs_ms = {} if a.no_pdfjs else dump_pdfjs(pdfs, items)
        for pdf in pdfs:
            stem, producer_set, page = name_parts(pdf)
            expected = expected_cells(page)
            row = {'file': os.path.relpath(pdf, ROOT), 'set': producer_set, 'page': page,
                   'expected': len(expected), 'bytes': os.path.getsize(pdf)}
            save = (lambda path: os.path.join(a.save, f'{stem}.{path}.json')) if a.save else (lambda path: None)
            got, ms, rc = run_check([a.gouji, 'check', '--format', 'json', pdf], save('native'))
            right, wrong = compare(expected, got)
            row['native'] = {'right': right, 'ms': round(ms), 'exit': rc, 'wrong': wrong}
            if not a.no_pdfjs:
                item_file = os.path.join(items, stem + '.json')
                if a.save and os.path.exists(item_file):
                    shutil.copy(item_file, save('items'))
                got, ms, rc = run_check([a.gouji, 'check', '--pdf-text', '--format', 'json', item_file], save('pdfjs'))
                right, wrong = compare(expected, got)
                row['pdfjs'] = {'right': right, 'ms': round(ms + pdfjs_ms.get(stem, 0)),
                                'core_ms': round(ms), 'exit': rc, 'wrong': wrong}
            results.append(row)

    head = f'{"set":<22} {"file":<28}'
    for p in paths:
        head += f' | {p + " right":>14} {"":>7} {"ms":>6}'
    print(head)
    print('-' * len(head))
    for r in results:
        line = f'{r["set"]:<22} {os.path.basename(r["file"]):<28}'
        for p in paths:
            x = r[p]
            line += f' | {x["right"]:>6} / {r["expected"]:<5} {pct(x["right"], r["expected"])} {x["ms"]:>6}'
        print(line)
    print()
    print(f'{"set":<22} {"files":>5}' + ''.join(f' | {p + " right":>16} {"":>7} {"ms/PDF":>6}' for p in paths))
    sets = {}
    for r in results:
        sets.setdefault(r['set'], []).append(r)
    for r in results:  # and per producer: chromium-…, lo-…
        sets.setdefault(r['set'].split('-')[0] + ' (all)', []).append(r)
    sets['(all)'] = results
    summary = {}
    for name, rows in sets.items():
        total = sum(r['expected'] for r in rows)
        line = f'{name:<22} {len(rows):>5}'
        summary[name] = {'files': len(rows), 'expected': total}
        for p in paths:
            right = sum(r[p]['right'] for r in rows)
            ms = sum(r[p]['ms'] for r in rows) / len(rows)
            summary[name][p] = {'right': right, 'ms_per_pdf': round(ms)}
            line += f' | {right:>7} / {total:<6} {pct(right, total)} {ms:>6.0f}'
        print(line)

    if a.examples:
        for r in results:
            for p in paths:
                wrong = r[p]['wrong']
                if not wrong:
                    continue
                print(f'\n{os.path.basename(r["file"])} ({p}): {len(wrong)} wrong')
                for cell, want, got in wrong[:a.examples]:
                    print(f'  {cell:<34} expected {want!r:<10} read {"(missing)" if got is None else repr(got)}')
    if a.json:
        with open(a.json, 'w') as f:
            json.dump({'files': results, 'sets': summary}, f, ensure_ascii=False, indent=1)
    return 0 if all(r[p]['right'] == r['expected'] for r in results for p in paths) else 1


if __name__ == '__main__':
    sys.exit(main())
