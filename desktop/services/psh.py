"""PSH appointments (para 5A): appoint, extend, end, convert to a contract appointment; the
register, the cost preview, and the PSH fillings and alerts the vacancy services list.

Appointing checks, all at once: the candidate's eligibility (5A(a), (b), (f), (g), (n)), the
method allowed for the premises, vacancy kind and grade (paras 7 and 8), the order of offer and
its timing (``candidates.mark_appointed``: 7.4(b), 8.2(a)), no external candidate on a hakiki
vacancy (7.4(b)), a term of at most 3 months (5A(e)), the Director-General's approval recorded
before the start, no overlap with another filling of the vacancy or of the person, and the
OS29000 balance (5A(c); ``services.allocation``). Then it fills the vacancy (when open).

Importing this module registers its fillings and alerts with ``services.vacancies``: the app
imports it at start-up so that closing a vacancy lists its PSH (5A(s)).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import (
    AllocationCommitment,
    Candidate,
    Grade,
    Post,
    Premises,
    PshAppointment,
    PshExtension,
    Staff,
    Vacancy,
    VacancyStep,
)
from desktop.rules import Refused, RuleViolation, check_psh_candidate, invalid, psh_last_day
from desktop.rules.allocation import psh_cost_by_year
from desktop.rules.enums import Method, PremisesKind, Qualification, VacancyKind
from desktop.rules.psh import psh_daily_rate
from desktop.rules.psh_appointment import (
    PSH_CONVERSION_HAKIKI_ONLY,
    PSH_CONVERSION_NEEDS_APPOINTMENT,
    PSH_EXTERNAL_ON_HAKIKI,
    PSH_JOB_QUALIFICATION_UNKNOWN,
    PSH_KP_APPROVAL_REQUIRED,
    PSH_NOT_ACTIVE,
    PSH_QUALIFICATION_NOT_RECORDED,
    PSH_STARTS_AFTER_CONTRACT,
    PshStatus,
    check_appointment_dates,
    check_end_date,
    check_extension,
    date_values,
    for_kind,
    job_qualification,
    max_last_day,
)
from desktop.rules.vacancy_enums import CandidateStatus, VacancyStatus, date_ms
from desktop.rules.workflow import FILLING_APPROVED
from desktop.services import allocation
from desktop.services.candidates import list_candidates, mark_appointed
from desktop.services.posts import assign_incumbent
from desktop.services.unit import Ctx
from desktop.services.vacancies import (
    ALERT_WINDOW_DAYS,
    Alert,
    CloseResult,
    FillingRef,
    check_filling_overlap,
    close_vacancy,
    enum_field,
    fillings_of,
    load_vacancy,
    mark_filled,
    mark_unfilled,
    method_refusals,
    not_found,
    register_alert_provider,
    register_filling_provider,
    today_or,
    year_after,
)
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "psh"
EXTENSION = "psh_extension"
KIND = Method.PSH.value  # FillingRef.kind of a PSH
APPOINTMENT_DELIVERED = "APPOINTMENT_DELIVERED"  # hakiki step 7.5: the contract appointment

# check_psh_candidate names the facts; the form names where they come from
_FIELD_OF = {"citizen": "candidate_id", "public_officer": "candidate_id",
             "qualification": "candidate_id", "required_qualification": "qualification_used",
             "healthy_certified": "health_certified_on", "osa_signed": "osa_declared_on"}


@dataclass
class PshForm:
    vacancy_id: int | str | None = None
    candidate_id: int | str | None = None
    start: date | str | None = None
    end: date | str | None = None  # the planned last day (at most 3 months: 5A(e))
    kp_approval_ref: str = ""
    kp_approval_date: date | str | None = None
    osa_declared_on: date | str | None = None  # 5A(n), no later than the start
    health_certified_on: date | str | None = None  # 5A(g), no later than the start
    qualification_used: str | None = None  # the job's (5A(h)); default: by the post's grade
    override_reason: str = ""  # only when the OS29000 balance falls short (5A(c))


@dataclass(frozen=True)
class PshRow:
    id: int
    vacancy_id: int
    candidate_id: int
    premises_code: str
    premises_name: str
    premises_kind: PremisesKind
    district: str
    grade_code: str
    vacancy_kind: VacancyKind
    name: str
    mykad: str
    qualification_held: Qualification
    qualification_used: Qualification
    daily_rate: Decimal
    start: date
    end: date  # the planned last day, as extended
    max_end: date  # the latest last day an extension may reach (6 months: 5A(e))
    extended: bool
    extensions: int
    status: PshStatus
    status_label: str
    ended_on: date | None
    end_reason: str
    days_left: int | None  # to the planned last day (0 on it, negative after); None once ended
    kp_approval_ref: str
    kp_approval_date: date
    osa_declared_on: date
    health_certified_on: date
    projected_cost: Decimal  # what its active OS29000 commitments project
    overridden: bool  # committed over the balance with an approving officer's reason

    @property
    def last_day(self) -> date:
        """The day it ended, or the planned last day while it runs."""
        return self.ended_on or self.end


@dataclass(frozen=True)
class ExtensionRow:
    id: int
    psh_id: int
    previous_end: date
    new_end: date
    reason: str
    approved_by: str
    approved_on: date | None


@dataclass(frozen=True)
class CostPreview:
    """What a planned PSH (or an extension) would cost, year by year against the balance."""

    qualification_used: Qualification
    daily_rate: Decimal
    start: date
    end: date
    total: Decimal
    years: tuple[allocation.YearPlan, ...]
    problems: tuple[RuleViolation, ...]  # ALLOCATION_SHORTFALL per year that falls short

    @property
    def fits(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ConversionResult:
    holding_id: int  # the contract officer's holding of the post
    ended: tuple[int, ...]  # the PSH ended the day before
    closed: CloseResult  # must_end: other fillings (acting, gantian) still to end


# ---------------------------------------------------------------------------------------------
# reading

def _listing():
    ext = (select(PshExtension.appointment_id, func.count(PshExtension.id).label("n"))
           .group_by(PshExtension.appointment_id).subquery())
    cost = (select(AllocationCommitment.psh_id,
                   func.sum(AllocationCommitment.projected).label("projected"),
                   func.count(AllocationCommitment.override_reason).label("overrides"))
            .where(AllocationCommitment.active.is_(True))
            .group_by(AllocationCommitment.psh_id).subquery())
    return (select(PshAppointment, Vacancy.kind, Premises.code, Premises.name, Premises.kind,
                   Premises.district, Grade.code, func.coalesce(ext.c.n, 0), cost.c.projected,
                   func.coalesce(cost.c.overrides, 0))
            .join(Vacancy, Vacancy.id == PshAppointment.vacancy_id)
            .join(Post, Post.id == Vacancy.post_id)
            .join(Grade, Grade.id == Post.grade_id)
            .join(Premises, Premises.id == Vacancy.premises_id)
            .outerjoin(ext, ext.c.appointment_id == PshAppointment.id)
            .outerjoin(cost, cost.c.psh_id == PshAppointment.id))


def _money(value) -> Decimal:
    # the sum keeps the Money type of its column: Decimal ringgit, or None with no commitment
    return Decimal("0.00") if value is None else value


def _row(r, today: date) -> PshRow:
    p, vkind, pcode, pname, pkind, district, gcode, n_ext, projected, overrides = r
    active = p.status is PshStatus.ACTIVE
    return PshRow(
        p.id, p.vacancy_id, p.candidate_id, pcode, pname, pkind, district or "", gcode, vkind,
        p.name, p.mykad, p.qualification_held, p.qualification_used, p.daily_rate, p.start,
        p.end, max_last_day(p.start), n_ext > 0, n_ext, p.status, p.status.label_ms,
        p.ended_on, p.end_reason or "", (p.end - today).days if active else None,
        p.kp_approval_ref, p.kp_approval_date, p.osa_declared_on, p.health_certified_on,
        _money(projected), overrides > 0)


def _statuses(status) -> list[PshStatus]:
    if isinstance(status, (str, PshStatus)):
        status = [status]
    try:
        return [PshStatus(s) for s in status]
    except ValueError:
        raise Refused(invalid("status", f"Status '{status}' tidak dikenali.",
                              f"Unknown status '{status}'.", "UNKNOWN_VALUE")) from None


def list_psh(session: Session, status=None, today: date | None = None,
             vacancy_id: int | None = None) -> list[PshRow]:
    """The PSH register: all, or by status (one or several: ``"ACTIVE"``, ``"ENDED"``), or
    of one vacancy; the newest start first."""
    today = today_or(today)
    q = _listing()
    if status is not None:
        q = q.where(PshAppointment.status.in_(_statuses(status)))
    if vacancy_id is not None:
        q = q.where(PshAppointment.vacancy_id == vacancy_id)
    q = q.order_by(PshAppointment.start.desc(), PshAppointment.id.desc())
    return [_row(r, today) for r in session.execute(q)]


def get_psh(session: Session, psh_id: int, today: date | None = None) -> PshRow:
    r = session.execute(_listing().where(PshAppointment.id == psh_id)).first()
    if r is None:
        raise not_found("PSH", "PSH", psh_id, "psh_id")
    return _row(r, today_or(today))


def list_extensions(session: Session, psh_id: int) -> list[ExtensionRow]:
    q = (select(PshExtension).where(PshExtension.appointment_id == psh_id)
         .order_by(PshExtension.id))
    return [ExtensionRow(e.id, e.appointment_id, e.previous_end, e.new_end, e.reason,
                         e.approved_by, e.approved_on) for e in session.execute(q).scalars()]


# ---------------------------------------------------------------------------------------------
# fillings and alerts for the vacancy services

def _label(name: str, start: date, last: date) -> str:
    return f"PSH {name} ({date_ms(start)} hingga {date_ms(last)})"


@register_filling_provider
def psh_fillings(session: Session, vacancy_id: int | None) -> list[FillingRef]:
    """Every PSH of the vacancy (or of all vacancies), ended ones too, as FillingRefs."""
    q = select(PshAppointment.id, PshAppointment.name, PshAppointment.mykad,
               PshAppointment.start, PshAppointment.end, PshAppointment.ended_on,
               PshAppointment.status)
    if vacancy_id is not None:
        q = q.where(PshAppointment.vacancy_id == vacancy_id)
    out = []
    for pid, name, mykad, start, end, ended_on, status in session.execute(q.order_by(
            PshAppointment.start, PshAppointment.id)):
        last = ended_on or end
        out.append(FillingRef(KIND, pid, _label(name, start, last), last, start, name, mykad,
                              status is PshStatus.ACTIVE))
    return out


@register_alert_provider
def psh_alerts(session: Session, today: date) -> list[Alert]:
    """Active PSH whose term ends within 14 days (warning), whose last day has passed without
    an end recorded, or whose vacancy has closed (urgent: 5A(s))."""
    horizon = today + timedelta(days=ALERT_WINDOW_DAYS)
    q = (select(PshAppointment.id, PshAppointment.name, PshAppointment.start,
                PshAppointment.end, Vacancy.status, Vacancy.closed_on, Grade.code,
                Premises.name)
         .join(Vacancy, Vacancy.id == PshAppointment.vacancy_id)
         .join(Post, Post.id == Vacancy.post_id)
         .join(Grade, Grade.id == Post.grade_id)
         .join(Premises, Premises.id == Vacancy.premises_id)
         .where(PshAppointment.status == PshStatus.ACTIVE))
    out = []
    for pid, name, start, end, vstatus, closed_on, grade, premises in session.execute(q):
        who = f"PSH {name} ({grade}, {premises})"
        if vstatus is VacancyStatus.CLOSED:
            out.append(Alert("PSH_VACANCY_CLOSED", "urgent",
                             f"Kekosongan {who} telah ditutup pada {date_ms(closed_on)}: "
                             "tamatkan perkhidmatan PSH (5A(s)).", ENTITY, pid, closed_on))
            continue
        limit = max_last_day(start)
        more = (f"boleh dilanjutkan oleh Ketua Jabatan hingga {date_ms(limit)}" if end < limit
                else "tidak boleh dilanjutkan lagi (had 6 bulan, 5A(e))")
        if end < today:
            out.append(Alert("PSH_TERM_OVER", "urgent",
                             f"Tempoh {who} tamat pada {date_ms(end)} tetapi tamatnya belum "
                             f"direkodkan: rekodkan tamat atau lanjutan ({more}).", ENTITY, pid,
                             end))
        elif end <= horizon:
            out.append(Alert("PSH_TERM_ENDING", "warning",
                             f"Tempoh {who} tamat pada {date_ms(end)} ({(end - today).days} "
                             f"hari lagi); {more}.", ENTITY, pid, end))
    return out


# ---------------------------------------------------------------------------------------------
# checks shared by the actions

def _load(session: Session, psh_id) -> PshAppointment:
    c = Checks()
    pid = typed_id(c, "psh_id", "PSH", "PSH", psh_id)
    c.raise_if_any()
    p = session.get(PshAppointment, pid)
    if p is None:
        raise not_found("PSH", "PSH", pid, "psh_id")
    return p


def _not_active(p: PshAppointment) -> RuleViolation:
    return PSH_NOT_ACTIVE.violation("psh_id", name=p.name, **date_values(ended=p.ended_on))


def _future(c: Checks, field: str, label_ms: str, label_en: str, day: date | None,
            today: date) -> None:
    if day is not None and day > today:
        c.add(invalid(field, f"{label_ms} tidak boleh selepas hari ini.",
                      f"{label_en} cannot be after today.", "FUTURE_DATE"))


def _check_overlaps(c: Checks, session: Session, vacancy_id: int, start: date, end: date,
                    mykad: str, own: int | None = None) -> None:
    """No other filling of the vacancy, and no other duty of the person, over these days."""
    own_ref = (KIND, own) if own is not None else None
    check_filling_overlap(c, session, vacancy_id, start, end, mykad=mykad, own=own_ref)


def _merge(c: Checks, refused: Refused, skip: set[str] = frozenset()) -> None:
    """Add another service's refusals, leaving out what this one has already said."""
    said = {v.code for v in c.problems} | set(skip)
    c.problems.extend(v for v in refused.violations if v.code not in said)


