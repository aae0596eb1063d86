"""The facts each kind of letter states, read from its record (the keys of letters-spec.md).

Every value is text: money as "1234.50", dates ISO ("2026-11-02"), so that the facts are JSON
and the composer formats them for the page. :func:`gather` refuses an unknown record and a
record in the wrong state (a termination letter for a PSH still active) before anything else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import ActingAssignment, Post, PshAppointment, PshExtension, Vacancy
from desktop.rules import Refused, amount_in_words, state_name
from desktop.rules.acting import acting_monthly_allowance, acting_percent
from desktop.rules.contributions import age_at, kwsp_contribution
from desktop.rules.enums import Method, Qualification
from desktop.rules.letters import (
    LETTER_NO_CANDIDATE,
    LETTER_NO_PERIOD,
    LETTER_PSH_NOT_ENDED,
    LETTER_RECORD_NOT_FOUND,
    QUALIFICATION_LABELS_MS,
    LetterKind,
)
from desktop.rules.psh import psh_daily_rate, psh_month_pay
from desktop.rules.psh_appointment import PshStatus, job_qualification
from desktop.rules.vacancy_enums import kind_label, method_label
from desktop.services import allocation
from desktop.services.candidates import list_candidates
from desktop.services.filling_choice import filling_options
from desktop.services.grades import starting_salary_on
from desktop.services.office import get_office

HOURS_PER_DAY = "9"  # 5A: nine working hours a day including rest (no rate table holds it)
KP_ADDRESSEE = {"name": "Ketua Pengarah",
                "lines": ["Jabatan Perpaduan Negara dan Integrasi Nasional", "Putrajaya"]}

# the record each kind is issued for: (model, entity name, Malay and English names)
RECORDS = {
    LetterKind.PSH_OFFER: (PshAppointment, "psh", "PSH", "PSH"),
    LetterKind.PSH_EXTENSION: (PshExtension, "psh_extension", "Lanjutan PSH", "PSH extension"),
    LetterKind.PSH_TERMINATION: (PshAppointment, "psh", "PSH", "PSH"),
    LetterKind.ACTING_INSTRUCTION: (ActingAssignment, "acting", "Penanggungan kerja",
                                    "Acting assignment"),
    LetterKind.ORA_DECLARATION: (PshAppointment, "psh", "PSH", "PSH"),
    LetterKind.PSH_APPLICATION: (Vacancy, "vacancy", "Kekosongan", "Vacancy"),
}


@dataclass(frozen=True)
class Gathered:
    """What a letter says about its record, before it has a reference."""

    entity: str
    entity_id: int
    addressee: dict
    facts: dict
    sealed: dict  # the kind's own essentials (beside kind, reference, date, name, MyKad)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _money(amount: Decimal | None) -> str:
    return "" if amount is None else str(Decimal(amount).quantize(Decimal("0.01")))


def _number(value: Decimal) -> str:
    """25 -> "25", 12.5 -> "12.5": a percentage as a letter writes it."""
    text = format(Decimal(value).normalize(), "f")
    return text


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _place(v: Vacancy) -> dict:
    premises, grade = v.premises, v.post.grade
    return {"premises_name": premises.name, "premises_address": ", ".join(_lines(
        premises.address)), "post_title": grade.title, "grade": grade.code,
        "state": premises.state, "state_name": state_name(premises.state)}


def _load(session: Session, kind: LetterKind, record_id):
    model, _entity, what_ms, what_en = RECORDS[kind]
    text = "" if record_id is None or isinstance(record_id, bool) else str(record_id).strip()
    obj = session.get(model, int(text)) if text.isdigit() else None
    if obj is None:
        raise LETTER_RECORD_NOT_FOUND.refuse(field="record_id", what_ms=what_ms,
                                             what_en=what_en, ident=text or "-")
    return obj


def _original_end(p: PshAppointment) -> date:
    """The last day the offer gave, before any extension moved it."""
    return p.extensions[0].previous_end if p.extensions else p.end


def _psh_common(p: PshAppointment) -> dict:
    return {"name": p.name, "mykad": p.mykad, **_place(p.vacancy)}


def _psh_addressee(p: PshAppointment) -> dict:
    premises = p.vacancy.premises
    return {"name": p.name, "lines": [premises.name, *_lines(premises.address)]}


def _kwsp_applies(p: PshAppointment) -> str:
    """Whether KWSP is deducted from the first month's wage ("ya"/"tidak"), by the schedule."""
    birth = allocation.birth_date_of(p.mykad)
    age = age_at(birth, p.start) if birth else 30
    gross = psh_month_pay(p.vacancy.premises.state, p.daily_rate, p.start, p.end,
                          p.start.year, p.start.month).gross
    share = kwsp_contribution(gross, age, p.start)
    return "ya" if share.employer > 0 or share.employee > 0 else "tidak"


