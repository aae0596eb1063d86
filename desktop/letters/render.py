"""A composed letter as an A4 PDF (reportlab platypus), fonts embedded, QR code on page one.

The layout follows the government letter: letterhead (logo, office name, address, phone),
"Ruj. Kami" and "Tarikh", the addressee, salutation, the bold capitalised subject, numbered
paragraphs (the first one unnumbered, as letters write it), the office's slogans, "Saya yang
menjalankan amanah,", the signature block and the "s.k." list; then the form to sign when the
kind has one. Pages after the first carry "- 2 -" and the reference. A reprint (``copy=True``)
carries a diagonal "SALINAN" and a header on every page.

Liberation Sans (SIL OFL, ``resources/fonts/``) is embedded so that the letter looks the same on
every machine; the PDF names no standard-14 font. Every text of the document is escaped before it
reaches reportlab's paragraph markup: a name with "<b>" or "&" prints as typed.

Speed (bench/bench_letters.py): fonts are registered once, the styles built once, the logo's
ImageReader cached by content, and the output is ``invariant`` (no timestamp), so the same
document always gives the same bytes.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    HRFlowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.paths import resource
from desktop.rules.violations import Refused, invalid

FONT = "IsiTugasSans"  # our own names, so no standard-14 font can be picked by mistake
FONT_FILES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
MARGIN_X = 22 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 20 * mm
QR_SIZE = 24 * mm
LOGO_HEIGHT = 22 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN_X
# C0 controls (but tab and newline) and lone surrogates cannot go into a PDF string.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@cache
def register_fonts() -> str:
    """Register Liberation Sans (four faces) once per process; returns the family name."""
    for suffix, face in FONT_FILES.items():
        path = resource(f"fonts/LiberationSans-{face}.ttf")
        pdfmetrics.registerFont(TTFont(FONT + suffix, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT + "-Bold",
                                  italic=FONT + "-Italic", boldItalic=FONT + "-BoldItalic")
    return FONT


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=14, alignment=TA_JUSTIFY,
                          spaceAfter=7)
    bold = FONT + "-Bold"
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, alignment=TA_LEFT, spaceAfter=0),
        "office": ParagraphStyle("office", parent=body, fontName=bold, fontSize=12.5, leading=15,
                                 alignment=TA_CENTER, spaceAfter=1),
        "head": ParagraphStyle("head", parent=body, fontSize=8.5, leading=10.5,
                               alignment=TA_CENTER, spaceAfter=0),
        "caption": ParagraphStyle("caption", parent=body, fontSize=6.5, leading=7.5,
                                  alignment=TA_CENTER, spaceAfter=0),
        "subject": ParagraphStyle("subject", parent=body, fontName=bold, alignment=TA_LEFT,
                                  spaceBefore=4, spaceAfter=9),
        "numbered": ParagraphStyle("numbered", parent=body, leftIndent=10 * mm, bulletIndent=0,
                                   bulletFontName=FONT),
        "item": ParagraphStyle("item", parent=body, leftIndent=20 * mm, bulletIndent=10 * mm,
                               bulletFontName=FONT, spaceAfter=3),
        "bold": ParagraphStyle("bold", parent=body, fontName=bold, alignment=TA_LEFT,
                               spaceAfter=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11, alignment=TA_LEFT,
                               spaceAfter=0),
        "cellhead": ParagraphStyle("cellhead", parent=body, fontName=bold, fontSize=9, leading=11,
                                   alignment=TA_LEFT, spaceAfter=0),
        "formtitle": ParagraphStyle("formtitle", parent=body, fontName=bold, alignment=TA_CENTER,
                                    spaceBefore=6, spaceAfter=8),
        "small": ParagraphStyle("small", parent=body, fontSize=9, leading=11, alignment=TA_LEFT,
                                spaceAfter=0),
    }


def _esc(value: object) -> str:
    """Text for reportlab's paragraph markup: printable, with &, <, > escaped."""
    return escape(_UNPRINTABLE.sub("", "" if value is None else str(value)))