def _dated(violations, date_field: str) -> list[RuleViolation]:
    """An allocation year out of range is the form's date at fault, so the form can show it."""
    return [replace(v, field=date_field) if v.field == "year" else v for v in violations]


def _plan(c: Checks, session: Session, by_year, date_field: str, psh_id=None):
    try:
        return allocation.plan_cost(session, by_year, psh_id)
    except Refused as refused:
        c.problems.extend(_dated(refused.violations, date_field))
        return None


def _commit(ctx: Ctx, psh_id: int, override: str, date_field: str) -> None:
    try:
        allocation.commit_psh(ctx, psh_id, override or None)
    except Refused as refused:
        raise Refused(_dated(refused.violations, date_field)) from None


def _snapshot(p: PshAppointment) -> dict:
    return {"vacancy_id": p.vacancy_id, "candidate_id": p.candidate_id, "name": p.name,
            "mykad": p.mykad, "qualification_held": p.qualification_held,
            "qualification_used": p.qualification_used, "daily_rate": p.daily_rate,
            "start": p.start, "end": p.end, "kp_approval_ref": p.kp_approval_ref,
            "kp_approval_date": p.kp_approval_date, "osa_declared_on": p.osa_declared_on,
            "health_certified_on": p.health_certified_on, "status": p.status,
            "ended_on": p.ended_on, "end_reason": p.end_reason}


