"""Light platypus flowables for letters: plain text blocks, the letterhead, the logo, rules
(the QR code is :mod:`desktop.letters.qrdraw`).

reportlab's ``Paragraph`` parses markup and its ``Table`` styles every cell; a letter needs
neither for its running text, and a batch of 500 letters must stay within 1.5x of drawing the
same lines by hand (bench/bench_letters.py). :class:`TextBlock` wraps plain text word by word
with the font's own widths, justifies with the PDF word spacing, hangs labels ("2.", "(a)",
"s.k.") in front of the first line and splits across pages line by line. Since nothing is
parsed, a name with "<b>" or "&" prints exactly as typed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable, KeepTogether

from desktop.letters.qrdraw import Qr

# C0 controls (but tab and newline) and lone surrogates cannot go into a PDF string.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
LEFT, CENTER, RIGHT, JUSTIFY = "left", "center", "right", "justify"
Line = tuple[str, float, bool]  # text, width, ends its paragraph (so is not justified)


def printable(value: object) -> str:
    return UNPRINTABLE.sub("", "" if value is None else str(value))


@lru_cache(maxsize=50_000)
def _width(font: str, size: float, word: str) -> float:
    # letters repeat the same words: measured once per process, not once per letter
    return getFont(font).stringWidth(word, size)


def wrap_words(text: str, font: str, size: float, width: float) -> list[Line]:
    """Greedy word wrap, each line of ``text`` on its own; a word wider than a line is cut."""
    return list(_wrapped_lines(text, font, size, width))  # a copy: the cache's stays as it is


@lru_cache(maxsize=4096)
def _wrapped_lines(text: str, font: str, size: float, width: float) -> tuple[Line, ...]:
    # Most blocks of a letter are the same in every letter of its kind (closing, slogans,
    # labels, the office, paragraphs without a name): wrapped once per process. The lines
    # depend only on the key (a font name's widths never change once registered).
    space = _width(font, size, " ")
    lines: list[Line] = []
    for segment in text.split("\n"):
        words: list[str] = []
        used = 0.0
        for word in segment.split():
            w = _width(font, size, word)
            while w > width:  # an unbreakable run (a long reference, hostile input): cut it
                if words:
                    lines.append((" ".join(words), used, False))
                    words, used = [], 0.0
                cut = max(1, int(len(word) * width / w))
                while cut > 1 and _width(font, size, word[:cut]) > width:
                    cut -= 1
                lines.append((word[:cut], _width(font, size, word[:cut]), False))
                word = word[cut:]
                w = _width(font, size, word)
            if not word:
                continue
            if words and used + space + w > width:
                lines.append((" ".join(words), used, False))
                words, used = [], 0.0
            used = used + space + w if words else w
            words.append(word)
        lines.append((" ".join(words), used, True))  # a segment's last line: never justified
    return tuple(lines)


class TextBlock(Flowable):
    """Plain text in one font, wrapped to the frame, with labels hung before the first line.

    ``labels`` are (x, text) pairs drawn on the first line (a paragraph's "2.", "Ruj. Kami" and
    its ":"); the text itself starts at ``indent``.
    """

    def __init__(self, text: object, font: str, size: float, leading: float, *,
                 align: str = LEFT, indent: float = 0.0, labels=(), space_before: float = 0.0,
                 space_after: float = 0.0, lines: list[Line] | None = None,
                 max_lines: int | None = None, keep: int = 0):
        super().__init__()
        self.text = printable(text)
        self.font, self.size, self.leading = font, size, leading
        self.align, self.indent, self.labels = align, indent, tuple(labels)
        self.space_before, self.space_after = space_before, space_after
        self._lines = lines
        self._for_width: float | None = None if lines is None else -1.0
        self.max_lines = max_lines  # cut with "…" beyond this (a letterhead must fit its box)
        self.keep = keep  # a block of at most this many lines moves whole to the next page

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus' name
        return self.space_before

    def getSpaceAfter(self) -> float:  # noqa: N802 - platypus' name
        return self.space_after

    def _wrapped(self, width: float) -> list[Line]:
        if self._for_width is not None and (self._for_width < 0 or self._for_width == width):
            return self._lines or []
        box = max(width - self.indent, 1)
        self._lines = wrap_words(self.text, self.font, self.size, box)
        if self.max_lines and len(self._lines) > self.max_lines:
            kept = self._lines[:self.max_lines]
            last = kept[-1][0]
            while last and _width(self.font, self.size, last + " …") > box:
                last = last[:-1]
            kept[-1] = (last + " …", _width(self.font, self.size, last + " …"), True)
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
        if len(lines) <= self.keep:
            return []
        common = {"align": self.align, "indent": self.indent}
        head = TextBlock("", self.font, self.size, self.leading, labels=self.labels,
                         space_before=self.space_before, lines=lines[:fit], **common)
        tail = TextBlock("", self.font, self.size, self.leading, space_after=self.space_after,
                         lines=lines[fit:], **common)
        return [head, tail]

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        # Drawn in place: platypus' default wraps every flowable in save, translate and
        # restore, which costs more than the text of a short block.
        self._draw(canvas, x, y)

    def draw(self) -> None:
        self._draw(self.canv, 0, 0)

    def _draw(self, canvas, x0: float, y0: float) -> None:
        lines = self._wrapped(self.width)
        box = self.width - self.indent
        # baseline of the first line: the leading less the descent, as Paragraph places it
        y = y0 + self.height - self.leading + (self.leading - self.size) / 2 + self.size * 0.2
        origins = [(x0 + x, y) for x, _label in self.labels]
        if self.align in (CENTER, RIGHT):  # each line placed on its own
            origins += [(x0 + self.indent + ((box - w) / 2 if self.align == CENTER else box - w),
                         y - n * self.leading) for n, (_line, w, _end) in enumerate(lines)]
        else:  # one origin, then "next line" operators: fewer numbers to write
            origins.append((x0 + self.indent, y))
        text = canvas.beginText(*origins[0])
        text.setFont(self.font, self.size, self.leading)
        steps = iter(origins)
        next(steps)  # the first origin is set by beginText
        for _x, label in self.labels:
            text.textOut(printable(label))
            text.setTextOrigin(*next(steps))
        if self.align in (CENTER, RIGHT):
            for n, (line, _w, _end) in enumerate(lines):
                if n:
                    text.setTextOrigin(*next(steps))
                text.textOut(line)
        else:
            spacing = 0.0
            for line, width, end in lines:
                spaces = line.count(" ")
                wanted = (box - width) / spaces if (self.align == JUSTIFY and spaces
                                                    and not end) else 0.0
                if wanted != spacing:
                    text.setWordSpace(wanted)
                    spacing = wanted
                text.textLine(line)
        canvas.drawText(text)


class KeepWhole(KeepTogether):
    """platypus' KeepTogether (moved whole to the next page when it does not fit) for the
    letters' own flowables.

    KeepTogether measures its content with a deep copy of the page's frame, kept for
    flowables that generate content as they are measured; ours generate none, and the copy
    cost more than measuring the block: measured here without a canvas (so without the copy).
    """

    def wrap(self, aW, aH):  # noqa: N803 - platypus' names
        canv, self.canv = self.canv, None
        try:
            return super().wrap(aW, aH)
        finally:
            self.canv = canv


class Rule(Flowable):
    """A horizontal line across the frame (solid or dashed)."""

    def __init__(self, thickness: float, space_before: float = 0.0, space_after: float = 0.0,
                 dash=None):
        super().__init__()
        self.thickness, self.dash = thickness, dash
        self.space_before, self.space_after = space_before, space_after
        self.height = thickness

    def getSpaceBefore(self) -> float:  # noqa: N802 - platypus' name
        return self.space_before

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
