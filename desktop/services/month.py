"""Month close: every PSH pay line, acting allowance, gantian honorarium and claim of a month,
the problems that block closing, an immutable snapshot, and the return's data from it.

Closing stores the month's lines as canonical JSON with its SHA-256 and locks the month
(``month_lock``): attendance, claims and office holidays of a closed month no longer change.
Each PSH's wages and employer contributions become OS29000 spending. Reopening (an approving
officer, with a reason) gives that spending back; the next close is version 2, and so is the
next return.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import __version__
from desktop.models import (
    ActingAssignment,
    GantianAppointment,
    Grade,
    MonthClose,
    MonthStatus,
    Post,
    Premises,
    PshAppointment,
    Staff,
    Vacancy,
)
from desktop.returns.data import (
    ActingLine,
    ClaimLine,
    GantianLine,
    PshLine,
    ReturnData,
    ReturnMeta,
    VacancyLine,
)
from desktop.rules import Refused, RuleViolation, invalid, month_bounds, month_contributions
from desktop.rules.acting import acting_allowance
from desktop.rules.calendar import INVALID_MONTH
from desktop.rules.costs import gantian_cost
from desktop.rules.mykad import parse_mykad
from desktop.rules.psh import psh_month_pay
from desktop.rules.vacancy_enums import kind_label, method_label
from desktop.services import allocation, backup
from desktop.services.attendance import absences_in_month, stray_absences
from desktop.services.claims import list_trips
from desktop.services.grades import starting_salary_on
from desktop.services.office import get_office
from desktop.services.office_holidays import office_holiday_days
from desktop.services.unit import Ctx
from desktop.services.vacancies import open_vacancies_for_return
from desktop.services.validate import Checks

ENTITY = "month"
SCHEMA = 1


@dataclass(frozen=True)
class MonthLines:
    """What a month paid, line by line, and what stands in the way of closing it."""

    year: int
    month: int
    psh: tuple[PshLine, ...]
    acting: tuple[ActingLine, ...]
    gantian: tuple[GantianLine, ...]
    vacancies: tuple[VacancyLine, ...]
    claims: tuple[ClaimLine, ...]
    problems: tuple[RuleViolation, ...]

    @property
    def can_close(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    version: int
    status: MonthStatus
    closed_at: datetime
    closed_by: str
    reopen_reason: str


def _problem(code: str, ms: str, en: str, paragraph: str | None = None) -> RuleViolation:
    return invalid("month", ms, en, code, paragraph)


def _overlap(start: date, last: date, first: date, month_last: date):
    lo, hi = max(start, first), min(last, month_last)
    return (lo, hi) if lo <= hi else None


def _birth(mykad: str) -> date | None:
    try:
        return parse_mykad(mykad).birth_date
    except Refused:
        return None


def _psh_lines(session: Session, year: int, month: int, first: date, last: date,
               holidays: frozenset[date], problems: list) -> list[PshLine]:
    # each PSH with its vacancy's kind, premises and grade in one query of plain columns, and
    # the month's absences in one more: not a query per PSH, no ORM objects (issue 9)
    q = (select(PshAppointment.id, PshAppointment.name, PshAppointment.mykad,
                PshAppointment.start, PshAppointment.end, PshAppointment.ended_on,
                PshAppointment.daily_rate, PshAppointment.kp_approval_ref,
                PshAppointment.qualification_used, Vacancy.kind, Premises.state, Premises.code,
                Premises.name, Premises.kind, Grade.code)
         .join(Vacancy, Vacancy.id == PshAppointment.vacancy_id)
         .join(Premises, Premises.id == Vacancy.premises_id)
         .join(Post, Post.id == Vacancy.post_id)
         .join(Grade, Grade.id == Post.grade_id)
         .where(PshAppointment.start <= last,
                func.coalesce(PshAppointment.ended_on, PshAppointment.end) >= first)
         .order_by(PshAppointment.name, PshAppointment.id))
    absences = absences_in_month(session, year, month)
    out = []
    for (pid, name, mykad, start, end, ended_on, rate, approval, qualification, kind, state,
         premises_code, premises_name, premises_kind, grade) in session.execute(q):
        p_last = ended_on or end
        period = _overlap(start, p_last, first, last)
        if period is None:
            continue
        if not approval:
            problems.append(_problem("MONTH_PSH_NO_APPROVAL",
                                     f"PSH {name} tiada rujukan kelulusan Ketua Pengarah.",
                                     f"PSH {name} has no Director-General's approval.",
                                     "7.4(b)"))
            continue
        pay = psh_month_pay(state, rate, start, p_last, year, month, absences.get(pid, ()),
                            holidays)
        birth = _birth(mykad)
        if birth is None:
            problems.append(_problem("MONTH_PSH_NO_BIRTH_DATE",
                                     f"No. MyKad PSH {name} tidak sah: umur bagi caruman "
                                     "tidak dapat ditentukan.", f"PSH {name}'s MyKad is not "
                                     "valid: the age for the contributions is unknown.", "5A(m)"))
            continue
        c = month_contributions(pay.gross, birth, year, month, sip_enabled=False)
        net = pay.gross - c.kwsp.employee - c.perkeso.employee - c.sip.employee
        out.append(PshLine(
            name, mykad, premises_code, premises_name, premises_kind.label_ms,
            f"{premises_code} {grade}", grade, kind_label(kind), qualification.value, rate,
            period[0], period[1], pay.working_days, pay.absent_days, pay.paid_days, pay.gross,
            c.kwsp.employee, c.kwsp.employer, c.perkeso.employee, c.perkeso.employer,
            c.sip.employee, c.sip.employer, net, approval))
    return out


def _acting_lines(session: Session, year: int, month: int, first: date, last: date,
                  problems: list) -> list[ActingLine]:
    # plain columns of the assignment, its officer, grade and premises in one query
    q = (select(ActingAssignment.grade_id, ActingAssignment.start, ActingAssignment.end,
                ActingAssignment.ended_on, Staff.name, Staff.mykad, Grade.code, Premises.code,
                Premises.name)
         .join(Staff, Staff.id == ActingAssignment.staff_id)
         .join(Grade, Grade.id == ActingAssignment.grade_id)
         .join(Vacancy, Vacancy.id == ActingAssignment.vacancy_id)
         .join(Premises, Premises.id == Vacancy.premises_id)
         .where(ActingAssignment.start <= last,
                func.coalesce(ActingAssignment.ended_on, ActingAssignment.end) >= first)
         .order_by(ActingAssignment.start, ActingAssignment.id))
    salaries: dict[tuple[int, date], Decimal] = {}  # most assignments share grade and day
    out = []
    for (grade_id, start, end, ended_on, name, mykad, grade, premises_code,
         premises_name) in session.execute(q):
        a_last = ended_on or end
        period = _overlap(start, a_last, first, last)
        if period is None:
            continue
        try:
            key = (grade_id, period[0])
            if key not in salaries:
                salaries[key] = starting_salary_on(session, grade_id, period[0])
            salary = salaries[key]
            # acting_allowance_for's own arithmetic, with the salary already read
            allowance = acting_allowance(salary, start, a_last, year, month)
        except Refused as refused:
            problems.extend(refused.violations)
            continue
        out.append(ActingLine(name, mykad, f"{premises_code} {grade}", grade, premises_name,
                              salary, period[0], a_last, (period[1] - period[0]).days + 1,
                              allowance))
    return out


def _gantian_lines(session: Session, year: int, month: int, first: date, last: date,
                   holidays: frozenset[date], problems: list) -> list[GantianLine]:
    office = get_office(session)
    q = select(GantianAppointment).where(
        GantianAppointment.start <= last,
        func.coalesce(GantianAppointment.ended_on, GantianAppointment.end) >= first).order_by(
        GantianAppointment.start, GantianAppointment.id)
    out = []
    for g in session.execute(q).scalars():
        period = _overlap(g.start, g.ended_on or g.end, first, last)
        if period is None:
            continue
        v: Vacancy = g.vacancy
        state = office.state if office and office.state else v.premises.state
        try:
            cost = gantian_cost(state, g.grade_code, period[0], period[1], holidays)
        except Refused as refused:
            problems.extend(refused.violations)
            continue
        out.append(GantianLine(g.name, g.mykad, v.premises.name,
                               f"{v.premises.code} {g.grade_code}", g.grade_code, g.per,
                               g.amount, period[0], g.ended_on or g.end,
                               (period[1] - period[0]).days + 1, cost.total))
    return out


def _vacancy_lines(session: Session, year: int, month: int) -> list[VacancyLine]:
    return [VacancyLine(r.premises_code, r.premises_name, r.premises_kind.label_ms,
                        f"{r.premises_code} {r.grade_code}", r.grade_code, kind_label(r.kind),
                        r.reason_label, r.opened_on, r.incumbent_name,
                        r.current_step_label, r.days_waiting, method_label(r.filled_method))
            for r in open_vacancies_for_return(session, year, month)]


def _claim_lines(session: Session, year: int, month: int) -> list[ClaimLine]:
    return [ClaimLine(t.name, t.mykad, t.premises_name, t.day, t.purpose, t.hours_away, t.km,
                      t.nights, t.amount)
            for t in list_trips(session, year=year, month=month)]


def month_lines(session: Session, year: int, month: int) -> MonthLines:
    """Compute the month from the registers as they stand, with every problem found."""
    first, last = month_bounds(year, month)
    problems: list[RuleViolation] = []
    if get_office(session) is None:
        problems.append(_problem("MONTH_NO_OFFICE", "Maklumat pejabat belum disimpan.",
                                 "The office's details are not saved yet."))
    holidays = office_holiday_days(session, year)
    for stray in stray_absences(session, year, month):
        problems.append(_problem("MONTH_STRAY_ABSENCE",
                                 f"Ketidakhadiran {stray.name} pada {stray.day:%d/%m/%Y}: "
                                 f"{stray.reason_ms}", f"{stray.name}'s absence on "
                                 f"{stray.day:%d/%m/%Y}: {stray.reason_en}", "5A(k)"))
    psh = _psh_lines(session, year, month, first, last, holidays, problems)
    acting = _acting_lines(session, year, month, first, last, problems)
    gantian = _gantian_lines(session, year, month, first, last, holidays, problems)
    try:
        claims = _claim_lines(session, year, month)
    except Refused as refused:
        problems.extend(refused.violations)
        claims = []
    return MonthLines(year, month, tuple(psh), tuple(acting), tuple(gantian),
                      tuple(_vacancy_lines(session, year, month)), tuple(claims),
                      tuple(problems))


# -- the snapshot ----------------------------------------------------------------------------

_LINES = (("psh", PshLine), ("acting", ActingLine), ("gantian", GantianLine),
          ("vacancies", VacancyLine), ("claims", ClaimLine))


def _plain(value):
    """JSON's fallback for what it cannot write itself: amounts as text, dates in ISO."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a month's lines")