def _extension_snapshot(e: PshExtension) -> dict:
    return {"appointment_id": e.appointment_id, "previous_end": e.previous_end,
            "new_end": e.new_end, "reason": e.reason, "approved_by": e.approved_by,
            "approved_on": e.approved_on}


# ---------------------------------------------------------------------------------------------
# cost preview and the form's defaults

def _qualification_used(c: Checks, value, grade: str, on: date) -> Qualification | None:
    if value is not None and str(value).strip():
        return enum_field(c, "qualification_used", "Kelayakan tugas", "Job's qualification",
                          Qualification, value)
    try:
        qual = job_qualification(grade, on)
    except Refused as refused:
        c.problems.extend(refused.violations)
        return None
    if qual is None:
        c.add(PSH_JOB_QUALIFICATION_UNKNOWN.violation("qualification_used", grade=grade))
    return qual


def preview_cost(session: Session, vacancy_id, start, end, *, candidate_id=None,
                 qualification_used=None, psh_id: int | None = None) -> CostPreview:
    """The cost of a PSH on the vacancy from ``start`` to ``end`` by year, against each year's
    OS29000 balance: for the appointment dialog, before anything is saved. With ``psh_id``
    (an extension: ``start`` is the PSH's own), only the change from its commitments is asked
    of the balance. The candidate's MyKad gives the age for the contributions."""
    c = Checks()
    v = load_vacancy(session, vacancy_id)
    start = typed_date(c, "start", "Tarikh mula", "Start date", start)
    end = typed_date(c, "end", "Tarikh akhir", "Last day", end)
    birth = None
    cid = typed_id(c, "candidate_id", "Calon", "Candidate", candidate_id, required=False)
    if cid is not None:
        cand = session.get(Candidate, cid)
        if cand is None:
            c.add(invalid("candidate_id", f"Calon {cid} tidak wujud.",
                          f"Candidate {cid} does not exist.", "NOT_FOUND"))
        else:
            birth = allocation.birth_date_of(cand.mykad)
    qual = (_qualification_used(c, qualification_used, v.post.grade.code, start)
            if start is not None else None)
    c.raise_if_any()
    rate = psh_daily_rate(qual, start)
    by_year = psh_cost_by_year(v.premises.state, qual, start, end, birth)
    c = Checks()
    years = _plan(c, session, by_year, "start", psh_id)
    c.raise_if_any()
    return CostPreview(qual, rate, start, end, sum(by_year.values(), Decimal("0.00")), years,
                       tuple(allocation.shortfalls(years, v.kind)))


