"""Light platypus flowables for letters: plain text blocks, the letterhead, the QR code, the logo.

reportlab's ``Paragraph`` parses markup and its ``Table`` styles every cell; a letter needs
neither for its running text, and a batch of 500 letters must stay within 1.5x of drawing the
same lines by hand (bench/bench_letters.py). :class:`TextBlock` wraps plain text word by word
with the font's own widths, justifies with the PDF word spacing, hangs labels ("2.", "(a)",
"s.k.") in front of the first line and splits across pages line by line. Since nothing is
parsed, a name with "<b>" or "&" prints exactly as typed.
"""

from __future__ import annotations

import re
from itertools import groupby

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

# C0 controls (but tab and newline) and lone surrogates cannot go into a PDF string.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
LEFT, CENTER, RIGHT, JUSTIFY = "left", "center", "right", "justify"


def printable(value: object) -> str:
    return UNPRINTABLE.sub("", "" if value is None else str(value))


def wrap_words(text: str, font: str, size: float, width: float) -> list[tuple[str, float]]:
    """Greedy word wrap: (line, its width) per line; a word wider than a line is cut."""
    face = getFont(font)
    measure = face.stringWidth
    space = measure(" ", size)
    lines: list[tuple[str, float]] = []
    words: list[str] = []
    used = 0.0
    for word in text.split():
        w = measure(word, size)
        while w > width:  # an unbreakable run (a long reference, hostile input): cut it
            if words:
                lines.append((" ".join(words), used))
                words, used = [], 0.0
            cut = max(1, int(len(word) * width / w))
            while cut > 1 and measure(word[:cut], size) > width:
                cut -= 1
            lines.append((word[:cut], measure(word[:cut], size)))
            word = word[cut:]
            w = measure(word, size)
        if not word:
            continue
        if words and used + space + w > width:
            lines.append((" ".join(words), used))
            words, used = [], 0.0
        used = used + space + w if words else w
        words.append(word)
    if words:
        lines.append((" ".join(words), used))
    return lines


