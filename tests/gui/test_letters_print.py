"""Cetak surat from the registers: the letter is issued, previewed in Qt's print preview,
printed through Qt's print dialog and saved as PDF; a refusal is shown in Malay."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from desktop.rules.letters import LetterKind
from desktop.services.letters import list_letters
from desktop.views.letter_preview import LetterPreviewDialog
from tests.letters_cli import factories as F


@pytest.fixture
def psh_win(qtbot, db):
    from desktop.app import create_window

    F.letter_psh(db)
    w = create_window(db)
    qtbot.addWidget(w)
    w.show()
    return w


def psh_page(win):
    page = win.open_page("psh")
    page.show_inactive.setChecked(True)
    assert page.select_where(lambda r: r.name == F.PSH_NAME)
    return page


def pages_of(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_an_offer_letter_opens_in_the_print_preview(psh_win, qtbot):
    page = psh_page(psh_win)
    dialog = page.print_letter(LetterKind.PSH_OFFER)
    assert isinstance(dialog, LetterPreviewDialog) and isinstance(dialog, QPrintPreviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    reference = F.default_reference(1, 1)
    assert dialog.windowTitle() == reference
    expected = pages_of(dialog.pdf_bytes)
    assert expected >= 1 and dialog.page_count() == expected
    dialog.preview_widget.updatePreview()
    qtbot.waitUntil(lambda: dialog.preview_widget.pageCount() == expected)
    assert reference in text_of(dialog.pdf_bytes)
    (row,) = page.ops.query(list_letters)
    assert row.reference == reference and row.issued_on == date.today()


def test_print_goes_through_qt_print_dialog_with_every_page(psh_win, qtbot, tmp_path,
                                                             monkeypatch):
    page = psh_page(psh_win)
    dialog = page.print_letter(LetterKind.PSH_OFFER)
    out = tmp_path / "dicetak.pdf"
    opened = []

    def accept(print_dialog):
        opened.append(print_dialog.printer())
        print_dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        print_dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog.print_action.trigger()  # the preview's own Print button
    assert opened == [dialog.printer]
    assert dialog.printed_pages == dialog.page_count()
    assert out.exists() and pages_of(out.read_bytes()) == dialog.page_count()


def test_a_cancelled_print_dialog_prints_nothing(psh_win, monkeypatch):
    dialog = psh_page(psh_win).print_letter(LetterKind.ORA_DECLARATION)
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QPrintDialog.DialogCode.Rejected)
    assert dialog.print_letter() == 0 and dialog.printed_pages == 0


def test_save_pdf_writes_the_issued_bytes(psh_win, tmp_path):
    dialog = psh_page(psh_win).print_letter(LetterKind.ORA_DECLARATION)
    folder = tmp_path / "surat"
    folder.mkdir()
    path = dialog.save_pdf(str(folder / "akuan.pdf"))
    assert path.read_bytes() == dialog.pdf_bytes
    assert F.default_reference(5, 1) in text_of(path.read_bytes())
    assert [p.name for p in folder.iterdir()] == ["akuan.pdf"]  # no temporary file left


def test_a_termination_letter_for_an_active_psh_is_refused_in_malay(psh_win, qtbot):
    page = psh_page(psh_win)
    with qtbot.assertNotEmitted(page.ops.changed):
        assert page.print_letter(LetterKind.PSH_TERMINATION) is None
    assert "masih aktif" in page.ops.last_refusal_box.text()
    assert page.ops.query(list_letters) == []


def test_an_extension_letter_without_an_extension_says_so(psh_win):
    page = psh_page(psh_win)
    assert page.print_letter(LetterKind.PSH_EXTENSION) is None
    assert "belum dilanjutkan" in page.notice_box.text()


def test_missing_office_settings_are_refused(qtbot, db):
    from desktop.app import create_window

    F.letter_psh(db, letterhead=False)
    win = create_window(db)
    qtbot.addWidget(win)
    page = psh_page(win)
    assert page.print_letter(LetterKind.PSH_OFFER) is None
    assert "Tetapan pejabat" in page.ops.last_refusal_box.text()


def test_the_acting_instruction_from_the_acting_page(qtbot, db):
    from desktop.app import create_window
    from tests.acting import factories as A

    world = A.build_world(db)
    F.complete_letterhead(db)
    A.assign(db, A.acting_form(world.taska_s27, world.aminah))
    win = create_window(db)
    qtbot.addWidget(win)
    page = win.open_page("acting")
    page.show_inactive.setChecked(True)
    assert page.select_where(lambda r: r.officer_name == "Aminah binti Yusof")
    dialog = page.print_letter()
    assert dialog is not None and "Aminah binti Yusof".upper() in text_of(dialog.pdf_bytes).upper()
    assert dialog.windowTitle() == F.default_reference(4, 1)


def test_the_psh_application_from_the_vacancy_page_is_refused_without_a_candidate(qtbot, db):
    from desktop.app import create_window
    from tests.psh import factories as P

    office = P.make_office(db)
    vid = P.hakiki_vacancy(db, office.taska, office.s27)
    F.complete_letterhead(db)
    win = create_window(db)
    qtbot.addWidget(win)
    page = win.open_page("vacancies")
    assert page.select_where(lambda r: r.id == vid) and page.letter_button.isEnabled()
    assert page.print_letter() is None
    assert "tiada calon PSH" in page.ops.last_refusal_box.text()
    assert page.ops.query(list_letters) == []


def test_the_psh_application_from_the_vacancy_page(qtbot, db):
    """A vacancy with a ranked candidate and PSH chosen over the other methods (7.4(d))."""
    from desktop.app import create_window
    from desktop.services.filling_choice import choose_method
    from desktop.services.unit import perform
    from tests.psh import factories as P

    office = P.make_office(db)
    vid = P.hakiki_vacancy(db, office.tabika, office.s17)
    P.candidate(db, vid, name=F.PSH_NAME, number=F.PSH_MYKAD)
    perform(db, choose_method, vid, "PSH", "Kos paling rendah dan calon sedia ada",
            P.START, date(2026, 5, 29))
    F.complete_letterhead(db)
    win = create_window(db)
    qtbot.addWidget(win)
    page = win.open_page("vacancies")
    assert page.select_where(lambda r: r.id == vid)
    dialog = page.print_letter()
    assert dialog is not None and dialog.windowTitle() == F.default_reference(6, 1)
    text = text_of(dialog.pdf_bytes).upper()
    assert F.PSH_NAME.upper() in text and "KETUA PENGARAH" in text