def new_psh_form(session: Session, vacancy_id, today: date | None = None) -> PshForm:
    """A form filled with what is already known: the next candidate in the order of offer,
    a start of today (or the vacancy's date), a 3-month term, the job's qualification and,
    for an operasi vacancy, the approval recorded at step 8.2."""
    today = today_or(today)
    v = load_vacancy(session, vacancy_id, live=True)
    start = max(today, v.opened_on)
    first = next((r for r in list_candidates(session, v.id) if r.position == 1), None)
    qual = job_qualification(v.post.grade.code, start)
    form = PshForm(vacancy_id=v.id, candidate_id=first.id if first else None, start=start,
                   end=psh_last_day(start), qualification_used=qual.value if qual else None)
    if v.kind is VacancyKind.OPERASI:
        step = session.execute(select(VacancyStep).where(
            VacancyStep.vacancy_id == v.id, VacancyStep.code == FILLING_APPROVED,
            VacancyStep.undone_at.is_(None))).scalar_one_or_none()
        if step is not None:
            form.kp_approval_ref, form.kp_approval_date = step.reference, step.done_on
    return form


# ---------------------------------------------------------------------------------------------
# appoint

def appoint_psh(ctx: Ctx, form: PshForm, today: date | None = None) -> int:
    """Engage the candidate as PSH on the vacancy; returns the appointment's id.

    Every check is made before anything is kept (see the module docstring); the candidate is
    marked appointed, the cost committed against the OS29000 allocation, and an open vacancy
    marked filled by PSH from the start. A start later than today is a planned PSH: the
    vacancy is recorded as filled from that day (the monthly return reads the date).
    """
    today = today_or(today)
    allocation.lock_allocation(ctx.session)  # also serialises overlap checks between PCs
    s = ctx.session
    c = Checks()
    vid = typed_id(c, "vacancy_id", "Kekosongan", "Vacancy", form.vacancy_id)
    cid = typed_id(c, "candidate_id", "Calon", "Candidate", form.candidate_id)
    start = typed_date(c, "start", "Tarikh mula", "Start date", form.start)
    end = typed_date(c, "end", "Tarikh akhir", "Last day", form.end)
    if start is not None and start > year_after(today):  # as for vacancies: beyond, a typo
        c.add(invalid("start", f"Tarikh mula ({date_ms(start)}) terlalu jauh ke hadapan (lebih "
                      "setahun).", f"The start date ({start.isoformat()}) is more than a year "
                      "ahead.", "FUTURE_DATE"))
    kp_ref = c.text("kp_approval_ref", "Rujukan kelulusan Ketua Pengarah",
                    "Director-General's approval reference", form.kp_approval_ref,
                    required=False, max_len=100)
    kp_date = typed_date(c, "kp_approval_date", "Tarikh kelulusan Ketua Pengarah",
                         "Director-General's approval date", form.kp_approval_date,
                         required=False)
    osa = typed_date(c, "osa_declared_on", "Tarikh perakuan Akta Rahsia Rasmi",
                     "OSA declaration date", form.osa_declared_on, required=False)
    health = typed_date(c, "health_certified_on", "Tarikh diperakui sihat",
                        "Date certified healthy", form.health_certified_on, required=False)
    override = c.text("override_reason", "Sebab diluluskan melebihi baki",
                      "Reason for going over the balance", form.override_reason,
                      required=False, max_len=2000)
    v = cand = None
    if vid is not None:
        v = s.get(Vacancy, vid)
        if v is None:
            c.add(invalid("vacancy_id", f"Kekosongan {vid} tidak wujud.",
                          f"Vacancy {vid} does not exist.", "NOT_FOUND"))
        elif v.status is VacancyStatus.CLOSED:
            c.add(invalid("vacancy_id", f"Kekosongan {vid} telah ditutup pada "
                          f"{date_ms(v.closed_on)}.", f"Vacancy {vid} was closed on "
                          f"{v.closed_on.isoformat()}.", "VACANCY_CLOSED"))
    if cid is not None:
        cand = s.get(Candidate, cid)
        if cand is None:
            c.add(invalid("candidate_id", f"Calon {cid} tidak wujud.",
                          f"Candidate {cid} does not exist.", "NOT_FOUND"))
    if v is None or cand is None or start is None or end is None:
        c.raise_if_any()
    for field, label_ms, label_en, day in (
            ("kp_approval_date", "Tarikh kelulusan", "The approval date", kp_date),
            ("osa_declared_on", "Tarikh perakuan Akta Rahsia Rasmi", "The OSA declaration date",
             osa),
            ("health_certified_on", "Tarikh diperakui sihat", "The date certified healthy",
             health)):
        _future(c, field, label_ms, label_en, day, today)
    if kp_date is not None and not kp_ref:
        c.add(for_kind(PSH_KP_APPROVAL_REQUIRED, v.kind, "kp_approval_ref"))

    grade = v.post.grade.code
    c.problems.extend(method_refusals(v, Method.PSH, start))
    if v.kind is VacancyKind.HAKIKI and cand.category is CandidateStatus.LUAR:
        c.add(PSH_EXTERNAL_ON_HAKIKI.violation("candidate_id", name=cand.name))
    dates = check_appointment_dates(v.kind, v.opened_on, start, end, kp_approval_date=kp_date,
                                    osa_declared_on=osa, health_certified_on=health)
    c.problems.extend(dates)
    qual = _qualification_used(c, form.qualification_used, grade, start)
    if cand.qualification is None:
        c.add(PSH_QUALIFICATION_NOT_RECORDED.violation("candidate_id", name=cand.name))
    rate = None
    if qual is not None:
        try:
            eligibility = check_psh_candidate(
                cand.citizen, cand.public_officer, cand.qualification or qual,
                health is not None, osa is not None, qual)
            c.problems.extend(replace(p, field=_FIELD_OF.get(p.field, p.field))
                              for p in eligibility)
            rate = psh_daily_rate(qual, start)
        except Refused as refused:
            c.problems.extend(replace(p, field=_FIELD_OF.get(p.field, p.field))
                              for p in refused.violations)
    term_ok = not any(p.field in ("start", "end") for p in (*dates, *c.problems))
    if term_ok:
        _check_overlaps(c, s, v.id, start, end, cand.mykad)
    if term_ok and rate is not None:
        try:
            by_year = psh_cost_by_year(v.premises.state, qual, start, end,
                                                  allocation.birth_date_of(cand.mykad))
        except Refused as refused:
            c.problems.extend(refused.violations)
        else:
            plans = _plan(c, s, by_year, "start")
            if plans is not None and not override:
                c.problems.extend(allocation.shortfalls(plans, v.kind))
    # the order of offer and its timing (7.4(b), 8.2(a)); the dates are said above already
    try:
        mark_appointed(ctx, cand.id, v.id, on=start, today=max(today, start))
    except Refused as refused:
        skip = {"DATES_OUT_OF_ORDER", "FUTURE_DATE", "VACANCY_CLOSED"}
        if any(p.code == "PSH_EXTERNAL_ON_HAKIKI" for p in c.problems):
            skip.add("CANDIDATE_NOT_IN_ORDER")
        _merge(c, refused, skip)
    c.raise_if_any()  # perform() rolls back the candidate's mark too

    p = PshAppointment(vacancy_id=v.id, candidate_id=cand.id, name=cand.name, mykad=cand.mykad,
                       qualification_held=cand.qualification, qualification_used=qual,
                       daily_rate=rate, start=start, end=end, kp_approval_ref=kp_ref,
                       kp_approval_date=kp_date, osa_declared_on=osa,
                       health_certified_on=health, status=PshStatus.ACTIVE, end_reason="")
    s.add(p)
    s.flush()
    ctx.audit("lantik", ENTITY, p.id, None, _snapshot(p))
    _commit(ctx, p.id, override, "start")
    if v.status is VacancyStatus.OPEN:
        mark_filled(ctx, v.id, Method.PSH, filled_on=start, today=max(today, start))
    return p.id


