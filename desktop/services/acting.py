"""Acting duty (penanggungan kerja, para 6): who may act, assignments, renewals, interruptions,
hand-overs, the allowance (6B), the register and the dashboard's alerts.

An assignment runs from the first day the officer carries the duties (a working day, 6A(d)) to
a planned last day at most six months on (6A(c)). It ends early when the head of department
ends it or hands it to another officer (6A(e)), or when the officer is away 14 days or more
(6A(f)): it then ends the day before the interruption, and going on is a new assignment that
needs a new recommendation. Going on past six months is a new application too
(:func:`renew_acting`). Ended assignments stay, with their dates and the reason.

Where the circular is silent (see also docs/ARCHITECTURE.md, Decisions):

- the state whose calendar decides a working day is the office's, else the premises';
- a renewal continues the duties without a break, so it starts the day after the old term
  ends even when that day is a rest day (6A(d) is about taking the duties up);
- an interruption shorter than 14 days does not reduce the allowance;
- the starting salary used for a month is the one in force on the assignment's first day in
  that month (as rules.acting does for the percentage);
- an officer who is the absent incumbent of another operational vacancy over the period
  cannot act, and is not offered;
- when an assignment ends and nothing else covers its vacancy, the vacancy is open again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import (
    ActingAssignment,
    ActingEndKind,
    ActingInterruption,
    FillingStatus,
    GantianAppointment,
    Grade,
    Post,
    Premises,
    Staff,
    Vacancy,
)
from desktop.rules import Refused, RuleViolation, invalid, month_bounds
from desktop.rules.acting import (
    ACTING_BEFORE_VACANCY,
    ACTING_END_OUTSIDE_TERM,
    ACTING_HAND_OVER_DATE,
    ACTING_HAND_OVER_SAME_OFFICER,
    ACTING_INTERRUPTION_OUTSIDE,
    ACTING_PRIORITY_REASON_REQUIRED,
    ACTING_RENEWAL_START,
    ACTING_UNCONFIRMED_REASON_REQUIRED,
    SERVICE_MONTHS,
    acting_allowance,
    acting_last_day,
    acting_monthly_allowance,
    add_months,
    check_acting_officer,
    check_acting_start,
    check_acting_term,
    check_interruption,
    check_vacancy_exists,
    check_written_instruction,
    split_on_interruptions,
)
from desktop.rules.calendar import END_BEFORE_START
from desktop.rules.costs import MethodCost, acting_cost
from desktop.rules.dates import format_date_en, format_date_ms
from desktop.rules.enums import Method, Qualification, VacancyKind
from desktop.rules.vacancy_enums import LIVE_STATUSES, VacancyStatus, date_ms
from desktop.services import vacancies as V
from desktop.services.grades import salary_in_force, salary_table, starting_salary_on
from desktop.services.office import get_office
from desktop.services.posts import post_label
from desktop.services.unit import Ctx
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "acting"
INTERRUPTION_ENTITY = "acting_interruption"
ALERT_WINDOW_DAYS = V.ALERT_WINDOW_DAYS  # 14 days, as for every other alert
ZERO = Decimal("0.00")


# ---------------------------------------------------------------------------------------------
# rows and forms

@dataclass(frozen=True)
class ActingCandidateRow:
    """An officer who could act in the vacancy, in the order of 6A(g)."""

    staff_id: int
    name: str
    mykad: str
    grade_code: str  # the officer's own grade ("" when not recorded)
    post: str  # the post the officer holds ("" when none)
    same_premises: bool  # holds a post at the vacancy's premises
    qualification: Qualification
    service_start: date | None
    confirmed_on: date | None
    position: int  # 1 = first to recommend
    unconfirmed: bool  # not confirmed in service on the first day (6A(g)(i))
    under_one_year: bool  # under a year of service on the first day, or unknown (6A(g)(ii))
    eligible: bool  # may be recommended: confirmed, or no confirmed officer offered and >= 1 year


@dataclass(frozen=True)
class ActingRow:
    id: int
    vacancy_id: int
    premises_code: str
    premises_name: str
    grade_id: int
    grade_code: str  # the grade acted in
    vacancy_kind: VacancyKind
    staff_id: int
    officer_name: str
    officer_mykad: str
    start: date
    end: date  # planned last day
    last_day: date  # the day it ended, or the planned last day while active
    limit: date  # the last day six months allow (6A(c))
    months_so_far: int  # whole months acted, as of the day asked
    allowance_per_month: Decimal | None  # None while the grade has no starting salary
    status: FillingStatus
    status_label: str
    days_to_limit: int | None  # while active; negative once the limit has passed
    interruptions: int
    previous_id: int | None
    instruction_ref: str
    instruction_date: date
    approval_ref: str
    approval_date: date
    authority: str
    unconfirmed_reason: str
    ended_on: date | None
    end_kind: ActingEndKind | None
    end_reason: str


@dataclass(frozen=True)
class InterruptionRow:
    id: int
    assignment_id: int
    start: date
    end: date
    days: int
    reason: str


@dataclass(frozen=True)
class InterruptionResult:
    """What :func:`record_interruption` did. When ``ended``, the assignment ended on
    ``ended_on`` (the day before the interruption) and resuming it is a new assignment that
    needs a new recommendation to the approving authority (6A(f)): ``notice`` says so."""

    interruption_id: int
    ended: bool
    ended_on: date | None
    needs_new_recommendation: bool
    notice: RuleViolation | None


@dataclass
class ActingForm:
    """What the clerk typed; dates as date objects or 15/01/2024, ids as ints or text."""

    vacancy_id: int | str | None = None
    staff_id: int | str | None = None
    start: date | str | None = None  # the first day the officer carries the duties
    end: date | str | None = None  # the planned last day
    instruction_ref: str = ""  # the head of department's written instruction (6A(b))
    instruction_date: date | str | None = None
    approval_ref: str = ""
    approval_date: date | str | None = None
    authority: str = ""  # who approved (Pihak Berkuasa Melulus)
    unconfirmed_reason: str = ""  # 6A(g)(ii): why no confirmed officer is available
    previous_id: int | str | None = None  # the assignment this one resumes (6A(f))


# ---------------------------------------------------------------------------------------------
# small helpers

def _today(today: date | None) -> date:
    return today if today is not None else date.today()


def _dates(prefix: str, day: date) -> dict[str, str]:
    """A date for the rules' message templates, in Malay and English."""
    return {f"{prefix}_ms": format_date_ms(day), f"{prefix}_en": format_date_en(day)}