def _offer(session: Session, p: PshAppointment) -> Gathered:
    facts = {**_psh_common(p), "daily_rate": _money(p.daily_rate),
             "daily_rate_words": amount_in_words(p.daily_rate), "start": _iso(p.start),
             "end": _iso(_original_end(p)), "kp_approval_ref": p.kp_approval_ref,
             "kp_approval_date": _iso(p.kp_approval_date),
             "qualification_used": QUALIFICATION_LABELS_MS[p.qualification_used],
             "vacancy_kind": kind_label(p.vacancy.kind), "hours_per_day": HOURS_PER_DAY,
             "kwsp_applies": _kwsp_applies(p)}
    sealed = {k: facts[k] for k in ("daily_rate", "start", "end")}
    return Gathered("psh", p.id, _psh_addressee(p), facts, sealed)


def _extension(session: Session, e: PshExtension) -> Gathered:
    p = e.appointment
    facts = {**_psh_common(p), "daily_rate": _money(p.daily_rate),
             "daily_rate_words": amount_in_words(p.daily_rate), "start": _iso(p.start),
             "previous_end": _iso(e.previous_end), "new_end": _iso(e.new_end),
             "reason": e.reason, "approved_by": e.approved_by,
             "approved_on": _iso(e.approved_on)}
    return Gathered("psh_extension", e.id, _psh_addressee(p), facts,
                    {"new_end": facts["new_end"]})


def _termination(session: Session, p: PshAppointment) -> Gathered:
    if p.status is not PshStatus.ENDED or p.ended_on is None:
        raise LETTER_PSH_NOT_ENDED.refuse(field="record_id", name=p.name)
    facts = {**_psh_common(p), "start": _iso(p.start), "ended_on": _iso(p.ended_on),
             "end_reason": p.end_reason}
    return Gathered("psh", p.id, _psh_addressee(p), facts, {"ended_on": facts["ended_on"]})


def _ora(session: Session, p: PshAppointment) -> Gathered:
    facts = {**_psh_common(p),
             "role": f"Pekerja Sambilan Harian, {p.vacancy.premises.name}"}
    return Gathered("psh", p.id, _psh_addressee(p), facts, {})


def _acting(session: Session, a: ActingAssignment) -> Gathered:
    staff = a.staff
    salary = starting_salary_on(session, a.grade_id, a.start)  # refuses when not recorded (6B)
    monthly = acting_monthly_allowance(salary, a.start)
    facts = {"name": staff.name, "mykad": staff.mykad, **_place(a.vacancy),
             "staff_grade": staff.grade.code if staff.grade else "",
             "acting_post_title": a.grade.title, "acting_grade": a.grade.code,
             "start": _iso(a.start), "end": _iso(a.end),
             "allowance_percent": _number(acting_percent(a.start)),
             "monthly_allowance": _money(monthly),
             "monthly_allowance_words": amount_in_words(monthly),
             "approval_ref": a.approval_ref, "approval_date": _iso(a.approval_date),
             "authority": a.authority, "instruction_ref": a.instruction_ref}
    # the officer is written to at their own post; the vacancy's premises when they hold none
    own = session.execute(select(Post).where(Post.incumbent_id == staff.id)
                          .order_by(Post.id).limit(1)).scalar_one_or_none()
    premises = own.premises if own is not None else a.vacancy.premises
    addressee = {"name": staff.name, "lines": [premises.name, *_lines(premises.address)]}
    return Gathered("acting", a.id, addressee, facts, {"allowance": facts["monthly_allowance"]})


def planned_period(v: Vacancy) -> tuple[date, date] | None:
    """The period recorded with the method chosen (filling_choice.choose_method)."""
    try:
        costs = json.loads(v.method_costs or "{}")
        return date.fromisoformat(costs["start"]), date.fromisoformat(costs["end"])
    except (ValueError, KeyError, TypeError):
        return None


