"""Posts register: posts per premises and grade, their incumbents and who held them when.

A post's current holder is ``Post.incumbent_id``; every holding, past and present, is a
:class:`~desktop.models.PostIncumbency` row, so moving an officer between posts keeps the
history (issue 4). Posts are deactivated, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desktop.models import Grade, Post, PostIncumbency, Premises, Staff
from desktop.rules import Refused, invalid
from desktop.rules.enums import PremisesKind
from desktop.services.unit import Ctx, setattr_all
from desktop.services.validate import Checks, typed_date, typed_id

ENTITY = "post"
HISTORY_ENTITY = "post_incumbency"
STAFF_ENTITY = "staff"  # the staff register shows each officer's post


def post_label(premises_code: str, grade_code: str, post_id: int) -> str:
    """How a post is named in lists and messages: "TBK-SGR-001 / S17 #12"."""
    return f"{premises_code} / {grade_code} #{post_id}"


@dataclass(frozen=True)
class PostRow:
    id: int
    premises_id: int
    premises_code: str
    premises_name: str
    premises_kind: PremisesKind
    grade_id: int
    grade_code: str
    incumbent_id: int | None
    incumbent_name: str | None
    active: bool
    vacant: bool  # active and without an incumbent
    incumbent_since: date | None = None

    @property
    def label(self) -> str:
        return post_label(self.premises_code, self.grade_code, self.id)


@dataclass
class PostForm:
    premises_id: int | str | None = None
    grade_id: int | str | None = None


@dataclass(frozen=True)
class IncumbencyRow:
    """One holding of one post by one officer; ``end`` is None while it lasts."""

    id: int
    post_id: int
    post_label: str
    premises_code: str
    premises_name: str
    grade_code: str
    staff_id: int
    staff_name: str
    staff_mykad: str
    start: date
    end: date | None
    note: str

    @property
    def current(self) -> bool:
        return self.end is None


# --- Reading --------------------------------------------------------------------------------

def _post_query():
    current = aliased(PostIncumbency)
    return (select(Post.id, Post.premises_id, Premises.code, Premises.name, Premises.kind,
                   Post.grade_id, Grade.code, Post.incumbent_id, Staff.name, Post.active,
                   current.start)
            .join(Premises, Premises.id == Post.premises_id)
            .join(Grade, Grade.id == Post.grade_id)
            .outerjoin(Staff, Staff.id == Post.incumbent_id)
            .outerjoin(current, (current.post_id == Post.id) & current.end.is_(None)))


def _post_row(r) -> PostRow:
    (pid, premises_id, p_code, p_name, p_kind, grade_id, g_code, inc_id, inc_name, active,
     since) = r
    return PostRow(pid, premises_id, p_code, p_name, p_kind, grade_id, g_code, inc_id, inc_name,
                   active, bool(active and inc_id is None), since)


def list_posts(session: Session, premises_id: int | None = None, vacant_only: bool = False, *,
               include_inactive: bool = True) -> list[PostRow]:
    """Posts by premises code, grade and id; ``vacant_only`` gives active posts with no holder."""
    q = _post_query().order_by(Premises.code, Grade.code, Post.id)
    if premises_id is not None:
        q = q.where(Post.premises_id == premises_id)
    if vacant_only:
        q = q.where(Post.active.is_(True), Post.incumbent_id.is_(None))
    elif not include_inactive:
        q = q.where(Post.active.is_(True))
    return [_post_row(r) for r in session.execute(q)]


def get_post(session: Session, post_id: int) -> PostRow:
    for r in session.execute(_post_query().where(Post.id == post_id)):
        return _post_row(r)
    raise _not_found("post_id", post_id)


def _history_query():
    return (select(PostIncumbency.id, Post.id, Premises.code, Premises.name, Grade.code,
                   Staff.id, Staff.name, Staff.mykad, PostIncumbency.start, PostIncumbency.end,
                   PostIncumbency.note)
            .join(Post, Post.id == PostIncumbency.post_id)
            .join(Premises, Premises.id == Post.premises_id)
            .join(Grade, Grade.id == Post.grade_id)
            .join(Staff, Staff.id == PostIncumbency.staff_id)
            .order_by(PostIncumbency.start, PostIncumbency.id))


def _history_row(r) -> IncumbencyRow:
    iid, pid, p_code, p_name, g_code, sid, s_name, mykad, start, end, note = r
    return IncumbencyRow(iid, pid, post_label(p_code, g_code, pid), p_code, p_name, g_code, sid,
                         s_name, mykad, start, end, note)


def post_history(session: Session, post_id: int) -> list[IncumbencyRow]:
    """Everyone who held the post, oldest first."""
    if session.get(Post, post_id) is None:
        raise _not_found("post_id", post_id)
    q = _history_query().where(PostIncumbency.post_id == post_id)
    return [_history_row(r) for r in session.execute(q)]


def staff_history(session: Session, staff_id: int) -> list[IncumbencyRow]:
    """Every post the officer held, oldest first."""
    if session.get(Staff, staff_id) is None:
        raise _not_found("staff_id", staff_id)
    q = _history_query().where(PostIncumbency.staff_id == staff_id)
    return [_history_row(r) for r in session.execute(q)]


# --- Posts ----------------------------------------------------------------------------------

def _not_found(field: str, record_id) -> Refused:
    what_ms, what_en = {"post_id": ("Jawatan", "Post"), "staff_id": ("Pegawai", "Officer"),
                        "premises_id": ("Premis", "Premises"), "grade_id": ("Gred", "Grade")}[field]
    return Refused(invalid(field, f"{what_ms} {record_id} tidak wujud.",
                           f"{what_en} {record_id} does not exist.", "NOT_FOUND"))


def _snapshot(p: Post) -> dict:
    return {"id": p.id, "premises_id": p.premises_id, "grade_id": p.grade_id,
            "incumbent_id": p.incumbent_id, "active": p.active}


def _clean(session: Session, form: PostForm, current: Post | None) -> tuple[int, int]:
    c = Checks()
    premises_id = typed_id(c, "premises_id", "Premis", "Premises", form.premises_id)
    grade_id = typed_id(c, "grade_id", "Gred", "Grade", form.grade_id)
    if premises_id is not None:
        premises = session.get(Premises, premises_id)
        unchanged = current is not None and current.premises_id == premises_id
        if premises is None:
            c.add(invalid("premises_id", f"Premis {premises_id} tidak wujud.",
                          f"Premises {premises_id} does not exist.", "NOT_FOUND"))
        elif not premises.active and not unchanged:
            c.add(invalid("premises_id", f"Premis {premises.code} tidak aktif.",
                          f"Premises {premises.code} is not active.", "PREMISES_INACTIVE"))
        elif not unchanged and current is not None and _has_history(session, current.id):
            c.add(invalid("premises_id",
                          "Jawatan yang pernah disandang tidak boleh dipindahkan ke premis lain; "
                          "nyahaktifkan jawatan ini dan wujudkan jawatan baharu.",
                          "A post that has been held cannot move to other premises; deactivate "
                          "it and create a new post.", "POST_HAS_HISTORY"))
    if grade_id is not None:
        grade = session.get(Grade, grade_id)
        unchanged = current is not None and current.grade_id == grade_id
        if grade is None:
            c.add(invalid("grade_id", f"Gred {grade_id} tidak wujud.",
                          f"Grade {grade_id} does not exist.", "NOT_FOUND"))
        elif not grade.active and not unchanged:
            c.add(invalid("grade_id", f"Gred {grade.code} tidak aktif.",
                          f"Grade {grade.code} is not active.", "GRADE_INACTIVE"))
    c.raise_if_any()
    return premises_id, grade_id


def _has_history(session: Session, post_id: int) -> bool:
    return session.execute(select(func.count()).select_from(PostIncumbency)
                           .where(PostIncumbency.post_id == post_id)).scalar_one() > 0


def add_post(ctx: Ctx, form: PostForm) -> int:
    premises_id, grade_id = _clean(ctx.session, form, None)
    p = Post(premises_id=premises_id, grade_id=grade_id, incumbent_id=None, active=True)
    ctx.session.add(p)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, p.id, None, _snapshot(p))
    ctx.touched.add("premises")  # the premises register counts active posts
    return p.id


def _load(ctx: Ctx, post_id: int) -> Post:
    p = ctx.session.get(Post, post_id)
    if p is None:
        raise _not_found("post_id", post_id)
    return p


def update_post(ctx: Ctx, post_id: int, form: PostForm) -> None:
    """Correct a post's grade (or its premises, while nobody has ever held it)."""
    p = _load(ctx, post_id)
    premises_id, grade_id = _clean(ctx.session, form, p)
    if ctx.update(ENTITY, p, _snapshot,
                  lambda: setattr_all(p, premises_id=premises_id, grade_id=grade_id)):
        ctx.touched.add("premises")  # the premises register counts posts


