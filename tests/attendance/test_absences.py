"""Absences: set, changed and cleared with their audit; every refusal (outside the term, rest
day or holiday, half day while not allowed, closed month) saves nothing; the grid's Save is
all or nothing."""

from datetime import date

import pytest
from sqlalchemy import select

from desktop.models import Absence, AuditRecord
from desktop.rules import Refused
from desktop.services import attendance as A
from desktop.services import office_holidays as H
from desktop.services.unit import perform, read

from . import factories as F


def day(n: int) -> date:
    return date(2026, 5, n)


def stored(db) -> list[tuple]:
    with db.session() as s:
        return [(a.psh_id, a.day, a.kind.value, a.note) for a in s.execute(
            select(Absence).order_by(Absence.psh_id, Absence.day)).scalars()]


def audit(db) -> list[tuple[str, str]]:
    with db.session() as s:
        return [(a.action, a.after) for a in s.execute(select(AuditRecord).where(
            AuditRecord.entity == A.ENTITY).order_by(AuditRecord.id)).scalars()]


def test_set_change_and_clear_are_audited(db, may):
    aid = perform(db, A.set_absence, may.aminah, "04/05/2026", "full", " Sakit ").result
    assert isinstance(aid, int)
    assert stored(db) == [(may.aminah, day(4), "FULL", "Sakit")]
    # the same again changes nothing and writes no audit record
    assert perform(db, A.set_absence, may.aminah, day(4), "FULL", "Sakit").result == aid
    perform(db, A.set_absence, may.aminah, day(4), "FULL", "Sakit (MC)")
    assert perform(db, A.set_absence, may.aminah, day(4), "").result is None
    assert stored(db) == []
    actions = [a for a, _ in audit(db)]
    assert actions == ["tambah", "ubah", "padam"]
    assert '"day":"2026-05-04"' in audit(db)[0][1]
    # clearing a day never marked is no change at all
    assert perform(db, A.set_absence, may.aminah, day(5), None).result is None
    assert len(audit(db)) == 3


@pytest.mark.parametrize("who, n, words", [
    ("aminah", 2, "cuti mingguan"),  # Saturday
    ("aminah", 1, "Hari Pekerja"),
    ("aminah", 27, "Qurban"),
    ("badrul", 8, "cuti mingguan"),  # Friday in Kedah
    ("badrul", 28, "Qurban"),  # the second day, in Kedah only
])
def test_rest_days_and_holidays_take_no_absence(db, may, who, n, words):
    exc = F.refused(db, A.set_absence, getattr(may, who), day(n))
    assert F.codes(exc) == {"ABSENCE_ON_REST_DAY"} and exc.fields == ("day",)
    assert words in exc.message("ms") and "(perenggan 5A(k))" in exc.message("ms")


def test_an_office_holiday_takes_no_absence(db, may):
    perform(db, H.add_office_holiday, F.OFFICE_HOLIDAY, "Hari Keluarga")
    exc = F.refused(db, A.set_absence, may.badrul, F.OFFICE_HOLIDAY)
    assert F.codes(exc) == {"ABSENCE_ON_REST_DAY"}
    assert "Cuti peristiwa: Hari Keluarga" in exc.message("ms")


@pytest.mark.parametrize("who, n", [("aminah", 30), ("badrul", 5), ("ended", 4)])
def test_days_outside_the_term_take_no_absence(db, may, who, n):
    exc = F.refused(db, A.set_absence, getattr(may, who), day(n))
    assert F.codes(exc) == {"ABSENCE_OUTSIDE_TERM"}
    assert "di luar tempoh" in exc.message("ms")


def test_half_days_are_refused_while_the_table_says_so(db, may):
    exc = F.refused(db, A.set_absence, may.aminah, day(4), "HALF")
    assert F.codes(exc) == {"HALF_DAY_NOT_ALLOWED"}
    assert "separuh hari" in exc.message("ms")


def test_half_days_once_allowed_show_and_are_not_paid_by_guess(db, may, rates_dir):
    (rates_dir / "attendance.toml").write_text(
        (rates_dir / "attendance.toml").read_text(encoding="utf-8")
        + "\n[[table]]\neffective_from = 2026-05-01\nhalf_days_allowed = true\n",
        encoding="utf-8")
    F.refused(db, A.set_absence, may.aminah, date(2026, 4, 30), "HALF")  # not yet allowed
    perform(db, A.set_absence, may.aminah, day(4), "HALF")
    grid = read(db, A.month_grid, 2026, 5)
    row = next(r for r in grid.rows if r.psh_id == may.aminah)
    assert grid.half_days_allowed and row.cells[3].state is A.DayState.HALF
    assert row.half_days == 1 and row.absent_days == 0
    assert read(db, A.half_days_of, may.aminah, 2026, 5) == (day(4),)
    assert read(db, A.absences_of, may.aminah, 2026, 5) == ()
    with pytest.raises(Refused) as info:
        read(db, A.month_pay_preview, may.aminah, 2026, 5)
    assert F.codes(info.value) == {"HALF_DAY_PAY_UNDEFINED"}