def _last_day(a: ActingAssignment) -> date:
    return a.ended_on if a.ended_on is not None else a.end


def _overlapping(start_col, end_col, start: date, end: date):
    return and_(start_col <= end, end_col >= start)


def _state(session: Session, v: Vacancy) -> str:
    """The state whose calendar decides working days: the office's, else the premises'."""
    office = get_office(session)
    return office.state if office is not None and office.state else v.premises.state


def _load(session: Session, assignment_id) -> ActingAssignment:
    c = Checks()
    aid = typed_id(c, "assignment_id", "Penanggungan kerja", "Acting assignment", assignment_id)
    c.raise_if_any()
    a = session.get(ActingAssignment, aid)
    if a is None:
        raise V.not_found("Penanggungan kerja", "Acting assignment", aid, "assignment_id")
    return a


def _require_active(a: ActingAssignment) -> None:
    if a.status is not FillingStatus.ACTIVE:
        raise Refused(invalid(
            "assignment_id", f"Penanggungan kerja {a.id} telah tamat pada {date_ms(a.ended_on)}.",
            f"Acting assignment {a.id} ended on {a.ended_on.isoformat()}.", "ACTING_NOT_ACTIVE"))


def _snapshot(a: ActingAssignment) -> dict:
    return {"vacancy_id": a.vacancy_id, "staff_id": a.staff_id, "grade_id": a.grade_id,
            "start": a.start, "end": a.end, "instruction_ref": a.instruction_ref,
            "instruction_date": a.instruction_date, "approval_ref": a.approval_ref,
            "approval_date": a.approval_date, "authority": a.authority,
            "unconfirmed_reason": a.unconfirmed_reason, "previous_id": a.previous_id,
            "status": a.status, "ended_on": a.ended_on, "end_kind": a.end_kind,
            "end_reason": a.end_reason}


def _interruption_snapshot(i: ActingInterruption) -> dict:
    return {"assignment_id": i.assignment_id, "start": i.start, "end": i.end,
            "reason": i.reason}


def _away_ids(session: Session, start: date, end: date, but: int | None) -> set[int]:
    """Officers who are the absent incumbent of a live operational vacancy over the period."""
    q = select(Vacancy.incumbent_id).where(
        Vacancy.kind == VacancyKind.OPERASI, Vacancy.status.in_(LIVE_STATUSES),
        Vacancy.incumbent_id.is_not(None), Vacancy.opened_on <= end,
        or_(Vacancy.expected_end.is_(None), Vacancy.expected_end >= start))
    if but is not None:
        q = q.where(Vacancy.id != but)
    return set(session.execute(q).scalars())


def _busy(session: Session, start: date, end: date) -> tuple[set[int], set[str]]:
    """Officers acting (staff ids) and people replacing (MyKad) over any day of the period."""
    acting = set(session.execute(select(ActingAssignment.staff_id).where(
        ActingAssignment.status == FillingStatus.ACTIVE,
        _overlapping(ActingAssignment.start, ActingAssignment.end, start, end))).scalars())
    gantian = set(session.execute(select(GantianAppointment.mykad).where(
        GantianAppointment.status == FillingStatus.ACTIVE,
        _overlapping(GantianAppointment.start, GantianAppointment.end, start, end))).scalars())
    return acting, gantian