def set_post_active(ctx: Ctx, post_id: int, active: bool) -> None:
    """Deactivate (abolish) a vacant post, or reactivate it; the history stays."""
    p = _load(ctx, post_id)
    if p.active == active:
        return
    if not active and p.incumbent_id is not None:
        holder = ctx.session.get(Staff, p.incumbent_id)
        raise Refused(invalid(
            "active", f"Jawatan ini masih disandang oleh {holder.name}; lepaskan penyandang "
            "dahulu sebelum menyahaktifkan jawatan.",
            f"This post is still held by {holder.name}; release the incumbent before "
            "deactivating the post.", "POST_OCCUPIED"))
    if active and not p.premises.active:
        raise Refused(invalid(
            "active", f"Premis {p.premises.code} tidak aktif; aktifkan premis dahulu.",
            f"Premises {p.premises.code} is not active; reactivate the premises first.",
            "PREMISES_INACTIVE"))
    ctx.set_active(ENTITY, p, _snapshot, active)
    ctx.touched.add("premises")


# --- Incumbents -----------------------------------------------------------------------------

def _open_holding(session: Session, *, post_id=None, staff_id=None) -> PostIncumbency | None:
    q = select(PostIncumbency).where(PostIncumbency.end.is_(None))
    if post_id is not None:
        q = q.where(PostIncumbency.post_id == post_id)
    if staff_id is not None:
        q = q.where(PostIncumbency.staff_id == staff_id)
    return session.execute(q).scalar_one_or_none()


