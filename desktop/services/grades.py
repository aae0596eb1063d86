"""Grades register: list, add, edit, deactivate; starting salaries dated by effective date.

The starting salary matters because the acting allowance is 25 % of the starting salary of
the post acted in (para 6B): it is looked up on the day, never typed into the allowance.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Grade, GradeSalary
from desktop.rules import Refused, invalid
from desktop.services.unit import Ctx, setattr_all
from desktop.services.validate import Checks, typed_date, typed_money

ENTITY = "grade"
SALARY_ENTITY = "grade_salary"
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9/-]{0,9}$")


# --- Grades ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class GradeRow:
    id: int
    code: str
    title: str
    active: bool
    starting_salary: Decimal | None  # in force on the day asked (today by default)
    salary_from: date | None  # since when that salary is in force

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}"


@dataclass
class GradeForm:
    code: str = ""
    title: str = ""


@dataclass(frozen=True)
class GradeSalaryRow:
    id: int
    grade_id: int
    effective_from: date
    starting_salary: Decimal


def _not_found(grade_id) -> Refused:
    return Refused(invalid("grade_id", f"Gred {grade_id} tidak wujud.",
                           f"Grade {grade_id} does not exist.", "NOT_FOUND"))


def _salaries_on(session: Session, on: date, grade_ids=None) -> dict[int, tuple[Decimal, date]]:
    """The starting salary in force on ``on`` for each grade: (salary, effective_from)."""
    q = (select(GradeSalary.grade_id, GradeSalary.effective_from, GradeSalary.starting_salary)
         .where(GradeSalary.effective_from <= on).order_by(GradeSalary.effective_from))
    if grade_ids is not None:
        q = q.where(GradeSalary.grade_id.in_(grade_ids))
    return {gid: (salary, since) for gid, since, salary in session.execute(q)}


def salary_table(session: Session) -> dict[int, list[tuple[date, Decimal]]]:
    """Every grade's starting salaries, (effective from, salary) oldest first, read at once:
    for a listing that needs the salary in force on many dates (see ``salary_in_force``)."""
    q = (select(GradeSalary.grade_id, GradeSalary.effective_from, GradeSalary.starting_salary)
         .order_by(GradeSalary.effective_from))
    out: dict[int, list[tuple[date, Decimal]]] = {}
    for gid, since, salary in session.execute(q):
        out.setdefault(gid, []).append((since, salary))
    return out


def salary_in_force(table: dict[int, list[tuple[date, Decimal]]], grade_id: int,
                    on: date) -> Decimal | None:
    """The salary of ``salary_table`` in force on ``on`` (as ``starting_salary_on``), or None."""
    found = None
    for since, salary in table.get(grade_id, ()):
        if since > on:
            break
        found = salary
    return found


def list_grades(session: Session, *, include_inactive: bool = True,
                on: date | None = None) -> list[GradeRow]:
    q = select(Grade).order_by(Grade.code)
    if not include_inactive:
        q = q.where(Grade.active.is_(True))
    grades = session.execute(q).scalars().all()
    salaries = _salaries_on(session, on or date.today())
    return [_row(g, salaries.get(g.id)) for g in grades]


def get_grade(session: Session, grade_id: int, *, on: date | None = None) -> GradeRow:
    g = session.get(Grade, grade_id)
    if g is None:
        raise _not_found(grade_id)
    return _row(g, _salaries_on(session, on or date.today(), [g.id]).get(g.id))


def _row(g: Grade, salary: tuple[Decimal, date] | None) -> GradeRow:
    amount, since = salary or (None, None)
    return GradeRow(g.id, g.code, g.title, g.active, amount, since)


def _snapshot(g: Grade) -> dict:
    return {"id": g.id, "code": g.code, "title": g.title, "active": g.active}


def _clean(session: Session, form: GradeForm, own_id: int | None) -> GradeForm:
    c = Checks()
    code = c.text("code", "Kod gred", "Grade code", form.code, max_len=10).upper()
    if not c.problems:  # present and short enough: check what it holds
        if not CODE_PATTERN.match(code):
            c.add(invalid("code", "Kod gred hanya boleh mengandungi huruf, nombor, '/' dan '-'.",
                          "The grade code may hold only letters, digits, '/' and '-'."))
        else:
            clash = session.execute(
                select(Grade.id).where(func.upper(Grade.code) == code)
            ).scalar_one_or_none()
            if clash is not None and clash != own_id:
                c.add(invalid("code", f"Kod gred {code} telah digunakan.",
                              f"Grade code {code} is already in use.", "DUPLICATE"))
    title = c.text("title", "Nama gred", "Grade title", form.title)
    c.raise_if_any()
    return GradeForm(code, title)


def add_grade(ctx: Ctx, form: GradeForm) -> int:
    f = _clean(ctx.session, form, None)
    g = Grade(code=f.code, title=f.title, active=True)
    ctx.session.add(g)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, g.id, None, _snapshot(g))
    return g.id


def _load(ctx: Ctx, grade_id: int) -> Grade:
    g = ctx.session.get(Grade, grade_id)
    if g is None:
        raise _not_found(grade_id)
    return g


def update_grade(ctx: Ctx, grade_id: int, form: GradeForm) -> None:
    g = _load(ctx, grade_id)
    f = _clean(ctx.session, form, grade_id)
    ctx.update(ENTITY, g, _snapshot, lambda: setattr_all(g, code=f.code, title=f.title))


def set_grade_active(ctx: Ctx, grade_id: int, active: bool) -> None:
    """An inactive grade is no longer offered for new posts and officers; existing ones keep it."""
    g = _load(ctx, grade_id)
    if g.active == active:
        return
    ctx.set_active(ENTITY, g, _snapshot, active)


# --- Starting salaries ----------------------------------------------------------------------

def add_grade_salary(ctx: Ctx, grade_id: int, effective_from, starting_salary) -> int:
    """Record the grade's starting salary from a date (earlier rows stay, for earlier days)."""
    g = _load(ctx, grade_id)
    c = Checks()
    since = typed_date(c, "effective_from", "Tarikh berkuat kuasa", "Effective date",
                       effective_from)
    amount = typed_money(c, "starting_salary", "Gaji permulaan", "Starting salary",
                         starting_salary)
    if since is not None:
        clash = ctx.session.execute(
            select(GradeSalary.id).where(GradeSalary.grade_id == g.id,
                                         GradeSalary.effective_from == since)
        ).scalar_one_or_none()
        if clash is not None:
            c.add(invalid("effective_from",
                          f"Gaji permulaan gred {g.code} berkuat kuasa {since:%d/%m/%Y} telah "
                          "direkodkan.",
                          f"A starting salary of grade {g.code} effective {since:%d/%m/%Y} is "
                          "already recorded.", "DUPLICATE"))
    c.raise_if_any()
    row = GradeSalary(grade_id=g.id, effective_from=since, starting_salary=amount)
    ctx.session.add(row)
    ctx.session.flush()
    ctx.audit("tambah", SALARY_ENTITY, row.id, None,
              {"grade_id": g.id, "grade_code": g.code, **asdict(_salary_row(row))})
    ctx.touched.add(ENTITY)  # the grade register shows the current salary
    return row.id


