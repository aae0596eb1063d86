"""Bantuan > Panduan pengguna: the guide opens inside the app, its links navigate, its
images load."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument

from desktop.views.guide_dialog import MAX_IMAGE_WIDTH, GuideDialog

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "panduan"

pytestmark = pytest.mark.gui


def open_guide(window, qtbot) -> GuideDialog:
    action = next(a for a in window.menuBar().actions() if a.objectName() == "helpMenu")
    guide_action = next(a for a in action.menu().actions() if a.objectName() == "userGuide")
    guide_action.trigger()
    dialog = window.guide
    qtbot.waitExposed(dialog)
    return dialog


def link_position(document: QTextDocument, href: str) -> int:
    """Where the link to ``href`` starts in the document shown."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                return fragment.position()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_the_help_menu_opens_the_guide_at_its_index(window, qtbot):
    dialog = open_guide(window, qtbot)
    assert dialog.isVisible()
    assert dialog.current_page() == "index.md"
    first_line = (GUIDE / "index.md").read_text("utf-8").splitlines()[0].lstrip("# ")
    assert dialog.browser.document().toPlainText().startswith(first_line)
    # a second time brings the same window back instead of a new one
    assert open_guide(window, qtbot) is dialog


def test_clicking_a_link_opens_that_page_and_back_returns(window, qtbot):
    dialog = open_guide(window, qtbot)
    browser = dialog.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(link_position(browser.document(), "psh.md") + 1)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                     pos=browser.cursorRect(cursor).center())
    assert dialog.current_page() == "psh.md"
    psh_title = (GUIDE / "psh.md").read_text("utf-8").splitlines()[0].lstrip("# ")
    assert browser.document().toPlainText().startswith(psh_title)
    assert dialog.back_button.isEnabled()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == "index.md"


def test_images_load_relative_to_the_page_and_fit_the_dialog(window, qtbot):
    dialog = open_guide(window, qtbot)
    dialog.open_page("kekosongan.md")
    image = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource.value,
                                               QUrl("img/isi-kekosongan.png"))
    assert isinstance(image, QImage) and not image.isNull()
    on_disk = QImage(str(GUIDE / "img" / "isi-kekosongan.png"))
    assert on_disk.width() > MAX_IMAGE_WIDTH  # so the shrinking is what is tested
    assert image.width() == MAX_IMAGE_WIDTH
    assert abs(image.height() - on_disk.height() * MAX_IMAGE_WIDTH / on_disk.width()) <= 1


def test_a_missing_image_loads_nothing(window, qtbot):
    dialog = open_guide(window, qtbot)
    image = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                        QUrl("img/tiada.png"))
    assert image is None or QImage(image).isNull()