def _last_end(session: Session, column, value) -> date | None:
    """The latest end of the closed holdings of a post or an officer."""
    return session.execute(select(func.max(PostIncumbency.end)).where(column == value)).scalar_one()


def _holding_snapshot(h: PostIncumbency) -> dict:
    return {"id": h.id, "post_id": h.post_id, "staff_id": h.staff_id, "start": h.start,
            "end": h.end, "note": h.note}


def _label(p: Post) -> str:
    return post_label(p.premises.code, p.grade.code, p.id)


def _close(ctx: Ctx, post: Post, holding: PostIncumbency, end: date, note: str) -> None:
    before_post, before_holding = _snapshot(post), _holding_snapshot(holding)
    holding.end = end
    holding.note = "; ".join(part for part in (holding.note, note) if part)[:500]
    post.incumbent_id = None
    ctx.session.flush()
    ctx.audit("tamat", HISTORY_ENTITY, holding.id, before_holding, _holding_snapshot(holding))
    ctx.audit("lepas", ENTITY, post.id, before_post, _snapshot(post))


def assign_incumbent(ctx: Ctx, post_id: int, staff_id: int, start, *, move: bool = False,
                     note: str = "", today: date | None = None) -> int:
    """Make the officer the holder of a vacant post from ``start``; returns the holding's id.

    An officer who already holds a post is refused (STAFF_HOLDS_POST) unless ``move`` is set:
    then the old holding ends the day before ``start`` and the old post becomes vacant.
    """
    post = _load(ctx, post_id)
    staff = ctx.session.get(Staff, staff_id)
    if staff is None:
        raise _not_found("staff_id", staff_id)
    c = Checks()
    start = typed_date(c, "start", "Tarikh mula menyandang", "Start date", start)
    note = c.text("note", "Catatan", "Note", note, required=False, max_len=500)
    if not post.active:
        c.add(invalid("post_id", f"Jawatan {_label(post)} tidak aktif.",
                      f"Post {_label(post)} is not active.", "POST_INACTIVE"))
    if not staff.active:
        c.add(invalid("staff_id", f"Pegawai {staff.name} tidak aktif.",
                      f"Officer {staff.name} is not active.", "STAFF_INACTIVE"))
    if post.incumbent_id == staff.id:
        c.add(invalid("staff_id", f"{staff.name} sudah menyandang jawatan {_label(post)}.",
                      f"{staff.name} already holds post {_label(post)}.", "STAFF_ALREADY_IN_POST"))
    elif post.incumbent_id is not None:
        holder = ctx.session.get(Staff, post.incumbent_id)
        c.add(invalid("post_id", f"Jawatan {_label(post)} telah disandang oleh {holder.name}.",
                      f"Post {_label(post)} is already held by {holder.name}.", "POST_OCCUPIED"))
    previous = _open_holding(ctx.session, staff_id=staff.id)
    if previous is not None and previous.post_id != post.id and not move:
        old = ctx.session.get(Post, previous.post_id)
        c.add(invalid("staff_id",
                      f"{staff.name} sedang menyandang jawatan {_label(old)}; pilih pindah "
                      "jawatan untuk memindahkannya.",
                      f"{staff.name} holds post {_label(old)}; choose a move to transfer them.",
                      "STAFF_HOLDS_POST"))
    if start is not None:
        moving_from = previous if move and previous is not None and previous.post_id != post.id \
            else None
        _check_start(ctx.session, c, post, staff, start, moving_from, today or date.today())
    c.raise_if_any()

    if move and previous is not None:
        _close(ctx, ctx.session.get(Post, previous.post_id), previous, start - timedelta(days=1),
               f"Dipindahkan ke jawatan {_label(post)}")
    before = _snapshot(post)
    holding = PostIncumbency(post_id=post.id, staff_id=staff.id, start=start, end=None,
                             note=note)
    ctx.session.add(holding)
    post.incumbent_id = staff.id
    try:
        ctx.session.flush()
    except IntegrityError as exc:  # another PC filled the post, or moved the officer, just now
        raise Refused(invalid("post_id", "Jawatan atau pegawai ini baru sahaja dikemas kini oleh "
                              "pengguna lain; muat semula dan cuba lagi.",
                              "This post or officer was just changed by another user; reload "
                              "and try again.", "CONFLICT")) from exc
    ctx.audit("tambah", HISTORY_ENTITY, holding.id, None, _holding_snapshot(holding))
    ctx.audit("sandang", ENTITY, post.id, before, _snapshot(post))
    ctx.touched.add(STAFF_ENTITY)
    return holding.id