def test_closed_month_refuses_setting_and_clearing(db, may, request):
    perform(db, A.set_absence, may.aminah, day(4))
    request.getfixturevalue("locked_may")
    for kind in ("FULL", None):
        exc = F.refused(db, A.set_absence, may.aminah, day(5) if kind else day(4), kind)
        assert F.codes(exc) == {"MONTH_LOCKED"}
        assert "telah ditutup" in exc.message("ms")
    assert read(db, A.month_grid, 2026, 5).locked
    perform(db, A.set_absence, may.badrul, date(2026, 6, 3))  # June is open


def test_bad_input_is_named(db, may):
    exc = F.refused(db, A.set_absence, may.aminah, "bukan tarikh", "SEPARUH", "x" * 501)
    assert F.codes(exc) == {"INVALID_DATE", "UNKNOWN_VALUE", "TOO_LONG"}
    assert set(exc.fields) == {"day", "kind", "note"}
    assert F.codes(F.refused(db, A.set_absence, 999, day(4))) == {"NOT_FOUND"}
    assert F.codes(F.refused(db, A.set_absence, "", day(4))) == {"REQUIRED"}


def test_set_absences_saves_all(db, may):
    changes = [(may.aminah, day(4), "FULL"), (may.aminah, day(5), "FULL", "Kecemasan"),
               (may.badrul, "10/05/2026", "FULL"), (may.badrul, day(12), "FULL"),
               (may.badrul, day(12), None)]  # a cell given twice keeps its last change
    assert perform(db, A.set_absences, changes).result == 3
    assert stored(db) == [(may.aminah, day(4), "FULL", ""),
                          (may.aminah, day(5), "FULL", "Kecemasan"),
                          (may.badrul, day(10), "FULL", "")]
    assert perform(db, A.set_absences, [(may.aminah, day(4), None),
                                        (may.aminah, day(5), "FULL", "Kecemasan")]).result == 1
    assert read(db, A.absences_of, may.aminah, 2026, 5) == (day(5),)
    assert read(db, A.absences_in_month, 2026, 5) == {may.aminah: (day(5),),
                                                      may.badrul: (day(10),)}


def test_set_absences_is_all_or_nothing(db, may):
    perform(db, A.set_absence, may.aminah, day(6))
    changes = [(may.aminah, day(4), "FULL"), (may.aminah, day(6), None),
               (may.badrul, day(8), "FULL"),  # a Friday in Kedah
               (may.aminah, day(30), "FULL"),  # after her last day
               (may.badrul, day(7), "HALF")]
    exc = F.refused(db, A.set_absences, changes)
    assert [v.code for v in exc.violations] == [
        "ABSENCE_ON_REST_DAY", "ABSENCE_OUTSIDE_TERM", "HALF_DAY_NOT_ALLOWED"]
    assert exc.fields == (A.cell_field(may.badrul, day(8)), A.cell_field(may.aminah, day(30)),
                          A.cell_field(may.badrul, day(7)))
    assert exc.fields[0] == f"{may.badrul}/2026-05-08"
    assert stored(db) == [(may.aminah, day(6), "FULL", "")]
    assert F.codes(F.refused(db, A.set_absences, [(may.aminah, day(4))])) == {"INVALID_INPUT"}


def test_absences_that_no_longer_count_are_listed(db, may):
    perform(db, A.set_absence, may.aminah, day(12))
    perform(db, A.set_absence, may.aminah, day(13))
    perform(db, H.add_office_holiday, day(12), "Hari Keluarga")
    stray = read(db, A.stray_absences, 2026, 5)
    assert [(s.psh_id, s.day, s.reason_ms) for s in stray] == [
        (may.aminah, day(12), "Cuti peristiwa: Hari Keluarga")]
    grid = read(db, A.month_grid, 2026, 5)
    row = next(r for r in grid.rows if r.psh_id == may.aminah)
    assert row.cells[11].state is A.DayState.REST_OR_HOLIDAY and row.absent_days == 1
    perform(db, A.set_absence, may.aminah, day(12), None)  # and can still be cleared
    assert read(db, A.stray_absences, 2026, 5) == []
