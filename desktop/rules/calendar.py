"""Working days per state, from the `holidays` package plus the office's own holidays.

The package knows each state's weekend (Kedah, Kelantan and Terengganu rest on Friday and
Saturday; Johor did from 2014 to 2024) and how a holiday on a rest day is observed. Only its
``is_working_day`` is state-aware: its ``.weekend`` attribute is not, so it is never used here.
Calendars are cached per state and year because a month close asks for thousands of them.
"""

from __future__ import annotations

import calendar as _cal
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from desktop.rules.catalogue import rule
from desktop.rules.states import is_state
from desktop.rules.violations import Refused, invalid

UNKNOWN_STATE = rule("UNKNOWN_STATE", None, "Negeri '{state}' tidak dikenali.",
                     "Unknown state '{state}'.")
END_BEFORE_START = rule("END_BEFORE_START", None, "Tarikh akhir tidak boleh sebelum tarikh mula.",
                        "The end date cannot be before the start date.")
INVALID_MONTH = rule("INVALID_MONTH", None, "Bulan {year}-{month} tidak sah.",
                     "Month {year}-{month} is not valid.")


def _check_state(state: str) -> str:
    code = str(state or "").strip().upper()
    if not is_state(code):
        raise UNKNOWN_STATE.refuse(field="state", state=state)
    return code


@lru_cache(maxsize=256)
def _working_set(state: str, year: int) -> frozenset[date]:
    """Every working day of a state's year (before the office's own holidays)."""
    import holidays  # imported on first use: keeps start-up light

    cal = holidays.country_holidays("MY", subdiv=state, years=year)
    day, end, out = date(year, 1, 1), date(year, 12, 31), []
    while day <= end:
        if cal.is_working_day(day):
            out.append(day)
        day += timedelta(days=1)
    return frozenset(out)


@lru_cache(maxsize=256)
def _holiday_names(state: str, year: int) -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("MY", subdiv=state, years=year, language="ms_MY"))


@lru_cache(maxsize=256)
def _working_sorted(state: str, year: int) -> tuple[date, ...]:
    return tuple(sorted(_working_set(state, year)))


def is_working_day(state: str, day: date, extra_holidays: Iterable[date] = ()) -> bool:
    """True when ``day`` is a working day in ``state`` and not one of the office's holidays."""
    code = _check_state(state)
    if day in set(extra_holidays):
        return False
    return day in _working_set(code, day.year)


def check_period(start: date, end: date, field: str = "end") -> None:
    """Refuse a period whose end comes before its start."""
    if not isinstance(start, date) or not isinstance(end, date):
        raise Refused(invalid(field, "Tarikh tidak sah.", "Invalid date.", "INVALID_DATE"))
    if end < start:
        raise END_BEFORE_START.refuse(field=field)


def working_days(state: str, start: date, end: date,
                 extra_holidays: Iterable[date] = ()) -> list[date]:
    """The working days of ``state`` from ``start`` to ``end`` inclusive, in order."""
    code = _check_state(state)
    check_period(start, end)
    extra = set(extra_holidays)
    out: list[date] = []
    for year in range(start.year, end.year + 1):
        days = _working_sorted(code, year)
        lo = bisect_left(days, max(start, date(year, 1, 1)))
        hi = bisect_right(days, min(end, date(year, 12, 31)))
        out.extend(d for d in days[lo:hi] if d not in extra)
    return out


def count_working_days(state: str, start: date, end: date,
                       extra_holidays: Iterable[date] = ()) -> int:
    return len(working_days(state, start, end, extra_holidays))


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month; refuses a month that does not exist."""
    if not (isinstance(year, int) and isinstance(month, int) and 1 <= month <= 12
            and 1900 <= year <= 2200):
        raise INVALID_MONTH.refuse(field="month", year=year, month=month)
    return date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1])


def holiday_name(state: str, day: date) -> str | None:
    """The Malay name of the public holiday on ``day`` in ``state``, if any."""
    return _holiday_names(_check_state(state), day.year).get(day)