def _salary_row(s: GradeSalary) -> GradeSalaryRow:
    return GradeSalaryRow(s.id, s.grade_id, s.effective_from, s.starting_salary)


def grade_salary_history(session: Session, grade_id: int) -> list[GradeSalaryRow]:
    """Every starting salary of the grade, oldest first."""
    if session.get(Grade, grade_id) is None:
        raise _not_found(grade_id)
    q = (select(GradeSalary).where(GradeSalary.grade_id == grade_id)
         .order_by(GradeSalary.effective_from))
    return [_salary_row(s) for s in session.execute(q).scalars()]


def starting_salary_on(session: Session, grade_id: int, on: date) -> Decimal:
    """The grade's starting salary in force on ``on``; refused when none was in force."""
    g = session.get(Grade, grade_id)
    if g is None:
        raise _not_found(grade_id)
    found = _salaries_on(session, on, [g.id]).get(g.id)
    if found is None:
        raise Refused(invalid(
            "grade_id",
            f"Tiada gaji permulaan gred {g.code} yang berkuat kuasa pada {on:%d/%m/%Y}; "
            "rekodkan gaji permulaan gred itu dahulu.",
            f"No starting salary of grade {g.code} is in force on {on:%d/%m/%Y}; record the "
            "grade's starting salary first.", "NO_STARTING_SALARY", "6B"))
    return found[0]
