"""A batch of letters through compose + render_pdf, against raw reportlab canvas drawing.

`python bench/bench_letters.py [--n 500] [--runs 3]` composes and renders N letters (the six
kinds in turn, each with its own name, reference and QR text) and compares them, in the same
run, with the fastest way reportlab can put the same words on paper: a bare ``Canvas`` drawing
every printed line of the same documents with ``drawString`` in the same embedded fonts (one PDF
per letter, A4, a new page when the page is full). The baseline's lines are wrapped before its
clock starts; it draws no QR code, table rules or logo. Fonts are registered before either
clock starts (both embed the same TrueType subsets). The best of ``--runs`` runs of each is
reported (the two alternate, so drift hits both).
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
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop.letters.compose import compose  # noqa: E402
from desktop.letters.render import FONT, register_fonts, render_pdf  # noqa: E402
from tests.letters_pdf.samples import KINDS, sample  # noqa: E402

NAMES = ("Nur Aisyah binti Ahmad", "Siti Aminah binti Yusof", "Muhammad Hafiz bin Rahman",
         "Tan Mei Ling", "Kavitha a/p Raman", "Farah Nadia binti Ismail", "Lee Chong Wei")
WIDTH = A4[0] - 44 * mm


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


def printed_lines(doc: dict) -> list[tuple[str, str, float]]:
    """(font, text, size) of every line the letter prints, wrapped to the text width."""
    head, labels = doc["letterhead"], doc["labels"]
    blocks = [(FONT + "-Bold", head["name"], 12.5), (FONT, head["address"], 8.5),
              (FONT, f"{labels['phone']} {head['phone']}   {labels['email']} {head['email']}",
               8.5),
              (FONT, f"{labels['reference']} : {doc['reference']}", 10.5),
              (FONT, f"{labels['date']} : {doc['issued_on_ms']}", 10.5),
              (FONT + "-Bold", doc["addressee"]["name"], 10.5)]
    blocks += [(FONT, line, 10.5) for line in doc["addressee"]["lines"]]
    blocks += [(FONT, doc["salutation"], 10.5), (FONT + "-Bold", doc["subject"], 10.5)]
    for n, para in enumerate(doc["paragraphs"], start=1):
        blocks.append((FONT, (f"{n}. " if n > 1 else "") + para["text"], 10.5))
        blocks += [(FONT, f"({chr(96 + j)}) {item}", 10.5)
                   for j, item in enumerate(para["items"], start=1)]
    for row in (doc.get("table") or {}).get("rows", []):
        blocks.append((FONT, "  ".join(row), 9))
    blocks += [(FONT, doc["closing"], 10.5)]
    blocks += [(FONT + "-Bold", s, 10.5) for s in doc["closing_slogans"]]
    blocks += [(FONT, doc["signoff"], 10.5), (FONT + "-Bold", f"({doc['signer']['name']})", 10.5),
               (FONT, doc["signer"]["title"], 10.5), (FONT, head["name"], 10.5)]
    blocks += [(FONT, f"{labels['cc']} {line}", 9) for line in doc["cc"]]
    if doc.get("form"):
        blocks.append((FONT + "-Bold", doc["form"]["title"], 10.5))
        blocks += [(FONT, t, 10.5) for t in doc["form"]["text"]]
        blocks += [(FONT, f"{label} : ____________________", 10.5)
                   for label in doc["form"]["lines"]]
    return [(font, line, size) for font, text, size in blocks
            for line in simpleSplit(text, font, size, WIDTH)]


def raw_letter(lines: list[tuple[str, str, float]]) -> bytes:
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1, initialFontName=FONT)
    y = A4[1] - 18 * mm
    for font, text, size in lines:
        if y < 20 * mm:
            canvas.showPage()
            y = A4[1] - 18 * mm
        canvas.setFont(font, size)
        canvas.drawString(22 * mm, y, text)
        y -= size * 1.35
    canvas.save()
    return out.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    register_fonts()
    batch = inputs(args.n)
    lines = [printed_lines(compose(inp)) for inp in batch]
    ours, raw = [], []
    size = 0
    for _ in range(args.runs):
        t = time.perf_counter()
        for letter in lines:
            raw_letter(letter)
        raw.append(time.perf_counter() - t)
        t = time.perf_counter()
        size = sum(len(render_pdf(compose(inp))) for inp in batch)
        ours.append(time.perf_counter() - t)
    print(f"{args.n} letters ({size / args.n / 1e3:.0f} kB each): compose+render_pdf "
          f"{min(ours):.2f} s, raw canvas drawString {min(raw):.2f} s, "
          f"ratio {min(ours) / min(raw):.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
