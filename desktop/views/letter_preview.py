"""A letter's PDF on screen: Qt's print preview over the pages rendered by PDFium, printing
through Qt's print dialog, and "Simpan PDF" to keep the exact bytes that were issued.

The pages are images rendered on demand (pypdfium2 straight into a QImage, no PIL) and kept per
page and resolution, so repainting the preview or printing twice renders nothing again. The
preview paints at screen resolution; a printer gets its own resolution, capped where a letter
gains nothing more.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

from desktop.files import write_atomically

PREVIEW_DPI = 110  # the preview scales the page to the window; more only costs memory
PRINT_DPI = 300  # plenty for text and a QR code on an office printer


class PdfPages:
    """The pages of one PDF as images, each rendered the first time it is asked for. PDFium's
    document is open only while pages are being rendered (:meth:`rendering`), never left open
    with the dialog."""

    def __init__(self, data: bytes):
        self._data = data
        self._pdf: pdfium.PdfDocument | None = None
        with self.rendering():
            self._count = len(self._pdf)
        self._images: dict[tuple[int, int], QImage] = {}

    @contextmanager
    def rendering(self):
        """Keep the document open for several pages; nested uses share one opening."""
        if self._pdf is not None:
            yield
            return
        self._pdf = pdfium.PdfDocument(self._data)
        try:
            yield
        finally:
            self._pdf.close()
            self._pdf = None

    def __len__(self) -> int:
        return self._count

    def image(self, index: int, dpi: int) -> QImage:
        key = (index, dpi)
        if key not in self._images:
            with self.rendering():
                page = self._pdf[index]
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB bytes
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height,
                               bitmap.stride, QImage.Format.Format_RGB888)
                self._images[key] = image.copy()  # own the pixels: PDFium's are freed
                bitmap.close()
                page.close()
        return self._images[key]

    def forget(self) -> None:
        """Drop the rendered images (the dialog closed); a later page is rendered afresh."""
        self._images.clear()


def paint_pages(pages: PdfPages, printer: QPrinter) -> int:
    """Paint every page onto ``printer``, one sheet each, filling the paper; returns the count
    painted (0 when the printer cannot be opened)."""
    printer.setFullPage(True)  # the PDF page already holds the letter's margins
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        engine = painter.paintEngine()
        preview = engine is not None and engine.type() == QPaintEngine.Type.Picture
        dpi = PREVIEW_DPI if preview else max(72, min(printer.resolution(), PRINT_DPI))
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        with pages.rendering():
            for index in range(len(pages)):
                if index:
                    printer.newPage()
                image = pages.image(index, dpi)
                scale = min(paper.width() / image.width(), paper.height() / image.height())
                w, h = image.width() * scale, image.height() * scale
                target = QRectF((paper.width() - w) / 2, (paper.height() - h) / 2, w, h)
                painter.drawImage(target, image)
        return len(pages)
    finally:
        painter.end()


_QT_PREVIEW = "QPrintPreviewDialog"


class LetterPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview of a letter, with the print button going through our own print
    dialog (so the same pages reach the printer) and a "Simpan PDF" button. ``delivered``
    says when the letter has left the window: printed ("cetak") or saved ("simpan")."""

    delivered = Signal(str)

    def __init__(self, pdf_bytes: bytes, title: str, parent: QWidget | None = None):
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                               QPageLayout.Orientation.Portrait,
                                               self.printer.pageLayout().margins()))
        self.printer.setDocName(title)
        super().__init__(self.printer, parent)
        self.setObjectName("letterPreview")
        self.setWindowTitle(title)
        self.resize(820, 900)
        self.pdf_bytes = pdf_bytes
        self.pages = PdfPages(pdf_bytes)
        self.printed_pages = 0  # pages sent to a printer by the last print
        self.saved_path: Path | None = None
        self.print_dialog: QPrintDialog | None = None
        self.paintRequested.connect(lambda printer: paint_pages(self.pages, printer))
        self.finished.connect(lambda _result: self.pages.forget())

        toolbar = self.findChild(QToolBar)
        # Qt's own action, found by its (possibly translated by Qt) text; the context is a
        # variable so that our lupdate does not copy Qt's string into our .ts
        print_text = QCoreApplication.translate(_QT_PREVIEW, "Print")
        for action in toolbar.actions():
            if action.text() == print_text:  # Qt's own would print without our page check
                action.triggered.disconnect()
                action.triggered.connect(self.print_letter)
                action.setObjectName("printAction")
                self.print_action = action
        self.save_action = QAction(self.tr("Simpan PDF"), self, objectName="saveAction")
        self.save_action.triggered.connect(lambda: self.save_pdf())
        toolbar.addSeparator()
        toolbar.addAction(self.save_action)

    @property
    def preview_widget(self) -> QPrintPreviewWidget:
        return self.findChild(QPrintPreviewWidget)

    def page_count(self) -> int:
        return len(self.pages)

    def print_letter(self) -> int:
        """Ask the printer and copies through Qt's print dialog, then print every page."""
        self.print_dialog = QPrintDialog(self.printer, self)
        self.print_dialog.setObjectName("printDialog")
        self.print_dialog.setWindowTitle(self.tr("Cetak %1").replace("%1", self.windowTitle()))
        if self.print_dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(self.printer)

    def print_to(self, printer: QPrinter) -> int:
        self.printed_pages = paint_pages(self.pages, printer)
        if not self.printed_pages:
            self._warn(self.tr("Pencetak tidak dapat dibuka; surat tidak dicetak."))
        else:
            self.delivered.emit("cetak")
        return self.printed_pages

    def save_pdf(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan PDF"), _file_name(self.windowTitle()), "PDF (*.pdf)")
            if not path:
                return None
        try:
            self.saved_path = write_atomically(path, self.pdf_bytes)
        except OSError as exc:
            self._warn(self.tr("Fail tidak dapat ditulis: %1").replace(
                "%1", f"{path} ({exc.strerror or exc})"))
            return None
        self.delivered.emit("simpan")
        return self.saved_path

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("previewWarning")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _file_name(title: str) -> str:
    """A file name from the letter's reference: the characters a file system refuses become
    '-'."""
    safe = "".join("-" if c in '\\/:*?"<>|' else c for c in title).strip(" .")
    return (safe or "surat") + ".pdf"