def _para(text: object, style: str, **kw) -> Paragraph:
    return Paragraph(_esc(text), _styles()[style], **kw)


@lru_cache(maxsize=8)
def _logo_reader(logo: bytes) -> ImageReader:
    return ImageReader(BytesIO(logo))


def _logo(logo: bytes | None) -> Image | None:
    if not logo:
        return None
    try:
        reader = _logo_reader(logo)
        width, height = reader.getSize()
    except Exception as exc:  # noqa: BLE001 - PIL raises many kinds for a damaged image
        raise Refused(invalid(
            "logo", "Imej logo pejabat tidak dapat dibaca; pilih semula logo dalam tetapan.",
            "The office logo image cannot be read; choose the logo again in the settings.",
            code="LETTER_LOGO_UNREADABLE")) from exc
    scale = LOGO_HEIGHT / height
    return Image(reader, width=min(width * scale, 35 * mm), height=LOGO_HEIGHT,
                 kind="proportional")


def _qr(text: str) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(QR_SIZE, QR_SIZE,
                      transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _letterhead(doc: dict[str, Any], logo: bytes | None) -> list:
    head = doc.get("letterhead") or {}
    labels = doc.get("labels") or {}
    lines = [_para(head.get("name", ""), "office")]
    if head.get("address"):
        lines.append(_para(head["address"], "head"))
    contact = []
    if head.get("phone"):
        contact.append(f"{labels.get('phone', 'Tel.')} {head['phone']}")
    if head.get("email"):
        contact.append(f"{labels.get('email', 'E-mel')} {head['email']}")
    if contact:
        lines.append(_para("   ".join(contact), "head"))
    qr = [_qr(doc.get("qr_text", "")), _para(labels.get("qr_caption", ""), "caption")]
    image = _logo(logo)
    side = QR_SIZE + 4 * mm
    table = Table([[image or "", lines, qr]], colWidths=[side, TEXT_WIDTH - 2 * side, side],
                  splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, 0), "LEFT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [table, Spacer(1, 2 * mm),
            HRFlowable(width="100%", thickness=0.8, color=colors.black, spaceAfter=4 * mm)]


def _reference_block(doc: dict[str, Any]) -> Table:
    labels = doc.get("labels") or {}
    rows = [[_para(labels.get("reference", "Ruj. Kami"), "plain"), _para(":", "plain"),
             _para(doc.get("reference", ""), "plain")],
            [_para(labels.get("date", "Tarikh"), "plain"), _para(":", "plain"),
             _para(doc.get("issued_on_ms", doc.get("issued_on", "")), "plain")]]
    table = Table(rows, colWidths=[22 * mm, 4 * mm, 62 * mm], hAlign="RIGHT", splitInRow=1)
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _cost_table(table: dict[str, Any]) -> Table:
    data = [[_para(h, "cellhead") for h in table.get("headers", [])]]
    data += [[_para(cell, "cell") for cell in row] for row in table.get("rows", [])]
    widths = [0.28, 0.14, 0.2, 0.38]
    out = Table(data, colWidths=[TEXT_WIDTH * w - 10 * mm * w for w in widths], repeatRows=1,
                hAlign="RIGHT", splitInRow=1)
    out.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return out


