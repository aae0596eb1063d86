"""Vacancies: open, edit, fill, close; the register, the return feed, the dashboard, alerts.

A vacancy is *live* while it is OPEN or FILLED (covered for the time being by PSH, acting or a
replacement officer, while its workflow goes on); CLOSED ends it. Opening records the first
workflow step (identified, 7.1 / 8.1); the other steps are recorded by ``services.workflow``.

Later issues plug in through two registries, so this module never imports them:
``register_filling_provider`` (the PSH, acting and replacement fillings of a vacancy, listed when
it closes: 5A(s)) and ``register_alert_provider`` (the dashboard's alert lists).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desktop.models import Grade, Post, Premises, Staff, Vacancy, VacancyStep
from desktop.rules import Refused, RuleViolation, invalid, month_bounds
from desktop.rules.enums import Method, PremisesKind, VacancyKind
from desktop.rules.filling import check_method
from desktop.rules.vacancy_enums import (
    LIVE_STATUSES,
    VacancyReason,
    VacancyStatus,
    date_ms,
    method_label,
)
from desktop.rules.workflow import (
    FILLING_APPROVED,
    IDENTIFIED,
    INTERVIEW_REPORT,
    step_def,
    steps_for,
)
from desktop.services.unit import Ctx
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "vacancy"
STEP_ENTITY = "vacancy_step"
ALERT_WINDOW_DAYS = 14

# ---------------------------------------------------------------------------------------------
# field parsing shared by the vacancy, workflow and candidate services

# the typed-value readers every register shares, under the names these services use
date_field = typed_date
id_field = typed_id


def enum_field(c: Checks, field: str, label_ms: str, label_en: str, enum_cls, value, *,
               required: bool = True):
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            c.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                          "REQUIRED"))
        return None
    try:
        return enum_cls(value.strip().upper() if isinstance(value, str) else value)
    except ValueError:
        c.add(invalid(field, f"{label_ms} tidak dikenali: '{value}'.",
                      f"Unknown {label_en.lower()}: '{value}'.", "UNKNOWN_VALUE"))
        return None


def today_or(today: date | None) -> date:
    return today if today is not None else date.today()


def year_after(day: date) -> date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def not_found(what_ms: str, what_en: str, ident, field: str = "id") -> Refused:
    return Refused(invalid(field, f"{what_ms} {ident} tidak wujud.",
                           f"{what_en} {ident} does not exist.", "NOT_FOUND"))


# ---------------------------------------------------------------------------------------------
# provider registries (filled by later issues: PSH, acting, replacement, monthly close ...)

@dataclass(frozen=True)
class FillingRef:
    """A PSH, acting or gantian appointment that covers a vacancy, as its service reports it."""

    kind: str  # "PSH", "ACTING", "GANTIAN"
    id: int
    label_ms: str
    ends_on: date | None  # the planned (or actual) last day; None when open-ended
    starts_on: date | None = None
    person: str = ""  # who fills the duty (name), to find one person in two places
    mykad: str = ""  # 12 digits, when the person has one
    active: bool = True  # False once ended; ended fillings stay as history


@dataclass(frozen=True)
class Alert:
    kind: str  # stable, e.g. "INCUMBENT_RETURNING"
    severity: str  # "urgent" | "warning" | "info"
    text_ms: str
    entity: str
    entity_id: int
    due: date | None


SEVERITIES = ("urgent", "warning", "info")
# A filling provider answers (session, vacancy_id) with that vacancy's fillings, or with every
# vacancy's fillings when vacancy_id is None.
FillingProvider = Callable[[Session, int | None], list[FillingRef]]
AlertProvider = Callable[[Session, date], list[Alert]]
_filling_providers: list[FillingProvider] = []
_alert_providers: list[AlertProvider] = []

# The services of each filling method register their providers when imported; they are
# imported here on first need, so that closing a vacancy always sees every filling even when
# nothing else has imported them yet.
FILLING_MODULES = ("desktop.services.psh", "desktop.services.acting", "desktop.services.gantian")
_loaded = False


def _load_providers() -> None:
    global _loaded
    if _loaded:
        return
    for name in FILLING_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real import error inside the module: never hide it
                raise
    _loaded = True


def register_filling_provider(fn: FillingProvider) -> FillingProvider:
    """Add ``fn(session, vacancy_id) -> [FillingRef]``; usable as a decorator; idempotent."""
    if fn not in _filling_providers:
        _filling_providers.append(fn)
    return fn


def unregister_filling_provider(fn: FillingProvider) -> None:
    if fn in _filling_providers:
        _filling_providers.remove(fn)


def register_alert_provider(fn: AlertProvider) -> AlertProvider:
    """Add ``fn(session, today) -> [Alert]``; usable as a decorator; idempotent."""
    if fn not in _alert_providers:
        _alert_providers.append(fn)
    return fn


def unregister_alert_provider(fn: AlertProvider) -> None:
    if fn in _alert_providers:
        _alert_providers.remove(fn)


def fillings_of(session: Session, vacancy_id: int) -> list[FillingRef]:
    _load_providers()
    out: list[FillingRef] = []
    for provider in _filling_providers:
        out.extend(provider(session, vacancy_id))
    return out


def _overlaps(a_start: date, a_end: date | None, b_start: date | None, b_end: date | None) -> bool:
    far = date.max
    return a_start <= (b_end or far) and (b_start or date.min) <= (a_end or far)


def check_filling_overlap(c: Checks, session: Session, vacancy_id: int, start: date,
                          end: date | None, *, mykad: str = "",
                          own: tuple[str, int] | None = None) -> None:
    """Add a refusal when a new or changed filling of ``vacancy_id`` from ``start`` to ``end``
    overlaps another filling of that vacancy (whatever its method), or when the same person
    (by MyKad) fills a duty over those days anywhere. An ended filling still covered the days
    it ran (its ``ends_on`` is its real last day): they may not be filled or paid twice.
    ``own`` is the filling's own (kind, id) when it is being changed."""
    for f in fillings_of(session, vacancy_id):
        if (f.kind, f.id) == own:
            continue
        if _overlaps(start, end, f.starts_on, f.ends_on):
            c.add(invalid("start", f"Tempoh ini bertindih dengan pengisian lain bagi kekosongan "
                          f"ini: {f.label_ms}.", f"This period overlaps another filling of this "
                          f"vacancy: {f.label_ms}.", "FILLING_OVERLAP"))
    if not mykad:
        return
    _load_providers()
    for provider in _filling_providers:
        for f in provider(session, None):  # None: every vacancy's fillings
            if (f.mykad == mykad and (f.kind, f.id) != own
                    and _overlaps(start, end, f.starts_on, f.ends_on)):
                c.add(invalid("mykad", f"Orang yang sama sedang mengisi tugas lain dalam "
                              f"tempoh ini: {f.label_ms}.", "The same person fills another "
                              f"duty over these days: {f.label_ms}.", "PERSON_OVERLAP"))