def _one_year(service_start: date | None, on: date) -> bool:
    return service_start is not None and on >= add_months(service_start, SERVICE_MONTHS)


# ---------------------------------------------------------------------------------------------
# who may act (6A(g))

def acting_candidates(session: Session, vacancy_id, on, end=None) -> list[ActingCandidateRow]:
    """Active officers who could act in the vacancy from ``on`` to ``end`` (default: ``on``
    alone), best first: confirmed in service, then the best qualified, then the longest
    serving (6A(g)). Left out: the vacancy's incumbent, officers already acting or replacing
    over any of those days, and officers who are themselves away from their post then."""
    c = Checks()
    first = typed_date(c, "start", "Tarikh mula", "Start date", on)
    last = typed_date(c, "end", "Tarikh akhir", "End date", end, required=False) or first
    if first is not None and last is not None and last < first:
        c.add(END_BEFORE_START.violation("end"))
    c.raise_if_any()
    v = V.load_vacancy(session, vacancy_id, live=True)
    return _candidates(session, v, first, last)


def _candidates(session: Session, v: Vacancy, on: date, end: date) -> list[ActingCandidateRow]:
    excluded = {i for i in (v.incumbent_id, v.post.incumbent_id) if i is not None}
    excluded |= _away_ids(session, on, end, v.id)
    acting, replacing = _busy(session, on, end)
    excluded |= acting
    own_grade = Grade.__table__.alias("own_grade")
    held_grade = Grade.__table__.alias("held_grade")
    q = (select(Staff.id, Staff.name, Staff.mykad, own_grade.c.code, Staff.qualification,
                Staff.service_start, Staff.confirmed_on, Post.id, Post.premises_id,
                Premises.code, held_grade.c.code)
         .outerjoin(own_grade, own_grade.c.id == Staff.grade_id)
         .outerjoin(Post, Post.incumbent_id == Staff.id)
         .outerjoin(Premises, Premises.id == Post.premises_id)
         .outerjoin(held_grade, held_grade.c.id == Post.grade_id)
         .where(Staff.active.is_(True)))
    rows = []
    for (sid, name, mykad, grade_code, qual, service_start, confirmed_on, post_id,
         premises_id, premises_code, held_code) in session.execute(q):
        if sid in excluded or mykad in replacing:
            continue
        confirmed = confirmed_on is not None and confirmed_on <= on
        rows.append((sid, name, mykad, grade_code or "", qual, service_start, confirmed_on,
                     confirmed, "" if post_id is None else post_label(premises_code, held_code,
                                                                     post_id),
                     premises_id == v.premises_id))
    # 6A(g): confirmed first; then qualification; then the longest service (unknown last)
    rows.sort(key=lambda r: (not r[7], -r[4].level, r[5] is None, r[5] or date.min, r[1], r[0]))
    any_confirmed = any(r[7] for r in rows)
    out = []
    for position, (sid, name, mykad, grade_code, qual, service_start, confirmed_on, confirmed,
                   post, same) in enumerate(rows, start=1):
        year = _one_year(service_start, on)
        out.append(ActingCandidateRow(
            sid, name, mykad, grade_code, post, same, qual, service_start, confirmed_on,
            position, not confirmed, not year, confirmed or (not any_confirmed and year)))
    return out


def _merit(r: ActingCandidateRow) -> tuple:
    # the order's key without the name tie-break: equals are not "better placed"
    return (r.unconfirmed, -r.qualification.level, r.service_start is None,
            r.service_start or date.min)


def _better_placed(ranked: list[ActingCandidateRow], staff_id: int) -> ActingCandidateRow | None:
    mine = next((r for r in ranked if r.staff_id == staff_id), None)
    if mine is None:
        return None
    return next((r for r in ranked if r.eligible and _merit(r) < _merit(mine)), None)


# ---------------------------------------------------------------------------------------------
# checking a form

@dataclass
class _Clean:
    vacancy: Vacancy
    staff: Staff
    start: date
    end: date
    instruction_ref: str
    instruction_date: date
    approval_ref: str
    approval_date: date
    authority: str
    unconfirmed_reason: str | None
    previous_id: int | None


def _check_previous(session: Session, c: Checks, previous_id: int, v: Vacancy | None,
                    start: date | None) -> None:
    """A resumption names an ended assignment of the same vacancy, which ended before it."""
    p = session.get(ActingAssignment, previous_id)
    if p is None:
        c.add(invalid("previous_id", f"Penanggungan kerja {previous_id} tidak wujud.",
                      f"Acting assignment {previous_id} does not exist.", "NOT_FOUND"))
        return
    if v is not None and p.vacancy_id != v.id:
        c.add(invalid("previous_id", "Penanggungan kerja terdahulu adalah bagi kekosongan lain.",
                      "The previous acting assignment is for another vacancy.",
                      "ACTING_PREVIOUS_OTHER_VACANCY"))
    if p.status is FillingStatus.ACTIVE:
        c.add(invalid("previous_id", "Penanggungan kerja terdahulu masih aktif: tamatkan dahulu, "
                      "atau mohon semula untuk meneruskannya.", "The previous acting assignment "
                      "is still active: end it first, or renew it to go on.",
                      "ACTING_PREVIOUS_STILL_ACTIVE"))
    elif start is not None and start <= _last_day(p):
        c.add(invalid("start", f"Penanggungan kerja yang diteruskan mesti bermula selepas yang "
                      f"terdahulu berakhir ({date_ms(_last_day(p))}).", "A resumed assignment "
                      "must start after the previous one ended "
                      f"({_last_day(p).isoformat()}).", "DATES_OUT_OF_ORDER"))


