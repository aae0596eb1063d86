"""Kadar: the administrator enters the rate tables the circular does not publish (the
replacement officer's honorarium, the allowances of Lampiran A); a refusal is shown beside its
field with nothing saved; the read-only role sees the tables but cannot change them."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox

from desktop.app import create_window
from desktop.rules.rates import file_rates
from desktop.rules.roles import Role
from desktop.services import users as U
from desktop.services.rate_tables import (
    RateTableForm,
    list_rate_tables,
    save_rate_table,
)
from desktop.services.unit import perform

SOURCE = "Surat JPTP ruj. JPNIN.100-1/2 Jld.3(12) bertarikh 15/12/2024"
PASSWORD = "rahsia-pejabat-1"


def installation(name: str) -> list[dict]:
    """The dated tables the installation ships in resources/rates/<name>.toml, newest first
    (as the page lists them)."""
    return sorted(file_rates(name)["table"], key=lambda t: t["effective_from"], reverse=True)


def open_rates(window, name: str):
    page = window.open_page("rates")
    page.table_choice.setCurrentIndex(page.table_choice.findData(name))
    assert page.name == name
    return page


def column(page, key: str) -> int:
    return [c.key for c in page.table.columns].index(key)


def fill_row(page, r: int, **values: str) -> None:
    """Type into row ``r`` of the grid as a user would: text in cells, a choice in combos."""
    for key, value in values.items():
        c = column(page, key)
        combo = page.rows.cellWidget(r, c)
        if isinstance(combo, QComboBox):
            found = combo.findData(value)
            assert found >= 0, (key, value)
            combo.setCurrentIndex(found)
        else:
            page.rows.item(r, c).setText(value)


def listed(page) -> list[tuple[str, ...]]:
    return [tuple(page.tables.item(r, c).text() for c in range(4))
            for r in range(page.tables.rowCount())]


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_buttons(page, name):
    return [b for b in page.findChildren(QAbstractButton, name) if not b.isHidden()]


def enter_gantian(qtbot, page, rows, effective_from="01/01/2025", source=SOURCE) -> None:
    click(qtbot, page.new_button)
    qtbot.keyClicks(page.effective_from, effective_from)
    qtbot.keyClicks(page.source, source)
    for r, values in enumerate(rows):
        if r >= page.rows.rowCount():
            click(qtbot, page.add_row_button)
        fill_row(page, r, **values)


def test_the_installation_tables_are_listed_as_shipped(window):
    for name in ("gantian", "lampiran_a"):
        page = open_rates(window, name)
        shipped = installation(name)
        assert listed(page) == [(f"{t['effective_from']:%d/%m/%Y}", t["source"],
                                 str(len(t["rows"])), "Pemasangan") for t in shipped]
        assert not page.remove_button.isEnabled()  # nothing entered yet


def test_administrator_enters_the_gantian_honorarium(window, qtbot):
    page = open_rates(window, "gantian")
    headers = [page.rows.horizontalHeaderItem(c).text() for c in range(page.rows.columnCount())]
    assert headers == ["Gred", "Dibayar setiap", "Kadar (RM)"]
    enter_gantian(qtbot, page, [dict(grade="S17", per="HARI", amount="60.00"),
                                dict(grade="S27", per="BULAN", amount="1500.00")])
    amount = page.rows.item(1, column(page, "amount"))
    assert amount.textAlignment() & Qt.AlignmentFlag.AlignRight
    with qtbot.waitSignal(window.ops.changed) as changed:
        click(qtbot, page.save_button)
    assert "rates" in changed.args[0]
    assert page.status.text() == "Jadual kadar disimpan."

    saved = window.ops.query(list_rate_tables, "gantian")
    assert saved[0].effective_from == date(2025, 1, 1) and saved[0].entered
    assert saved[0].source == SOURCE
    assert list(saved[0].rows) == [{"grade": "S17", "per": "HARI", "amount": "60.00"},
                                   {"grade": "S27", "per": "BULAN", "amount": "1500.00"}]
    top = listed(page)[0]
    assert top[:3] == ("01/01/2025", SOURCE, "2")
    assert top[3] == f"Dimasukkan oleh ujian pada {saved[0].entered_at:%d/%m/%Y}"
    assert len(listed(page)) == len(installation("gantian")) + 1
    # the saved table is the one selected, and it is in the editor
    assert page.selected() == saved[0]
    assert page.effective_from.text() == "01/01/2025"
    assert page.rows.rowCount() == 2 and page.cell(1, "per") == "BULAN"
    assert page.remove_button.isEnabled()


@pytest.mark.parametrize("effective_from, rows, field, words", [
    ("01/01/2025", [dict(grade="S17", per="HARI", amount="abc")], "rows",
     ["Baris 1", "Kadar (RM)"]),
    ("", [dict(grade="S17", per="HARI", amount="60.00")], "effective_from", []),
    ("01/01/2025", [dict(grade="S17", per="HARI", amount="60.00"),
                    dict(grade="S17", per="BULAN", amount="1500.00")], "rows", ["Baris 2"]),
], ids=["text-amount", "blank-date", "duplicate-grade"])
def test_bad_input_is_shown_beside_its_field_and_nothing_is_saved(
        window, qtbot, effective_from, rows, field, words):
    page = open_rates(window, "gantian")
    before = window.ops.query(list_rate_tables, "gantian")
    enter_gantian(qtbot, page, rows, effective_from=effective_from)
    with qtbot.assertNotEmitted(window.ops.changed):
        click(qtbot, page.save_button)
    message = page.errors.text_of(field)
    assert message and page.errors.labels[field].isVisible()
    for word in words:
        assert word in message
    assert page.status.text() == ""
    assert window.ops.query(list_rate_tables, "gantian") == before
    assert len(listed(page)) == len(before)


def test_lampiran_a_with_a_rate_for_every_qualification(window, qtbot):
    page = open_rates(window, "lampiran_a")
    headers = [page.rows.horizontalHeaderItem(c).text() for c in range(page.rows.columnCount())]
    assert headers == ["Jenis elaun", "Kelayakan", "Kadar (RM)"]
    qualification = page.rows.cellWidget(0, column(page, "qualification"))
    assert qualification.itemData(0) == ""  # optional: blank (all qualifications) comes first
    click(qtbot, page.new_button)
    qtbot.keyClicks(page.effective_from, "01/07/2025")
    qtbot.keyClicks(page.source, "Lampiran A SPSM JPNIN Bil.2/2016")
    fill_row(page, 0, kind="KENDERAAN", amount="0.50")  # qualification left blank
    click(qtbot, page.add_row_button)
    fill_row(page, 1, kind="HARIAN", qualification="SPM", amount="20.00")
    click(qtbot, page.save_button)
    assert page.status.text() == "Jadual kadar disimpan."
    saved = window.ops.query(list_rate_tables, "lampiran_a")[0]
    assert saved.effective_from == date(2025, 7, 1)
    # a blank optional cell is left out of the stored row: the rate applies to all
    assert list(saved.rows) == [{"kind": "KENDERAAN", "amount": "0.50"},
                                {"kind": "HARIAN", "qualification": "SPM", "amount": "20.00"}]
    assert not any(t.entered for t in window.ops.query(list_rate_tables, "gantian"))


def test_blank_rows_and_removed_rows_are_not_saved(window, qtbot):
    page = open_rates(window, "gantian")
    enter_gantian(qtbot, page, [dict(grade="S17", per="HARI", amount="60.00"),
                                dict(grade="S19", per="HARI", amount="70.00")])
    click(qtbot, page.add_row_button)  # a third row left blank
    page.rows.setCurrentCell(1, 0)
    click(qtbot, page.remove_row_button)  # S19 taken out again
    assert page.rows.rowCount() == 2
    click(qtbot, page.save_button)
    assert page.status.text() == "Jadual kadar disimpan."
    saved = window.ops.query(list_rate_tables, "gantian")[0]
    assert [r["grade"] for r in saved.rows] == ["S17"]


def test_selecting_a_table_loads_it_and_an_installation_table_saves_under_a_new_date(
        window, qtbot):
    perform(window.ops._db, save_rate_table, RateTableForm(
        "gantian", "01/01/2025", SOURCE, [{"grade": "S17", "per": "HARI", "amount": "60.00"}]),
        actor="ujian")
    page = open_rates(window, "gantian")
    page.tables.selectRow(0)
    assert page.effective_from.text() == "01/01/2025" and page.source.text() == SOURCE
    assert [page.cell(0, k) for k in ("grade", "per", "amount")] == ["S17", "HARI", "60.00"]
    assert page.remove_button.isEnabled()

    shipped = installation("gantian")[0]
    page.tables.selectRow(1)  # the installation's own: no date, cannot be removed
    assert page.source.text() == shipped["source"]
    assert page.effective_from.text() == ""
    assert page.rows.rowCount() == len(shipped["rows"])
    assert not page.remove_button.isEnabled()
    qtbot.keyClicks(page.effective_from, "01/01/2026")
    click(qtbot, page.add_row_button)
    fill_row(page, page.rows.rowCount() - 1, grade="S27", per="BULAN", amount="1500.00")
    click(qtbot, page.save_button)
    assert page.status.text() == "Jadual kadar disimpan."
    tables = window.ops.query(list_rate_tables, "gantian")
    assert [(t.effective_from, t.entered) for t in tables if t.entered] == [
        (date(2026, 1, 1), True), (date(2025, 1, 1), True)]
    assert tables[0].source == shipped["source"]


def test_remove_asks_first_then_removes(window, qtbot, monkeypatch):
    perform(window.ops._db, save_rate_table, RateTableForm(
        "gantian", "01/01/2025", SOURCE, [{"grade": "S17", "per": "HARI", "amount": "60.00"}]),
        actor="ujian")
    page = open_rates(window, "gantian")
    page.tables.selectRow(0)
    asked = []
    monkeypatch.setattr(page, "confirm", lambda text: asked.append(text) or False)
    with qtbot.assertNotEmitted(window.ops.changed):
        click(qtbot, page.remove_button)
    assert len(asked) == 1 and "01/01/2025" in asked[0]
    assert window.ops.query(list_rate_tables, "gantian")[0].entered

    monkeypatch.setattr(page, "confirm", lambda text: asked.append(text) or True)
    with qtbot.waitSignal(window.ops.changed):
        click(qtbot, page.remove_button)
    assert len(asked) == 2
    assert not any(t.entered for t in window.ops.query(list_rate_tables, "gantian"))
    assert [row[3] for row in listed(page)] == ["Pemasangan"] * len(installation("gantian"))
    assert page.selected() is None and not page.remove_button.isEnabled()


@pytest.mark.parametrize("role", [Role.BACA, Role.KERANI])
def test_only_the_administrator_changes_the_tables_others_read_them(office_db, qtbot, role):
    perform(office_db, save_rate_table, RateTableForm(
        "gantian", "01/01/2025", SOURCE, [{"grade": "S17", "per": "HARI", "amount": "60.00"}]),
        actor="ujian")
    perform(office_db, U.create_first_admin, U.UserForm("pentadbir", "Pentadbir", "", PASSWORD))
    username = role.value.lower() + "1"
    perform(office_db, U.add_user, U.UserForm(username, f"Pengguna {role.value}", role.value,
                                              PASSWORD), actor="ujian")
    reader = create_window(office_db, actor=U.login(office_db, username, PASSWORD))
    qtbot.addWidget(reader)
    assert reader.ops.role is role
    page = open_rates(reader, "gantian")
    assert listed(page)[0][:3] == ("01/01/2025", SOURCE, "1")
    for name in ("saveButton", "removeButton", "addRowButton", "removeRowButton", "newButton"):
        assert not visible_buttons(page, name), name
    page.tables.selectRow(0)  # reading a table is allowed, changing it is not
    assert page.cell(0, "amount") == "60.00"
    assert page.effective_from.isReadOnly() and page.source.isReadOnly()
    assert not page.rows.cellWidget(0, column(page, "per")).isEnabled()
    assert page.rows.editTriggers() == page.rows.EditTrigger.NoEditTriggers


def test_who_entered_a_table_is_shown_with_the_pcs_own_date(window, monkeypatch):
    """Times are stored in UTC (as the audit log's); 20:00 UTC on 1 March is already 2 March
    in Kuala Lumpur, and the page says so."""
    import time
    from datetime import datetime

    from desktop.services.rate_tables import RateTableRow

    monkeypatch.setenv("TZ", "Asia/Kuala_Lumpur")
    time.tzset()
    try:
        page = open_rates(window, "gantian")
        row = RateTableRow("gantian", date(2026, 1, 1), SOURCE, (), True, "pentadbir",
                           datetime(2026, 3, 1, 20, 0))
        assert page.origin(row) == "Dimasukkan oleh pentadbir pada 02/03/2026"
    finally:
        monkeypatch.undo()
        time.tzset()