def _check_start(session: Session, c: Checks, post: Post, staff: Staff, start: date,
                 moving_from: PostIncumbency | None, today: date) -> None:
    if start > today:
        c.add(invalid("start", "Tarikh mula menyandang tidak boleh pada masa hadapan.",
                      "The start date cannot be in the future.", "START_IN_FUTURE"))
    if staff.service_start is not None and start < staff.service_start:
        c.add(invalid("start", f"Tarikh mula menyandang mesti pada atau selepas tarikh mula "
                      f"berkhidmat {staff.name} ({staff.service_start:%d/%m/%Y}).",
                      f"The start date must be on or after {staff.name}'s service start "
                      f"({staff.service_start:%d/%m/%Y}).", "START_BEFORE_SERVICE"))
    post_end = _last_end(session, PostIncumbency.post_id, post.id)
    if post_end is not None and start <= post_end:
        c.add(invalid("start", f"Penyandang terdahulu jawatan ini hanya dilepaskan pada "
                      f"{post_end:%d/%m/%Y}; tarikh mula mesti selepasnya.",
                      f"The post's previous incumbent was released only on {post_end:%d/%m/%Y}; "
                      "the start must be after it.", "HISTORY_OVERLAP"))
    staff_end = _last_end(session, PostIncumbency.staff_id, staff.id)
    if staff_end is not None and start <= staff_end:
        c.add(invalid("start", f"{staff.name} hanya dilepaskan daripada jawatan terdahulu pada "
                      f"{staff_end:%d/%m/%Y}; tarikh mula mesti selepasnya.",
                      f"{staff.name} left the previous post only on {staff_end:%d/%m/%Y}; "
                      "the start must be after it.", "HISTORY_OVERLAP"))
    if moving_from is not None and start <= moving_from.start:
        c.add(invalid("start", f"Tarikh pindah mesti selepas {staff.name} mula menyandang "
                      f"jawatan lama ({moving_from.start:%d/%m/%Y}).",
                      f"The move date must be after {staff.name} started in the old post "
                      f"({moving_from.start:%d/%m/%Y}).", "END_BEFORE_START"))


def release_incumbent(ctx: Ctx, post_id: int, end, note: str = "", *,
                      today: date | None = None) -> None:
    """The holder leaves the post on ``end`` (their last day in it); the post becomes vacant."""
    post = _load(ctx, post_id)
    c = Checks()
    end = typed_date(c, "end", "Tarikh akhir menyandang", "End date", end)
    note = c.text("note", "Catatan", "Note", note, required=False, max_len=500)
    holding = _open_holding(ctx.session, post_id=post.id)
    if post.incumbent_id is None or holding is None:
        c.add(invalid("post_id", f"Jawatan {_label(post)} tiada penyandang.",
                      f"Post {_label(post)} has no incumbent.", "POST_VACANT"))
    elif end is not None:
        if end < holding.start:
            c.add(invalid("end", f"Tarikh akhir tidak boleh sebelum tarikh mula menyandang "
                          f"({holding.start:%d/%m/%Y}).",
                          f"The end date cannot be before the start date "
                          f"({holding.start:%d/%m/%Y}).", "END_BEFORE_START"))
        if end > (today or date.today()):
            c.add(invalid("end", "Tarikh akhir menyandang tidak boleh pada masa hadapan.",
                          "The end date cannot be in the future.", "END_IN_FUTURE"))
    c.raise_if_any()
    _close(ctx, post, holding, end, note)
    ctx.touched.add(STAFF_ENTITY)