class TextBlock(Flowable):
    """Plain text in one font, wrapped to the frame, with labels hung before the first line.

    ``labels`` are (x, text) pairs drawn on the first line (a paragraph's "2.", "Ruj. Kami" and
    its ":"); the text itself starts at ``indent``.
    """

    def __init__(self, text: object, font: str, size: float, leading: float, *,
                 align: str = LEFT, indent: float = 0.0, labels=(), space_before: float = 0.0,
                 space_after: float = 0.0, lines: list[tuple[str, float]] | None = None,
                 last_is_end: bool = True, max_lines: int | None = None):
        super().__init__()
        self.text = printable(text)
        self.font, self.size, self.leading = font, size, leading
        self.align, self.indent, self.labels = align, indent, tuple(labels)
        self.space_before, self.space_after = space_before, space_after
        self._lines = lines
        self._for_width: float | None = None if lines is None else -1.0
        self.last_is_end = last_is_end  # the last line is the paragraph's: never justified
        self.max_lines = max_lines  # cut with "…" beyond this (a letterhead must fit its box)

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus' name
        return self.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus' name
        return self.space_after

    def _wrapped(self, width: float) -> list[tuple[str, float]]:
        if self._for_width is not None and (self._for_width < 0 or self._for_width == width):
            return self._lines or []
        box = max(width - self.indent, 1)
        self._lines = wrap_words(self.text, self.font, self.size, box)
        if self.max_lines and len(self._lines) > self.max_lines:
            kept = self._lines[:self.max_lines]
            last = kept[-1][0]
            measure = getFont(self.font).stringWidth
            while last and measure(last + " …", self.size) > box:
                last = last[:-1]
            kept[-1] = (last + " …", measure(last + " …", self.size))
            self._lines = kept
        self._for_width = width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = max(len(self._wrapped(avail_width)), 1) * self.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._wrapped(avail_width)
        fit = int(avail_height // self.leading)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        common = {"align": self.align, "indent": self.indent}
        head = TextBlock("", self.font, self.size, self.leading, labels=self.labels,
                         space_before=self.space_before, lines=lines[:fit], last_is_end=False,
                         **common)
        tail = TextBlock("", self.font, self.size, self.leading, space_after=self.space_after,
                         lines=lines[fit:], last_is_end=self.last_is_end, **common)
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        lines = self._wrapped(self.width)
        box = self.width - self.indent
        # baseline of the first line: the leading less the descent, as Paragraph places it
        y = self.height - self.leading + (self.leading - self.size) / 2 + self.size * 0.2
        text = canvas.beginText()
        text.setFont(self.font, self.size, self.leading)
        for x, label in self.labels:
            text.setTextOrigin(x, y)
            text.textOut(printable(label))
        last = len(lines) - 1
        for n, (line, width) in enumerate(lines):
            x = self.indent
            spaces = line.count(" ")
            if self.align == CENTER:
                x += (box - width) / 2
            elif self.align == RIGHT:
                x += box - width
            justify = (self.align == JUSTIFY and spaces and not (n == last and self.last_is_end))
            text.setTextOrigin(x, y - n * self.leading)
            if justify:
                text.setWordSpace((box - width) / spaces)
                text.textOut(line)
                text.setWordSpace(0)
            else:
                text.textOut(line)
        canvas.drawText(text)


class Blank(Flowable):
    """A fixed gap (platypus' Spacer, without its per-instance overhead)."""

    def __init__(self, height: float):
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, min(self.height, avail_height)

    def draw(self) -> None:
        pass


class Rule(Flowable):
    """A horizontal line across the frame (solid or dashed)."""

    def __init__(self, thickness: float, space_after: float = 0.0, dash=None):
        super().__init__()
        self.thickness, self.space_after, self.dash = thickness, space_after, dash
        self.height = thickness

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus' name
        return self.space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.thickness

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setLineWidth(self.thickness)
        if self.dash:
            self.canv.setDash(*self.dash)
        self.canv.line(0, 0, self.width, 0)
        self.canv.restoreState()


class Qr(Flowable):
    """reportlab's QR widget, encoded once and drawn as one path.

    The widget's own ``draw`` encodes twice (bounds, then drawing), tries all eight mask
    patterns, and builds a shape object per dark run: about 80 ms a letter, several times the
    rest of the page. Any of the eight masks gives a valid code (the search only tunes the
    contrast), so one fixed mask is used; the tests decode every kind's code with zxing.
    """

    MASK = 2  # every third column inverted

    def __init__(self, text: str, size: float):
        super().__init__()
        self.widget = QrCodeWidget(text, barLevel="M")
        self.width = self.height = size

    def draw(self) -> None:
        qr = self.widget.qr
        qr.version = qr.version or qr.calculate_version()
        qr.makeImpl(False, self.MASK)
        count = qr.getModuleCount()
        border = self.widget.barBorder
        unit = self.width / (count + 2 * border)
        # One module is one unit: whole-number rectangles, written as the PDF "re" operator
        # directly (the path API formats every float and costs more than the whole page).
        ops = []
        for r, row in enumerate(qr.modules):
            c = 0
            y = count - 1 - r
            for dark, run in groupby(row):
                n = len(list(run))
                if dark:
                    ops.append(f"{c} {y} {n} 1 re")
                c += n
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        canvas.translate(border * unit, border * unit)
        canvas.scale(unit, unit)
        canvas._code.append(" ".join(ops) + " f")  # noqa: SLF001 - see above
        canvas.restoreState()


class Logo(Flowable):
    """The office logo from a cached reader (platypus' Image wants a file, not a reader)."""

    def __init__(self, reader: ImageReader, width: float, height: float):
        super().__init__()
        self.reader, self.width, self.height = reader, width, height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


class Letterhead(Flowable):
    """Logo on the left, the office's name and address centred, the QR code on the right."""

    def __init__(self, side: float, centre: list[TextBlock], logo: Logo | None, qr: Qr,
                 caption: TextBlock):
        super().__init__()
        self.side, self.centre, self.logo, self.qr, self.caption = side, centre, logo, qr, caption

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        middle = avail_width - 2 * self.side
        self._heights = [b.wrap(middle, avail_height)[1] + b.space_after for b in self.centre]
        self._caption = self.caption.wrap(self.side, avail_height)[1]
        right = self.qr.height + self._caption
        self.height = max(sum(self._heights), right, self.logo.height if self.logo else 0)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # never split: a letterhead too tall for a page is refused by platypus

    def draw(self) -> None:
        canvas = self.canv
        if self.logo is not None:
            self.logo.drawOn(canvas, 0, (self.height - self.logo.height) / 2)
        y = (self.height + sum(self._heights)) / 2
        for block, h in zip(self.centre, self._heights, strict=True):
            y -= h
            block.drawOn(canvas, self.side, y + block.space_after)
        right = self.width - self.side
        top = (self.height + self.qr.height + self._caption) / 2
        self.qr.drawOn(canvas, right + (self.side - self.qr.width) / 2, top - self.qr.height)
        self.caption.drawOn(canvas, right, top - self.qr.height - self._caption)


class FormLine(Flowable):
    """"Label : ________" for a signature, name or date to be written by hand."""

    def __init__(self, label: str, font: str, size: float, label_width: float,
                 line_width: float, height: float):
        super().__init__()
        self.label, self.font, self.size = printable(label), font, size
        self.label_width, self.line_width, self.height = label_width, line_width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.font, self.size)
        canvas.drawString(0, 2, self.label[:60])
        canvas.drawString(self.label_width, 2, ":")
        canvas.setLineWidth(0.5)
        start = self.label_width + 8
        canvas.line(start, 0, start + self.line_width, 0)
