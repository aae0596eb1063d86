"""Official-duty claims of PSH (para 5A(j)): trips, their allowances by Lampiran A, the month.

A trip is entered with its first day, purpose, hours away, kilometres, nights and (with
nights) the lodging paid; its allowance is computed at entry by ``rules.duty_claim`` from the
Lampiran A table in force on its first day for the PSH's wage qualification, and kept with the
rates used. While the administrator has not filled the table every trip is refused with
``RATE_TABLE_EMPTY``. A trip belongs to the month of its first day; nothing changes in a closed
month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Absence, DutyTrip, Premises, PshAppointment, Vacancy
from desktop.rules import Refused, invalid
from desktop.rules.attendance import AbsenceKind, day_values
from desktop.rules.calendar import month_bounds
from desktop.rules.duty_claim import (
    LODGING_KINDS,
    TRIP_ON_ABSENT_DAY,
    TRIP_OUTSIDE_TERM,
    TRIP_OVERLAPS,
    TripAllowance,
    check_trip,
    table_problems,
    trip_allowance,
)
from desktop.services import month_lock
from desktop.services.unit import Ctx
from desktop.services.vacancies import not_found
from desktop.services.validate import GROUPED, Checks, typed_date, typed_id

ENTITY = "duty_trip"
MAX_KM = Decimal("10000")  # more in one trip is a typing slip
MAX_NIGHTS = 200  # a PSH's term is at most six months
MAX_HOURS = Decimal(24 * (MAX_NIGHTS + 1))
CLOCK = re.compile(r"^(\d{1,4}):([0-5]\d)$")  # 9:30 = nine and a half hours


@dataclass
class DutyTripForm:
    psh_id: int | str | None = None
    day: date | str | None = None  # the trip's first day
    purpose: str = ""
    hours_away: Decimal | int | str | None = None  # "9.5" or "9:30"
    km: Decimal | int | str | None = None  # blank: none; at most one decimal
    nights: int | str | None = None  # blank: none
    lodging: str = ""  # HOTEL or LOJING, when there are nights


@dataclass(frozen=True)
class TripRow:
    id: int
    psh_id: int
    name: str
    mykad: str
    premises_code: str
    premises_name: str
    day: date
    last_day: date  # the day of return (first day + nights)
    purpose: str
    hours_away: Decimal  # to the minute, in hours (2 places)
    km: Decimal
    nights: int
    lodging: str  # "" without nights
    amount: Decimal
    rate_snapshot: str


@dataclass(frozen=True)
class PshClaimTotal:
    psh_id: int
    name: str
    mykad: str
    premises_code: str
    premises_name: str
    trips: int
    total: Decimal


# ---------------------------------------------------------------------------------------------
# reading the form

def _number(c: Checks, field: str, label_ms: str, label_en: str, value, places: int,
            most: Decimal, required: bool) -> Decimal | None:
    """A number of at most ``places`` decimals from 0 to ``most``; text that is not one is
    refused naming the field. Blank is 0 unless ``required``."""
    number = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, float):  # a spin box's value: its shortest repr is what was shown
        number = Decimal(repr(value))
    elif value is None or isinstance(value, str):
        text = (value or "").strip()
        if not text:
            if required:
                c.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                              "REQUIRED"))
                return None
            return Decimal(0)
        if GROUPED.match(text):
            text = text.replace(",", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite():
        c.add(invalid(field, f"{label_ms} mesti nombor: '{value}'.",
                      f"{label_en} must be a number: '{value}'.", "NOT_A_NUMBER"))
        return None
    if number < 0:
        c.add(invalid(field, f"{label_ms} tidak boleh negatif ({value}).",
                      f"{label_en} cannot be negative ({value}).", "NEGATIVE_NUMBER"))
        return None
    if number != number.quantize(Decimal(1).scaleb(-places)):
        what_ms = "nombor bulat" if places == 0 else f"paling banyak {places} tempat perpuluhan"
        what_en = "a whole number" if places == 0 else f"at most {places} decimal place(s)"
        c.add(invalid(field, f"{label_ms} mesti {what_ms}: '{value}'.",
                      f"{label_en} must be {what_en}: '{value}'.", "TOO_PRECISE"))
        return None
    if number > most:
        c.add(invalid(field, f"{label_ms} {number} melebihi had {most}.",
                      f"{label_en} {number} exceeds the limit {most}.", "TOO_LARGE"))
        return None
    return number


def _minutes(c: Checks, value) -> int | None:
    if isinstance(value, str) and (m := CLOCK.match(value.strip())):
        return int(m[1]) * 60 + int(m[2])
    hours = _number(c, "hours_away", "Jam di luar pejabat", "Hours away", value, 2, MAX_HOURS,
                    required=True)
    if hours is None:
        return None
    return int((hours * 60).quantize(Decimal(1), ROUND_HALF_UP))


def _lodging(c: Checks, value) -> str | None:
    text = (value or "").strip().upper() if isinstance(value, str) else ""
    if not text:
        return None
    if text not in LODGING_KINDS:
        c.add(invalid("lodging", f"Penginapan '{value}' tidak dikenali (HOTEL atau LOJING).",
                      f"Unknown lodging '{value}' (HOTEL or LOJING).", "UNKNOWN_VALUE"))
        return None
    return text


@dataclass(frozen=True)
class _Trip:
    psh: PshAppointment
    day: date
    purpose: str
    minutes: int
    km: Decimal
    nights: int
    lodging: str | None
    allowance: TripAllowance


def _last_day(p: PshAppointment) -> date:
    return p.ended_on or p.end


def _clean(session: Session, form: DutyTripForm) -> _Trip:
    """Every check of the form, all problems at once; the allowance when there are none."""
    c = Checks()
    pid = typed_id(c, "psh_id", "PSH", "PSH", form.psh_id)
    day = typed_date(c, "day", "Tarikh tugas rasmi", "Date of the official duty", form.day)
    purpose = c.text("purpose", "Tujuan tugas rasmi", "Purpose of the official duty",
                     form.purpose, max_len=500)
    minutes = _minutes(c, form.hours_away)
    km = _number(c, "km", "Jarak (km)", "Distance (km)", form.km, 1, MAX_KM, required=False)
    nights = _number(c, "nights", "Bilangan malam", "Number of nights", form.nights, 0,
                     Decimal(MAX_NIGHTS), required=False)
    nights = None if nights is None else int(nights)
    said = len(c.problems)
    lodging = _lodging(c, form.lodging)
    lodging_ok = len(c.problems) == said
    p = None
    if pid is not None:
        p = session.get(PshAppointment, pid)
        if p is None:
            c.add(invalid("psh_id", f"PSH {pid} tidak wujud.", f"PSH {pid} does not exist.",
                          "NOT_FOUND"))
    if p is not None and day is not None:
        locked = month_lock.locked_violation(session, day, "day")
        if locked is not None:
            c.add(locked)
        back = day + timedelta(days=nights or 0)
        if day < p.start or back > _last_day(p):
            c.add(TRIP_OUTSIDE_TERM.violation("day", name=p.name, **day_values(
                first=day, last=back, start=p.start, end=_last_day(p))))
        else:
            absent = session.execute(select(Absence.day).where(
                Absence.psh_id == p.id, Absence.kind == AbsenceKind.FULL, Absence.day >= day,
                Absence.day <= back).order_by(Absence.day)).scalars().first()
            if absent is not None:
                c.add(TRIP_ON_ABSENT_DAY.violation("day", name=p.name,
                                                   **day_values(day=absent)))
            for other in session.execute(select(DutyTrip).where(
                    DutyTrip.psh_id == p.id, DutyTrip.day <= back,
                    DutyTrip.day >= day - timedelta(days=MAX_NIGHTS))).scalars():
                if other.day + timedelta(days=other.nights) >= day:
                    c.add(TRIP_OVERLAPS.violation("day", name=p.name, purpose=other.purpose,
                                                  **day_values(other=other.day)))
                    break
    figures = minutes is not None and km is not None and nights is not None
    if figures:
        c.problems.extend(v for v in check_trip(minutes, km, nights, lodging if nights else None)
                          if lodging_ok or v.field != "lodging")
    allowance = None
    if figures and not c.problems and p is not None:
        try:
            allowance = trip_allowance(p.qualification_used, day, minutes, km, nights,
                                       lodging if nights else None)
        except Refused as refused:
            c.problems.extend(refused.violations)
    elif day is not None:
        # say the table is empty along with the rest, so the clerk learns it at once
        c.problems.extend(table_problems(day))
    c.raise_if_any()
    return _Trip(p, day, purpose, minutes, km, nights, lodging if nights else None, allowance)


# ---------------------------------------------------------------------------------------------
# actions

def preview_trip(session: Session, form: DutyTripForm) -> TripAllowance:
    """The allowance the trip would be paid, with every refusal ``add_trip`` would give."""
    return _clean(session, form).allowance


def _snapshot(t: DutyTrip) -> dict:
    return {"psh_id": t.psh_id, "day": t.day, "purpose": t.purpose,
            "minutes_away": t.minutes_away, "km_tenths": t.km_tenths, "nights": t.nights,
            "lodging": t.lodging, "amount": t.amount, "rate_snapshot": t.rate_snapshot}


def add_trip(ctx: Ctx, form: DutyTripForm) -> int:
    """Record an official-duty trip and its allowance (5A(j)); returns its id."""
    trip = _clean(ctx.session, form)
    t = DutyTrip(psh_id=trip.psh.id, day=trip.day, purpose=trip.purpose,
                 minutes_away=trip.minutes, km_tenths=int(trip.km * 10), nights=trip.nights,
                 lodging=trip.lodging, amount=trip.allowance.total,
                 rate_snapshot=trip.allowance.describe())
    ctx.session.add(t)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, t.id, None, _snapshot(t))
    return t.id


def remove_trip(ctx: Ctx, trip_id) -> None:
    """Delete a trip entered by mistake, while its month is open."""
    s = ctx.session
    c = Checks()
    tid = typed_id(c, "id", "Tuntutan tugas rasmi", "Official-duty claim", trip_id)
    c.raise_if_any()
    t = s.get(DutyTrip, tid)
    if t is None:
        raise not_found("Tuntutan tugas rasmi", "Official-duty claim", tid, "id")
    locked = month_lock.locked_violation(s, t.day, "id")
    if locked is not None:
        raise Refused(locked)
    before = _snapshot(t)
    s.delete(t)
    s.flush()
    ctx.audit("padam", ENTITY, tid, before, None)


# ---------------------------------------------------------------------------------------------
# reading

def _period(year: int | None, month: int | None) -> tuple[date, date] | None:
    if year is None and month is None:
        return None
    if year is None:
        raise Refused(invalid("year", "Pilih tahun bagi bulan itu.",
                              "Choose the year of that month.", "REQUIRED"))
    if month is None:
        return month_bounds(year, 1)[0], month_bounds(year, 12)[1]
    return month_bounds(year, month)


def _listing():
    return (select(DutyTrip, PshAppointment.name, PshAppointment.mykad, Premises.code,
                   Premises.name)
            .join(PshAppointment, PshAppointment.id == DutyTrip.psh_id)
            .join(Vacancy, Vacancy.id == PshAppointment.vacancy_id)
            .join(Premises, Premises.id == Vacancy.premises_id))


def list_trips(session: Session, psh_id: int | None = None, year: int | None = None,
               month: int | None = None) -> list[TripRow]:
    """Trips (of a PSH, a year or a month by their first day), in date order."""
    q = _listing()
    if psh_id is not None:
        c = Checks()
        psh_id = typed_id(c, "psh_id", "PSH", "PSH", psh_id)
        c.raise_if_any()
        q = q.where(DutyTrip.psh_id == psh_id)
    period = _period(year, month)
    if period is not None:
        q = q.where(DutyTrip.day >= period[0], DutyTrip.day <= period[1])
    out = []
    for t, name, mykad, pcode, pname in session.execute(q.order_by(DutyTrip.day, DutyTrip.id)):
        out.append(TripRow(
            t.id, t.psh_id, name, mykad, pcode, pname, t.day,
            t.day + timedelta(days=t.nights), t.purpose,
            (Decimal(t.minutes_away) / 60).quantize(Decimal("0.01"), ROUND_HALF_UP),
            Decimal(t.km_tenths) / 10, t.nights, t.lodging or "", t.amount, t.rate_snapshot))
    return out


def month_claims(session: Session, year: int, month: int) -> list[PshClaimTotal]:
    """Per PSH with a trip starting in the month: the number of trips and their total."""
    first, last = month_bounds(year, month)
    q = (select(DutyTrip.psh_id, PshAppointment.name, PshAppointment.mykad, Premises.code,
                Premises.name, func.count(DutyTrip.id), func.sum(DutyTrip.amount))
         .join(PshAppointment, PshAppointment.id == DutyTrip.psh_id)
         .join(Vacancy, Vacancy.id == PshAppointment.vacancy_id)
         .join(Premises, Premises.id == Vacancy.premises_id)
         .where(DutyTrip.day >= first, DutyTrip.day <= last)
         .group_by(DutyTrip.psh_id, PshAppointment.name, PshAppointment.mykad, Premises.code,
                   Premises.name)
         .order_by(Premises.code, PshAppointment.name, DutyTrip.psh_id))
    return [PshClaimTotal(pid, name, mykad, pcode, pname, n, total)
            for pid, name, mykad, pcode, pname, n, total in session.execute(q)]


__all__ = ["DutyTripForm", "PshClaimTotal", "TripRow", "add_trip", "list_trips",
           "month_claims", "preview_trip", "remove_trip"]
