"""Staff register (contract-of-service officers): list and search, add, edit, deactivate.

The MyKad number is validated (rules.mykad) and the birth date and sex read from it are
stored with it; the service dates are facts, so none may lie in the future.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import Grade, Post, PostIncumbency, Premises, Staff
from desktop.rules import Refused, invalid
from desktop.rules.enums import Qualification
from desktop.rules.mykad import compact_mykad, format_mykad, parse_mykad
from desktop.services.posts import post_label
from desktop.services.unit import Ctx
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "staff"
QUALIFICATION_NAMES_MS = {
    Qualification.BELOW_SPM: "Bawah SPM", Qualification.SPM: "SPM", Qualification.STPM: "STPM",
    Qualification.DIPLOMA: "Diploma", Qualification.IJAZAH: "Ijazah",
}


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    mykad: str  # 12 digits; format_mykad() for display
    birth_date: date | None
    sex: str | None  # "L" lelaki, "P" perempuan
    grade_code: str | None
    service_start: date | None
    confirmed_on: date | None
    qualification: Qualification
    active: bool
    post: str | None  # the label of the post held now, None when none
    grade_id: int | None = None
    post_id: int | None = None

    @property
    def confirmed(self) -> bool:
        return self.confirmed_on is not None


@dataclass
class StaffForm:
    """What the user typed; dates as 15/01/2024 or 2024-01-15, MyKad with or without dashes."""

    name: str = ""
    mykad: str = ""
    grade_id: str = ""
    service_start: str = ""
    confirmed_on: str = ""
    qualification: str = ""


# --- Reading --------------------------------------------------------------------------------

def _staff_query():
    post_grade = aliased(Grade)
    return (select(Staff.id, Staff.name, Staff.mykad, Staff.birth_date, Staff.sex, Grade.code,
                   Staff.service_start, Staff.confirmed_on, Staff.qualification, Staff.active,
                   Premises.code, post_grade.code, Staff.grade_id, Post.id)
            .outerjoin(Grade, Grade.id == Staff.grade_id)
            .outerjoin(Post, Post.incumbent_id == Staff.id)
            .outerjoin(Premises, Premises.id == Post.premises_id)
            .outerjoin(post_grade, post_grade.id == Post.grade_id))


def _row(r) -> StaffRow:
    (sid, name, mykad, born, sex, grade_code, start, confirmed, qual, active, premises_code,
     post_grade_code, grade_id, post_id) = r
    label = None if post_id is None else post_label(premises_code, post_grade_code, post_id)
    return StaffRow(sid, name, mykad, born, sex, grade_code, start, confirmed, qual, active,
                    label, grade_id, post_id)


def list_staff(session: Session, search: str | None = None,
               include_inactive: bool = True) -> list[StaffRow]:
    """Officers by name; ``search`` matches part of the name (any case) or of the MyKad
    number (dashes and spaces ignored)."""
    q = _staff_query().order_by(Staff.name, Staff.id)
    text = (search or "").strip()
    if text:
        matches = [func.lower(Staff.name).contains(text.lower(), autoescape=True)]
        digits = compact_mykad(text)
        if digits.isdigit():
            matches.append(Staff.mykad.contains(digits, autoescape=True))
        q = q.where(or_(*matches))
    if not include_inactive:
        q = q.where(Staff.active.is_(True))
    return [_row(r) for r in session.execute(q)]


def get_staff(session: Session, staff_id: int) -> StaffRow:
    for r in session.execute(_staff_query().where(Staff.id == staff_id)):
        return _row(r)
    raise _not_found(staff_id)


def _not_found(staff_id) -> Refused:
    return Refused(invalid("id", f"Pegawai {staff_id} tidak wujud.",
                           f"Officer {staff_id} does not exist.", "NOT_FOUND"))


def _snapshot(s: Staff) -> dict:
    return {"id": s.id, "name": s.name, "mykad": s.mykad, "birth_date": s.birth_date,
            "sex": s.sex, "grade_id": s.grade_id, "service_start": s.service_start,
            "confirmed_on": s.confirmed_on, "qualification": s.qualification,
            "active": s.active}


# --- Writing --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Clean:
    name: str
    mykad: str
    birth_date: date
    sex: str
    grade_id: int
    service_start: date
    confirmed_on: date | None
    qualification: Qualification


def _qualification(c: Checks, value) -> Qualification | None:
    text = "" if value is None else str(getattr(value, "value", value)).strip().upper()
    text = text.replace(" ", "_")
    if not text:
        c.add(invalid("qualification", "Kelayakan akademik wajib dipilih.",
                      "The academic qualification must be chosen.", "REQUIRED"))
        return None
    for q in Qualification:
        if text in (q.value, q.name):
            return q
    allowed = ", ".join(QUALIFICATION_NAMES_MS.values())
    c.add(invalid("qualification", f"Kelayakan akademik '{value}' tidak dikenali ({allowed}).",
                  f"Unknown academic qualification '{value}' ({allowed}).",
                  "INVALID_QUALIFICATION"))
    return None


def _check_holdings(session: Session, c: Checks, staff_id: int, start: date) -> None:
    """A service start moved later must not leave a post held before it."""
    first = session.execute(select(func.min(PostIncumbency.start))
                            .where(PostIncumbency.staff_id == staff_id)).scalar_one()
    if first is not None and start > first:
        c.add(invalid("service_start", f"Tarikh mula berkhidmat tidak boleh selepas tarikh dia "
                      f"mula menyandang jawatan ({first:%d/%m/%Y}).",
                      f"The service start cannot be after the officer first held a post "
                      f"({first:%d/%m/%Y}).", "DATES_OUT_OF_ORDER"))


def _clean(session: Session, form: StaffForm, current: Staff | None,
           today: date | None = None) -> _Clean:
    c = Checks()
    today = today or date.today()
    name = " ".join(c.text("name", "Nama pegawai", "Officer's name", form.name).split())
    info = None
    if c.text("mykad", "No. MyKad", "MyKad number", form.mykad, max_len=40):
        try:
            info = parse_mykad(form.mykad, "mykad", today=today)
        except Refused as refused:
            for v in refused.violations:
                c.add(v)
    if info is not None:
        clash = session.execute(
            select(Staff.id, Staff.name).where(Staff.mykad == info.number)
        ).first()
        if clash is not None and (current is None or clash.id != current.id):
            c.add(invalid("mykad", f"No. MyKad {info.formatted} telah didaftarkan bagi "
                          f"{clash.name}.",
                          f"MyKad {info.formatted} is already registered to {clash.name}.",
                          "DUPLICATE"))
    grade_id = typed_id(c, "grade_id", "Gred", "Grade", form.grade_id)
    if grade_id is not None:
        grade = session.get(Grade, grade_id)
        if grade is None:
            c.add(invalid("grade_id", f"Gred {grade_id} tidak wujud.",
                          f"Grade {grade_id} does not exist.", "NOT_FOUND"))
        elif not grade.active and (current is None or current.grade_id != grade_id):
            c.add(invalid("grade_id", f"Gred {grade.code} tidak aktif.",
                          f"Grade {grade.code} is not active.", "GRADE_INACTIVE"))
    start = typed_date(c, "service_start", "Tarikh mula berkhidmat", "Service start",
                       form.service_start)
    confirmed = typed_date(c, "confirmed_on", "Tarikh disahkan dalam perkhidmatan",
                           "Confirmation date", form.confirmed_on, required=False)
    if start is not None:
        if start > today:
            c.add(invalid("service_start", "Tarikh mula berkhidmat tidak boleh pada masa hadapan.",
                          "The service start cannot be in the future.", "DATE_IN_FUTURE"))
        if info is not None and start <= info.birth_date:
            c.add(invalid("service_start", f"Tarikh mula berkhidmat mesti selepas tarikh lahir "
                          f"({info.birth_date:%d/%m/%Y}).",
                          f"The service start must be after the birth date "
                          f"({info.birth_date:%d/%m/%Y}).", "DATES_OUT_OF_ORDER"))
        if current is not None:
            _check_holdings(session, c, current.id, start)
    if confirmed is not None:
        if start is not None and confirmed < start:
            c.add(invalid("confirmed_on", f"Tarikh disahkan dalam perkhidmatan tidak boleh "
                          f"sebelum tarikh mula berkhidmat ({start:%d/%m/%Y}).",
                          f"The confirmation date cannot be before the service start "
                          f"({start:%d/%m/%Y}).", "DATES_OUT_OF_ORDER"))
        if confirmed > today:
            c.add(invalid("confirmed_on", "Tarikh disahkan dalam perkhidmatan tidak boleh pada "
                          "masa hadapan.", "The confirmation date cannot be in the future.",
                          "DATE_IN_FUTURE"))
    qualification = _qualification(c, form.qualification)
    c.raise_if_any()
    return _Clean(name, info.number, info.birth_date, info.sex, grade_id, start, confirmed,
                  qualification)


def _apply(s: Staff, f: _Clean) -> None:
    s.name, s.mykad, s.birth_date, s.sex = f.name, f.mykad, f.birth_date, f.sex
    s.grade_id, s.service_start, s.confirmed_on = f.grade_id, f.service_start, f.confirmed_on
    s.qualification = f.qualification


def add_staff(ctx: Ctx, form: StaffForm, *, today: date | None = None) -> int:
    f = _clean(ctx.session, form, None, today)
    s = Staff(active=True)
    _apply(s, f)
    ctx.session.add(s)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, s.id, None, _snapshot(s))
    return s.id


def _load(ctx: Ctx, staff_id: int) -> Staff:
    s = ctx.session.get(Staff, staff_id)
    if s is None:
        raise _not_found(staff_id)
    return s


def update_staff(ctx: Ctx, staff_id: int, form: StaffForm, *,
                 today: date | None = None) -> None:
    s = _load(ctx, staff_id)
    f = _clean(ctx.session, form, s, today)
    ctx.update(ENTITY, s, _snapshot, lambda: _apply(s, f))


def set_staff_active(ctx: Ctx, staff_id: int, active: bool) -> None:
    """Deactivate (the officer has left) or reactivate; an officer holding a post must be
    released from it first, so that the post shows as vacant."""
    s = _load(ctx, staff_id)
    if s.active == active:
        return
    if not active:
        held = ctx.session.execute(
            select(Post.id, Premises.code, Grade.code)
            .join(Premises, Premises.id == Post.premises_id)
            .join(Grade, Grade.id == Post.grade_id)
            .where(Post.incumbent_id == s.id)
        ).first()
        if held is not None:
            label = post_label(held[1], held[2], held[0])
            raise Refused(invalid(
                "active", f"{s.name} masih menyandang jawatan {label}; lepaskan dia daripada "
                "jawatan itu dahulu.",
                f"{s.name} still holds post {label}; release them from it first.",
                "STAFF_HOLDS_POST"))
    ctx.set_active(ENTITY, s, _snapshot, active)


def staff_form(row: StaffRow) -> StaffForm:
    """The edit form of an officer, filled as the user would see it."""
    return StaffForm(
        name=row.name, mykad=format_mykad(row.mykad),
        grade_id="" if row.grade_id is None else str(row.grade_id),
        service_start="" if row.service_start is None else f"{row.service_start:%d/%m/%Y}",
        confirmed_on="" if row.confirmed_on is None else f"{row.confirmed_on:%d/%m/%Y}",
        qualification=row.qualification.value)