def snapshot_json(lines: MonthLines) -> str:
    body = {"schema": SCHEMA, "year": lines.year, "month": lines.month}
    for name, cls in _LINES:
        # the lines are flat dataclasses: their fields as they are (asdict deep-copies each);
        # only amounts and dates go through _plain, as json's default
        names = [f.name for f in fields(cls)]
        body[name] = [{k: getattr(x, k) for k in names} for x in getattr(lines, name)]
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=_plain)


def _revive(cls, row: dict):
    kinds = {f.name: f.type for f in fields(cls)}
    out = {}
    for key, value in row.items():
        kind = str(kinds.get(key, ""))
        if value is None:
            out[key] = None
        elif "Decimal" in kind:
            out[key] = Decimal(value)
        elif kind.startswith("date"):
            out[key] = date.fromisoformat(value)
        else:
            out[key] = value
    return cls(**out)


def _latest(session: Session, year: int, month: int) -> MonthClose | None:
    return session.execute(
        select(MonthClose).where(MonthClose.year == year, MonthClose.month == month)
        .order_by(MonthClose.version.desc()).limit(1)).scalar_one_or_none()


def _month(c: Checks, year, month) -> tuple[int, int]:
    try:
        first, _ = month_bounds(int(year), int(month))
    except (TypeError, ValueError, Refused):
        c.add(INVALID_MONTH.violation("month", year=year, month=month))
        return 0, 0
    return first.year, first.month


