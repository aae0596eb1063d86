"""Rate tables the administrator enters in the app (services.rate_tables): the replacement
officer's honorarium and Lampiran A, which the installation ships empty. Entered, they are
read by the rules in every transaction, from their date; bad rows are refused all at once
with nothing saved; only an administrator may enter or remove them."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.models import AuditRecord, EnteredRateTable
from desktop.models.base import utcnow
from desktop.rules import Refused
from desktop.rules.duty_allowance import duty_allowance
from desktop.rules.gantian import gantian_honorarium
from desktop.rules.roles import Actor, Role
from desktop.services import gantian as G
from desktop.services import users as U
from desktop.services.rate_tables import (
    RateTableForm,
    list_rate_tables,
    remove_rate_table,
    save_rate_table,
)
from desktop.services.unit import perform, read

from .factories import TODAY, gantian_form

# As the office's letter from JPTP would give them (the same figures as conftest's file).
GANTIAN = [{"grade": "S17", "per": "HARI", "amount": "60.00"},
           {"grade": "S22", "per": "BULAN", "amount": "1,200.00"}]
SHIPPED = date(2016, 6, 16)  # the date of the installation's (empty) tables


def form(rows=GANTIAN, effective_from="16/06/2016", name="gantian",
         source="Surat JPTP ruj. JPNIN.100-1/2 (7) bertarikh 1 Jun 2016") -> RateTableForm:
    return RateTableForm(name, effective_from, source, [dict(r) for r in rows])


def count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def codes(exc: Refused) -> set[str]:
    return {v.code for v in exc.violations}


def test_entered_honorarium_lets_a_replacement_be_appointed(db, world):
    with pytest.raises(Refused) as before:
        perform(db, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY)
    assert codes(before.value) == {"RATE_TABLE_EMPTY"}
    assert "(halaman Kadar)" in before.value.message("ms")  # where to fill it
    assert "(Rates page)" in before.value.message("en")
    out = perform(db, save_rate_table, form())
    assert out.result == SHIPPED and out.touched == {"rates"}
    gid = perform(db, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY).result
    row = read(db, G.get_gantian, gid, today=TODAY)
    assert (row.grade_code, row.per, row.amount) == ("S17", "HARI", Decimal("60.00"))
    # 16-31 March 2026 in Selangor: 10 working days (test_gantian_service) x RM60.00
    assert read(db, G.gantian_cost_for, gid).total == Decimal("600.00")


def test_the_list_shows_entered_tables_over_the_installations(db):
    shipped = read(db, list_rate_tables, "gantian")
    assert [(t.effective_from, t.entered, t.rows) for t in shipped] == [(SHIPPED, False, ())]
    perform(db, save_rate_table, form(effective_from="01/01/2025",
                                      rows=[{"grade": "s 17", "per": "hari", "amount": "65"}]))
    perform(db, save_rate_table, form())  # the installation's date: replaces it in the list
    listed = read(db, list_rate_tables, "gantian")
    assert [(t.effective_from, t.entered) for t in listed] == [(date(2025, 1, 1), True),
                                                               (SHIPPED, True)]
    newest = listed[0]
    assert newest.rows == ({"grade": "S17", "per": "HARI", "amount": "65.00"},)  # as stored
    assert newest.entered_by
    assert abs(newest.entered_at - utcnow()) < timedelta(minutes=5)  # stored in UTC
    assert listed[1].rows[1] == {"grade": "S22", "per": "BULAN", "amount": "1200.00"}


def test_a_table_takes_effect_on_its_date(db, world):
    perform(db, save_rate_table, form(effective_from="01/04/2026"))
    with pytest.raises(Refused) as early:  # 16 March: the installation's empty table
        perform(db, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY)
    assert codes(early.value) == {"RATE_TABLE_EMPTY"}
    gid = perform(db, G.appoint_gantian, gantian_form(world.tabika_s17,
                                                      start=date(2026, 4, 1),
                                                      end=date(2026, 4, 30)),
                  today=TODAY).result
    assert read(db, G.get_gantian, gid, today=TODAY).amount == Decimal("60.00")


def test_bad_rows_are_refused_all_at_once_and_nothing_is_saved(db):
    rows = [{"grade": "S17", "per": "HARI", "amount": "abc"},
            {"grade": "", "per": "", "amount": ""},  # blank: skipped, but counted
            {"grade": "Tabika", "per": "MINGGU", "amount": "-5"},
            {"grade": "S17", "per": "BULAN", "amount": "100"}]
    with pytest.raises(Refused) as info:
        perform(db, save_rate_table, form(rows=rows, effective_from="31/02/2026", source=" "))
    text = info.value.message("ms")
    for expected in ("Baris 1: Kadar (RM) 'abc' bukan amaun wang.",
                     "Baris 3: Gred 'Tabika' bukan kod gred (cth. S17).",
                     "Baris 3: Dibayar setiap 'MINGGU' bukan salah satu daripada HARI, BULAN.",
                     "Baris 3: Kadar (RM) '-5' bukan amaun wang."):
        assert expected in text
    fields = {v.field for v in info.value.violations}
    assert fields == {"rows", "effective_from", "source"}
    assert [v.code for v in info.value.violations if v.field == "rows"] == [
        "RATE_ROW_INVALID"] * 4
    assert count(db, EnteredRateTable) == 0 and count(db, AuditRecord) == 0


def test_a_grade_twice_and_an_empty_table_are_refused(db):
    with pytest.raises(Refused) as twice:
        perform(db, save_rate_table, form(rows=GANTIAN + [GANTIAN[0]]))
    assert codes(twice.value) == {"RATE_ROW_REPEATED"}
    assert "Baris 3 mengulangi baris 1 (S17)" in twice.value.message("ms")
    with pytest.raises(Refused) as empty:
        perform(db, save_rate_table, form(rows=[{}, {"grade": " "}]))
    assert codes(empty.value) == {"RATE_ROWS_NONE"}
    with pytest.raises(Refused) as early:
        perform(db, save_rate_table, form(effective_from="01/01/2016"))
    assert codes(early.value) == {"RATE_TABLE_TOO_EARLY"}
    with pytest.raises(Refused) as unknown:
        perform(db, save_rate_table, form(name="psh"))  # set by the circular, not entered
    assert codes(unknown.value) == {"RATE_TABLE_UNKNOWN"}
    assert count(db, EnteredRateTable) == 0


def test_entering_the_same_date_again_replaces_and_is_audited(db):
    perform(db, save_rate_table, form())
    perform(db, save_rate_table, form(rows=[{"grade": "S17", "per": "HARI", "amount": "70"}]))
    (table,) = [t for t in read(db, list_rate_tables, "gantian") if t.entered]
    assert table.rows == ({"grade": "S17", "per": "HARI", "amount": "70.00"},)
    with db.session() as s:
        actions = [a for (a,) in s.execute(select(AuditRecord.action).where(
            AuditRecord.entity == "rates").order_by(AuditRecord.id))]
    assert actions == ["simpan", "ubah"]


def test_removing_an_entered_table_brings_back_the_installations(db, world):
    perform(db, save_rate_table, form())
    perform(db, remove_rate_table, "gantian", SHIPPED)
    assert [t.entered for t in read(db, list_rate_tables, "gantian")] == [False]
    with pytest.raises(Refused) as empty:
        perform(db, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY)
    assert codes(empty.value) == {"RATE_TABLE_EMPTY"}
    with pytest.raises(Refused) as again:  # nothing entered for that date any more
        perform(db, remove_rate_table, "gantian", SHIPPED)
    assert codes(again.value) == {"RATE_TABLE_NOT_ENTERED"}


def test_an_honorarium_already_appointed_keeps_its_amount(db, world):
    perform(db, save_rate_table, form())
    gid = perform(db, G.appoint_gantian, gantian_form(world.tabika_s17), today=TODAY).result
    perform(db, save_rate_table, form(rows=[{"grade": "S17", "per": "HARI", "amount": "99"}]))
    assert read(db, G.get_gantian, gid, today=TODAY).amount == Decimal("60.00")


def test_lampiran_a_entered_is_read_by_the_duty_allowance_rule(db):
    perform(db, save_rate_table, form(name="lampiran_a", rows=[
        {"kind": "harian", "qualification": "", "amount": "20.00"},
        {"kind": "HARIAN", "qualification": "spm", "amount": "25.00"},
        {"kind": "KENDERAAN", "amount": "0.50"}]))
    day = date(2026, 3, 16)
    assert read(db, lambda s: duty_allowance("HARIAN", day, "SPM")) == Decimal("25.00")
    assert read(db, lambda s: duty_allowance("HARIAN", day, "IJAZAH")) == Decimal("20.00")
    assert read(db, lambda s: duty_allowance("KENDERAAN", day)) == Decimal("0.50")
    with pytest.raises(Refused) as none:
        read(db, lambda s: duty_allowance("HOTEL", day, "SPM"))
    assert codes(none.value) == {"DUTY_RATE_NOT_FOUND"}
    assert "di halaman Kadar" in none.value.message("ms")


def test_only_an_administrator_enters_or_removes_rates(db):
    perform(db, U.create_first_admin, U.UserForm("pentadbir", "Pentadbir", "", "rahsia-123"))
    clerk = Actor("kerani1", "Kerani Satu", Role.KERANI)
    perform(db, U.add_user, U.UserForm(clerk.username, clerk.full_name, clerk.role.value,
                                       "rahsia-123"), actor="pentadbir")
    for action, args in ((save_rate_table, (form(),)), (remove_rate_table, ("gantian", SHIPPED))):
        with pytest.raises(Refused) as info:
            perform(db, action, *args, actor=clerk)
        assert codes(info.value) == {"ROLE_NOT_ALLOWED"}
    assert count(db, EnteredRateTable) == 0
    assert read(db, list_rate_tables, "gantian")  # reading is for everyone


def test_each_database_reads_its_own_entered_rates(tmp_path):
    from desktop.services.database import open_database

    first, second = (open_database(str(tmp_path / f"{n}.sqlite")) for n in ("a", "b"))
    try:
        perform(first, save_rate_table, form())
        assert read(first, lambda s: gantian_honorarium("S17", TODAY).amount) == Decimal(
            "60.00")
        with pytest.raises(Refused) as other:
            read(second, lambda s: gantian_honorarium("S17", TODAY))
        assert codes(other.value) == {"RATE_TABLE_EMPTY"}
        with pytest.raises(Refused):  # and outside any transaction, the installation's
            gantian_honorarium("S17", TODAY)
    finally:
        first.dispose()
        second.dispose()
