"""Surat dikeluarkan: the register, a letter's original and its copy (SALINAN), the QR check,
and the batch with its progress bar and cancel."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.letters import api
from desktop.rules.letters import LetterKind
from desktop.services.letters import list_letters
from tests.letters_cli import factories as F
from tests.psh import factories as P


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def issued(qtbot, db):
    """An offer and an OSA declaration issued for one PSH; the main window."""
    from desktop.app import create_window

    pid = F.letter_psh(db)
    api.issue_pdf(db, LetterKind.PSH_OFFER, pid, today=date.today())
    api.issue_pdf(db, LetterKind.ORA_DECLARATION, pid, today=date.today())
    w = create_window(db)
    qtbot.addWidget(w)
    w.show()
    return w


def select(page, reference: str):
    assert page.select_where(lambda r: r.reference == reference)
    return page.selected_row()


def test_the_register_lists_and_filters_the_letters(issued):
    page = issued.open_page("letters")
    assert page.proxy.rowCount() == 2
    assert {r.reference for r in page.model.rows} == {F.default_reference(1, 1),
                                                      F.default_reference(5, 1)}
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(LetterKind.ORA_DECLARATION))
    assert [r.reference for r in page.model.rows] == [F.default_reference(5, 1)]
    page.kind_filter.setCurrentIndex(0)
    page.year_filter.setValue(date.today().year - 1)
    assert page.proxy.rowCount() == 0
    page.year_filter.setValue(date.today().year)
    assert page.proxy.rowCount() == 2
    page.search.setText("5/" + str(date.today().year))  # the OSA declaration's prefix "/5"
    assert page.proxy.rowCount() == 1
    assert "1 daripada 2" in page.count.text()


def test_view_shows_the_original_and_a_copy_is_marked_and_counted(issued, qtbot, tmp_path):
    page = issued.open_page("letters")
    reference = F.default_reference(1, 1)
    select(page, reference)
    original = page.view_selected()
    assert original.windowTitle() == reference
    assert "SALINAN" not in text_of(original.pdf_bytes)
    original.close()
    with qtbot.assertNotEmitted(page.ops.changed):
        copy = page.reprint_selected()
    assert "SALINAN" in copy.windowTitle() and "SALINAN" in text_of(copy.pdf_bytes)
    assert reference in text_of(copy.pdf_bytes)
    assert select(page, reference).copies_printed == 0  # looked at only: no copy yet
    with qtbot.waitSignal(page.ops.changed):
        assert copy.save_pdf(str(tmp_path / "salinan.pdf"))
    assert select(page, reference).copies_printed == 1  # the register was refreshed
    copy.close()


def test_a_copy_is_counted_once_per_print_and_not_when_the_printer_fails(issued, qtbot,
                                                                         tmp_path,
                                                                         monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.views import letter_preview

    page = issued.open_page("letters")
    reference = F.default_reference(1, 1)
    select(page, reference)
    copy = page.reprint_selected()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "dicetak.pdf"))
    with qtbot.waitSignal(page.ops.changed):
        assert copy.print_to(printer) > 0
    assert select(page, reference).copies_printed == 1
    monkeypatch.setattr(letter_preview, "paint_pages", lambda pages, printer: 0)
    monkeypatch.setattr(copy, "_warn", lambda text: None)
    with qtbot.assertNotEmitted(page.ops.changed):
        assert copy.print_to(printer) == 0  # the printer could not be opened
    assert select(page, reference).copies_printed == 1


def test_the_verify_box_tells_genuine_from_forged(issued):
    page = issued.open_page("letters")
    (row,) = [r for r in page.ops.query(list_letters)
              if r.reference == F.default_reference(1, 1)]
    verdict = page.verify(row.qr_text)
    assert verdict.genuine
    shown = page.verify_result.text()
    assert F.PSH_NAME in shown and row.reference in shown
    assert page.selected_row().id == row.id  # the letter is selected in the register
    prefix, mac = row.qr_text.rsplit(":", 1)
    forged = prefix + ":" + ("B" if mac[0] == "A" else "A") + mac[1:]
    assert not page.verify(forged).genuine
    assert F.PSH_NAME not in page.verify_result.text()
    assert "b00020" in page.verify_result.styleSheet()
    assert not page.verify("bukan kod surat").genuine


@pytest.fixture
def march_offers(qtbot, db):
    """Three PSH starting in March 2026 with no letter yet; the main window."""
    from desktop.app import create_window

    office = P.make_office(db)
    F.complete_letterhead(db)
    for i in range(3):
        vid = P.hakiki_vacancy(db, office.tabika, office.s17)
        P.appoint(db, P.psh_form(vid, P.candidate(db, vid, name=f"Calon Kelompok {i + 1}")))
    w = create_window(db)
    qtbot.addWidget(w)
    w.show()
    return w


def batch_for_march(win):
    dialog = win.open_page("letters").open_batch()
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.PSH_OFFER))
    dialog.month.set_value(2026, 3)
    return dialog


def test_a_batch_writes_the_ticked_letters_and_says_where(march_offers, qtbot, tmp_path):
    dialog = batch_for_march(march_offers)
    assert dialog.records.count() == 3 and len(dialog.chosen_ids()) == 3  # all ticked
    dialog.records.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert "2 daripada 3" in dialog.count.text()
    dialog.folder.setText(str(tmp_path))
    task = dialog.start()
    assert task is not None and not dialog.run_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == 2 and sorted(dialog.written) == files
    assert dialog.outcome.text() == f"2 surat ditulis ke {tmp_path}."
    refs = {F.default_reference(1, 1), F.default_reference(1, 2)}
    assert {r.reference for r in march_offers.ops.query(list_letters)} == refs
    assert dialog.records.count() == 1  # the two issued leave the list
    assert march_offers.open_page("letters").proxy.rowCount() == 2  # and the register shows them


def test_a_cancelled_batch_stops_and_tells_what_was_written(march_offers, qtbot, tmp_path,
                                                            monkeypatch):
    dialog = batch_for_march(march_offers)
    dialog.folder.setText(str(tmp_path))
    real_issue = api.issue_pdf

    def issue_then_cancel(*args, **kwargs):  # the user presses Batal during the first letter
        issued = real_issue(*args, **kwargs)
        dialog.cancel()
        return issued

    monkeypatch.setattr(api, "issue_pdf", issue_then_cancel)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    assert dialog.cancelled and len(dialog.written) == 1
    assert sorted(tmp_path.glob("*.pdf")) == dialog.written
    assert dialog.outcome.text() == (f"Dibatalkan: 1 surat telah ditulis ke {tmp_path} "
                                     "sebelum dibatalkan.")
    assert [r.reference for r in march_offers.ops.query(list_letters)] == [
        F.default_reference(1, 1)]
    assert dialog.records.count() == 2  # the two not issued are still waiting


def test_a_batch_into_a_missing_folder_is_not_started(march_offers, tmp_path):
    dialog = batch_for_march(march_offers)
    dialog.folder.setText(str(tmp_path / "tiada"))
    assert dialog.start() is None and dialog.task is None
    assert "tidak wujud" in dialog.message_box.text()
    assert march_offers.ops.query(list_letters) == []