# ---------------------------------------------------------------------------------------------
# extend, end, convert

def extend_psh(ctx: Ctx, psh_id: int, new_end, reason: str, approved_by: str, *,
               approved_on=None, override_reason: str | None = None,
               today: date | None = None) -> int:
    """The head of department extends the term to ``new_end`` (5A(e): at most 6 months from
    the start in all); the commitment is re-projected and the increase must fit the OS29000
    balance, unless ``override_reason`` is given. Returns the extension's id."""
    today = today_or(today)
    allocation.lock_allocation(ctx.session)
    s = ctx.session
    p = _load(s, psh_id)
    c = Checks()
    new_end = typed_date(c, "new_end", "Tarikh akhir baharu", "New last day", new_end)
    reason = c.text("reason", "Sebab lanjutan", "Reason for the extension", reason,
                    max_len=2000)
    approved_by = c.text("approved_by", "Diluluskan oleh (Ketua Jabatan)",
                         "Approved by (head of department)", approved_by)
    approved_on = typed_date(c, "approved_on", "Tarikh kelulusan", "Approval date", approved_on,
                             required=False)
    override = c.text("override_reason", "Sebab diluluskan melebihi baki",
                      "Reason for going over the balance", override_reason, required=False,
                      max_len=2000)
    _future(c, "approved_on", "Tarikh kelulusan", "The approval date", approved_on, today)
    if p.status is not PshStatus.ACTIVE:
        c.add(_not_active(p))
    elif p.vacancy.status is VacancyStatus.CLOSED:
        c.add(invalid("psh_id", f"Kekosongan ini telah ditutup pada "
                      f"{date_ms(p.vacancy.closed_on)}: PSH ditamatkan, bukan dilanjutkan "
                      "(5A(s)).", "The vacancy has closed: the PSH is ended, not extended.",
                      "VACANCY_CLOSED", "5A(s)"))
    if new_end is not None and p.status is PshStatus.ACTIVE:
        term = check_extension(p.start, p.end, new_end)
        c.problems.extend(term)
        if not term:
            _check_overlaps(c, s, p.vacancy_id, p.start, new_end, p.mykad, own=p.id)
            plans = _plan(c, s, allocation.projected_cost(p, new_end), "new_end", p.id)
            if plans is not None and not override:
                c.problems.extend(allocation.shortfalls(plans, p.vacancy.kind))
    c.raise_if_any()

    before = _snapshot(p)
    e = PshExtension(appointment_id=p.id, previous_end=p.end, new_end=new_end, reason=reason,
                     approved_by=approved_by, approved_on=approved_on)
    s.add(e)
    p.end = new_end
    s.flush()
    ctx.audit("tambah", EXTENSION, e.id, None, _extension_snapshot(e))
    ctx.audit("lanjut", ENTITY, p.id, before, _snapshot(p))
    _commit(ctx, p.id, override, "new_end")
    return e.id


