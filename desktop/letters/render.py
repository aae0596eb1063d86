"""A composed letter as an A4 PDF (reportlab platypus), fonts embedded, QR code on page one.

The layout follows the government letter: letterhead (logo, office name, address, phone),
"Ruj. Kami" and "Tarikh", the addressee, salutation, the bold capitalised subject, numbered
paragraphs (the first one unnumbered, as letters write it), the office's slogans, "Saya yang
menjalankan amanah,", the signature block and the "s.k." list; then the form to sign when the
kind has one. Pages after the first carry "- 2 -" and the reference. A reprint (``copy=True``)
carries a diagonal "SALINAN" and a header on every page.

Liberation Sans (SIL OFL, ``resources/fonts/``) is embedded so that the letter looks the same on
every machine; the PDF names no standard-14 font. No text of the document is read as markup: a
name with "<b>" or "&" prints as typed.

Speed (bench/bench_letters.py): the running text is drawn by the light flowables of
:mod:`desktop.letters.flow` (no markup parsing, no per-cell table styles); only the cost table of
the application letter is a platypus ``Table``. Fonts are registered once, the logo's
ImageReader cached by content, and the output is ``invariant`` (no timestamp), so the same
document always gives the same bytes.
"""

from __future__ import annotations

from functools import cache, lru_cache
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from desktop.letters.cells import CellParagraph, cell_paragraph
from desktop.letters.flow import (
    CENTER,
    JUSTIFY,
    FormLine,
    KeepWhole,
    Letterhead,
    Logo,
    Rule,
    TextBlock,
    printable,
    wrap_words,
)
from desktop.letters.qrdraw import Qr
from desktop.paths import resource
from desktop.rules.letters import LETTER_LOGO_UNREADABLE

FONT = "IsiTugasSans"  # our own names, so no standard-14 font can be picked by mistake
BOLD = FONT + "-Bold"
FONT_FILES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
MARGIN_X = 22 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
QR_SIZE = 24 * mm
SIDE = QR_SIZE + 4 * mm  # the letterhead's logo and QR columns
LOGO_HEIGHT = 22 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN_X
SIZE, LEADING = 10.5, 14  # the running text
NUMBER_INDENT, ITEM_INDENT = 10 * mm, 20 * mm


@cache
def register_fonts() -> str:
    """Register Liberation Sans (four faces) once per process; returns the family name."""
    for suffix, face in FONT_FILES.items():
        path = resource(f"fonts/LiberationSans-{face}.ttf")
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT + "-Italic",
                                  boldItalic=FONT + "-BoldItalic")
    return FONT


def _text(text: object, *, bold: bool = False, size: float = SIZE, leading: float = LEADING,
          after: float = 0.0, **kw) -> TextBlock:
    return TextBlock(text, BOLD if bold else FONT, size, leading, space_after=after, **kw)


@cache
def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    register_fonts()
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11, alignment=TA_LEFT)
    return cell, ParagraphStyle("cellhead", parent=cell, fontName=BOLD)


def _cell(text: object, head: bool = False) -> CellParagraph:
    # the one place text goes through Paragraph markup: escaped, so it prints as typed
    return cell_paragraph(printable(text), _cell_styles()[1 if head else 0])


@lru_cache(maxsize=8)
def _logo_reader(logo: bytes) -> ImageReader:
    return ImageReader(BytesIO(logo))


def _logo(logo: bytes | None) -> Logo | None:
    if not logo:
        return None
    try:
        reader = _logo_reader(logo)
        width, height = reader.getSize()
    except Exception as exc:  # noqa: BLE001 - PIL raises many kinds for a damaged image
        raise LETTER_LOGO_UNREADABLE.refuse("logo") from exc
    scale = min(LOGO_HEIGHT / height, SIDE / width)  # fits the box, keeps the shape
    return Logo(reader, width * scale, height * scale)


