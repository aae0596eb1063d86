"""Premises register: list, add, edit, deactivate and reactivate."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Post, Premises
from desktop.rules import Refused, invalid, is_state
from desktop.rules.enums import PremisesKind
from desktop.services.unit import Ctx
from desktop.services.validate import Checks

ENTITY = "premises"
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9./-]{0,19}$")


@dataclass(frozen=True)
class PremisesRow:
    id: int
    code: str
    name: str
    kind: PremisesKind
    state: str
    district: str
    address: str
    active: bool
    posts: int = 0


@dataclass
class PremisesForm:
    code: str = ""
    name: str = ""
    kind: str = PremisesKind.TABIKA.value
    state: str = ""
    district: str = ""
    address: str = ""


def list_premises(session: Session, *, include_inactive: bool = True) -> list[PremisesRow]:
    posts = (select(Post.premises_id, func.count(Post.id).label("n"))
             .where(Post.active.is_(True)).group_by(Post.premises_id).subquery())
    q = (select(Premises.id, Premises.code, Premises.name, Premises.kind, Premises.state,
                Premises.district, Premises.address, Premises.active,
                func.coalesce(posts.c.n, 0))
         .outerjoin(posts, posts.c.premises_id == Premises.id)
         .order_by(Premises.code))
    if not include_inactive:
        q = q.where(Premises.active.is_(True))
    return [PremisesRow(*row) for row in session.execute(q)]


def get_premises(session: Session, premises_id: int) -> PremisesRow:
    for row in _rows(session, Premises.id == premises_id):
        return row
    raise Refused(invalid("id", f"Premis {premises_id} tidak wujud.",
                          f"Premises {premises_id} does not exist.", "NOT_FOUND"))


def _rows(session: Session, where) -> list[PremisesRow]:
    q = select(Premises).where(where)
    return [_row(p) for p in session.execute(q).scalars()]


def _row(p: Premises) -> PremisesRow:
    return PremisesRow(p.id, p.code, p.name, p.kind, p.state, p.district, p.address, p.active)


def _snapshot(p: Premises) -> dict:
    row = asdict(_row(p))
    row.pop("posts")
    return row


def _clean(session: Session, form: PremisesForm, own_id: int | None) -> PremisesForm:
    c = Checks()
    code = c.text("code", "Kod premis", "Premises code", form.code, max_len=20).upper()
    if code and not CODE_PATTERN.match(code):
        c.add(invalid("code", "Kod premis hanya boleh mengandungi huruf, nombor, '.', '/' dan '-'.",
                      "The premises code may hold only letters, digits, '.', '/' and '-'."))
    elif code:
        clash = session.execute(
            select(Premises.id).where(func.upper(Premises.code) == code)
        ).scalar_one_or_none()
        if clash is not None and clash != own_id:
            c.add(invalid("code", f"Kod premis {code} telah digunakan.",
                          f"Premises code {code} is already in use.", "DUPLICATE"))
    name = c.text("name", "Nama premis", "Premises name", form.name)
    kind = str(form.kind or "").upper()
    if kind not in PremisesKind.__members__:
        c.add(invalid("kind", "Jenis premis mesti Tabika atau Taska.",
                      "The premises kind must be Tabika or Taska."))
    state = str(form.state or "").strip().upper()
    if not is_state(state):
        c.add(invalid("state", f"Negeri '{form.state}' tidak dikenali.",
                      f"Unknown state '{form.state}'."))
    district = c.text("district", "Daerah", "District", form.district, required=False, max_len=100)
    address = c.text("address", "Alamat", "Address", form.address, required=False, max_len=500)
    c.raise_if_any()
    return PremisesForm(code, name, kind, state, district, address)


def add_premises(ctx: Ctx, form: PremisesForm) -> int:
    f = _clean(ctx.session, form, None)
    p = Premises(code=f.code, name=f.name, kind=PremisesKind(f.kind), state=f.state,
                 district=f.district, address=f.address, active=True)
    ctx.session.add(p)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, p.id, None, _snapshot(p))
    return p.id


def _load(ctx: Ctx, premises_id: int) -> Premises:
    p = ctx.session.get(Premises, premises_id)
    if p is None:
        raise Refused(invalid("id", f"Premis {premises_id} tidak wujud.",
                              f"Premises {premises_id} does not exist.", "NOT_FOUND"))
    return p


def update_premises(ctx: Ctx, premises_id: int, form: PremisesForm) -> None:
    p = _load(ctx, premises_id)
    f = _clean(ctx.session, form, premises_id)

    def change() -> None:
        p.code, p.name, p.kind, p.state = f.code, f.name, PremisesKind(f.kind), f.state
        p.district, p.address = f.district, f.address

    ctx.update(ENTITY, p, _snapshot, change)


def set_premises_active(ctx: Ctx, premises_id: int, active: bool) -> None:
    """Deactivate (or reactivate) instead of deleting: the history stays."""
    p = _load(ctx, premises_id)
    if p.active == active:
        return
    ctx.set_active(ENTITY, p, _snapshot, active)
