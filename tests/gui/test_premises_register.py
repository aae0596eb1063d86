"""The premises register driven through its widgets, as a clerk would."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from desktop.models.audit import AuditRecord
from desktop.services.audit import verify_chain
from desktop.services.premises import list_premises
from desktop.views.premises_dialog import PremisesDialog


def table_codes(page):
    return [page.proxy.row_at(i).code for i in range(page.proxy.rowCount())]


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_window_lists_premises_and_shows_status(window):
    page = window.open_page("premises")
    assert table_codes(page) == ["SGR-TBK-001", "SGR-TBK-002", "SGR-TSK-001"]
    assert "JPNIN Negeri Selangor" in window.office_label.text()
    assert "gui.sqlite" in window.db_label.text()
    assert page.count.text() == "3 daripada 3 rekod"


def test_add_premises_through_the_form(window, qtbot, office_db):
    page = window.open_page("premises")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in page.findChildren(PremisesDialog) if d.isVisible())
    assert dialog.state.currentData() == "SGR"  # the office's state is the default
    qtbot.keyClicks(dialog.code, "sgr-tbk-010")
    qtbot.keyClicks(dialog.name, "Tabika Perpaduan Bukit Beruntung")
    dialog.district.setEditText("Hulu Selangor")
    with qtbot.waitSignal(page.ops.changed) as signal:
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert signal.args == [frozenset({"premises"})]
    assert not dialog.isVisible()
    assert "SGR-TBK-010" in table_codes(page)
    assert page.selected_row().code == "SGR-TBK-010"  # the new row is selected
    saved = {r.code: r for r in page.ops.query(list_premises)}["SGR-TBK-010"]
    assert saved.district == "Hulu Selangor" and saved.kind.value == "TABIKA"
    assert page.ops.query(verify_chain) is None
    with office_db.session() as s:
        last = s.execute(select(AuditRecord).order_by(AuditRecord.id.desc())).scalars().first()
        assert (last.action, last.entity, json.loads(last.after)["code"]) == ("tambah", "premises",
                                                                   "SGR-TBK-010")


def _open_add(page):
    return page.add()


def test_empty_name_is_refused_beside_the_field_and_nothing_saved(window, qtbot):
    page = window.open_page("premises")
    dialog = _open_add(page)
    qtbot.keyClicks(dialog.code, "SGR-TBK-011")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.labels["name"].isVisible()
    assert "Nama premis wajib diisi" in dialog.errors.text_of("name")
    assert len(page.ops.query(list_premises)) == 3


def test_duplicate_code_and_unknown_state_named_by_field(window, qtbot):
    page = window.open_page("premises")
    dialog = _open_add(page)
    qtbot.keyClicks(dialog.code, "sgr-tbk-001")
    qtbot.keyClicks(dialog.name, "Tabika Pendua")
    dialog.state.setCurrentIndex(-1)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert "SGR-TBK-001 telah digunakan" in dialog.errors.text_of("code")
    assert "Negeri" in dialog.errors.text_of("state")
    assert dialog.errors.text_of("name") == ""
    assert len(page.ops.query(list_premises)) == 3


def test_edit_premises(window, qtbot):
    page = window.open_page("premises")
    assert page.select_where(lambda r: r.code == "SGR-TBK-002")
    dialog = page.edit_selected()
    assert dialog.name.text() == "Tabika Perpaduan Kampung Baru"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Tabika Perpaduan Kampung Baru Hilir")
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert page.selected_row().name == "Tabika Perpaduan Kampung Baru Hilir"


def test_search_filters_by_every_word(window, qtbot):
    page = window.open_page("premises")
    qtbot.keyClicks(page.search, "petaling taska")
    assert table_codes(page) == ["SGR-TSK-001"]
    assert page.count.text() == "1 daripada 3 rekod"
    page.search.clear()
    assert len(table_codes(page)) == 3


def test_deactivate_hides_then_reactivate(window, qtbot, monkeypatch):
    page = window.open_page("premises")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.select_where(lambda r: r.code == "SGR-TBK-001")
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert "SGR-TBK-001" not in table_codes(page)
    page.show_inactive.setChecked(True)
    assert "SGR-TBK-001" in table_codes(page)
    page.select_where(lambda r: r.code == "SGR-TBK-001")
    assert page.active_button.text() == "Aktifkan semula"
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert {r.code: r.active for r in page.ops.query(list_premises)}["SGR-TBK-001"] is True


def test_declined_confirmation_changes_nothing(window, qtbot, monkeypatch):
    page = window.open_page("premises")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.select_where(lambda r: r.code == "SGR-TBK-001")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert all(r.active for r in page.ops.query(list_premises))


def test_sorting_by_a_column(window):
    page = window.open_page("premises")
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    names = [page.proxy.row_at(i).name for i in range(page.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)


def test_about_box_names_version_and_database(window):
    from desktop import __version__

    box = window.about()
    assert __version__ in box.text() and "gui.sqlite" in box.text()
    box.close()


def test_history_shows_each_change_with_before_and_after(window, qtbot):
    page = window.open_page("premises")
    page.select_where(lambda r: r.code == "SGR-TBK-002")
    dialog = page.edit_selected()
    dialog.district.setEditText("Klang")
    with qtbot.waitSignal(page.ops.changed):
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    history = page.show_history()
    rows = history.model.rows
    assert [r.action for r in rows] == ["tambah", "ubah"]
    assert rows[1].changes == (("district", "Petaling", "Klang"),)
    assert "Daerah: Petaling → Klang" in history.model.data(history.model.index(1, 3))