def _application(session: Session, v: Vacancy) -> Gathered:
    psh = session.execute(select(PshAppointment).where(PshAppointment.vacancy_id == v.id)
                          .order_by(PshAppointment.id.desc()).limit(1)).scalar_one_or_none()
    held: dict[int, Decimal] = {}
    if psh is not None:
        name, mykad, qualification = psh.name, psh.mykad, psh.qualification_held
        start, end, job = psh.start, _original_end(psh), psh.qualification_used
        rate = psh.daily_rate
        held = {x.year: x.outstanding for x in allocation.list_commitments(
            session, psh_id=psh.id)}
    else:
        ranked = [c for c in list_candidates(session, v.id) if c.position is not None]
        if not ranked:
            raise LETTER_NO_CANDIDATE.refuse(field="record_id", vacancy=v.id)
        period = planned_period(v)
        if period is None:
            raise LETTER_NO_PERIOD.refuse(field="record_id", vacancy=v.id)
        first = ranked[0]
        name, mykad, qualification = first.name, first.mykad, first.qualification
        start, end = period
        job = job_qualification(v.post.grade.code, start) or Qualification.SPM
        rate = psh_daily_rate(job, start)
    options = filling_options(session, v.id, start, end, psh_qualification=job)
    costs = []
    projected = None
    for o in options:
        known = o.cost is not None and o.cost.total is not None
        note = o.why_not or o.notes
        if o.cost is not None and o.cost.problem is not None:
            note = " ".join([note, o.cost.problem.message()]).strip()
        costs.append({"method": o.method.value, "label": method_label(o.method),
                      "allowed": o.allowed, "cost": _money(o.cost.total) if known else "",
                      "note": note, "cheapest": o.cheapest})
        if o.method is Method.PSH and known:
            projected = o.cost.total
    year = start.year
    try:
        bal = allocation.balance(session, year)
    except Refused:
        bal = None
    # the whole projected cost against the first year's balance (what the PSH already holds
    # back of it counts as available to it): the conservative reading of 5A(c)
    sufficient = (bal is not None and projected is not None
                  and bal.available + held.get(year, Decimal(0)) >= projected)
    alloc = {"year": str(year), "allocated": _money(bal.allocated if bal else None),
             "committed": _money(bal.committed if bal else None),
             "spent": _money(bal.spent if bal else None),
             "balance": _money(bal.available if bal else None), "sufficient": sufficient}
    facts = {"name": name, "mykad": mykad, **_place(v), "vacancy_id": str(v.id),
             "vacancy_kind": kind_label(v.kind), "vacancy_reason": v.reason.label_ms,
             "opened_on": _iso(v.opened_on), "expected_end": _iso(v.expected_end),
             "candidate_name": name, "candidate_mykad": mykad,
             "candidate_qualification": QUALIFICATION_LABELS_MS.get(qualification, "")
             if qualification else "",
             "daily_rate": _money(rate), "start": _iso(start), "end": _iso(end),
             "projected_cost": _money(projected), "costs": costs, "allocation": alloc,
             "chosen_method": method_label(v.chosen_method),
             "method_reason": v.method_reason or ""}
    return Gathered("vacancy", v.id, kp_addressee(session), facts,
                    {"vacancy_id": facts["vacancy_id"]})


def kp_addressee(session: Session) -> dict:
    """The Ketua Pengarah at the address the office set (Tetapan pejabat), or at the
    department in Putrajaya when none is set."""
    office = get_office(session)
    lines = (office.hq_address if office else "").splitlines()
    return dict(KP_ADDRESSEE, lines=[line for line in lines if line.strip()]
                or list(KP_ADDRESSEE["lines"]))


_GATHER = {
    LetterKind.PSH_OFFER: _offer,
    LetterKind.PSH_EXTENSION: _extension,
    LetterKind.PSH_TERMINATION: _termination,
    LetterKind.ACTING_INSTRUCTION: _acting,
    LetterKind.ORA_DECLARATION: _ora,
    LetterKind.PSH_APPLICATION: _application,
}


def gather(session: Session, kind: LetterKind, record_id) -> Gathered:
    """The addressee, facts and sealed essentials of the letter of ``kind`` for a record."""
    return _GATHER[kind](session, _load(session, kind, record_id))


def entity_of(kind: LetterKind) -> str:
    return RECORDS[kind][1]
