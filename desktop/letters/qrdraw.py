"""The letter's QR code as a platypus flowable: reportlab's own code, drawn as one PDF path.

Split from :mod:`desktop.letters.flow` to keep each module small; the encoder's speed-ups are
in :mod:`desktop.letters.qrspeed`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.platypus import Flowable

from desktop.letters import qrspeed  # also installs the QR encoder speed-ups

_DARK_RUN = re.compile("1+")


def qr_path(rows: list[str]) -> str:
    """The PDF path of a code's dark modules, one unit each: every row's dark runs as one
    "x y width 1 re" rectangle (rows from the top, y from the bottom), then one fill.

    (Growing runs downwards into taller rectangles writes fewer operators but costs more to
    compute than it saves in the file: measured with bench/bench_letters.py.)"""
    top = len(rows) - 1
    return " ".join([texts[span] for r, row in enumerate(rows) for texts in (_run_texts(top - r),)
                     for span in map(re.Match.span, _DARK_RUN.finditer(row))]) + " f"


class _RunTexts(dict):
    """(start, end) -> "start y width 1 re" of one row y, each text formatted once."""

    def __init__(self, y: int):
        super().__init__()
        self.y = y

    def __missing__(self, span: tuple[int, int]) -> str:
        text = f"{span[0]} {self.y} {span[1] - span[0]} 1 re"
        if len(self) < 1024:  # bounded: a letter's code has a few hundred runs in all
            self[span] = text
        return text


@lru_cache(maxsize=256)  # a row per y of the largest code (177 modules) and more
def _run_texts(y: int) -> _RunTexts:
    return _RunTexts(y)


class Qr(Flowable):
    """reportlab's QR widget's code, encoded once and drawn as one path.

    The widget's own ``draw`` encodes twice (bounds, then drawing), tries all eight mask
    patterns, and builds a shape object per dark run: about 80 ms a letter, several times the
    rest of the page. Any of the eight masks gives a valid code (the search only tunes the
    contrast), so one fixed mask is used; the modules come from :func:`qrspeed.dark_rows`
    (reportlab's own, tested equal); the tests decode every kind's code with zxing.
    """

    MASK = 2  # every third column inverted

    def __init__(self, text: str, size: float):
        super().__init__()
        self.widget = QrCodeWidget(text)  # level L, the widget's default: a smaller code
        self.width = self.height = size

    def draw(self) -> None:
        rows = qrspeed.dark_rows(self.widget.qr, self.MASK)
        border = self.widget.barBorder
        unit = self.width / (len(rows) + 2 * border)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.translate(border * unit, border * unit)
        canvas.scale(unit, unit)
        # One module is one unit: whole-number rectangles, written as the PDF "re" operator
        # directly (the path API formats every float and costs more than the whole page).
        canvas._code.append(qr_path(rows))  # noqa: SLF001 - see above
        canvas.restoreState()
