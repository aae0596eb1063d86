"""Shared helpers of the vacancy service tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.models import AuditRecord, Candidate, RecruitmentExercise, Vacancy, VacancyStep
from desktop.services import vacancies as V
from desktop.services.unit import perform

TODAY = date(2026, 3, 16)


def counts(db) -> tuple[int, ...]:
    """Rows of every table these services write, and of the audit log."""
    with db.session() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (Vacancy, VacancyStep, RecruitmentExercise, Candidate, AuditRecord))


def last_audit(db) -> AuditRecord:
    with db.session() as s:
        return s.execute(select(AuditRecord).order_by(AuditRecord.id.desc())).scalars().first()


def hakiki_form(post_id, **kw) -> V.VacancyForm:
    base = dict(post_id=post_id, kind="HAKIKI", reason="RETIRED", opened_on=date(2026, 1, 5))
    base.update(kw)
    return V.VacancyForm(**base)


def operasi_form(post_id, **kw) -> V.VacancyForm:
    base = dict(post_id=post_id, kind="OPERASI", reason="MATERNITY_LEAVE",
                opened_on=date(2026, 2, 2), expected_end=date(2026, 5, 31))
    base.update(kw)
    return V.VacancyForm(**base)


def open_(db, form, today=TODAY) -> int:
    return perform(db, V.open_vacancy, form, today=today).result
