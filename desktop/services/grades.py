"""Grades register: list, add, edit, deactivate; starting salaries dated by effective date.

The starting salary matters because the acting allowance is 25 % of the starting salary of
the post acted in (para 6B): it is looked up on the day, never typed into the allowance.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Grade, GradeSalary
from desktop.rules import Refused, invalid
from desktop.services.unit import Ctx
from desktop.services.validate import Checks

ENTITY = "grade"
SALARY_ENTITY = "grade_salary"
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9/-]{0,9}$")
# A monthly starting salary above this is a typing slip (an extra zero), not a salary.
SALARY_CEILING = Decimal("100000.00")
SEN = Decimal("0.01")


# --- Typed values, shared with the staff and posts services -------------------------------
# Forms hold what the user typed; these read it into a value or add a refusal naming the field.

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DMY_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")  # 15/01/2024, 15-1-2024
EARLIEST_YEAR = 1900  # "0024" is a slip for 2024, not a date to keep
GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")  # 1,500 or 1,500.00


def typed_date(c: Checks, field: str, label_ms: str, label_en: str, value, *,
               required: bool = True) -> date | None:
    """A date given as a ``date`` or typed as 2024-01-15 or 15/01/2024 (also - or .), with a
    four-digit year."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            c.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                          "REQUIRED"))
        return None
    parts = None
    if m := ISO_DATE.match(text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := DMY_DATE.match(text):
        parts = int(m[4]), int(m[3]), int(m[1])
    if parts is not None and parts[0] >= EARLIEST_YEAR:
        try:
            return date(*parts)
        except ValueError:
            pass
    c.add(invalid(field, f"{label_ms} '{text}' bukan tarikh yang sah (contoh: 15/01/2024).",
                  f"{label_en} '{text}' is not a valid date (for example 15/01/2024).",
                  "INVALID_DATE"))
    return None


def typed_id(c: Checks, field: str, label_ms: str, label_en: str, value, *,
             required: bool = True) -> int | None:
    """A record id chosen in a list (an int, or its text)."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            c.add(invalid(field, f"{label_ms} wajib dipilih.", f"{label_en} must be chosen.",
                          "REQUIRED"))
        return None
    if text.isdigit():
        return int(text)
    c.add(invalid(field, f"{label_ms} '{text}' tidak sah.", f"{label_en} '{text}' is not valid."))
    return None


def typed_money(c: Checks, field: str, label_ms: str, label_en: str, value) -> Decimal | None:
    """Ringgit above zero with at most two decimals ("1,500.00", "RM 1500", Decimal, int)."""
    amount = None
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().upper().removeprefix("RM").strip()
        if GROUPED.match(text):
            text = text.replace(",", "")
        if not text:
            c.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                          "REQUIRED"))
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
    # a float (or anything else) is refused: money is never a binary fraction
    if amount is None or not amount.is_finite():
        c.add(invalid(field, f"{label_ms} '{value}' bukan amaun ringgit yang sah.",
                      f"{label_en} '{value}' is not a valid amount in ringgit.",
                      "INVALID_AMOUNT"))
        return None
    if amount <= 0:
        c.add(invalid(field, f"{label_ms} mesti lebih daripada RM0.00.",
                      f"{label_en} must be more than RM0.00.", "INVALID_AMOUNT"))
        return None
    if amount != amount.quantize(SEN):
        c.add(invalid(field, f"{label_ms} '{value}' mempunyai lebih daripada dua tempat perpuluhan.",
                      f"{label_en} '{value}' has more than two decimal places.", "INVALID_AMOUNT"))
        return None
    if amount > SALARY_CEILING:
        c.add(invalid(field, f"{label_ms} RM{amount:,.2f} melebihi had RM{SALARY_CEILING:,.2f}.",
                      f"{label_en} RM{amount:,.2f} exceeds the limit RM{SALARY_CEILING:,.2f}.",
                      "INVALID_AMOUNT"))
        return None
    return amount.quantize(SEN)


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
    before = _snapshot(g)
    f = _clean(ctx.session, form, grade_id)
    g.code, g.title = f.code, f.title
    ctx.session.flush()
    after = _snapshot(g)
    if after != before:
        ctx.audit("ubah", ENTITY, g.id, before, after)


def set_grade_active(ctx: Ctx, grade_id: int, active: bool) -> None:
    """An inactive grade is no longer offered for new posts and officers; existing ones keep it."""
    g = _load(ctx, grade_id)
    if g.active == active:
        return
    before = _snapshot(g)
    g.active = active
    ctx.session.flush()
    ctx.audit("aktifkan" if active else "nyahaktif", ENTITY, g.id, before, _snapshot(g))


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