def _letterhead_blocks(head: dict[str, Any], labels: dict[str, Any]) -> list[tuple[str, TextBlock]]:
    """(field, block) of the letterhead's centre column; at most a few lines each: the
    letterhead is one box on page one and cannot be split (longer text is cut with "…")."""
    blocks = [("name", _text(head.get("name", ""), bold=True, size=12.5, leading=15,
                             align=CENTER, after=1, max_lines=4))]
    if head.get("address"):
        blocks.append(("address", _text(head["address"], size=8.5, leading=10.5, align=CENTER,
                                        max_lines=4)))
    contact = []
    if head.get("phone"):
        contact.append(f"{labels.get('phone', 'Tel.')} {head['phone']}")
    if head.get("email"):
        contact.append(f"{labels.get('email', 'E-mel')} {head['email']}")
    if contact:
        blocks.append(("contact", _text("   ".join(contact), size=8.5, leading=10.5,
                                        align=CENTER, max_lines=2)))
    return blocks


def letterhead_overflow(head: dict[str, Any]) -> list[str]:
    """The letterhead's fields ("name", "address", "contact": phone and e-mail) too long for
    its box, which a letter would print cut with "…" (the office settings warn before saving)."""
    register_fonts()
    middle = TEXT_WIDTH - 2 * SIDE  # as Letterhead.wrap lays out its centre
    return [field for field, block in _letterhead_blocks(head, {})
            if len(wrap_words(block.text, block.font, block.size, middle)) > block.max_lines]


def _letterhead(doc: dict[str, Any], logo: bytes | None) -> list:
    labels = doc.get("labels") or {}
    centre = [block for _field, block in _letterhead_blocks(doc.get("letterhead") or {}, labels)]
    caption = _text(labels.get("qr_caption", ""), size=6.5, leading=7.5, align=CENTER,
                    max_lines=3)
    return [Letterhead(SIDE, centre, _logo(logo), Qr(doc.get("qr_text", ""), QR_SIZE), caption),
            Rule(0.8, space_before=2 * mm, space_after=4 * mm)]


def _reference_block(doc: dict[str, Any]) -> list:
    labels = doc.get("labels") or {}
    x = TEXT_WIDTH - 88 * mm  # the block sits at the right, as letters place it
    rows = ((labels.get("reference", "Ruj. Kami"), doc.get("reference", "")),
            (labels.get("date", "Tarikh"), doc.get("issued_on_ms", doc.get("issued_on", ""))))
    return [_text(value, indent=x + 26 * mm, labels=((x, label), (x + 22 * mm, ":")),
                  after=1 if n == 0 else 5 * mm) for n, (label, value) in enumerate(rows)]


@cache
def _table_style() -> TableStyle:
    # built once: a Table only reads its style's commands
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else an empty cell names Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])


def _cost_table(table: dict[str, Any]) -> Table:
    data = [[_cell(h, head=True) for h in table.get("headers", [])]]
    data += [[_cell(cell) for cell in row] for row in table.get("rows", [])]
    width = TEXT_WIDTH - NUMBER_INDENT
    out = Table(data, colWidths=[width * w for w in (0.28, 0.14, 0.2, 0.38)], repeatRows=1,
                hAlign="RIGHT", splitInRow=1)
    out.setStyle(_table_style())
    out.spaceAfter = 4 * mm
    return out


def _form(form: dict[str, Any]) -> list:
    out: list = [Rule(0.5, space_before=6 * mm, space_after=2 * mm, dash=(3, 2)),
                 _text(form.get("title", ""), bold=True, align=CENTER, after=8)]
    out += [_text(text, align=JUSTIFY, after=7) for text in form.get("text", [])]
    out += [FormLine(label, FONT, SIZE, 55 * mm, 80 * mm, 22) for label in form.get("lines", [])]
    return [KeepWhole(out)]  # the form is cut off whole, not split