def _spending(lines: MonthLines) -> dict[str, Decimal]:
    """What each PSH cost the allocation this month: wages and employer contributions."""
    out: dict[str, Decimal] = {}
    for p in lines.psh:
        out[p.mykad] = out.get(p.mykad, Decimal("0.00")) + p.gross + p.employer_contributions
    return out


def _psh_ids(session: Session, year: int, month: int) -> dict[str, int]:
    first, last = month_bounds(year, month)
    q = select(PshAppointment.mykad, PshAppointment.id).where(
        PshAppointment.start <= last,
        func.coalesce(PshAppointment.ended_on, PshAppointment.end) >= first)
    return dict(session.execute(q).all())


def close_month(ctx: Ctx, year, month, today: date | None = None) -> MonthRow:
    """Compute the month, refuse it while a problem stands, store its snapshot and lock it."""
    today = today or date.today()
    c = Checks()
    year, month = _month(c, year, month)
    c.raise_if_any()
    _, last = month_bounds(year, month)
    if last >= today:
        c.add(invalid("month", f"Bulan {year}-{month:02d} belum berakhir; tutup selepas "
                      f"{last:%d/%m/%Y}.", f"{year}-{month:02d} has not ended yet.",
                      "MONTH_NOT_OVER"))
    latest = _latest(ctx.session, year, month)
    if latest is not None and latest.status is MonthStatus.CLOSED:
        c.add(invalid("month", f"Bulan {year}-{month:02d} telah ditutup (versi "
                      f"{latest.version}).", f"{year}-{month:02d} is already closed.",
                      "MONTH_ALREADY_CLOSED"))
    c.raise_if_any()
    lines = month_lines(ctx.session, year, month)
    if lines.problems:
        raise Refused(lines.problems)
    # the close cannot be undone silently: keep the file as it was (SQLite only; the hook
    # skips PostgreSQL, whose server keeps its own backups)
    backup.before_change(ctx.session, backup.MONTH_CLOSE)
    text = snapshot_json(lines)
    row = MonthClose(year=year, month=month, version=(latest.version + 1) if latest else 1,
                     status=MonthStatus.CLOSED, closed_by=ctx.actor, snapshot=text,
                     sha256=hashlib.sha256(text.encode()).hexdigest(), reopen_reason="",
                     reopened_by="")
    ctx.session.add(row)
    ctx.session.flush()
    ids = _psh_ids(ctx.session, year, month)
    allocation.record_spendings(ctx, year, {ids[mykad]: amount for mykad, amount
                                            in _spending(lines).items()
                                            if amount > 0 and mykad in ids})
    ctx.audit("tutup_bulan", ENTITY, row.id, None,
              {"month": f"{year}-{month:02d}", "version": row.version, "sha256": row.sha256})
    return _row(row)