# ---------------------------------------------------------------------------------------------
# rows

@dataclass(frozen=True)
class VacancyRow:
    id: int
    post_id: int
    premises_id: int
    premises_code: str
    premises_name: str
    premises_kind: PremisesKind
    district: str
    grade_code: str
    kind: VacancyKind
    reason: VacancyReason
    reason_label: str
    incumbent_id: int | None
    incumbent_name: str
    opened_on: date
    expected_end: date | None
    status: VacancyStatus
    current_step_code: str | None
    current_step_label: str
    step_since: date | None
    days_waiting: int | None  # at the current step, as of ``today``; None once closed
    filled_method: Method | None
    filled_on: date | None
    closed_on: date | None
    notes: str
    chosen_method: Method | None = None  # chosen to fill it (7.4(d), 8(c))
    method_reason: str = ""


@dataclass
class VacancyForm:
    post_id: int | str | None = None
    kind: str = VacancyKind.HAKIKI.value
    reason: str = ""
    opened_on: date | str | None = None  # the day the post is (or will be) vacant
    incumbent_id: int | str | None = None  # operasi: defaults to the post's incumbent
    expected_end: date | str | None = None  # operasi: the day the incumbent is expected back
    notes: str = ""
    identified_on: date | str | None = None  # step 7.1/8.1; default: opened_on (today at most)
    identified_ref: str = ""


@dataclass(frozen=True)
class CloseResult:
    vacancy_id: int
    closed_on: date
    must_end: tuple[FillingRef, ...]  # fillings still running after closed_on: end them, 5A(s)
    paragraph: str = "5A(s)"


def _days(since: date | None, today: date) -> int | None:
    if since is None:
        return None
    return max(0, (today - since).days)


@lru_cache(maxsize=64)  # a pure function of the step tables; called once per row listed
def _step_label(kind: VacancyKind, code: str | None) -> str:
    step = step_def(kind, code) if code else None
    return f"{step.paragraph} {step.label_ms}" if step else ""


# plain columns, not entities: the register loads tens of thousands of rows
_V_COLS = (Vacancy.id, Vacancy.post_id, Vacancy.premises_id, Vacancy.kind, Vacancy.reason,
           Vacancy.incumbent_id, Vacancy.opened_on, Vacancy.expected_end, Vacancy.status,
           Vacancy.filled_method, Vacancy.filled_on, Vacancy.closed_on, Vacancy.notes,
           Vacancy.chosen_method, Vacancy.method_reason)


