"""A batch of letters through compose + render_pdf, against raw reportlab canvas drawing.

`python bench/bench_letters.py [--n 500] [--runs 3]` composes and renders N letters (the six
kinds in turn, each with its own name, reference and QR text) and compares them, in the same
run, with the fastest way reportlab can put the same words on paper: a bare ``Canvas`` drawing
every line of text of the same letters with ``drawString`` in the same embedded fonts, on the
same pages at the same places (recorded from one rendering before the clock starts: the
baseline neither wraps nor lays out), plus the page numbers; one PDF per letter, A4. It draws
no QR code, rules, table grid or logo. Fonts are registered before either clock starts (both
embed the same TrueType subsets). The best of ``--runs`` runs of each is reported (the two
alternate, so drift hits both), in CPU time of this process (``time.process_time``): on a
machine shared with other work, wall-clock time mostly measures the neighbours.
"""

from __future__ import annotations

import argparse
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop.letters import flow  # noqa: E402
from desktop.letters.compose import compose  # noqa: E402
from desktop.letters.render import FONT, register_fonts, render_pdf  # noqa: E402
from tests.letters_pdf.samples import KINDS, sample  # noqa: E402

NAMES = ("Nur Aisyah binti Ahmad", "Siti Aminah binti Yusof", "Muhammad Hafiz bin Rahman",
         "Tan Mei Ling", "Kavitha a/p Raman", "Farah Nadia binti Ismail", "Lee Chong Wei")


def inputs(n: int) -> list:
    out = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        inp = sample(kind)
        name = NAMES[i % len(NAMES)]
        inp.facts["name"] = inp.addressee["name"] = name if kind != "psh-application" else \
            inp.addressee["name"]
        inp.reference = f"JPNIN.SGR.600-2/3/{1 + i % 6}/2026 ({i + 1})"
        inp.qr_text = f"ISITUGAS:1:{inp.reference}:{i:026d}"
        out.append(inp)
    return out


def placed_lines(doc: dict) -> list[tuple[int, str, float, float, float, str]]:
    """(page, font, size, x, y, text) of every line of text the letter draws, where it draws it.

    Recorded from one rendering of the letter before the clock starts, so the baseline draws
    exactly the same words on the same pages at the same places, and nothing else.
    """
    placed = []
    original = flow.TextBlock._draw

    def record(block, canvas, x0, y0):
        a, b, c, d, e, f = canvas._currentMatrix
        lines = block._wrapped(block.width)
        y = y0 + block.height - block.leading + (block.leading - block.size) / 2 + block.size * .2
        page = canvas.getPageNumber()
        for x, label in block.labels:
            placed.append((page, block.font, block.size, a * (x0 + x) + c * y + e,
                           b * (x0 + x) + d * y + f, label))
        for n, (line, _w, _end) in enumerate(lines):
            yy = y - n * block.leading
            xx = x0 + block.indent
            placed.append((page, block.font, block.size, a * xx + c * yy + e, b * xx + d * yy + f,
                           line))
        original(block, canvas, x0, y0)

    flow.TextBlock._draw = record
    try:
        render_pdf(doc)
    finally:
        flow.TextBlock._draw = original
    return placed


def raw_letter(lines: list[tuple[int, str, float, float, float, str]], reference: str) -> bytes:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, initialFontName=FONT)
    page = 1
    for on_page, font, size, x, y, text in lines:
        while on_page > page:
            canvas.showPage()
            page += 1
            canvas.setFont(FONT, 9)  # the page number and reference the letter prints
            canvas.drawCentredString(A4[0] / 2, A4[1] - 11 * mm, f"- {page} -")
            canvas.drawRightString(A4[0] - 22 * mm, A4[1] - 11 * mm, reference)
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
    canvas.save()
    return out.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    register_fonts()
    batch = inputs(args.n)
    lines = [(placed_lines(compose(inp)), inp.reference) for inp in batch]
    ours, raw = [], []
    size = 0
    for _ in range(args.runs):
        t = time.process_time()
        for placed, reference in lines:
            raw_letter(placed, reference)
        raw.append(time.process_time() - t)
        t = time.process_time()
        size = sum(len(render_pdf(compose(inp))) for inp in batch)
        ours.append(time.process_time() - t)
    print(f"{args.n} letters ({size / args.n / 1e3:.0f} kB each): compose+render_pdf "
          f"{min(ours):.2f} s, raw canvas drawString {min(raw):.2f} s, "
          f"ratio {min(ours) / min(raw):.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
