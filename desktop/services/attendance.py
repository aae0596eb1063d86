"""Attendance of PSH by month (para 5A(k)): the grid, absences, and the month's pay preview.

Every working day of a PSH's term is a day worked unless an absence is recorded: working days
are those of the premises' state (weekly rest days and public holidays from its calendar) less
the office holidays (``services.office_holidays``). The grid shows, per PSH and day, whether
the day is outside the term, not a working day (with the holiday's name), worked, absent or
(only while ``rates/attendance.toml`` allows it) half a day absent. Only working days of the
term take an absence; clearing one (present again) is always possible while the month is open.
An absence that no longer falls on a working day of the term (the PSH ended early, or an office
holiday came later) changes no pay; :func:`stray_absences` lists them for the month close.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Absence, DutyTrip, Premises, PshAppointment, Vacancy
from desktop.rules import Refused, invalid
from desktop.rules.attendance import (
    ABSENCE_ON_DUTY_TRIP,
    ABSENCE_ON_REST_DAY,
    ABSENCE_OUTSIDE_TERM,
    HALF_DAY_NOT_ALLOWED,
    HALF_DAY_PAY_UNDEFINED,
    AbsenceKind,
    day_values,
    half_days_allowed,
    month_values,
    rest_reason,
)
from desktop.rules.calendar import month_bounds, working_days
from desktop.rules.psh import PayLine, psh_month_pay
from desktop.rules.violations import RuleViolation
from desktop.services import month_lock
from desktop.services.office_holidays import office_holiday_days, office_holiday_names
from desktop.services.unit import Ctx
from desktop.services.vacancies import not_found, today_or
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "absence"
NOTE_MAX = 500
# what a grid cell accepts for "present again"
_PRESENT_WORDS = {"", "PRESENT", "HADIR"}


class DayState(str, Enum):
    OUT_OF_TERM = "OUT_OF_TERM"  # before the start or after the last day: nothing to mark
    REST_OR_HOLIDAY = "REST_OR_HOLIDAY"  # weekly rest day, public or office holiday: shaded
    PRESENT = "PRESENT"  # a working day of the term, worked (the default)
    ABSENT = "ABSENT"  # a working day not worked: not paid
    HALF = "HALF"  # half a day not worked (only while the rules allow half days)

    @property
    def clickable(self) -> bool:
        return self in (DayState.PRESENT, DayState.ABSENT, DayState.HALF)


@dataclass(frozen=True)
class DayCell:
    day: date
    state: DayState
    label: str = ""  # the holiday's name, "Cuti peristiwa: ...", "cuti mingguan"
    note: str = ""  # the absence's note


@dataclass(frozen=True)
class AttendanceRow:
    psh_id: int
    name: str
    mykad: str
    premises_code: str
    premises_name: str
    state: str  # the premises' state: its calendar decides the working days
    start: date
    last_day: date  # the day it ended, or the planned last day while it runs
    daily_rate: Decimal
    cells: tuple[DayCell, ...]  # one per day of the month

    @property
    def working_days(self) -> int:
        return sum(1 for c in self.cells if c.state.clickable)

    @property
    def absent_days(self) -> int:
        return sum(1 for c in self.cells if c.state is DayState.ABSENT)

    @property
    def half_days(self) -> int:
        return sum(1 for c in self.cells if c.state is DayState.HALF)


@dataclass(frozen=True)
class AttendanceGrid:
    year: int
    month: int
    days: tuple[date, ...]
    rows: tuple[AttendanceRow, ...]
    office_holidays: tuple[tuple[date, str], ...]  # of this month
    half_days_allowed: bool  # on the month's first day
    locked: bool  # the month is closed: nothing may change
    today: date


@dataclass(frozen=True)
class StrayAbsence:
    """A recorded absence that falls on no working day of the PSH's term."""

    psh_id: int
    name: str
    day: date
    kind: AbsenceKind
    reason_ms: str
    reason_en: str