def _listing(as_of: date | None = None, only=()):
    """The register's query: vacancy, premises, grade, incumbent and the current step
    (the highest step done, and not undone, on or before ``as_of``). ``only``: conditions on
    the vacancy the caller will also apply, so that only their steps are read."""
    steps = select(VacancyStep.vacancy_id, func.max(VacancyStep.seq).label("seq")).where(
        VacancyStep.undone_at.is_(None))
    if as_of is not None:
        steps = steps.where(VacancyStep.done_on <= as_of)
    if only:
        steps = steps.where(VacancyStep.vacancy_id.in_(select(Vacancy.id).where(*only)))
    last = steps.group_by(VacancyStep.vacancy_id).subquery()
    cur = aliased(VacancyStep)
    return (
        select(*_V_COLS, Premises.code, Premises.name, Premises.kind, Premises.district,
               Grade.code, Staff.name, cur.code, cur.done_on)
        .join(Post, Post.id == Vacancy.post_id)
        .join(Premises, Premises.id == Vacancy.premises_id)
        .join(Grade, Grade.id == Post.grade_id)
        .outerjoin(Staff, Staff.id == Vacancy.incumbent_id)
        .outerjoin(last, last.c.vacancy_id == Vacancy.id)
        .outerjoin(cur, and_(cur.vacancy_id == Vacancy.id, cur.seq == last.c.seq,
                             cur.undone_at.is_(None)))
    )


def _row(r, today: date) -> VacancyRow:
    (vid, post_id, premises_id, kind, reason, incumbent_id, opened_on, expected_end, status,
     method, filled_on, closed_on, notes, chosen, chosen_reason, pcode, pname, pkind, district,
     gcode, iname, scode, since) = r
    live = status is not VacancyStatus.CLOSED
    return VacancyRow(
        vid, post_id, premises_id, pcode, pname, pkind, district or "", gcode, kind, reason,
        reason.label_ms, incumbent_id, iname or "", opened_on, expected_end, status, scode,
        _step_label(kind, scode), since, _days(since, today) if live else None, method,
        filled_on, closed_on, notes or "", chosen, chosen_reason or "")


def _statuses(status) -> list[VacancyStatus]:
    if isinstance(status, (str, VacancyStatus)):
        status = [status]
    try:
        return [VacancyStatus(s) for s in status]
    except ValueError:
        raise Refused(invalid("status", f"Status '{status}' tidak dikenali.",
                              f"Unknown status '{status}'.", "UNKNOWN_VALUE")) from None


def list_vacancies(session: Session, status=None, kind=None, premises_kind=None, district=None,
                   search: str | None = None, today: date | None = None) -> list[VacancyRow]:
    """The register. ``status``: one status or several (e.g. ``LIVE_STATUSES``)."""
    today = today_or(today)
    # conditions on the vacancy alone also narrow the steps read for the current step
    only = (Vacancy.status.in_(_statuses(status)),) if status is not None else ()
    q = _listing(only=only).where(*only)
    c = Checks()
    if kind is not None:
        kind = enum_field(c, "kind", "Jenis kekosongan", "Vacancy kind", VacancyKind, kind)
    if premises_kind is not None:
        premises_kind = enum_field(c, "premises_kind", "Jenis premis", "Premises kind",
                                   PremisesKind, premises_kind)
    c.raise_if_any()
    if kind is not None:
        q = q.where(Vacancy.kind == kind)
    if premises_kind is not None:
        q = q.where(Premises.kind == premises_kind)
    if district:
        q = q.where(func.lower(Premises.district) == district.strip().lower())
    if search and search.strip():
        term = search.strip().lower()
        q = q.where(or_(*(func.lower(col).contains(term, autoescape=True) for col in (
            Premises.code, Premises.name, Premises.district, Grade.code, Staff.name))))
    q = q.order_by(Vacancy.opened_on, Vacancy.id)
    return [_row(r, today) for r in session.execute(q)]


def get_vacancy(session: Session, vacancy_id: int, today: date | None = None) -> VacancyRow:
    r = session.execute(_listing().where(Vacancy.id == vacancy_id)).first()
    if r is None:
        raise not_found("Kekosongan", "Vacancy", vacancy_id)
    return _row(r, today_or(today))


# ---------------------------------------------------------------------------------------------
# changes

def _snapshot(v: Vacancy) -> dict:
    return {"post_id": v.post_id, "premises_id": v.premises_id, "kind": v.kind,
            "reason": v.reason, "opened_on": v.opened_on, "incumbent_id": v.incumbent_id,
            "expected_end": v.expected_end, "status": v.status, "filled_method": v.filled_method,
            "filled_on": v.filled_on, "closed_on": v.closed_on, "close_note": v.close_note,
            "notes": v.notes}


def step_snapshot(s: VacancyStep) -> dict:
    return {"vacancy_id": s.vacancy_id, "code": s.code, "done_on": s.done_on,
            "reference": s.reference, "notes": s.notes,
            "psh_application_ref": s.psh_application_ref, "undone_at": s.undone_at,
            "undo_reason": s.undo_reason}


def load_vacancy(session: Session, vacancy_id, *, live: bool = False) -> Vacancy:
    c = Checks()
    vid = id_field(c, "vacancy_id", "Kekosongan", "Vacancy", vacancy_id)
    c.raise_if_any()
    v = session.get(Vacancy, vid)
    if v is None:
        raise not_found("Kekosongan", "Vacancy", vid, "vacancy_id")
    if live and v.status is VacancyStatus.CLOSED:
        raise Refused(invalid("vacancy_id",
                              f"Kekosongan {vid} telah ditutup pada {date_ms(v.closed_on)}.",
                              f"Vacancy {vid} was closed on {v.closed_on.isoformat()}.",
                              "VACANCY_CLOSED"))
    return v