def _item_labels():
    """(a) ... (z), then (aa), (ab) ... for a very long list."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second


def _story(doc: dict[str, Any], logo: bytes | None) -> list:
    story = _letterhead(doc, logo)
    story += _reference_block(doc)
    addressee = doc.get("addressee") or {}
    story.append(_text(addressee.get("name", ""), bold=True, after=0 if addressee.get("lines")
                       else 5 * mm))
    if addressee.get("lines"):
        story.append(_text("\n".join(map(printable, addressee["lines"])), after=5 * mm,
                           keep=8))
    story.append(_text(doc.get("salutation", ""), after=7))
    story.append(_text(str(doc.get("subject", "")).upper(), bold=True, space_before=4, after=9))
    table = doc.get("table")
    paragraphs = doc.get("paragraphs", [])
    after = table.get("after", -1) if table else None
    for number, para in enumerate(paragraphs, start=1):
        if number == 1:  # letters leave the first paragraph unnumbered
            story.append(_text(para.get("text", ""), align=JUSTIFY, after=7))
        else:
            story.append(_text(para.get("text", ""), align=JUSTIFY, after=7,
                               indent=NUMBER_INDENT, labels=((0, f"{number}."),)))
        for letter, item in zip(_item_labels(), para.get("items", []), strict=False):
            story.append(_text(item, align=JUSTIFY, after=3, indent=ITEM_INDENT,
                               labels=((NUMBER_INDENT, f"({letter})"),)))
        if table and after == number - 1:
            story.append(_cost_table(table))
    if table and not 0 <= after < len(paragraphs):
        story.append(_cost_table(table))
    if doc.get("closing"):
        story.append(_text(doc["closing"], after=7))
    signer = doc.get("signer") or {}
    office = (doc.get("letterhead") or {}).get("name", "")
    # spaces as the flowables' own, not spacer flowables: fewer for platypus to place
    block = [_text("\n".join(map(printable, doc.get("closing_slogans", []))), bold=True,
                   after=4 * mm),
             _text(doc.get("signoff", ""), after=18 * mm),
             _text(f"({signer.get('name', '')})", bold=True),
             _text(f"{printable(signer.get('title', ''))}\n{printable(office)}")]
    story.append(KeepWhole(block))
    cc = doc.get("cc") or []
    if cc:
        cc_label = (doc.get("labels") or {}).get("cc", "s.k.")
        story.append(_text("\n".join(map(printable, cc)), size=9, leading=11, indent=12 * mm,
                           labels=((0, cc_label),), space_before=6 * mm, keep=12))
    if doc.get("form"):
        story += _form(doc["form"])
    return story


class _Pages:
    """The page decorations: "- n -" and the reference after page one, the copy marks."""

    def __init__(self, doc: dict[str, Any], copy: bool):
        labels = doc.get("labels") or {}
        self.copy = copy
        self.reference = printable(doc.get("reference", ""))
        self.page_format = str(labels.get("page", "- {page} -"))
        self.mark = printable(labels.get("copy_mark", "SALINAN"))
        self.header = printable(labels.get("copy_header", self.mark))

    def first(self, canvas, _doc) -> None:
        if self.copy:
            self._copy_marks(canvas)

    def later(self, canvas, doc) -> None:
        if self.copy:
            self._copy_marks(canvas)
        canvas.saveState()
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 11 * mm,
                                 self.page_format.format(page=doc.page))
        canvas.setFont(FONT, 7.5)
        canvas.drawRightString(A4[0] - MARGIN_X, A4[1] - 11 * mm, self.reference[:90])
        canvas.restoreState()

    def _copy_marks(self, canvas) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.45))
        canvas.setFont(BOLD, 96)
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -30, self.mark)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(colors.black)
        canvas.drawString(MARGIN_X, A4[1] - 7 * mm, self.header)
        canvas.restoreState()


def render_pdf(document: dict, *, copy: bool = False, logo: bytes | None = None) -> bytes:
    """The PDF bytes of a composed letter (``copy=True``: marked "SALINAN" on every page)."""
    register_fonts()
    out = BytesIO()
    pages = _Pages(document, copy)
    head = document.get("letterhead") or {}
    pdf = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1,
        initialFontName=FONT,  # else every page's preamble names Helvetica (a standard-14 font)
        title=printable(document.get("subject", "")), author=printable(head.get("name", "")),
        subject=printable(document.get("reference", "")), creator="IsiTugas")
    pdf.build(_story(document, logo), onFirstPage=pages.first, onLaterPages=pages.later)
    return out.getvalue()