def _end(ctx: Ctx, p: PshAppointment, ended_on: date, reason: str, *, reopen: bool) -> None:
    before = _snapshot(p)
    p.status, p.ended_on, p.end_reason = PshStatus.ENDED, ended_on, reason
    ctx.session.flush()
    ctx.audit("tamat", ENTITY, p.id, before, _snapshot(p))
    allocation.commit_psh(ctx, p.id)  # re-projected to the day it ended: the rest is released
    v = p.vacancy
    if not reopen or v.status is not VacancyStatus.FILLED:
        return
    others = [f for f in fillings_of(ctx.session, v.id) if f.active and (f.kind, f.id) != (
        KIND, p.id)]
    if not others:
        mark_unfilled(ctx, v.id, f"PSH {p.name} tamat pada {date_ms(ended_on)}: {reason}")


def terminate_psh(ctx: Ctx, psh_id: int, ended_on, reason: str,
                  today: date | None = None) -> None:
    """End the PSH on ``ended_on`` (a day of its term, not after today): no longer needed
    (5A(s)), its term run out, or it left. The commitment beyond that day is released; a
    vacancy no other filling covers is open again."""
    today = today_or(today)
    allocation.lock_allocation(ctx.session)
    p = _load(ctx.session, psh_id)
    c = Checks()
    ended_on = typed_date(c, "ended_on", "Tarikh tamat", "End date", ended_on)
    reason = c.text("reason", "Sebab ditamatkan", "Reason for ending", reason, max_len=2000)
    if p.status is not PshStatus.ACTIVE:
        c.add(_not_active(p))
    elif ended_on is not None:
        c.problems.extend(check_end_date(p.start, p.end, ended_on))
        _future(c, "ended_on", "Tarikh tamat", "The end date", ended_on, today)
    c.raise_if_any()
    _end(ctx, p, ended_on, reason, reopen=True)