def _clean(session: Session, form: ActingForm, today: date, *, renewal: bool = False) -> _Clean:
    """Every check of paras 6A, 6B, 7 and 8 on the form, all problems at once."""
    c = Checks()
    vid = typed_id(c, "vacancy_id", "Kekosongan", "Vacancy", form.vacancy_id)
    sid = typed_id(c, "staff_id", "Pegawai", "Officer", form.staff_id)
    start = typed_date(c, "start", "Tarikh mula menanggung kerja", "Start date", form.start)
    end = typed_date(c, "end", "Tarikh akhir menanggung kerja", "End date", form.end)
    instruction_ref = c.text("instruction_ref", "Rujukan arahan bertulis",
                             "Written instruction reference", form.instruction_ref,
                             required=False, max_len=100)
    instruction_date = typed_date(c, "instruction_date", "Tarikh arahan bertulis",
                                  "Written instruction date", form.instruction_date,
                                  required=False)
    approval_ref = c.text("approval_ref", "Rujukan kelulusan", "Approval reference",
                          form.approval_ref, max_len=100)
    approval_date = typed_date(c, "approval_date", "Tarikh kelulusan", "Approval date",
                               form.approval_date)
    authority = c.text("authority", "Pihak Berkuasa Melulus", "Approving authority",
                       form.authority, max_len=200)
    reason = c.text("unconfirmed_reason", "Sebab pilihan pegawai (6A(g))",
                    "Why this officer was chosen (6A(g))", form.unconfirmed_reason,
                    required=False, max_len=2000)
    previous_id = typed_id(c, "previous_id", "Penanggungan kerja terdahulu",
                           "Previous acting assignment", form.previous_id, required=False)

    # 6A(b): the head of department's instruction is written: its reference and date
    typed_instruction_date = str(form.instruction_date or "").strip()
    for problem in check_written_instruction(bool(instruction_ref) and bool(
            instruction_date or typed_instruction_date)):
        c.add(RuleViolation(problem.code, problem.paragraph, problem.message_ms,
                            problem.message_en, problem.severity, "instruction_ref"))
    for day, field, ms, en in ((instruction_date, "instruction_date", "Tarikh arahan bertulis",
                                "The instruction date"),
                               (approval_date, "approval_date", "Tarikh kelulusan",
                                "The approval date")):
        if day is not None and day > today:
            c.add(invalid(field, f"{ms} tidak boleh selepas hari ini.",
                          f"{en} cannot be after today.", "FUTURE_DATE"))
    if start is not None and end is not None:
        if end < start:
            c.add(END_BEFORE_START.violation("end"))
        else:
            for problem in check_acting_term(start, end):  # 6A(c)
                c.add(problem)

    v = session.get(Vacancy, vid) if vid is not None else None
    if vid is not None and v is None:
        c.add(invalid("vacancy_id", f"Kekosongan {vid} tidak wujud.",
                      f"Vacancy {vid} does not exist.", "NOT_FOUND"))
    elif v is not None and v.status is VacancyStatus.CLOSED:
        for problem in check_vacancy_exists(False):  # 6A(a)(i)
            c.add(problem)
        v = None
    s = session.get(Staff, sid) if sid is not None else None
    if sid is not None and s is None:
        c.add(invalid("staff_id", f"Pegawai {sid} tidak wujud.", f"Officer {sid} does not exist.",
                      "NOT_FOUND"))
    elif s is not None and not s.active:
        c.add(invalid("staff_id", f"Pegawai {s.name} tidak aktif.",
                      f"Officer {s.name} is not active.", "STAFF_INACTIVE"))

    if v is not None:
        c.problems.extend(V.method_refusals(v, Method.ACTING, start or today))
        if start is not None:
            if start < v.opened_on:
                c.add(ACTING_BEFORE_VACANCY.violation("start", **_dates("day", v.opened_on)))
            if not renewal:  # 6A(d): taking the duties up is on a working day
                c.problems.extend(check_acting_start(_state(session, v), start))
            try:  # 6B: the allowance is 25 % of the starting salary of the grade acted in
                starting_salary_on(session, v.post.grade_id, start)
            except Refused as refused:
                c.problems.extend(refused.violations)
    if v is not None and s is not None:
        if s.id in (v.incumbent_id, v.post.incumbent_id):
            c.add(invalid("staff_id", f"{s.name} ialah penyandang jawatan ini; penanggungan "
                          "kerja ialah tugas jawatan lain.", f"{s.name} is this post's "
                          "incumbent; acting is carrying another post's duties.",
                          "ACTING_OFFICER_IS_INCUMBENT", "1"))
        if start is not None and end is not None and end >= start:
            if s.id in _away_ids(session, start, end, v.id):
                c.add(invalid("staff_id", f"{s.name} sendiri tiada di jawatannya (kekosongan "
                              "operasi) dalam tempoh ini.", f"{s.name} is away from their own "
                              "post (an operational vacancy) over this period.",
                              "ACTING_OFFICER_AWAY"))
            # 6A(g): a confirmed officer; an unconfirmed one only when none is available, with
            # the reason recorded, after a year of service
            confirmed = s.confirmed_on is not None and s.confirmed_on <= start
            if not confirmed:
                if not reason:
                    c.add(ACTING_UNCONFIRMED_REASON_REQUIRED.violation("unconfirmed_reason",
                                                                       name=s.name))
                available = any(not r.unconfirmed and r.staff_id != s.id
                                for r in _candidates(session, v, start, end))
                c.problems.extend(check_acting_officer(False, s.service_start, start, available))
            else:
                # 6A(g)(iii): passing over a better-placed officer is allowed, with the reason;
                # a reason nobody needs is not kept
                better = None if renewal else _better_placed(
                    _candidates(session, v, start, end), s.id)
                if better is None:
                    reason = ""
                elif not reason:
                    c.add(ACTING_PRIORITY_REASON_REQUIRED.violation(
                        "unconfirmed_reason", name=s.name, other=better.name))
            # one filling of the vacancy at a time, and one duty per person (by MyKad)
            V.check_filling_overlap(c, session, v.id, start, end, mykad=s.mykad)
    if previous_id is not None:
        _check_previous(session, c, previous_id, v, start)
    c.raise_if_any()
    return _Clean(v, s, start, end, instruction_ref, instruction_date, approval_ref,
                  approval_date, authority, reason or None, previous_id)


