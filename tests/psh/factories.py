"""The office, posts, vacancies and candidates of the PSH tests, built with the real services
(registers, vacancies, workflow, candidates), so every record is one the app could hold."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import (
    AllocationCommitment,
    AllocationEntry,
    AuditRecord,
    Candidate,
    Post,
    PostIncumbency,
    PshAppointment,
    PshExtension,
    Vacancy,
)
from desktop.rules import Refused
from desktop.services import allocation as A
from desktop.services import candidates as C
from desktop.services import psh as P
from desktop.services import vacancies as V
from desktop.services import workflow as W
from desktop.services.grades import GradeForm, add_grade
from desktop.services.office import OfficeInfo, save_office
from desktop.services.posts import PostForm, add_post, assign_incumbent
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.staff import StaffForm, add_staff
from desktop.services.unit import perform

TODAY = date(2026, 3, 16)  # a Monday
START = date(2026, 3, 2)  # a Monday; the default PSH start
_serial = itertools.count(1)


def mykad(serial: int, born: str = "900101") -> str:
    """A valid MyKad: born ``born`` (YYMMDD), in Selangor (10), with a serial of four digits."""
    return f"{born}-10-{serial:04d}"


@dataclass(frozen=True)
class Office:
    tabika: int
    taska: int
    s11: int
    s17: int
    s22: int
    s27: int


def make_office(db, allocation: str | None = "50000.00") -> Office:
    perform(db, save_office, OfficeInfo(code="JPNIN-SGR", name="JPNIN Negeri Selangor",
                                         state="SGR"))
    tabika = perform(db, add_premises, PremisesForm(
        "SGR-TBK-001", "Tabika Perpaduan Taman Sri Muda", "TABIKA", "SGR", "Klang", "")).result
    taska = perform(db, add_premises, PremisesForm(
        "SGR-TSK-001", "Taska PERMATA Perpaduan Seksyen 7", "TASKA", "SGR", "Petaling",
        "")).result
    grades = [perform(db, add_grade, GradeForm(code, title)).result for code, title in (
        ("S11", "Pembantu Guru Tabika"), ("S17", "Pembantu Pendidik"),
        ("S22", "Guru Tabika Perpaduan"), ("S27", "Pendidik"))]
    if allocation is not None:
        allocate(db, allocation)
    return Office(tabika, taska, *grades)


def allocate(db, amount: str, kind: str = "INITIAL", year: int = 2026,
             on: date = date(2026, 1, 2)) -> int:
    return perform(db, A.add_allocation_entry, year, kind, amount, on, f"OS29000/{year}/1",
                   "", today=max(TODAY, on)).result


def vacant_post(db, premises_id: int, grade_id: int) -> int:
    return perform(db, add_post, PostForm(premises_id, grade_id)).result


def staff(db, grade_id: int, name: str | None = None) -> int:
    n = next(_serial)
    return perform(db, add_staff, StaffForm(name or f"Pegawai {n}", mykad(n, "850315"),
                                            str(grade_id), "01/01/2020", "01/01/2021",
                                            "SPM")).result


def held_post(db, premises_id: int, grade_id: int) -> int:
    post = vacant_post(db, premises_id, grade_id)
    perform(db, assign_incumbent, post, staff(db, grade_id), date(2020, 1, 1))
    return post


def hakiki_vacancy(db, premises_id: int, grade_id: int, *, opened_on=date(2026, 1, 5),
                   report: bool = True) -> int:
    """A substantive vacancy (incumbent retired) at its interview report (7.4) by default."""
    post = vacant_post(db, premises_id, grade_id)
    vid = perform(db, V.open_vacancy, V.VacancyForm(post, "HAKIKI", "RETIRED", opened_on),
                  today=TODAY).result
    if report:
        for i, code in enumerate(("AD_APPROVAL_ASKED", "INTERVIEW_APPROVAL_ASKED",
                                  "INTERVIEW_REPORT")):
            perform(db, W.record_step, vid, code, date(2026, 1, 10 + 10 * i), f"R/{vid}/{i}",
                    psh_application_ref="PSH/APP/1" if code == "INTERVIEW_REPORT" else None,
                    today=TODAY)
    return vid


def operasi_vacancy(db, premises_id: int, grade_id: int, *, opened_on=date(2026, 2, 2),
                    expected_end=date(2026, 7, 31), approved: bool = True) -> int:
    """An operational vacancy (incumbent on maternity leave), its filling approved (8.2)."""
    post = held_post(db, premises_id, grade_id)
    vid = perform(db, V.open_vacancy, V.VacancyForm(post, "OPERASI", "MATERNITY_LEAVE",
                                                    opened_on, expected_end=expected_end),
                  today=TODAY).result
    if approved:
        perform(db, W.record_step, vid, "FILLING_APPLIED", date(2026, 2, 5), f"A/{vid}",
                today=TODAY)
        perform(db, W.record_step, vid, "FILLING_APPROVED", date(2026, 2, 20), f"KP/{vid}",
                today=TODAY)
    return vid


def candidate(db, vacancy_id: int | None, category: str = "BERJAYA", rank: int | None = 1, *,
              name: str | None = None, number: str | None = None, exercise_id=None,
              **kw) -> int:
    n = next(_serial)
    form = C.CandidateForm(name=name or f"Calon {n}", mykad=number or mykad(n),
                           category=category, rank=rank if category != "LUAR" else None,
                           vacancy_id=vacancy_id, exercise_id=exercise_id,
                           qualification="SPM", health_certified=True)
    for key, value in kw.items():
        setattr(form, key, value)
    return perform(db, C.add_candidate, form).result


def psh_form(vacancy_id: int, candidate_id: int, **kw) -> P.PshForm:
    base = dict(vacancy_id=vacancy_id, candidate_id=candidate_id, start=START,
                end=date(2026, 5, 29), kp_approval_ref="JPNIN.100-1/2/3",
                kp_approval_date=date(2026, 2, 25), osa_declared_on=START,
                health_certified_on=date(2026, 2, 27))
    base.update(kw)
    return P.PshForm(**base)


def appoint(db, form: P.PshForm, today: date = TODAY) -> int:
    return perform(db, P.appoint_psh, form, today=today).result


TABLES = (PshAppointment, PshExtension, AllocationEntry, AllocationCommitment, Candidate,
          Vacancy, PostIncumbency, AuditRecord)


def counts(db) -> tuple[int, ...]:
    """Rows of every table these services write (and of the audit log)."""
    with db.session() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one() for m in TABLES)


def snapshot(db) -> tuple:
    """Counts plus the state of the rows a refused action might have changed in place."""
    with db.session() as s:
        rows = (
            tuple(s.execute(select(PshAppointment.id, PshAppointment.status,
                                   PshAppointment.end,
                                   PshAppointment.ended_on).order_by(PshAppointment.id))),
            tuple(s.execute(select(AllocationCommitment.id, AllocationCommitment.projected,
                                   AllocationCommitment.spent, AllocationCommitment.active)
                            .order_by(AllocationCommitment.id))),
            tuple(s.execute(select(Candidate.id, Candidate.outcome).order_by(Candidate.id))),
            tuple(s.execute(select(Vacancy.id, Vacancy.status).order_by(Vacancy.id))),
            tuple(s.execute(select(Post.id, Post.incumbent_id).order_by(Post.id))),
        )
    return counts(db), rows


def refused(db, fn, *args, **kw) -> Refused:
    """Run the action, expect a refusal, and check that nothing at all was kept."""
    before = snapshot(db)
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kw)
    assert snapshot(db) == before
    return info.value


def codes(exc: Refused) -> set[str]:
    return {v.code for v in exc.violations}