def _live_vacancy_of(session: Session, post_id: int, own_id: int | None) -> Vacancy | None:
    q = select(Vacancy).where(Vacancy.post_id == post_id, Vacancy.status.in_(LIVE_STATUSES))
    if own_id is not None:
        q = q.where(Vacancy.id != own_id)
    return session.execute(q.limit(1)).scalar_one_or_none()


def _exists_violation(other: Vacancy) -> RuleViolation:
    return invalid("post_id",
                   f"Jawatan ini sudah mempunyai kekosongan yang belum ditutup (no. {other.id}, "
                   f"{other.status.label_ms.lower()}, sejak {date_ms(other.opened_on)}).",
                   f"This post already has a vacancy that is not closed (no. {other.id}, "
                   f"{other.status.label_en.lower()}, since {other.opened_on.isoformat()}).",
                   "VACANCY_EXISTS")


@dataclass
class _Clean:
    post: Post | None
    kind: VacancyKind | None
    reason: VacancyReason | None
    opened_on: date | None
    incumbent_id: int | None
    expected_end: date | None
    notes: str
    identified_on: date | None
    identified_ref: str


def _clean(session: Session, form: VacancyForm, today: date, existing: Vacancy | None) -> _Clean:
    c = Checks()
    post_id = id_field(c, "post_id", "Jawatan", "Post", form.post_id)
    kind = enum_field(c, "kind", "Jenis kekosongan", "Vacancy kind", VacancyKind, form.kind)
    reason = enum_field(c, "reason", "Sebab kekosongan", "Reason", VacancyReason, form.reason)
    opened_on = date_field(c, "opened_on", "Tarikh kekosongan", "Date of the vacancy",
                           form.opened_on)
    incumbent_id = id_field(c, "incumbent_id", "Penyandang", "Incumbent", form.incumbent_id,
                            required=False)
    expected_end = date_field(c, "expected_end", "Tarikh penyandang dijangka kembali",
                              "Expected return of the incumbent", form.expected_end,
                              required=False)
    identified_on = date_field(c, "identified_on", "Tarikh dikenal pasti", "Date identified",
                               form.identified_on, required=False)
    notes = c.text("notes", "Catatan", "Notes", form.notes, required=False, max_len=2000)
    identified_ref = c.text("identified_ref", "Rujukan", "Reference", form.identified_ref,
                            required=False, max_len=100)

    post = session.get(Post, post_id) if post_id is not None else None
    if post_id is not None and post is None:
        c.add(invalid("post_id", f"Jawatan {post_id} tidak wujud.",
                      f"Post {post_id} does not exist.", "NOT_FOUND"))
    if existing is not None:
        if post is not None and post.id != existing.post_id:
            c.add(invalid("post_id", "Jawatan kekosongan tidak boleh diubah; tutup kekosongan ini "
                          "dan buka yang baharu.", "A vacancy's post cannot change; close it and "
                          "open a new one.", "FIELD_FIXED"))
        if kind is not None and kind is not existing.kind:
            c.add(invalid("kind", "Jenis kekosongan tidak boleh diubah; tutup kekosongan ini dan "
                          "buka yang baharu.", "A vacancy's kind cannot change; close it and "
                          "open a new one.", "FIELD_FIXED"))
    elif post is not None:
        if not post.active:
            c.add(invalid("post_id", f"Jawatan {post.id} tidak aktif.",
                          f"Post {post.id} is not active.", "POST_INACTIVE"))
        if not post.premises.active:
            c.add(invalid("post_id", f"Premis {post.premises.code} tidak aktif.",
                          f"Premises {post.premises.code} is not active.", "PREMISES_INACTIVE"))
    if kind is not None and reason is not None and reason.kind is not kind:
        c.add(invalid("reason", f"Sebab '{reason.label_ms}' bukan sebab kekosongan "
                      f"{kind.value.lower()}.", f"'{reason.label_en}' is not a reason for a "
                      f"{kind.value.lower()} vacancy.", "REASON_NOT_OF_KIND", "1"))
    # "akan kosong" (7.1, 8.1): a vacancy known ahead may be recorded; beyond a year, a typo
    if opened_on is not None and opened_on > year_after(today):
        c.add(invalid("opened_on", f"Tarikh kekosongan ({date_ms(opened_on)}) terlalu jauh ke "
                      "hadapan (lebih setahun).", f"The vacancy's date ({opened_on.isoformat()}) "
                      "is more than a year ahead.", "FUTURE_DATE"))
    if identified_on is not None and identified_on > today:
        c.add(invalid("identified_on", "Tarikh dikenal pasti tidak boleh selepas hari ini.",
                      "The date identified cannot be after today.", "FUTURE_DATE"))
    if incumbent_id is not None and session.get(Staff, incumbent_id) is None:
        c.add(invalid("incumbent_id", f"Pegawai {incumbent_id} tidak wujud.",
                      f"Staff {incumbent_id} does not exist.", "NOT_FOUND"))
        incumbent_id = None
    if existing is not None and existing.filled_on and opened_on and opened_on > existing.filled_on:
        c.add(invalid("opened_on", "Tarikh kekosongan tidak boleh selepas tarikh ia diisi "
                      f"({date_ms(existing.filled_on)}).", "The vacancy's date cannot be after "
                      f"the day it was filled ({existing.filled_on.isoformat()}).",
                      "DATES_OUT_OF_ORDER"))

    if kind is VacancyKind.HAKIKI:
        if expected_end is not None:
            c.add(invalid("expected_end", "Tarikh penyandang dijangka kembali hanya bagi "
                          "kekosongan operasi.", "An expected return applies only to an "
                          "operational vacancy.", "EXPECTED_END_NOT_FOR_HAKIKI", "1"))
        if reason is VacancyReason.NEW_POST and incumbent_id is not None:
            c.add(invalid("incumbent_id", "Jawatan baru tidak mempunyai penyandang terakhir.",
                          "A new post has no last incumbent.", "INCUMBENT_NOT_EXPECTED", "7.1"))
        if existing is None and post is not None and post.incumbent_id is not None:
            future = opened_on is not None and opened_on > today
            if not future:
                c.add(invalid("post_id", "Jawatan ini masih mempunyai penyandang; kekosongan "
                              "hakiki hanya bagi jawatan tanpa penyandang.", "This post still "
                              "has an incumbent; a substantive vacancy is a post with none.",
                              "POST_NOT_VACANT", "1"))
            elif incumbent_id is None:  # "akan kosong": the incumbent is about to leave
                incumbent_id = post.incumbent_id
            elif incumbent_id != post.incumbent_id:
                c.add(invalid("incumbent_id", "Penyandang terakhir mesti penyandang jawatan ini "
                              "yang akan meninggalkannya.", "The last incumbent must be the "
                              "post's incumbent who is about to leave it.",
                              "INCUMBENT_NOT_OF_POST", "7.1"))
    elif kind is VacancyKind.OPERASI:
        if existing is None and post is not None:
            if post.incumbent_id is None:
                c.add(invalid("post_id", "Jawatan ini tiada penyandang; kekosongan operasi ialah "
                              "penyandang yang tiada sementara. Buka kekosongan hakiki.",
                              "This post has no incumbent; an operational vacancy is an "
                              "incumbent away for a time. Open a substantive vacancy.",
                              "POST_HAS_NO_INCUMBENT", "8.1"))
            elif incumbent_id is None:
                incumbent_id = post.incumbent_id
            elif incumbent_id != post.incumbent_id:
                c.add(invalid("incumbent_id", "Penyandang sedia ada mesti penyandang jawatan ini.",
                              "The current incumbent must be the post's incumbent.",
                              "INCUMBENT_NOT_OF_POST", "8.1"))
        elif existing is not None and incumbent_id is None:
            c.add(invalid("incumbent_id", "Penyandang sedia ada wajib diisi bagi kekosongan "
                          "operasi.", "An operational vacancy needs its current incumbent.",
                          "INCUMBENT_REQUIRED", "8.1"))
        if opened_on is not None and expected_end is not None and expected_end < opened_on:
            c.add(invalid("expected_end", "Tarikh penyandang dijangka kembali tidak boleh sebelum "
                          "tarikh kekosongan.", "The expected return cannot be before the "
                          "vacancy's date.", "DATES_OUT_OF_ORDER"))
    if post is not None:
        other = _live_vacancy_of(session, post.id, existing.id if existing else None)
        if other is not None:
            c.add(_exists_violation(other))
    c.raise_if_any()
    return _Clean(post, kind, reason, opened_on, incumbent_id, expected_end, notes,
                  identified_on, identified_ref)