# ---------------------------------------------------------------------------------------------
# changes

def _create(ctx: Ctx, f: _Clean, today: date) -> int:
    a = ActingAssignment(
        vacancy_id=f.vacancy.id, staff_id=f.staff.id, grade_id=f.vacancy.post.grade_id,
        start=f.start, end=f.end, instruction_ref=f.instruction_ref,
        instruction_date=f.instruction_date, approval_ref=f.approval_ref,
        approval_date=f.approval_date, authority=f.authority,
        unconfirmed_reason=f.unconfirmed_reason, previous_id=f.previous_id,
        status=FillingStatus.ACTIVE, ended_on=None, end_kind=None, end_reason="")
    ctx.session.add(a)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, a.id, None, _snapshot(a))
    if f.vacancy.status is VacancyStatus.OPEN:
        # filled from the first day, which may be ahead of today (a planned assignment)
        V.mark_filled(ctx, f.vacancy.id, Method.ACTING, filled_on=f.start,
                      today=max(today, f.start))
    return a.id


def assign_acting(ctx: Ctx, form: ActingForm, today: date | None = None) -> int:
    """Record an officer's acting assignment (para 6A) and mark its vacancy filled."""
    today = _today(today)
    return _create(ctx, _clean(ctx.session, form, today), today)


def _end(ctx: Ctx, a: ActingAssignment, ended_on: date, kind: ActingEndKind, reason: str,
         *, reopen: bool) -> None:
    before = _snapshot(a)
    a.status, a.ended_on, a.end_kind, a.end_reason = FillingStatus.ENDED, ended_on, kind, reason
    ctx.session.flush()
    ctx.audit("tamat", ENTITY, a.id, before, _snapshot(a))
    if reopen:
        _reopen_if_uncovered(ctx, a.vacancy_id, f"Penanggungan kerja {a.id} tamat pada "
                             f"{date_ms(ended_on)}: {reason}")


def _reopen_if_uncovered(ctx: Ctx, vacancy_id: int, note: str) -> None:
    """The vacancy is open again when nothing else covers it."""
    v = ctx.session.get(Vacancy, vacancy_id)
    if v.status is not VacancyStatus.FILLED:
        return
    if any(f.active for f in V.fillings_of(ctx.session, vacancy_id)):
        return
    V.mark_unfilled(ctx, vacancy_id, note[:2000])


