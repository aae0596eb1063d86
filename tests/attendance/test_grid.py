"""The month grid of May 2026 for a Selangor PSH (rest Saturday-Sunday) and a Kedah PSH (rest
Friday-Saturday), with an office holiday shaded for both (calendar worked out in
factories.py)."""

from datetime import date

from desktop.services import attendance as A
from desktop.services import office_holidays as H
from desktop.services.attendance import DayState
from desktop.services.unit import perform, read

from . import factories as F

OUT, REST, PRESENT, ABSENT = (DayState.OUT_OF_TERM, DayState.REST_OR_HOLIDAY,
                              DayState.PRESENT, DayState.ABSENT)


def day(n: int) -> date:
    return date(2026, 5, n)


def states(row) -> dict[int, DayState]:
    return {c.day.day: c.state for c in row.cells}


def test_rows_are_the_psh_of_the_month(db, may):
    grid = read(db, A.month_grid, 2026, 5, today=day(15))
    assert grid.days == tuple(day(n) for n in range(1, 32))
    assert [r.psh_id for r in grid.rows] == [may.badrul, may.aminah]  # by premises code
    aminah = grid.rows[1]
    assert (aminah.name, aminah.premises_code, aminah.state) == (
        "Aminah binti Ali", "SGR-TBK-001", "SGR")
    assert (aminah.start, aminah.last_day, str(aminah.daily_rate)) == (
        date(2026, 3, 2), day(29), F.SPM_RATE)
    assert grid.today == day(15) and not grid.locked and not grid.half_days_allowed
    # Chong ended on 30 April; in April's grid she is there, on every day of her term
    april = read(db, A.month_grid, 2026, 4)
    assert may.ended in [r.psh_id for r in april.rows]
    assert may.badrul not in [r.psh_id for r in april.rows]


def test_selangor_and_kedah_days(db, may):
    perform(db, H.add_office_holiday, F.OFFICE_HOLIDAY, "Hari Keluarga JPNIN")
    grid = read(db, A.month_grid, 2026, 5)
    rows = {r.psh_id: r for r in grid.rows}
    assert grid.office_holidays == ((F.OFFICE_HOLIDAY, "Hari Keluarga JPNIN"),)

    sgr = states(rows[may.aminah])
    sgr_rest = {1, 27} | {2, 9, 16, 23, 3, 10, 17, 24} | {11}  # to the 29th, her last day
    assert {d for d, s in sgr.items() if s is REST} == sgr_rest
    assert {d for d, s in sgr.items() if s is OUT} == {30, 31}
    assert {d for d, s in sgr.items() if s is PRESENT} == set(range(1, 30)) - sgr_rest
    assert rows[may.aminah].working_days == 18  # 21 weekdays - 1 and 27 May - the 11th

    kdh = states(rows[may.badrul])
    assert {d for d, s in kdh.items() if s is OUT} == {1, 2, 3, 4, 5}  # from 6 May
    kdh_rest = {8, 15, 22, 29} | {9, 16, 23, 30} | {27, 28, 31} | {11}
    assert {d for d, s in kdh.items() if s is REST} == kdh_rest
    assert {d for d, s in kdh.items() if s is PRESENT} == set(range(6, 32)) - kdh_rest
    assert rows[may.badrul].working_days == 14
    assert kdh[10] is PRESENT and sgr[10] is REST  # a Sunday
    assert kdh[8] is REST and sgr[8] is PRESENT  # a Friday


def test_cells_name_why_a_day_is_off(db, may):
    perform(db, H.add_office_holiday, F.OFFICE_HOLIDAY, "Hari Keluarga JPNIN")
    grid = read(db, A.month_grid, 2026, 5)
    rows = {r.psh_id: r for r in grid.rows}
    sgr = {c.day.day: c for c in rows[may.aminah].cells}
    kdh = {c.day.day: c for c in rows[may.badrul].cells}
    assert sgr[11].label == kdh[11].label == "Cuti peristiwa: Hari Keluarga JPNIN"
    assert sgr[1].label == "Hari Pekerja" and "Qurban" in sgr[27].label
    assert "Qurban" in kdh[28].label and "Wesak" in kdh[31].label
    assert sgr[2].label == kdh[8].label == "cuti mingguan"
    assert not sgr[1].state.clickable and sgr[4].state.clickable
    assert not kdh[1].state.clickable and kdh[1].label == ""


def test_absences_show_in_the_grid_and_clear(db, may):
    perform(db, A.set_absence, may.aminah, day(4), "FULL", "Sakit")
    perform(db, A.set_absence, may.badrul, day(10))  # Sunday: a working day in Kedah
    grid = read(db, A.month_grid, 2026, 5)
    rows = {r.psh_id: r for r in grid.rows}
    cell = rows[may.aminah].cells[3]
    assert (cell.day, cell.state, cell.note) == (day(4), ABSENT, "Sakit")
    assert rows[may.badrul].cells[9].state is ABSENT
    assert (rows[may.aminah].absent_days, rows[may.badrul].absent_days) == (1, 1)

    assert perform(db, A.set_absence, may.aminah, day(4), None).result is None
    rows = {r.psh_id: r for r in read(db, A.month_grid, 2026, 5).rows}
    assert rows[may.aminah].cells[3].state is PRESENT and rows[may.aminah].absent_days == 0


def test_a_month_with_no_psh(db, may):
    grid = read(db, A.month_grid, 2025, 2)
    assert grid.rows == () and len(grid.days) == 28