def _form(form: dict[str, Any]) -> list:
    out: list = [HRFlowable(width="100%", thickness=0.5, dash=(3, 2), spaceAfter=2 * mm),
                 _para(form.get("title", ""), "formtitle")]
    out += [_para(text, "body") for text in form.get("text", [])]
    rows = [[_para(label, "plain"), _para(":", "plain"), ""] for label in form.get("lines", [])]
    if rows:
        lines = Table(rows, colWidths=[55 * mm, 4 * mm, 80 * mm], rowHeights=None,
                      hAlign="LEFT", splitInRow=1)
        lines.setStyle(TableStyle([("LINEBELOW", (2, 0), (2, -1), 0.5, colors.black),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 9),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        out.append(lines)
    return [Spacer(1, 4 * mm), KeepTogether(out)]  # the form is cut off whole, not split


def _story(doc: dict[str, Any], logo: bytes | None) -> list:
    story = _letterhead(doc, logo)
    story.append(_reference_block(doc))
    story.append(Spacer(1, 5 * mm))
    addressee = doc.get("addressee") or {}
    story.append(_para(addressee.get("name", ""), "bold"))
    story += [_para(line, "plain") for line in addressee.get("lines", [])]
    story.append(Spacer(1, 5 * mm))
    story.append(_para(doc.get("salutation", ""), "body"))
    story.append(_para(str(doc.get("subject", "")).upper(), "subject"))
    table = doc.get("table")
    after = table.get("after", -1) if table else None
    for number, para in enumerate(doc.get("paragraphs", []), start=1):
        if number == 1:  # letters leave the first paragraph unnumbered
            story.append(_para(para.get("text", ""), "body"))
        else:
            story.append(_para(para.get("text", ""), "numbered", bulletText=f"{number}."))
        for letter, item in zip(_item_labels(), para.get("items", []), strict=False):
            story.append(_para(item, "item", bulletText=f"({letter})"))
        if table and after == number - 1:
            story += [_cost_table(table), Spacer(1, 4 * mm)]
    if table and not 0 <= after < len(doc.get("paragraphs", [])):
        story += [_cost_table(table), Spacer(1, 4 * mm)]
    if doc.get("closing"):
        story.append(_para(doc["closing"], "body"))
    signer = doc.get("signer") or {}
    block = [_para(s, "bold") for s in doc.get("closing_slogans", [])]
    block += [Spacer(1, 4 * mm), _para(doc.get("signoff", ""), "plain"), Spacer(1, 18 * mm),
              _para(f"({signer.get('name', '')})", "bold"), _para(signer.get("title", ""), "plain"),
              _para((doc.get("letterhead") or {}).get("name", ""), "plain")]
    story.append(KeepTogether(block))
    cc = doc.get("cc") or []
    if cc:
        story.append(Spacer(1, 6 * mm))
        rows = [[_para((doc.get("labels") or {}).get("cc", "s.k.") if i == 0 else "", "small"),
                 _para(line, "small")] for i, line in enumerate(cc)]
        cc_table = Table(rows, colWidths=[12 * mm, TEXT_WIDTH - 12 * mm], hAlign="LEFT",
                         splitInRow=1)
        cc_table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                      ("TOPPADDING", (0, 0), (-1, -1), 0),
                                      ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story.append(cc_table)
    if doc.get("form"):
        story += _form(doc["form"])
    return story


def _item_labels():
    """(a) ... (z), then (aa), (ab) ... for a very long list."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    yield from letters
    for first in letters:
        for second in letters:
            yield first + second


class _Pages:
    """The page decorations: "- n -" and the reference after page one, the copy marks."""

    def __init__(self, doc: dict[str, Any], copy: bool):
        labels = doc.get("labels") or {}
        self.copy = copy
        self.reference = _UNPRINTABLE.sub("", str(doc.get("reference", "")))
        self.page_format = str(labels.get("page", "- {page} -"))
        self.mark = str(labels.get("copy_mark", "SALINAN"))
        self.header = str(labels.get("copy_header", self.mark))

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
        canvas.setFont(FONT + "-Bold", 96)
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -30, self.mark)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFont(FONT + "-Bold", 8)
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
        title=_UNPRINTABLE.sub("", str(document.get("subject", ""))),
        author=_UNPRINTABLE.sub("", str(head.get("name", ""))),
        subject=_UNPRINTABLE.sub("", str(document.get("reference", ""))),
        creator="IsiTugas")
    pdf.build(_story(document, logo), onFirstPage=pages.first, onLaterPages=pages.later)
    return out.getvalue()