def renew_acting(ctx: Ctx, assignment_id, form: ActingForm, today: date | None = None) -> int:
    """A new application to go on past the term (6A(c)): a new assignment of the same officer
    in the same vacancy from the day after the old one ends, linked to it; the old one ends."""
    today = _today(today)
    old = _load(ctx.session, assignment_id)
    _require_active(old)
    c = Checks()
    vid = typed_id(c, "vacancy_id", "Kekosongan", "Vacancy", form.vacancy_id, required=False)
    sid = typed_id(c, "staff_id", "Pegawai", "Officer", form.staff_id, required=False)
    start = typed_date(c, "start", "Tarikh mula", "Start date", form.start, required=False)
    day_after = old.end + timedelta(days=1)
    if vid is not None and vid != old.vacancy_id:
        c.add(invalid("vacancy_id", "Permohonan semula adalah bagi kekosongan yang sama.",
                      "A renewal is for the same vacancy.", "FIELD_FIXED"))
    if sid is not None and sid != old.staff_id:
        c.add(invalid("staff_id", "Permohonan semula adalah bagi pegawai yang sama; untuk pegawai "
                      "lain, serahkan penanggungan kerja.", "A renewal is for the same officer; "
                      "for another officer, hand the duties over.", "FIELD_FIXED"))
    if start is not None and start != day_after:
        c.add(ACTING_RENEWAL_START.violation("start", **_dates("day", day_after)))
    c.raise_if_any()
    renewed = ActingForm(**{**form.__dict__, "vacancy_id": old.vacancy_id,
                            "staff_id": old.staff_id, "start": day_after, "previous_id": None})
    f = _clean(ctx.session, renewed, today, renewal=True)
    f.previous_id = old.id
    _end(ctx, old, old.end, ActingEndKind.RENEWED,
         f"Diteruskan dengan permohonan semula ({f.approval_ref}).", reopen=False)
    return _create(ctx, f, today)


def record_interruption(ctx: Ctx, assignment_id, start, end, reason: str) -> InterruptionResult:
    """Record days the officer did not carry the duties. Away 14 days or more (touching
    interruptions count as one), the assignment ends the day before (6A(f))."""
    a = _load(ctx.session, assignment_id)
    _require_active(a)
    c = Checks()
    first = typed_date(c, "start", "Tarikh mula terputus", "First day away", start)
    last = typed_date(c, "end", "Tarikh akhir terputus", "Last day away", end)
    reason = c.text("reason", "Sebab terputus", "Why interrupted", reason, max_len=2000)
    if first is not None and last is not None:
        if last < first:
            c.add(END_BEFORE_START.violation("end"))
        if not a.start < first <= a.end:
            c.add(ACTING_INTERRUPTION_OUTSIDE.violation("start", **_dates("first", a.start),
                                                        **_dates("last", a.end)))
        for other in a.interruptions:
            if first <= other.end and other.start <= last:
                c.add(invalid("start", f"Gangguan {date_ms(other.start)} hingga "
                              f"{date_ms(other.end)} telah direkodkan bagi hari-hari ini.",
                              "An interruption is already recorded over these days.",
                              "INTERRUPTION_OVERLAP"))
    c.raise_if_any()
    i = ActingInterruption(start=first, end=last, reason=reason)
    a.interruptions.append(i)
    ctx.session.flush()
    ctx.audit("tambah", INTERRUPTION_ENTITY, i.id, None, _interruption_snapshot(i))
    ctx.touched.add(ENTITY)
    spans = [(x.start, x.end) for x in a.interruptions]
    long = check_interruption(a.start, a.end, spans)
    if not long:
        return InterruptionResult(i.id, False, None, False, None)
    # the part before the first long interruption is what remains of the assignment
    ended_on = split_on_interruptions(a.start, a.end, spans)[0][1]
    _end(ctx, a, ended_on, ActingEndKind.INTERRUPTED, long[0].message_ms, reopen=True)
    return InterruptionResult(i.id, True, ended_on, True, long[0])


def end_acting(ctx: Ctx, assignment_id, ended_on, reason: str) -> None:
    """End an assignment on ``ended_on`` (its last day), e.g. on the head of department's
    recommendation (6A(e)) or when the duties are no longer needed."""
    a = _load(ctx.session, assignment_id)
    _require_active(a)
    c = Checks()
    on = typed_date(c, "ended_on", "Tarikh tamat", "Date ended", ended_on)
    reason = c.text("reason", "Sebab ditamatkan", "Why ended", reason, max_len=2000)
    if on is not None and not a.start <= on <= a.end:
        c.add(ACTING_END_OUTSIDE_TERM.violation("ended_on", **_dates("first", a.start),
                                                **_dates("last", a.end)))
    c.raise_if_any()
    _end(ctx, a, on, ActingEndKind.ENDED, reason, reopen=True)


