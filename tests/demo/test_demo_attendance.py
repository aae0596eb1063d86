"""The demo office's attendance: an office holiday and a few absences over the last three full
months and this one, so that the previous month closes and exports straight away (issue 6.7).

Expectations are worked out by hand from reference/calendars-and-mykad.md (Kedah rests on Friday
and Saturday; its 2026 holidays from the ``holidays`` package, as the reference says), not read
from the code under test.
"""

from datetime import date, timedelta

import holidays
import pytest
from sqlalchemy import select

from desktop.models import Absence, DutyTrip, OfficeHoliday
from desktop.returns import write_return
from desktop.returns.readback import inspect
from desktop.services.attendance import DayState, month_grid, stray_absences
from desktop.services.database import open_database
from desktop.services.demo import fill_demo
from desktop.services.month import close_month, month_lines, return_data
from desktop.services.unit import perform, read

LATE, MID = date(2026, 11, 25), date(2026, 7, 10)
# the last three full months of each "today", oldest first
FULL = {LATE: [(2026, 8), (2026, 9), (2026, 10)], MID: [(2026, 4), (2026, 5), (2026, 6)]}
# The first Monday-Thursday working day in Kedah of the second-to-last full month:
# September 2026 opens on Tuesday the 1st, no holiday (National Day is Monday 31 August);
# May 2026: Labour Day is Friday the 1st (a rest day; observed Sunday the 3rd), the 2nd a
# Saturday, the 3rd a Sunday, so Monday the 4th.
HOLIDAY = {LATE: date(2026, 9, 1), MID: date(2026, 5, 4)}
KDH_REST = {4, 5}  # Friday, Saturday
KDH_HOLIDAYS = holidays.country_holidays("MY", subdiv="KDH", years=2026)


def _fill(path, today, seed=1):
    db = open_database(str(path))
    summary = perform(db, fill_demo, state="KDH", seed=seed, today=today, actor="demo").result
    return db, summary


@pytest.fixture(scope="module", params=[LATE, MID], ids=["nov", "jul"])
def office(request, tmp_path_factory):
    today = request.param
    db, summary = _fill(tmp_path_factory.mktemp("att") / "d.sqlite", today)
    yield db, summary, today
    db.dispose()


def _absences(db) -> list[tuple[int, date, str, str]]:
    return read(db, lambda s: [(a.psh_id, a.day, a.kind.value, a.note) for a in s.scalars(
        select(Absence).order_by(Absence.psh_id, Absence.day))])


def _holidays(db) -> list[tuple[date, str]]:
    return read(db, lambda s: [(h.day, h.name) for h in s.scalars(
        select(OfficeHoliday).order_by(OfficeHoliday.day))])


def test_one_office_holiday_on_a_working_day_and_shaded(office):
    db, s, today = office
    [(day, name)] = _holidays(db)
    assert day == HOLIDAY[today] and name.startswith("Cuti Peristiwa")
    assert day.weekday() <= 3 and day not in KDH_HOLIDAYS
    assert s.office_holidays == 1
    grid = read(db, month_grid, day.year, day.month, today)
    assert grid.rows, "the month has PSH to show the holiday on"
    assert grid.office_holidays == ((day, name),)
    for row in grid.rows:
        cell = next(c for c in row.cells if c.day == day)
        if row.start <= day <= row.last_day:
            assert cell.state is DayState.REST_OR_HOLIDAY and name in cell.label
        else:
            assert cell.state is DayState.OUT_OF_TERM


def test_absences_in_each_full_month_at_most_three_each(office):
    db, s, today = office
    found = _absences(db)
    assert s.absences == len(found)
    for year, month in FULL[today]:
        in_month = [(pid, d) for pid, d, _k, _n in found if (d.year, d.month) == (year, month)]
        assert in_month, f"no absence in {year}-{month:02d}"
        per_psh = {pid: sum(p == pid for p, _d in in_month) for pid, _d in in_month}
        assert max(per_psh.values()) <= 3
    months = set(FULL[today]) | {(today.year, today.month)}
    assert all((d.year, d.month) in months and d < today for _p, d, _k, _n in found)
    assert all(kind == "FULL" for _p, _d, kind, _n in found)


def test_every_absence_is_on_a_working_day_of_its_term(office):
    db, _s, today = office
    office_days = {d for d, _n in _holidays(db)}
    grids = {}
    for pid, day, _k, _n in _absences(db):
        assert day.weekday() not in KDH_REST and day not in KDH_HOLIDAYS
        assert day not in office_days
        key = (day.year, day.month)
        if key not in grids:
            grids[key] = {r.psh_id: r for r in read(db, month_grid, *key, today).rows}
        row = grids[key][pid]
        assert row.start <= day <= row.last_day
        assert next(c for c in row.cells if c.day == day).state is DayState.ABSENT
    for key in grids:
        assert read(db, stray_absences, *key) == []


def test_the_month_lines_count_the_absences_and_show_no_problem(office):
    db, _s, today = office
    found = _absences(db)
    for year, month in FULL[today]:
        lines = read(db, month_lines, year, month)
        assert lines.problems == ()
        assert sum(p.absent_days for p in lines.psh) == sum(
            (d.year, d.month) == (year, month) for _p, d, _k, _n in found)
        assert lines.claims == ()  # the Lampiran A table ships empty: no trips
    assert read(db, lambda s: s.scalars(select(DutyTrip)).all()) == []


def test_the_summary_says_so(office):
    _db, s, _today = office
    ms, en = s.describe(), s.describe("en")
    assert f"{s.absences} hari tidak hadir dan 1 cuti peristiwa" in ms
    assert f"{s.absences} absences and 1 office holiday" in en
    assert "Lampiran A" in ms and "Lampiran A" in en


@pytest.mark.parametrize("today", [LATE, MID], ids=["nov", "jul"])
def test_the_previous_month_closes_and_exports_straight_away(tmp_path, today):
    db, _s = _fill(tmp_path / "close.sqlite", today)
    try:
        year, month = FULL[today][-1]
        row = perform(db, close_month, year, month, today=today, actor="demo").result
        assert (row.year, row.month, row.version) == (year, month, 1)
        data = read(db, return_data, year, month)
        assert data.psh and sum(p.absent_days for p in data.psh) > 0
        path = write_return(data, tmp_path / f"{year}-{month:02d}.xlsx")
        verification, back = inspect(path)
        assert verification.ok, verification.problems_en
        assert len(back.psh) == len(data.psh)
    finally:
        db.dispose()


def test_the_same_seed_and_day_give_the_same_attendance(tmp_path):
    made = [_fill(tmp_path / f"{n}.sqlite", LATE, seed=seed)
            for n, seed in (("a", 3), ("b", 3), ("c", 4))]
    try:
        a, b, c = ((_absences(db), _holidays(db)) for db, _s in made)
        assert a == b and a[0]
        assert c[1] == a[1]  # the holiday's day depends on the calendar only
    finally:
        for db, _s in made:
            db.dispose()


def test_today_on_the_first_records_nothing_this_month(tmp_path):
    today = date(2026, 12, 1)
    db, _s = _fill(tmp_path / "first.sqlite", today)
    try:
        days = [d for _p, d, _k, _n in _absences(db)]
        assert days and max(days) <= today - timedelta(days=1)
        assert {(d.year, d.month) for d in days} <= {(2026, 9), (2026, 10), (2026, 11)}
    finally:
        db.dispose()
