"""Tetapan pejabat: the letterhead saved from the window, its refusals, prefixes and logo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from desktop.rules.letters import LetterKind
from desktop.services.letters import letter_prefixes
from desktop.services.office import get_office
from tests.letters_cli import factories as F


@pytest.fixture
def page(window):
    return window.open_page("office")


def test_the_page_shows_the_office_and_saves_the_letterhead(page, qtbot):
    assert page.name.text() == "JPNIN Negeri Selangor"  # as tests/gui/conftest.py saved it
    assert page.state.currentData() == "SGR"
    page.address.setPlainText("Tingkat 5, Wisma Perpaduan\n40000 Shah Alam")
    page.slogans.setPlainText("  MALAYSIA MADANI \n\nBERKHIDMAT UNTUK NEGARA\n")
    page.signer_name.setText(F.SIGNER)
    page.signer_title.setText("Pengarah")
    page.ref_prefix.setText(F.REF_PREFIX)
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = page.ops.query(get_office)
    assert saved.signer_name == F.SIGNER and saved.ref_prefix == F.REF_PREFIX
    assert saved.slogans == "MALAYSIA MADANI\nBERKHIDMAT UNTUK NEGARA"  # blank lines dropped
    assert saved.address == "Tingkat 5, Wisma Perpaduan\n40000 Shah Alam"
    assert page.status.text() == "Tetapan disimpan."
    assert "JPNIN Negeri Selangor" in page.window().office_label.text()


def test_bad_input_is_named_beside_its_field_and_nothing_is_saved(page, qtbot):
    before = page.ops.query(get_office)
    page.name.clear()
    page.state.setCurrentIndex(0)  # "(pilih negeri)"
    with qtbot.assertNotEmitted(page.ops.changed):
        page.save()
    assert page.errors.labels["name"].isVisible() and "Nama pejabat" in page.errors.text_of("name")
    assert "Negeri" in page.errors.text_of("state")
    assert page.ops.query(get_office) == before


def test_prefixes_default_to_the_office_prefix_and_can_be_set_per_kind(page, qtbot):
    page.ref_prefix.setText(F.REF_PREFIX)
    page.save()
    rows = {page.prefixes.item(r, 0).data(Qt.ItemDataRole.UserRole): r
            for r in range(page.prefixes.rowCount())}
    assert page.prefixes.item(rows[LetterKind.PSH_OFFER], 1).text() == F.REF_PREFIX + "/1"
    page.prefixes.item(rows[LetterKind.PSH_EXTENSION], 1).setText("JPNIN.SGR.600-2/9")
    with qtbot.waitSignal(page.ops.changed):
        page.save()
    saved = page.ops.query(letter_prefixes)
    assert saved[LetterKind.PSH_EXTENSION] == "JPNIN.SGR.600-2/9"
    assert saved[LetterKind.PSH_OFFER] == F.REF_PREFIX + "/1"


@pytest.mark.parametrize("bad", ["JPNIN:SGR", "same"])
def test_a_bad_prefix_is_refused_in_malay(page, qtbot, bad):
    page.ref_prefix.setText(F.REF_PREFIX)
    page.save()
    before = page.ops.query(letter_prefixes)
    page.prefixes.item(0, 1).setText("JPNIN.SGR/7" if bad == "same" else bad)
    if bad == "same":
        page.prefixes.item(1, 1).setText("JPNIN.SGR/7")  # two kinds, one prefix
    with qtbot.assertNotEmitted(page.ops.changed):
        result = page.save()
    assert not result.ok
    shown = page.errors.general.text() + "".join(
        label.text() for label in page.errors.labels.values())
    assert "Awalan rujukan" in shown
    assert page.ops.query(letter_prefixes) == before


def test_the_logo_is_stored_and_shown_as_a_thumbnail(page, qtbot, tmp_path):
    image = QImage(300, 150, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e8c"))
    path = tmp_path / "jata.png"
    assert image.save(str(path))
    with qtbot.waitSignal(page.ops.changed):
        result = page.choose_logo(str(path))
    assert result.ok
    assert page.ops.query(get_office).logo_sha
    thumb = page.logo.pixmap()
    assert not thumb.isNull() and thumb.width() <= 96 and thumb.height() <= 96
    assert thumb.width() == 96 and thumb.height() == 48  # the crest keeps its shape


def test_a_file_that_is_not_an_image_is_refused(page, qtbot, tmp_path):
    path = tmp_path / "logo.png"
    path.write_text("bukan gambar")
    with qtbot.assertNotEmitted(page.ops.changed):
        result = page.choose_logo(str(path))
    assert not result.ok
    assert "PNG" in page.ops.last_refusal_box.text()
    assert page.ops.query(get_office).logo_sha == ""


def test_a_letterhead_too_long_for_its_box_is_asked_about_before_saving(page, qtbot,
                                                                        monkeypatch):
    """Letters print the letterhead's address in at most 4 lines: a longer one is named, and
    saved only when the administrator says so."""
    asked = []
    monkeypatch.setattr(page, "confirm_cut", lambda fields: asked.append(fields) or False)
    before = page.ops.query(get_office)
    page.address.setPlainText("Tingkat 5\nWisma Perpaduan\nPersiaran Perbandaran\n"
                              "40000 Shah Alam\nSelangor")
    with qtbot.assertNotEmitted(page.ops.changed):
        assert page.save() is None  # shortened first: nothing saved
    assert asked == [["Alamat"]] and page.ops.query(get_office) == before
    monkeypatch.setattr(page, "confirm_cut", lambda fields: asked.append(fields) or True)
    with qtbot.waitSignal(page.ops.changed):
        assert page.save().ok  # saved as it is, knowingly
    assert page.ops.query(get_office).address.endswith("40000 Shah Alam\nSelangor")
    page.address.setPlainText("Tingkat 5, Wisma Perpaduan\n40000 Shah Alam")
    assert page.save().ok and len(asked) == 2  # one that fits is not asked about


def test_the_cut_question_names_the_fields_and_defaults_to_cancel(page, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        seen["text"] = box.text()
        seen["cancel is default"] = box.defaultButton() is box.button(
            QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert page.confirm_cut(["Alamat", "Telefon dan e-mel"]) is False
    assert "Alamat, Telefon dan e-mel akan dicetak terpotong" in seen["text"]
    assert seen["cancel is default"]  # Enter does not save a cut letterhead


def test_the_head_office_address_is_saved_and_shown_again(page, qtbot):
    assert page.hq_address.toPlainText() == ""
    assert "Putrajaya" in page.hq_address.placeholderText()  # what letters print meanwhile
    page.hq_address.setPlainText("Ibu Pejabat JPNIN\n62000 Putrajaya")
    with qtbot.waitSignal(page.ops.changed):
        assert page.save().ok
    assert page.ops.query(get_office).hq_address == "Ibu Pejabat JPNIN\n62000 Putrajaya"
    page.reload()
    assert page.hq_address.toPlainText() == "Ibu Pejabat JPNIN\n62000 Putrajaya"