def hand_over(ctx: Ctx, assignment_id, new_form: ActingForm, today: date | None = None,
              reason: str = "") -> int:
    """Another officer carries the duties from ``new_form.start`` (6A(e)): the assignment ends
    the day before and the new one is recorded with every check of a new assignment."""
    today = _today(today)
    old = _load(ctx.session, assignment_id)
    _require_active(old)
    c = Checks()
    vid = typed_id(c, "vacancy_id", "Kekosongan", "Vacancy", new_form.vacancy_id, required=False)
    sid = typed_id(c, "staff_id", "Pegawai", "Officer", new_form.staff_id)
    start = typed_date(c, "start", "Tarikh mula", "Start date", new_form.start)
    reason = c.text("reason", "Sebab diserahkan", "Why handed over", reason, required=False,
                    max_len=2000)
    if vid is not None and vid != old.vacancy_id:
        c.add(invalid("vacancy_id", "Penyerahan adalah bagi kekosongan yang sama.",
                      "A hand-over is for the same vacancy.", "FIELD_FIXED"))
    if sid is not None and sid == old.staff_id:
        c.add(ACTING_HAND_OVER_SAME_OFFICER.violation("staff_id"))
    day_after = old.end + timedelta(days=1)
    if start is not None and not old.start < start <= day_after:
        c.add(ACTING_HAND_OVER_DATE.violation("start", **_dates("first", old.start),
                                              **_dates("last", day_after)))
    c.raise_if_any()
    new_officer = ctx.session.get(Staff, sid)
    who = new_officer.name if new_officer is not None else str(sid)
    note = f"Diserahkan kepada {who} mulai {date_ms(start)}" + (f": {reason}" if reason else ".")
    _end(ctx, old, start - timedelta(days=1), ActingEndKind.HANDED_OVER, note, reopen=False)
    form = ActingForm(**{**new_form.__dict__, "vacancy_id": old.vacancy_id})
    return _create(ctx, _clean(ctx.session, form, today), today)


# ---------------------------------------------------------------------------------------------
# allowance and cost (6B)

def acting_allowance_for(session: Session, assignment_id, year: int, month: int) -> Decimal:
    """The allowance of the assignment for one month: 25 % of the acted grade's starting
    salary, prorated by calendar days; the days to an end on a rest day count (6A(d))."""
    a = _load(session, assignment_id)
    first, last = month_bounds(year, month)
    lo, hi = max(a.start, first), min(_last_day(a), last)
    if lo > hi:
        return ZERO
    salary = starting_salary_on(session, a.grade_id, lo)
    return acting_allowance(salary, a.start, _last_day(a), year, month)


def acting_cost_for(session: Session, assignment_id) -> MethodCost:
    """The whole assignment's allowance, month by month, as the cost comparison shows it."""
    a = _load(session, assignment_id)
    try:
        salary = starting_salary_on(session, a.grade_id, a.start)
    except Refused:
        salary = None
    return acting_cost(salary, a.start, _last_day(a), a.grade.code)


# ---------------------------------------------------------------------------------------------
# the register

def _months_done(start: date, last: date, today: date) -> int:
    upto = min(today, last) + timedelta(days=1)
    n = 0
    while add_months(start, n + 1) <= upto:
        n += 1
    return n


def _listing():
    count = (select(ActingInterruption.assignment_id, func.count().label("n"))
             .group_by(ActingInterruption.assignment_id).subquery())
    return (select(ActingAssignment, Premises.code, Premises.name, Grade.code, Vacancy.kind,
                   Staff.name, Staff.mykad, func.coalesce(count.c.n, 0))
            .join(Vacancy, Vacancy.id == ActingAssignment.vacancy_id)
            .join(Premises, Premises.id == Vacancy.premises_id)
            .join(Grade, Grade.id == ActingAssignment.grade_id)
            .join(Staff, Staff.id == ActingAssignment.staff_id)
            .outerjoin(count, count.c.assignment_id == ActingAssignment.id))


def _rows(session: Session, q, today: date) -> list[ActingRow]:
    monthly: dict[tuple[int, date], Decimal | None] = {}
    salaries = salary_table(session)  # read once, not twice per assignment

    def per_month(grade_id: int, on: date) -> Decimal | None:
        if (grade_id, on) not in monthly:
            salary = salary_in_force(salaries, grade_id, on)
            try:
                amount = None if salary is None else acting_monthly_allowance(salary, on)
            except Refused:
                amount = None
            monthly[(grade_id, on)] = amount
        return monthly[(grade_id, on)]

    out = []
    for a, pcode, pname, gcode, vkind, sname, smykad, n in session.execute(q):
        active = a.status is FillingStatus.ACTIVE
        limit = acting_last_day(a.start)
        out.append(ActingRow(
            a.id, a.vacancy_id, pcode, pname, a.grade_id, gcode, vkind, a.staff_id, sname, smykad,
            a.start, a.end, _last_day(a), limit, _months_done(a.start, _last_day(a), today),
            per_month(a.grade_id, a.start), a.status, a.status.label_ms,
            (limit - today).days if active else None, int(n), a.previous_id, a.instruction_ref,
            a.instruction_date, a.approval_ref, a.approval_date, a.authority,
            a.unconfirmed_reason or "", a.ended_on, a.end_kind, a.end_reason or ""))
    return out


def _status(status) -> FillingStatus:
    try:
        return FillingStatus(status.strip().upper() if isinstance(status, str) else status)
    except ValueError:
        raise Refused(invalid("status", f"Status '{status}' tidak dikenali (ACTIVE atau ENDED).",
                              f"Unknown status '{status}' (ACTIVE or ENDED).",
                              "UNKNOWN_VALUE")) from None


