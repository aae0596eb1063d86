"""Office holidays (cuti peristiwa): entered once per office, refused on days already off in
the office's state (Selangor: Saturday-Sunday and its public holidays), twice, or in a closed
month."""

from datetime import date

import pytest
from sqlalchemy import select

from desktop.models import AuditRecord
from desktop.services import office_holidays as H
from desktop.services.unit import perform, read
from tests.psh import factories as P

from . import factories as F


@pytest.fixture
def office(db):
    return P.make_office(db, allocation=None)


def test_add_list_and_remove(db, office):
    hid = perform(db, H.add_office_holiday, "11/05/2026", "  Sambutan Hari Perpaduan ").result
    perform(db, H.add_office_holiday, date(2027, 1, 4), "Hari Keluarga")
    rows = read(db, H.list_office_holidays, 2026)
    assert rows == [H.OfficeHolidayRow(hid, date(2026, 5, 11), "Sambutan Hari Perpaduan")]
    assert len(read(db, H.list_office_holidays)) == 2
    assert read(db, H.office_holiday_days, 2026) == frozenset({date(2026, 5, 11)})
    assert read(db, H.office_holiday_names, date(2026, 5, 1), date(2026, 5, 31)) == {
        date(2026, 5, 11): "Sambutan Hari Perpaduan"}

    perform(db, H.remove_office_holiday, hid)
    assert read(db, H.office_holiday_days, 2026) == frozenset()
    with db.session() as s:
        actions = [(a.action, a.entity) for a in s.execute(
            select(AuditRecord).where(AuditRecord.entity == H.ENTITY)
            .order_by(AuditRecord.id)).scalars()]
    assert actions == [("tambah", "office_holiday")] * 2 + [("padam", "office_holiday")]


def test_a_day_is_an_office_holiday_once(db, office):
    perform(db, H.add_office_holiday, date(2026, 5, 11), "Hari Keluarga")
    exc = F.refused(db, H.add_office_holiday, date(2026, 5, 11), "Lagi")
    assert F.codes(exc) == {"OFFICE_HOLIDAY_EXISTS"} and exc.fields == ("day",)
    assert "Hari Keluarga" in exc.message("ms") and "11 Mei 2026" in exc.message("ms")


@pytest.mark.parametrize("day, why", [
    (date(2026, 5, 2), "cuti mingguan"),  # a Saturday
    (date(2026, 5, 10), "cuti mingguan"),  # a Sunday: worked in Kedah, not in Selangor
    (date(2026, 5, 27), "Qurban"),  # Hari Raya Qurban
    (date(2026, 5, 1), "Pekerja"),  # Hari Pekerja
])
def test_a_day_already_off_in_the_office_state_is_refused(db, office, day, why):
    exc = F.refused(db, H.add_office_holiday, day, "Hari Keluarga")
    assert F.codes(exc) == {"OFFICE_HOLIDAY_NOT_WORKING_DAY"}
    assert why in exc.message("ms") and "Selangor" in exc.message("ms")


def test_every_problem_at_once_and_no_office(db):
    exc = F.refused(db, H.add_office_holiday, "31/02/2026", "")
    assert F.codes(exc) == {"INVALID_DATE", "REQUIRED", "OFFICE_NOT_SET"}
    exc = F.refused(db, H.add_office_holiday, date(2026, 5, 11), "Hari Keluarga")
    assert F.codes(exc) == {"OFFICE_NOT_SET"}


def test_a_closed_month_keeps_its_holidays(db, office, monkeypatch):
    hid = perform(db, H.add_office_holiday, date(2026, 5, 11), "Hari Keluarga").result
    from desktop.services import month_lock

    monkeypatch.setattr(month_lock, "is_month_locked",
                        lambda session, year, month: (year, month) == (2026, 5))
    exc = F.refused(db, H.remove_office_holiday, hid)
    assert F.codes(exc) == {"MONTH_LOCKED"} and "Mei 2026" in exc.message("ms")
    exc = F.refused(db, H.add_office_holiday, date(2026, 5, 12), "Lagi")
    assert F.codes(exc) == {"MONTH_LOCKED"}
    perform(db, H.add_office_holiday, date(2026, 6, 3), "Bulan lain")  # June is open


def test_removing_what_does_not_exist(db, office):
    assert F.codes(F.refused(db, H.remove_office_holiday, 99)) == {"NOT_FOUND"}
    assert F.codes(F.refused(db, H.remove_office_holiday, "x")) == {"NOT_A_NUMBER"}