def open_vacancy(ctx: Ctx, form: VacancyForm, today: date | None = None) -> int:
    """Record a vacancy with the facts of 7.1 / 8.1 and its first step (identified)."""
    today = today_or(today)
    f = _clean(ctx.session, form, today, None)
    identified_on = f.identified_on or min(f.opened_on, today)
    v = Vacancy(post_id=f.post.id, premises_id=f.post.premises_id, kind=f.kind, reason=f.reason,
                opened_on=f.opened_on, incumbent_id=f.incumbent_id, expected_end=f.expected_end,
                status=VacancyStatus.OPEN, notes=f.notes, close_note="")
    step = VacancyStep(vacancy=v, code=IDENTIFIED, seq=1, done_on=identified_on,
                       reference=f.identified_ref, notes="", undo_reason="")
    ctx.session.add_all([v, step])
    try:
        ctx.session.flush()
    except IntegrityError:  # another PC opened one for this post a moment ago
        raise Refused(invalid("post_id", "Jawatan ini sudah mempunyai kekosongan yang belum "
                              "ditutup.", "This post already has a vacancy that is not closed.",
                              "VACANCY_EXISTS")) from None
    ctx.audit("buka", ENTITY, v.id, None, _snapshot(v))
    ctx.audit("langkah", STEP_ENTITY, step.id, None, step_snapshot(step))
    return v.id