def reopen_month(ctx: Ctx, year, month, reason: str) -> MonthRow:
    """Open a closed month again (an approving officer, with a reason): its spending is given
    back and the next close is a new version."""
    c = Checks()
    year, month = _month(c, year, month)
    reason = c.text("reason", "Sebab dibuka semula", "Why reopened", reason, max_len=2000)
    latest = _latest(ctx.session, year, month) if year else None
    if year and (latest is None or latest.status is not MonthStatus.CLOSED):
        c.add(invalid("month", f"Bulan {year}-{month:02d} tidak ditutup.",
                      f"{year}-{month:02d} is not closed.", "MONTH_NOT_CLOSED"))
    c.raise_if_any()
    lines = _lines_of(latest)
    ids = _psh_ids(ctx.session, year, month)
    for mykad, amount in _spending(lines).items():
        if amount > 0 and mykad in ids:
            allocation.reverse_spending(ctx, ids[mykad], year, amount)
    latest.status = MonthStatus.REOPENED
    latest.reopened_at = datetime.now()
    latest.reopened_by = ctx.actor
    latest.reopen_reason = reason
    ctx.session.flush()
    ctx.audit("buka_bulan", ENTITY, latest.id, {"status": "CLOSED"},
              {"status": "REOPENED", "reason": reason})
    return _row(latest)


def _lines_of(row: MonthClose) -> MonthLines:
    body = json.loads(row.snapshot)
    parts = {name: tuple(_revive(cls, x) for x in body.get(name, [])) for name, cls in _LINES}
    return MonthLines(row.year, row.month, problems=(), **parts)


def _row(m: MonthClose) -> MonthRow:
    return MonthRow(m.year, m.month, m.version, m.status, m.closed_at, m.closed_by,
                    m.reopen_reason or "")


def list_months(session: Session) -> list[MonthRow]:
    q = select(MonthClose).order_by(MonthClose.year.desc(), MonthClose.month.desc(),
                                    MonthClose.version.desc())
    return [_row(m) for m in session.execute(q).scalars()]


def return_data(session: Session, year, month, now: datetime | None = None) -> ReturnData:
    """The return of a closed month, from its snapshot (never from today's registers)."""
    c = Checks()
    year, month = _month(c, year, month)
    c.raise_if_any()
    latest = _latest(session, year, month)
    if latest is None or latest.status is not MonthStatus.CLOSED:
        raise Refused(invalid("month", f"Bulan {year}-{month:02d} belum ditutup; tutup bulan "
                              "dahulu.", f"{year}-{month:02d} is not closed yet.",
                              "MONTH_NOT_CLOSED"))
    if hashlib.sha256(latest.snapshot.encode()).hexdigest() != latest.sha256:
        raise Refused(invalid("month", "Rekod bulan yang ditutup telah diubah di luar aplikasi.",
                              "The closed month's record was changed outside the app.",
                              "SNAPSHOT_TAMPERED"))
    office = get_office(session)
    lines = _lines_of(latest)
    meta = ReturnMeta(office.code, office.name, office.state, year, month, latest.version,
                      (now or datetime.now()).replace(microsecond=0), __version__)
    return ReturnData(meta, lines.psh, lines.acting, lines.gantian, lines.vacancies,
                      lines.claims)
