"""Office holidays (cuti peristiwa): days the whole office is closed, entered once per office.

They are days off for every PSH on top of the premises' state calendar, so they are neither
worked nor paid (5A(k)). A day that is already a public holiday or a weekly rest day in the
office's state is refused (it would change nothing there), as is a second holiday on one day
and any change in a closed month. (Named ``office_holidays`` so as not to shadow the
``holidays`` package.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import OfficeHoliday
from desktop.rules.attendance import (
    OFFICE_HOLIDAY_EXISTS,
    OFFICE_HOLIDAY_NOT_WORKING_DAY,
    OFFICE_NOT_SET,
    day_values,
    rest_reason,
)
from desktop.rules.calendar import month_bounds
from desktop.rules.states import state_name
from desktop.services import month_lock
from desktop.services.office import get_office
from desktop.services.unit import Ctx
from desktop.services.vacancies import not_found
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "office_holiday"


@dataclass(frozen=True)
class OfficeHolidayRow:
    id: int
    day: date
    name: str


def _snapshot(h: OfficeHoliday) -> dict:
    return {"day": h.day, "name": h.name}


def list_office_holidays(session: Session, year: int | None = None) -> list[OfficeHolidayRow]:
    """The office holidays (of ``year``, or all), in date order."""
    q = select(OfficeHoliday).order_by(OfficeHoliday.day)
    if year is not None:
        first, _ = month_bounds(year, 1)
        q = q.where(OfficeHoliday.day >= first, OfficeHoliday.day <= date(year, 12, 31))
    return [OfficeHolidayRow(h.id, h.day, h.name) for h in session.execute(q).scalars()]


def office_holiday_days(session: Session, year: int) -> frozenset[date]:
    """The days of ``year`` the office is closed: ``extra_holidays`` for the calendar rules."""
    return frozenset(r.day for r in list_office_holidays(session, year))


def office_holiday_names(session: Session, first: date, last: date) -> dict[date, str]:
    """Office holiday -> its name, from ``first`` to ``last`` inclusive."""
    q = select(OfficeHoliday.day, OfficeHoliday.name).where(
        OfficeHoliday.day >= first, OfficeHoliday.day <= last)
    return {day: name for day, name in session.execute(q)}


def add_office_holiday(ctx: Ctx, day, name: str) -> int:
    """Record a cuti peristiwa on ``day`` (a working day of the office's state, in an open
    month, not already an office holiday); returns its id."""
    s = ctx.session
    c = Checks()
    day = typed_date(c, "day", "Tarikh cuti peristiwa", "Office holiday date", day)
    name = c.text("name", "Nama cuti peristiwa", "Office holiday name", name, max_len=200)
    office = get_office(s)
    if office is None or not office.state:
        c.add(OFFICE_NOT_SET.violation("day"))
    if day is not None:
        locked = month_lock.locked_violation(s, day, "day")
        if locked is not None:
            c.add(locked)
        same = s.execute(select(OfficeHoliday).where(OfficeHoliday.day == day)).scalar()
        if same is not None:
            c.add(OFFICE_HOLIDAY_EXISTS.violation("day", name=same.name, **day_values(day=day)))
        elif office is not None and office.state:
            why = rest_reason(office.state, day)
            if why is not None:
                c.add(OFFICE_HOLIDAY_NOT_WORKING_DAY.violation(
                    "day", state=state_name(office.state), why_ms=why[0], why_en=why[1],
                    **day_values(day=day)))
    c.raise_if_any()
    h = OfficeHoliday(day=day, name=name)
    s.add(h)
    s.flush()
    ctx.audit("tambah", ENTITY, h.id, None, _snapshot(h))
    return h.id


def remove_office_holiday(ctx: Ctx, holiday_id) -> None:
    """Delete an office holiday of a month still open: its day is a working day again."""
    s = ctx.session
    c = Checks()
    hid = typed_id(c, "id", "Cuti peristiwa", "Office holiday", holiday_id)
    c.raise_if_any()
    h = s.get(OfficeHoliday, hid)
    if h is None:
        raise not_found("Cuti peristiwa", "Office holiday", hid, "id")
    locked = month_lock.locked_violation(s, h.day, "id")
    if locked is not None:
        c.add(locked)
    c.raise_if_any()
    before = _snapshot(h)
    s.delete(h)
    s.flush()
    ctx.audit("padam", ENTITY, hid, before, None)


__all__ = ["OfficeHolidayRow", "add_office_holiday", "list_office_holidays",
           "office_holiday_days", "office_holiday_names", "remove_office_holiday"]