def update_vacancy(ctx: Ctx, vacancy_id: int, form: VacancyForm,
                   today: date | None = None) -> None:
    """Correct the facts of a live vacancy (its post and kind stay)."""
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    before = _snapshot(v)
    f = _clean(ctx.session, form, today_or(today), v)
    v.reason, v.opened_on, v.incumbent_id = f.reason, f.opened_on, f.incumbent_id
    v.expected_end, v.notes = f.expected_end, f.notes
    ctx.session.flush()
    after = _snapshot(v)
    if after != before:
        ctx.audit("ubah", ENTITY, v.id, before, after)


def set_expected_end(ctx: Ctx, vacancy_id: int, expected_end) -> None:
    """The day the incumbent of an operational vacancy is expected back (None: unknown)."""
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    c = Checks()
    end = date_field(c, "expected_end", "Tarikh penyandang dijangka kembali",
                     "Expected return of the incumbent", expected_end, required=False)
    if v.kind is not VacancyKind.OPERASI:
        c.add(invalid("expected_end", "Tarikh penyandang dijangka kembali hanya bagi kekosongan "
                      "operasi.", "An expected return applies only to an operational vacancy.",
                      "EXPECTED_END_NOT_FOR_HAKIKI", "1"))
    elif end is not None and end < v.opened_on:
        c.add(invalid("expected_end", "Tarikh penyandang dijangka kembali tidak boleh sebelum "
                      f"tarikh kekosongan ({date_ms(v.opened_on)}).", "The expected return "
                      "cannot be before the vacancy's date.", "DATES_OUT_OF_ORDER"))
    c.raise_if_any()
    if end == v.expected_end:
        return
    before = _snapshot(v)
    v.expected_end = end
    ctx.session.flush()
    ctx.audit("ubah", ENTITY, v.id, before, _snapshot(v))


def live_step_codes(session: Session, vacancy_id: int) -> set[str]:
    return set(session.execute(select(VacancyStep.code).where(
        VacancyStep.vacancy_id == vacancy_id, VacancyStep.undone_at.is_(None))).scalars())



def method_refusals(v: Vacancy, method: Method, on: date) -> list[RuleViolation]:
    """Why the circular does not allow ``method`` for this vacancy's premises, kind and grade
    (paras 7 and 8), as refusals (its warnings are only advice); [] when it is allowed."""
    try:
        problems = check_method(v.premises.kind, v.kind, v.post.grade.code, method, on)
    except Refused as refused:  # no rate table, or an unknown grade, on that day
        return list(refused.violations)
    return [p for p in problems if not p.is_warning]

def mark_filled(ctx: Ctx, vacancy_id: int, method, filled_on=None,
                today: date | None = None) -> None:
    """The vacancy is covered for now by PSH, acting or a replacement officer."""
    today = today_or(today)
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    c = Checks()
    method = enum_field(c, "method", "Kaedah pengisian", "Filling method", Method, method)
    on = date_field(c, "filled_on", "Tarikh diisi", "Date filled", filled_on, required=False)
    on = on or today
    if v.status is VacancyStatus.FILLED:
        c.add(invalid("vacancy_id", f"Kekosongan ini telah diisi ({method_label(v.filled_method)}"
                      f", {date_ms(v.filled_on)}).", "This vacancy is already filled.",
                      "VACANCY_ALREADY_FILLED"))
    if on < v.opened_on:
        c.add(invalid("filled_on", f"Tarikh diisi tidak boleh sebelum tarikh kekosongan "
                      f"({date_ms(v.opened_on)}).", "The date filled cannot be before the "
                      "vacancy's date.", "DATES_OUT_OF_ORDER"))
    if on > today:
        c.add(invalid("filled_on", "Tarikh diisi tidak boleh selepas hari ini.",
                      "The date filled cannot be after today.", "FUTURE_DATE"))
    if method is not None:
        c.problems.extend(method_refusals(v, method, on))
    if method is Method.PSH:
        codes = live_step_codes(ctx.session, v.id)
        if v.kind is VacancyKind.HAKIKI and INTERVIEW_REPORT not in codes:
            c.add(invalid("method", "PSH bagi kekosongan hakiki hanya selepas laporan temu duga: "
                          "calon PSH mesti calon berjaya atau simpanan.", "PSH for a "
                          "substantive vacancy only after the interview report: PSH must be "
                          "successful or reserve candidates.", "PSH_BEFORE_INTERVIEW_REPORT",
                          "7.4(b)"))
        if v.kind is VacancyKind.OPERASI and FILLING_APPROVED not in codes:
            c.add(invalid("method", "PSH bagi kekosongan operasi hanya selepas kelulusan Ketua "
                          "Pengarah diterima.", "PSH for an operational vacancy only after the "
                          "Director-General's approval.", "PSH_BEFORE_APPROVAL", "8.2(a)"))
    c.raise_if_any()
    before = _snapshot(v)
    v.status, v.filled_method, v.filled_on = VacancyStatus.FILLED, method, on
    ctx.session.flush()
    ctx.audit("isi", ENTITY, v.id, before, _snapshot(v))