def convert_to_contract(ctx: Ctx, vacancy_id: int, staff_id: int, start,
                        today: date | None = None) -> ConversionResult:
    """The contract appointment has arrived (hakiki step 7.5, which must be recorded first, on
    or before ``start``): the officer holds the post from ``start``, every active PSH of the
    vacancy ends the day before, and the vacancy closes on ``start``, the first day the post
    has its holder. Other fillings still running (acting, gantian) are listed in
    ``closed.must_end``."""
    today = today_or(today)
    allocation.lock_allocation(ctx.session)
    s = ctx.session
    v = load_vacancy(s, vacancy_id, live=True)
    c = Checks()
    start = typed_date(c, "start", "Tarikh mula menyandang", "Start date", start)
    sid = typed_id(c, "staff_id", "Pegawai", "Officer", staff_id)
    if v.kind is not VacancyKind.HAKIKI:
        c.add(PSH_CONVERSION_HAKIKI_ONLY.violation("vacancy_id"))
    running = list(s.execute(select(PshAppointment).where(
        PshAppointment.vacancy_id == v.id, PshAppointment.status == PshStatus.ACTIVE)
        .order_by(PshAppointment.start)).scalars())
    if start is not None:
        delivered = s.execute(select(VacancyStep.id).where(
            VacancyStep.vacancy_id == v.id, VacancyStep.code == APPOINTMENT_DELIVERED,
            VacancyStep.undone_at.is_(None), VacancyStep.done_on <= start)).first()
        if v.kind is VacancyKind.HAKIKI and delivered is None:
            c.add(PSH_CONVERSION_NEEDS_APPOINTMENT.violation("vacancy_id",
                                                             **date_values(start=start)))
        if start < v.opened_on:
            c.add(invalid("start", f"Tarikh mula menyandang tidak boleh sebelum tarikh "
                          f"kekosongan ({date_ms(v.opened_on)}).", "The start cannot be "
                          "before the vacancy's date.", "DATES_OUT_OF_ORDER"))
        _future(c, "start", "Tarikh mula menyandang", "The start date", start, today)
        for p in running:
            if p.start >= start:
                c.add(PSH_STARTS_AFTER_CONTRACT.violation(
                    "start", name=p.name, **date_values(psh=p.start, start=start)))
    holding_id = None
    if start is not None and sid is not None:
        try:
            holding_id = assign_incumbent(ctx, v.post_id, sid, start)
        except Refused as refused:
            _merge(c, refused, {"START_IN_FUTURE"})
    c.raise_if_any()  # perform() rolls back the holding too

    staff = s.get(Staff, sid)
    ended = []
    for p in running:
        _end(ctx, p, min(p.end, start - timedelta(days=1)),
             f"Lantikan kontrak {staff.name} bermula {date_ms(start)} (7.5)", reopen=False)
        ended.append(p.id)
    closed = close_vacancy(ctx, v.id, start, f"Lantikan kontrak: {staff.name} menyandang "
                           f"jawatan mulai {date_ms(start)} (7.5).", today=today)
    return ConversionResult(holding_id, tuple(ended), closed)


__all__ = [
    "ConversionResult", "CostPreview", "ExtensionRow", "PshForm", "PshRow", "appoint_psh",
    "convert_to_contract", "extend_psh", "get_psh", "list_extensions", "list_psh",
    "new_psh_form", "preview_cost", "psh_alerts", "psh_fillings", "terminate_psh",
]

