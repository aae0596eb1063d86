"""The cost table's cells: reportlab Paragraphs, parsed once per text and wrapped once per width.

The application letter's cost table is the one platypus ``Table`` of a letter, and its cells
are ``Paragraph``s (they wrap, and split across pages with the row). For a batch of letters
each cell paid the markup parser again for the same few texts ("Ya", "Tidak", the headers, the
methods), and ``Table`` wraps every cell twice (to size the rows, then to draw) at the same
width; together more than the rest of an application letter's layout (bench/bench_letters.py).

- The parse depends only on the (escaped) text and the cell style, both of which are the key of
  the cache, so a cached parse cannot belong to another text; each cell gets its own copies of
  the fragments, so a table never changes what the next letter receives.
- :class:`CellParagraph` keeps the lines of its last wrap and reuses them when asked again for
  the same width (a Paragraph's lines depend on the width alone).
The output is the same PDF, byte for byte (tests/letters_pdf/test_cells.py).
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph


class CellParagraph(Paragraph):
    """A Paragraph that does not break its lines again for the width it was last wrapped to."""

    _wrapped_for: float | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - platypus' names
        if self._wrapped_for == availWidth:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size

    def split(self, availWidth, availHeight):  # noqa: N803 - platypus' names
        self._wrapped_for = None  # split re-wraps for its own height: no stale lines
        return super().split(availWidth, availHeight)


@lru_cache(maxsize=2048)
def _parsed(markup: str, style: ParagraphStyle) -> tuple:
    parsed = Paragraph(markup, style)
    return parsed.style, tuple(parsed.frags), parsed.bulletText


def cell_paragraph(text: str, style: ParagraphStyle) -> CellParagraph:
    """``Paragraph(escape(text), style)``: the text printed as typed, never read as markup."""
    markup = escape(text)
    parsed_style, frags, bullet = _parsed(markup, style)
    return CellParagraph(markup, parsed_style, bulletText=bullet,
                         frags=[frag.clone() for frag in frags])