def mark_unfilled(ctx: Ctx, vacancy_id: int, note: str) -> None:
    """The filling ended but the post is still vacant: the vacancy is open again."""
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    c = Checks()
    note = c.text("note", "Sebab", "Reason", note, max_len=2000)
    if v.status is not VacancyStatus.FILLED:
        c.add(invalid("vacancy_id", "Kekosongan ini belum diisi.", "This vacancy is not filled.",
                      "VACANCY_NOT_FILLED"))
    c.raise_if_any()
    before = _snapshot(v)
    v.status, v.filled_method, v.filled_on = VacancyStatus.OPEN, None, None
    ctx.session.flush()
    after = _snapshot(v)
    after["note"] = note
    ctx.audit("kosong_semula", ENTITY, v.id, before, after)


def close_vacancy(ctx: Ctx, vacancy_id: int, closed_on, note: str,
                  today: date | None = None) -> CloseResult:
    """End the vacancy (post filled for good, or the incumbent is back) and list the fillings
    that must now end (5A(s))."""
    today = today_or(today)
    v = load_vacancy(ctx.session, vacancy_id, live=True)
    c = Checks()
    on = date_field(c, "closed_on", "Tarikh ditutup", "Date closed", closed_on)
    note = c.text("note", "Sebab ditutup", "Why closed", note, max_len=2000)
    if on is not None:
        if on < v.opened_on:
            c.add(invalid("closed_on", f"Tarikh ditutup tidak boleh sebelum tarikh kekosongan "
                          f"({date_ms(v.opened_on)}).", "The date closed cannot be before the "
                          "vacancy's date.", "DATES_OUT_OF_ORDER"))
        elif v.filled_on is not None and on < v.filled_on:
            c.add(invalid("closed_on", f"Tarikh ditutup tidak boleh sebelum tarikh diisi "
                          f"({date_ms(v.filled_on)}).", "The date closed cannot be before the "
                          "date filled.", "DATES_OUT_OF_ORDER"))
        if on > today:
            c.add(invalid("closed_on", "Tarikh ditutup tidak boleh selepas hari ini.",
                          "The date closed cannot be after today.", "FUTURE_DATE"))
    c.raise_if_any()
    must_end = tuple(f for f in fillings_of(ctx.session, v.id)
                     if f.ends_on is None or f.ends_on > on)
    before = _snapshot(v)
    v.status, v.closed_on, v.close_note = VacancyStatus.CLOSED, on, note
    ctx.session.flush()
    ctx.audit("tutup", ENTITY, v.id, before, _snapshot(v))
    return CloseResult(v.id, on, must_end)


# ---------------------------------------------------------------------------------------------
# monthly return feed

@dataclass(frozen=True)
class ReturnVacancyRow:
    vacancy_id: int
    premises_code: str
    premises_name: str
    premises_kind: PremisesKind
    district: str
    grade_code: str
    kind: VacancyKind
    reason: VacancyReason
    reason_label: str
    incumbent_name: str
    opened_on: date
    expected_end: date | None
    status: VacancyStatus  # as of the month's last day
    current_step_code: str | None
    current_step_label: str
    step_since: date | None
    days_waiting: int | None
    filled_method: Method | None
    filled_method_label: str


def open_vacancies_for_return(session: Session, year: int, month: int) -> list[ReturnVacancyRow]:
    """Every vacancy live on the month's last day, with its step and filling on that day.

    A filling later undone (``mark_unfilled``) is not remembered here: the return of a closed
    month is written from its snapshot, taken when the month is closed.
    """
    _first, last = month_bounds(year, month)
    live = (Vacancy.opened_on <= last, or_(Vacancy.closed_on.is_(None), Vacancy.closed_on > last))
    q = (_listing(as_of=last, only=live).where(*live)
         .order_by(Premises.code, Grade.code, Vacancy.opened_on, Vacancy.id))
    out = []
    for r in session.execute(q):
        v = _row(r, last)
        filled = v.filled_method is not None and v.filled_on is not None and v.filled_on <= last
        out.append(ReturnVacancyRow(
            v.id, v.premises_code, v.premises_name, v.premises_kind, v.district, v.grade_code,
            v.kind, v.reason, v.reason_label, v.incumbent_name, v.opened_on, v.expected_end,
            VacancyStatus.FILLED if filled else VacancyStatus.OPEN, v.current_step_code,
            v.current_step_label, v.step_since, _days(v.step_since, last),
            v.filled_method if filled else None, method_label(v.filled_method) if filled else ""))
    return out


# ---------------------------------------------------------------------------------------------
# dashboard