# ---------------------------------------------------------------------------------------------
# reading

def _psh_in(first: date, last: date):
    """PSH whose term (to the day it ended, or its planned last day) touches first..last."""
    last_day = func.coalesce(PshAppointment.ended_on, PshAppointment.end)
    return (select(PshAppointment, Premises.code, Premises.name, Premises.state)
            .join(Vacancy, Vacancy.id == PshAppointment.vacancy_id)
            .join(Premises, Premises.id == Vacancy.premises_id)
            .where(PshAppointment.start <= last, last_day >= first))


def _last_day(p: PshAppointment) -> date:
    return p.ended_on or p.end


class _Calendar:
    """Working days and the reasons for days off, per state, for one stretch of days."""

    def __init__(self, first: date, last: date, office: dict[date, str]):
        self.first, self.last, self.office = first, last, office
        self._working: dict[str, frozenset[date]] = {}
        self._why: dict[tuple[str, date], tuple[str, str]] = {}

    def working(self, state: str) -> frozenset[date]:
        if state not in self._working:
            self._working[state] = frozenset(
                working_days(state, self.first, self.last, self.office))
        return self._working[state]

    def why(self, state: str, day: date) -> tuple[str, str]:
        key = (state, day)
        if key not in self._why:
            self._why[key] = rest_reason(state, day, self.office) or ("", "")
        return self._why[key]


def month_grid(session: Session, year: int, month: int, today: date | None = None
               ) -> AttendanceGrid:
    """The attendance of every PSH whose term touches the month, day by day."""
    first, last = month_bounds(year, month)
    office = office_holiday_names(session, first, last)
    cal = _Calendar(first, last, office)
    days = tuple(first + timedelta(days=i) for i in range((last - first).days + 1))
    q = _psh_in(first, last).order_by(Premises.code, PshAppointment.name, PshAppointment.id)
    found = list(session.execute(q))
    absences = {}
    if found:
        for a in session.execute(select(Absence).where(
                Absence.day >= first, Absence.day <= last,
                Absence.psh_id.in_([r[0].id for r in found]))).scalars():
            absences[(a.psh_id, a.day)] = a
    rows = []
    for p, pcode, pname, state in found:
        end = _last_day(p)
        working = cal.working(state)
        cells = []
        for day in days:
            if day < p.start or day > end:
                cells.append(DayCell(day, DayState.OUT_OF_TERM))
            elif day not in working:
                cells.append(DayCell(day, DayState.REST_OR_HOLIDAY, cal.why(state, day)[0]))
            elif (a := absences.get((p.id, day))) is not None:
                kind = DayState.ABSENT if a.kind is AbsenceKind.FULL else DayState.HALF
                cells.append(DayCell(day, kind, a.kind.label_ms, a.note))
            else:
                cells.append(DayCell(day, DayState.PRESENT))
        rows.append(AttendanceRow(p.id, p.name, p.mykad, pcode, pname, state, p.start, end,
                                  p.daily_rate, tuple(cells)))
    return AttendanceGrid(year, month, days, tuple(rows), tuple(sorted(office.items())),
                          half_days_allowed(first), month_lock.is_month_locked(
                              session, year, month), today_or(today))


def _absence_days(session: Session, psh_id: int, year: int, month: int,
                  kind: AbsenceKind) -> tuple[date, ...]:
    first, last = month_bounds(year, month)
    q = (select(Absence.day).where(Absence.psh_id == psh_id, Absence.kind == kind,
                                   Absence.day >= first, Absence.day <= last)
         .order_by(Absence.day))
    return tuple(session.execute(q).scalars())


def absences_of(session: Session, psh_id: int, year: int, month: int) -> tuple[date, ...]:
    """The full days of absence recorded for the PSH in the month (as ``psh_month_pay``
    takes them: one on a rest day, holiday or outside the term changes nothing)."""
    return _absence_days(session, psh_id, year, month, AbsenceKind.FULL)


