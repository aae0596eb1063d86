"""Bantuan > Panduan pengguna: the user guide (docs/panduan, Markdown) read inside the app.

A QTextBrowser shows the Markdown pages itself (QTextDocument's Markdown reader), so the guide
works offline with no web browser. Links between pages and images are resolved relative to the
page shown; a link to a web address opens in the system's browser.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import guide_root

MAX_IMAGE_WIDTH = 860  # screenshots are wider; shrunk to fit a dialog on a laptop screen


class GuideBrowser(QTextBrowser):
    """A text browser that shrinks wide screenshots to fit its page."""

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 - Qt API
        data = super().loadResource(kind, url)
        if kind == QTextDocument.ResourceType.ImageResource.value and data is not None:
            image = data if isinstance(data, QImage) else QImage.fromData(data)
            if not image.isNull() and image.width() > MAX_IMAGE_WIDTH:
                return image.scaledToWidth(MAX_IMAGE_WIDTH,
                                           Qt.TransformationMode.SmoothTransformation)
            return image
        return data


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, page: str = "index.md"):
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Panduan pengguna IsiTugas"))
        self.resize(960, 720)
        self.root = guide_root()

        self.browser = GuideBrowser(objectName="guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setOpenLinks(True)

        self.home_button = QPushButton(self.tr("Kandungan"), objectName="homeButton")
        self.back_button = QPushButton(self.tr("< Kembali"), objectName="backButton")
        self.forward_button = QPushButton(self.tr("Ke hadapan >"), objectName="forwardButton")
        self.home_button.clicked.connect(self.go_home)
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

        bar = QHBoxLayout()
        for button in (self.home_button, self.back_button, self.forward_button):
            bar.addWidget(button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(close)
        self.open_page(page)

    def page_url(self, page: str) -> QUrl:
        return QUrl.fromLocalFile(str(self.root / page))

    def open_page(self, page: str) -> None:
        """Show ``page`` (a file name in the guide's folder, e.g. "psh.md")."""
        self.browser.setSource(self.page_url(page), QTextDocument.ResourceType.MarkdownResource)

    def go_home(self) -> None:
        self.open_page("index.md")

    def current_page(self) -> str:
        """The file name of the page shown."""
        return self.browser.source().fileName()


def show_guide(parent: QWidget | None = None, page: str = "index.md") -> GuideDialog:
    """Open the guide (not modal: the user may read it beside the window)."""
    dialog = GuideDialog(parent, page)
    dialog.show()
    return dialog