@dataclass(frozen=True)
class WaitCount:
    key: str
    label_ms: str
    count: int
    longest_days: int  # the longest wait at the current step among them
    mean_days: int  # rounded half up


@dataclass(frozen=True)
class DashboardSummary:
    today: date
    total: int
    by_status: tuple[WaitCount, ...]
    by_kind: tuple[WaitCount, ...]
    by_premises_kind: tuple[WaitCount, ...]
    by_step: tuple[WaitCount, ...]  # every step of both kinds, in order, zeros included
    by_district: tuple[WaitCount, ...]
    rows: tuple[VacancyRow, ...]  # the live vacancies, longest waiting first


def _count(key: str, label: str, rows: list[VacancyRow]) -> WaitCount:
    days = [r.days_waiting or 0 for r in rows]
    mean = (Decimal(sum(days)) / len(days)).quantize(Decimal(1), ROUND_HALF_UP) if days else 0
    return WaitCount(key, label, len(rows), max(days, default=0), int(mean))


def dashboard_summary(session: Session, today: date | None = None) -> DashboardSummary:
    today = today_or(today)
    rows = list_vacancies(session, status=LIVE_STATUSES, today=today)
    rows.sort(key=lambda r: (-(r.days_waiting or 0), r.opened_on, r.id))

    def group(keys_labels: Iterable[tuple[str, str]], key_of) -> tuple[WaitCount, ...]:
        buckets: dict[str, list[VacancyRow]] = {}
        for r in rows:
            buckets.setdefault(key_of(r), []).append(r)
        return tuple(_count(k, lab, buckets.get(k, [])) for k, lab in keys_labels)

    by_status = group(((s.value, s.label_ms) for s in LIVE_STATUSES), lambda r: r.status.value)
    by_kind = group(((k.value, f"Kekosongan {k.value.lower()}") for k in VacancyKind),
                    lambda r: r.kind.value)
    by_pkind = group(((k.value, k.label_ms) for k in PremisesKind), lambda r: r.premises_kind.value)
    steps = [(f"{k.value}:{s.code}", f"{s.paragraph} {s.short_ms}")
             for k in VacancyKind for s in steps_for(k)]
    by_step = group(steps, lambda r: f"{r.kind.value}:{r.current_step_code}")
    districts = sorted({r.district for r in rows}, key=str.lower)
    by_district = group(((d, d or "(tiada daerah)") for d in districts), lambda r: r.district)
    return DashboardSummary(today, len(rows), by_status, by_kind, by_pkind, by_step, by_district,
                            tuple(rows))


# ---------------------------------------------------------------------------------------------
# alerts

def _own_alerts(session: Session, today: date) -> list[Alert]:
    """Operational vacancies whose incumbent is due back within 14 days (or overdue), and
    those with no expected return recorded."""
    out = []
    rows = list_vacancies(session, status=LIVE_STATUSES, kind=VacancyKind.OPERASI, today=today)
    horizon = today + timedelta(days=ALERT_WINDOW_DAYS)
    for r in rows:
        where = f"{r.incumbent_name or 'penyandang'}, {r.grade_code}, {r.premises_name}"
        if r.expected_end is None:
            out.append(Alert("EXPECTED_END_MISSING", "info",
                             f"Tarikh penyandang dijangka kembali belum direkodkan: {where}.",
                             ENTITY, r.id, None))
        elif r.expected_end < today:
            out.append(Alert("INCUMBENT_RETURNING", "urgent",
                             f"Penyandang dijangka kembali pada {date_ms(r.expected_end)} (telah "
                             f"lepas): {where}. Tutup kekosongan dan tamatkan pengisian "
                             "(5A(s)) atau kemas kini tarikh.", ENTITY, r.id, r.expected_end))
        elif r.expected_end <= horizon:
            out.append(Alert("INCUMBENT_RETURNING", "warning",
                             f"Penyandang dijangka kembali pada {date_ms(r.expected_end)}: "
                             f"{where}.", ENTITY, r.id, r.expected_end))
    return out


def alerts(session: Session, today: date | None = None) -> list[Alert]:
    """Every alert for the dashboard: this module's and the registered providers', most
    urgent first, then by due date."""
    today = today_or(today)
    out = _own_alerts(session, today)
    _load_providers()
    for provider in _alert_providers:
        out.extend(provider(session, today))
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    out.sort(key=lambda a: (rank.get(a.severity, len(rank)), a.due is None, a.due or today,
                            a.text_ms))
    return out


__all__ = [
    "Alert", "CloseResult", "DashboardSummary", "FillingRef", "ReturnVacancyRow", "VacancyForm",
    "VacancyRow", "WaitCount", "alerts", "close_vacancy", "dashboard_summary", "get_vacancy",
    "list_vacancies", "mark_filled", "mark_unfilled", "open_vacancies_for_return",
    "open_vacancy", "register_alert_provider", "register_filling_provider", "set_expected_end",
    "unregister_alert_provider", "unregister_filling_provider", "update_vacancy",
]