def half_days_of(session: Session, psh_id: int, year: int, month: int) -> tuple[date, ...]:
    """The half-day absences recorded for the PSH in the month (none while not allowed)."""
    return _absence_days(session, psh_id, year, month, AbsenceKind.HALF)


def absences_in_month(session: Session, year: int, month: int) -> dict[int, tuple[date, ...]]:
    """PSH id -> its full days of absence in the month, for every PSH with one (month close)."""
    first, last = month_bounds(year, month)
    out: dict[int, list[date]] = {}
    q = (select(Absence.psh_id, Absence.day).where(
        Absence.kind == AbsenceKind.FULL, Absence.day >= first, Absence.day <= last)
         .order_by(Absence.psh_id, Absence.day))
    for pid, day in session.execute(q):
        out.setdefault(pid, []).append(day)
    return {pid: tuple(days) for pid, days in out.items()}


def stray_absences(session: Session, year: int, month: int) -> list[StrayAbsence]:
    """Absences of the month on no working day of their PSH's term: after an early end, or on
    a day made an office holiday later. They change no pay; the month close shows them."""
    first, last = month_bounds(year, month)
    office = office_holiday_names(session, first, last)
    cal = _Calendar(first, last, office)
    # plain columns, not entities: the month close of a national office reads thousands
    q = (select(Absence.day, Absence.kind, PshAppointment.id, PshAppointment.name,
                PshAppointment.start, PshAppointment.end, PshAppointment.ended_on, Premises.state)
         .join(PshAppointment, PshAppointment.id == Absence.psh_id)
         .join(Vacancy, Vacancy.id == PshAppointment.vacancy_id)
         .join(Premises, Premises.id == Vacancy.premises_id)
         .where(Absence.day >= first, Absence.day <= last)
         .order_by(Absence.day, PshAppointment.name, Absence.id))
    out = []
    for day, kind, psh_id, name, start, end, ended_on, state in session.execute(q):
        if not start <= day <= (ended_on or end):
            why = ("di luar tempoh perkhidmatan", "outside the term")
        elif day not in cal.working(state):
            why = cal.why(state, day)
        else:
            continue
        out.append(StrayAbsence(psh_id, name, day, kind, *why))
    return out


def month_pay_preview(session: Session, psh_id: int, year: int, month: int) -> PayLine:
    """The PSH's pay for the month from its attendance so far (``rules.psh_month_pay`` with
    the office holidays): working days, absent days, paid days and the gross wage."""
    p = _load(session, psh_id)
    state = _state_of(session, p)
    first, last = month_bounds(year, month)
    half = [d for d in half_days_of(session, p.id, year, month)
            if d in _Calendar(first, last, office_holiday_names(session, first, last))
            .working(state) and p.start <= d <= _last_day(p)]
    if half:
        raise HALF_DAY_PAY_UNDEFINED.refuse("psh_id", name=p.name, count=len(half),
                                            **month_values(year, month))
    return psh_month_pay(state, p.daily_rate, p.start, _last_day(p), year, month,
                         absences_of(session, p.id, year, month),
                         office_holiday_days(session, year))


# ---------------------------------------------------------------------------------------------
# changing

def _load(session: Session, psh_id) -> PshAppointment:
    c = Checks()
    pid = typed_id(c, "psh_id", "PSH", "PSH", psh_id)
    c.raise_if_any()
    p = session.get(PshAppointment, pid)
    if p is None:
        raise not_found("PSH", "PSH", pid, "psh_id")
    return p


def _state_of(session: Session, p: PshAppointment) -> str:
    return session.execute(select(Premises.state).join(
        Vacancy, Vacancy.premises_id == Premises.id).where(
        Vacancy.id == p.vacancy_id)).scalar_one()


