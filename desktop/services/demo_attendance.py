"""The demo office's attendance: an office holiday and a few absences of every demo PSH.

So that the previous month can be closed and exported straight away, the demo holds the
attendance of the last three full months and of the current month up to yesterday:

- one office holiday (cuti peristiwa), on the first Monday-to-Thursday working day of the
  office's state in the second-to-last full month (``add_office_holiday``);
- for every PSH, 0 to 3 absences a month on working days of its term (never a rest day, a
  public or office holiday, nor a day outside the term: only the grid's PRESENT cells), and at
  least one absence in each month that has a PSH with a working day, through ``set_absences``.

No official-duty trip is recorded: ``claims.add_trip`` refuses while the Lampiran A table
(``resources/rates/lampiran_a.toml``) is empty, as it ships.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop.rules.calendar import is_working_day, month_bounds
from desktop.services.attendance import DayState, month_grid, set_absences
from desktop.services.office_holidays import add_office_holiday
from desktop.services.unit import Ctx

if TYPE_CHECKING:  # demo.py imports this module
    from desktop.services.demo import DemoPlan

FULL_MONTHS = 3  # the last three full months, then the current one
MAX_ABSENCES = 3  # per PSH and month
HOLIDAY_NAME = "Cuti Peristiwa Hari Keputeraan"
NOTES = ("Cuti sakit tanpa sijil", "Urusan keluarga", "Tidak hadir tanpa cuti",
         "Kecemasan keluarga", "")


def months_back(today: date, back: int) -> tuple[int, int]:
    """The (year, month) ``back`` months before ``today``'s month (0: this month)."""
    index = today.year * 12 + today.month - 1 - back
    return index // 12, index % 12 + 1


def demo_months(today: date) -> list[tuple[int, int]]:
    """The months the demo's attendance covers, oldest first: three full ones and this one."""
    return [months_back(today, back) for back in range(FULL_MONTHS, -1, -1)]


def holiday_day(state: str, today: date) -> date:
    """The first Monday-to-Thursday working day of the state in the second-to-last full month
    (a working day in every state's week, and not a public holiday of this one)."""
    first, last = month_bounds(*months_back(today, 2))
    day = first
    while day <= last:
        if day.weekday() <= 3 and is_working_day(state, day):
            return day
        day += timedelta(days=1)
    raise AssertionError(f"no Monday-to-Thursday working day in {first:%Y-%m}")  # never: 4+ weeks


def _month_absences(rng: random.Random, ctx: Ctx, year: int, month: int,
                    yesterday: date) -> list[tuple]:
    grid = month_grid(ctx.session, year, month, today=yesterday + timedelta(days=1))
    open_days = {r.psh_id: [c.day for c in r.cells
                            if c.state is DayState.PRESENT and c.day <= yesterday]
                 for r in sorted(grid.rows, key=lambda r: r.psh_id)}
    picked = {pid: rng.sample(days, min(len(days), rng.randint(0, MAX_ABSENCES)))
              for pid, days in open_days.items()}
    if not any(picked.values()):  # a month with no absence at all shows nothing to check
        pid = next((pid for pid, days in open_days.items() if days), None)
        if pid is not None:
            picked[pid] = [rng.choice(open_days[pid])]
    return [(pid, day, "FULL", rng.choice(NOTES))
            for pid, days in picked.items() for day in sorted(days)]


def add_attendance(ctx: Ctx, rng: random.Random, plan: DemoPlan) -> None:
    """The office holiday, then the absences (see the module); the holiday's id on
    ``plan.extra["office_holidays"]``."""
    ctx.session.flush()
    hid = add_office_holiday(ctx, holiday_day(plan.state, plan.today), HOLIDAY_NAME)
    plan.extra.setdefault("office_holidays", []).append(hid)
    yesterday = plan.today - timedelta(days=1)
    changes = []
    for year, month in demo_months(plan.today):
        changes.extend(_month_absences(rng, ctx, year, month, yesterday))
    if changes:
        set_absences(ctx, changes)
