#!/usr/bin/env python3
"""Issue 15's linear-cost figure: does a check's time grow with its input's size, and no faster?

For each shape gouji reads (text, HTML, .docx, a PDF's positioned text) one real report (sample 001
and its committed conversions in tests/fixtures/formats) is grown to about 10 KB, 100 KB, 1 MB and
10 MB by adding prose where a report has it (paragraphs of varied Chinese text, pages of them for
the PDF), so that the tables stay the same and only the reading and the prose checks grow. Each is
checked by the CLI (`gouji check --format json --stages`: the time it gives for the checks, the file
copied as many times as make about 1 MB, so that a first check's one-time set-up is spread; best of
3) and the table printed: seconds per check, MB/s, and each size's time per byte against the size
before it (1.0 is linear). For .docx the size is that of word/document.xml, what gouji reads (the
file, zipped, is smaller; the sample's own XML is 170 KB, so its smaller sizes are that one). Figures
only, never pass/fail.

    bench/linear.py [--gouji build/native/gouji] [--sizes 10e3,100e3,1e6,10e6]
"""
import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
SAMPLE = os.path.join(SHARED, 'samples', '001_eabb943c232c0218.txt')
FORMATS = os.path.join(ROOT, 'tests', 'fixtures', 'formats')

# Words of a report's prose, joined by a fixed generator into sentences that do not repeat, so that
# nothing downstream (a zip, a cache) sees the same bytes twice. No numbers: the prose checks read
# numbers against the tables, and growing findings would measure them rather than the reading.
WORDS = ('本机关 坚持 以公开为常态 不公开为例外 推进 政务公开 标准化 规范化 建设 进一步 完善 工作机制 '
         '主动 公开 政府信息 依申请 办理 答复 规范 及时 准确 全面 落实 政策 解读 回应 社会 关切 '
         '平台 建设 政府网站 政务新媒体 监督 保障 培训 考核 制度 年度 重点 任务 群众 企业 需求').split()


def prose(n_bytes, seed):
    """About n_bytes of UTF-8 paragraphs, each under 300 bytes."""
    paragraphs, size, state = [], 0, seed
    while size < n_bytes:
        words = []
        for _ in range(12):
            state = (state * 1103515245 + 12345) % 2**31
            words.append(WORDS[state % len(WORDS)])
        p = '，'.join(''.join(words[i:i + 3]) for i in range(0, 12, 3)) + '。'
        paragraphs.append(p)
        size += len(p.encode()) + 1
    return paragraphs


def grow_text(target):
    base = open(SAMPLE, encoding='utf-8').read()
    return (base + '\n' + '\n'.join(prose(target - len(base.encode()), 1)) + '\n').encode()


def grow_html(target):
    base = open(os.path.join(FORMATS, '001.html'), encoding='utf-8').read()
    body = ''.join(f'<p>{p}</p>\n' for p in prose(target - len(base.encode()), 2))
    return base.replace('</body>', body + '</body>', 1).encode()


def grow_docx(target):
    """A .docx whose document.xml is about `target` bytes; returns (file bytes, document.xml size)."""
    src = zipfile.ZipFile(os.path.join(FORMATS, '001.docx'))
    xml = src.read('word/document.xml').decode()
    paragraphs = prose(target - len(xml.encode()), 3)
    extra = ''.join(f'<w:p><w:r><w:t>{p}</w:t></w:r></w:p>' for p in paragraphs)
    # Before the body's section properties (the last thing a body holds), else before </w:body>.
    at = xml.rfind('<w:sectPr')
    if at < 0:
        at = xml.rfind('</w:body>')
    xml = xml[:at] + extra + xml[at:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = xml.encode() if item.filename == 'word/document.xml' else src.read(item.filename)
            dst.writestr(item, data)
    return out.getvalue(), len(xml.encode())


def grow_pdf_text(gouji, target):
    """The PDF's positioned text (gouji pdf-text) with pages of prose lines added after its last."""
    pages = json.loads(subprocess.run([gouji, 'pdf-text', os.path.join(FORMATS, '001.pdf')], check=True,
                                      capture_output=True).stdout)
    width, height = pages['pages'][0]['width'], pages['pages'][0]['height']
    size = len(json.dumps(pages, ensure_ascii=False).encode())
    lines = iter(prose(max(0, target - size) // 2, 4))  # a line's item costs about twice its text in JSON
    page = None
    for text in lines:
        if page is None or len(page['items']) >= 40:
            page = {'width': width, 'height': height, 'items': []}
            pages['pages'].append(page)
        y = 60 + 18 * len(page['items'])
        page['items'].append({'x': 72, 'y': y, 'w': 14 * len(text), 'h': 14, 'text': text})
    return json.dumps(pages, ensure_ascii=False).encode()


def check_seconds(gouji, path, extra, times):
    """One check's time: the --stages line 'all files' over `times` copies of the file, best of 3."""
    stem, ext = os.path.splitext(path)
    copies = [path] + [f'{stem}-{i}{ext}' for i in range(1, times)]
    for copy in copies[1:]:
        shutil.copyfile(path, copy)
    best = None
    for _ in range(3):
        run = subprocess.run([gouji, 'check', '--format', 'json', '-j', '1', '--stages', *extra] + copies,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        m = re.search(r'all files\s+([0-9.]+) s', run.stderr)
        if not m:
            sys.exit(f'linear.py: no stage times from {path}:\n{run.stderr}')
        seconds = float(m.group(1)) / times
        best = seconds if best is None else min(best, seconds)
    verdict = json.loads(run.stdout.splitlines()[0]) if run.stdout else {}  # the first check's
    verdict = verdict.get('result', verdict)  # several files: each line is {"file", "result"}
    return best, verdict


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gouji', default=os.path.join(ROOT, 'build/native/gouji'))
    ap.add_argument('--sizes', default='10e3,100e3,1e6,10e6')
    a = ap.parse_args()
    sizes = [int(float(s)) for s in a.sizes.split(',')]
    work = tempfile.mkdtemp(prefix='gouji-linear-')
    try:
        print(f'{"shape":<22}{"size":>12}{"check, s":>12}{"MB/s":>10}{"time/byte vs size before":>26}  cells found')
        for shape in ('text', 'HTML', '.docx', 'PDF positioned text'):
            before, done = None, set()
            for target in sizes:
                extra = []
                if shape == 'text':
                    data, size, name = grow_text(target), None, 'r.txt'
                elif shape == 'HTML':
                    data, size, name = grow_html(target), None, 'r.html'
                elif shape == '.docx':
                    (data, size), name = grow_docx(target), 'r.docx'
                else:
                    data, size, name = grow_pdf_text(a.gouji, target), None, 'r.json'
                    extra = ['--pdf-text']
                size = size or len(data)
                if size in done:
                    continue
                done.add(size)
                path = os.path.join(work, name)
                with open(path, 'wb') as f:
                    f.write(data)
                seconds, verdict = check_seconds(a.gouji, path, extra, max(1, min(100, 1_000_000 // size)))
                per_byte = seconds / size
                ratio = f'{per_byte / before:.2f}' if before else '-'
                before = per_byte
                summary = verdict.get('summary', {})
                cells = f'{summary.get("cells_found", "?")}/{summary.get("cells_expected", "?")}'
                if 'error' in verdict:
                    cells = 'refused: ' + verdict['error']['message']['en']
                print(f'{shape:<22}{size:>12,}{seconds:>12.4f}{size / 1e6 / seconds:>10.1f}{ratio:>26}  {cells}')
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