def list_acting(session: Session, status=None, today: date | None = None,
                vacancy_id: int | None = None) -> list[ActingRow]:
    """The acting register: every assignment (or those of one status / one vacancy), oldest
    first."""
    q = _listing()
    if status is not None:
        q = q.where(ActingAssignment.status == _status(status))
    if vacancy_id is not None:
        q = q.where(ActingAssignment.vacancy_id == vacancy_id)
    q = q.order_by(ActingAssignment.start, ActingAssignment.id)
    return _rows(session, q, _today(today))


def get_acting(session: Session, assignment_id, today: date | None = None) -> ActingRow:
    a = _load(session, assignment_id)
    return _rows(session, _listing().where(ActingAssignment.id == a.id), _today(today))[0]


def list_interruptions(session: Session, assignment_id) -> list[InterruptionRow]:
    a = _load(session, assignment_id)
    return [InterruptionRow(i.id, a.id, i.start, i.end, (i.end - i.start).days + 1, i.reason)
            for i in a.interruptions]


# ---------------------------------------------------------------------------------------------
# what the vacancy service asks of us: fillings and alerts

def _label(a: ActingAssignment, name: str) -> str:
    return (f"Tanggung kerja {name}, {date_ms(a.start)} hingga {date_ms(_last_day(a))}"
            + ("" if a.status is FillingStatus.ACTIVE else " (tamat)"))


@V.register_filling_provider
def acting_fillings(session: Session, vacancy_id: int | None) -> list[V.FillingRef]:
    q = (select(ActingAssignment, Staff.name, Staff.mykad)
         .join(Staff, Staff.id == ActingAssignment.staff_id))
    if vacancy_id is not None:
        q = q.where(ActingAssignment.vacancy_id == vacancy_id)
    return [V.FillingRef("ACTING", a.id, _label(a, name), _last_day(a), a.start, name, mykad,
                         a.status is FillingStatus.ACTIVE)
            for a, name, mykad in session.execute(q.order_by(ActingAssignment.id))]


@V.register_alert_provider
def acting_alerts(session: Session, today: date) -> list[V.Alert]:
    """Active assignments near (14 days) or past their six-month limit (6A(c)); assignments
    ended by a long interruption whose vacancy no one has taken up again (6A(f))."""
    out = []
    active = _listing().where(ActingAssignment.status == FillingStatus.ACTIVE)
    for r in _rows(session, active, today):
        where = f"{r.officer_name}, {r.grade_code}, {r.premises_name}"
        if r.days_to_limit < 0:
            out.append(V.Alert("ACTING_LIMIT_PASSED", "urgent",
                               f"Penanggungan kerja melebihi had 6 bulan ({date_ms(r.limit)}): "
                               f"{where}. Tamatkan atau mohon semula (6A(c)).", ENTITY, r.id,
                               r.limit))
        elif r.days_to_limit <= ALERT_WINDOW_DAYS:
            out.append(V.Alert("ACTING_LIMIT_NEAR", "warning",
                               f"Penanggungan kerja mencapai had 6 bulan pada "
                               f"{date_ms(r.limit)}: {where}. Mohon semula jika perlu (6A(c)).",
                               ENTITY, r.id, r.limit))
    # ended by a long interruption, and no later assignment of its vacancy since
    later = aliased(ActingAssignment)
    taken_up = select(later.id).where(
        later.vacancy_id == ActingAssignment.vacancy_id, later.id != ActingAssignment.id,
        or_(later.start > ActingAssignment.ended_on, later.previous_id == ActingAssignment.id))
    interrupted = _listing().where(ActingAssignment.end_kind == ActingEndKind.INTERRUPTED,
                                   Vacancy.status.in_(LIVE_STATUSES), ~taken_up.exists())
    for r in _rows(session, interrupted, today):
        out.append(V.Alert("ACTING_INTERRUPTED", "info",
                           f"Penanggungan kerja {r.officer_name} ({r.grade_code}, "
                           f"{r.premises_name}) terputus 14 hari atau lebih dan tamat pada "
                           f"{date_ms(r.ended_on)}: perakuan baru kepada Pihak Berkuasa Melulus "
                           "diperlukan untuk meneruskannya (6A(f)).", ENTITY, r.id, r.ended_on))
    return out


__all__ = [
    "ActingCandidateRow", "ActingForm", "ActingRow", "InterruptionResult", "InterruptionRow",
    "acting_allowance_for", "acting_alerts", "acting_candidates", "acting_cost_for",
    "acting_fillings", "assign_acting", "end_acting", "get_acting", "hand_over",
    "list_acting", "list_interruptions", "record_interruption", "renew_acting",
]

# The gantian service's fillings must be registered whenever acting checks an overlap.
from desktop.services import gantian as _gantian  # noqa: E402,F401