def _kind(c: Checks, field: str, value) -> tuple[bool, AbsenceKind | None]:
    """(understood, kind): None is present again."""
    if value is None or isinstance(value, AbsenceKind):
        return True, value
    text = str(value).strip().upper()
    if text in _PRESENT_WORDS:
        return True, None
    try:
        return True, AbsenceKind(text)
    except ValueError:
        c.add(invalid(field, f"Jenis ketidakhadiran '{value}' tidak dikenali (FULL, HALF atau "
                      "kosong bagi hadir).", f"Unknown absence kind '{value}' (FULL, HALF, or "
                      "empty for present).", "UNKNOWN_VALUE"))
        return False, None


def _snapshot(psh_id: int, day: date, kind: AbsenceKind | None, note: str) -> dict | None:
    if kind is None:
        return None
    return {"psh_id": psh_id, "day": day, "kind": kind, "note": note}


@dataclass(frozen=True)
class _Change:
    psh: PshAppointment
    day: date
    kind: AbsenceKind | None
    note: str


class _Checker:
    """The checks of absence changes, with what they read kept for a whole batch."""

    def __init__(self, session: Session):
        self.session = session
        self.psh: dict[int, PshAppointment | None] = {}
        self.states: dict[int, str] = {}
        self.calendars: dict[tuple[int, int], _Calendar] = {}

    def load(self, c: Checks, field: str, psh_id) -> PshAppointment | None:
        pid = typed_id(c, field, "PSH", "PSH", psh_id)
        if pid is None:
            return None
        if pid not in self.psh:
            self.psh[pid] = self.session.get(PshAppointment, pid)
        p = self.psh[pid]
        if p is None:
            c.add(invalid(field, f"PSH {pid} tidak wujud.", f"PSH {pid} does not exist.",
                          "NOT_FOUND"))
        return p

    def calendar(self, day: date) -> _Calendar:
        key = (day.year, day.month)
        if key not in self.calendars:
            first, last = month_bounds(*key)
            self.calendars[key] = _Calendar(first, last, office_holiday_names(
                self.session, first, last))
        return self.calendars[key]

    def problems(self, p: PshAppointment, day: date, kind: AbsenceKind | None,
                 field: str) -> list[RuleViolation]:
        out = []
        locked = month_lock.locked_violation(self.session, day, field)
        if locked is not None:
            out.append(locked)
        if kind is None:  # present again: always possible in an open month
            return out
        end = _last_day(p)
        if not p.start <= day <= end:
            out.append(ABSENCE_OUTSIDE_TERM.violation(
                field, name=p.name, **day_values(day=day, start=p.start, last=end)))
            return out
        if p.id not in self.states:
            self.states[p.id] = _state_of(self.session, p)
        state = self.states[p.id]
        cal = self.calendar(day)
        if day not in cal.working(state):
            why_ms, why_en = cal.why(state, day)
            out.append(ABSENCE_ON_REST_DAY.violation(field, name=p.name, why_ms=why_ms,
                                                     why_en=why_en, **day_values(day=day)))
            return out
        if kind is AbsenceKind.HALF and not half_days_allowed(day):
            out.append(HALF_DAY_NOT_ALLOWED.violation(field, **day_values(day=day)))
        if kind is AbsenceKind.FULL:
            trip = self.session.execute(select(DutyTrip).where(
                DutyTrip.psh_id == p.id, DutyTrip.day <= day,
                DutyTrip.day >= day - timedelta(days=366)).order_by(DutyTrip.day)).scalars()
            for t in trip:
                if t.day + timedelta(days=t.nights) >= day:
                    out.append(ABSENCE_ON_DUTY_TRIP.violation(
                        field, name=p.name, purpose=t.purpose, **day_values(day=day)))
                    break
        return out


def _apply(ctx: Ctx, change: _Change) -> bool:
    """Write one checked change; True when something changed."""
    s = ctx.session
    p, day, kind, note = change.psh, change.day, change.kind, change.note
    row = s.execute(select(Absence).where(Absence.psh_id == p.id, Absence.day == day)
                    ).scalar_one_or_none()
    before = None if row is None else _snapshot(p.id, day, row.kind, row.note)
    after = _snapshot(p.id, day, kind, note)
    if before == after:
        return False
    if row is None:
        row = Absence(psh_id=p.id, day=day, kind=kind, note=note)
        s.add(row)
        s.flush()
        ctx.audit("tambah", ENTITY, row.id, None, after)
    elif kind is None:
        rid = row.id
        s.delete(row)
        s.flush()
        ctx.audit("padam", ENTITY, rid, before, None)
    else:
        row.kind, row.note = kind, note
        s.flush()
        ctx.audit("ubah", ENTITY, row.id, before, after)
    return True


def set_absence(ctx: Ctx, psh_id, day, kind: AbsenceKind | str | None = "FULL",
                note: str = "") -> int | None:
    """Mark the PSH absent (``"FULL"``), half a day absent (``"HALF"``, only while allowed)
    or present again (``None``) on ``day``; returns the absence's id (None when present).

    Refused: a day outside the term, a rest day or holiday (not clickable), a half day while
    the rules do not allow it, a full day of official duty, and anything in a closed month.
    """
    c = Checks()
    checker = _Checker(ctx.session)
    p = checker.load(c, "psh_id", psh_id)
    day = typed_date(c, "day", "Tarikh", "Date", day)
    ok, kind = _kind(c, "kind", kind)
    note = c.text("note", "Catatan", "Note", note, required=False, max_len=NOTE_MAX)
    if p is not None and day is not None and ok:
        c.problems.extend(checker.problems(p, day, kind, "day"))
    c.raise_if_any()
    _apply(ctx, _Change(p, day, kind, note if kind is not None else ""))
    if kind is None:
        return None
    return ctx.session.execute(select(Absence.id).where(
        Absence.psh_id == p.id, Absence.day == day)).scalar_one()


def cell_field(psh_id, day) -> str:
    """The field a refusal of :func:`set_absences` names: ``"<psh_id>/<YYYY-MM-DD>"``."""
    shown = day.isoformat() if isinstance(day, date) else str(day)
    return f"{psh_id}/{shown}"


def set_absences(ctx: Ctx, changes: Iterable[tuple]) -> int:
    """The grid's Save: every ``(psh_id, day, kind)`` (or ``(psh_id, day, kind, note)``)
    change at once, all or nothing; kind as in :func:`set_absence`. Each refusal names its
    cell (:func:`cell_field`). A cell given twice keeps its last change. Returns how many
    absences changed."""
    c = Checks()
    checker = _Checker(ctx.session)
    planned: dict[tuple[int, date], _Change] = {}
    for item in changes:
        if not isinstance(item, (tuple, list)) or len(item) not in (3, 4):
            raise Refused(invalid("changes", f"Perubahan kehadiran '{item}' tidak sah.",
                                  f"Attendance change '{item}' is not valid."))
        psh_id, day, kind = item[:3]
        note = item[3] if len(item) == 4 else ""
        field = cell_field(psh_id, day)
        cell = Checks()
        p = checker.load(cell, field, psh_id)
        day = typed_date(cell, field, "Tarikh", "Date", day)
        ok, kind = _kind(cell, field, kind)
        note = cell.text(field, "Catatan", "Note", note, required=False, max_len=NOTE_MAX)
        if p is not None and day is not None and ok:
            cell.problems.extend(checker.problems(p, day, kind, field))
        if cell.problems:
            c.problems.extend(cell.problems)
        else:
            planned[(p.id, day)] = _Change(p, day, kind, note if kind is not None else "")
    c.raise_if_any()
    return sum(_apply(ctx, change) for change in planned.values())


__all__ = [
    "AttendanceGrid", "AttendanceRow", "DayCell", "DayState", "StrayAbsence", "absences_in_month",
    "absences_of", "cell_field", "half_days_of", "month_grid",
    "month_pay_preview", "set_absence", "set_absences", "stray_absences",
]
