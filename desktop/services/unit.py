"""The one path for every change: a fresh session, one transaction, audit, touched kinds.

A service function takes a :class:`Ctx` first. ``perform`` commits its work, or rolls all of it
back when it raises (a :class:`~desktop.rules.Refused` included), so nothing is half-saved.
The views wrap this in their operation helper, which emits one ``changed(kinds)`` signal.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.models import Database
from desktop.services import audit

T = TypeVar("T")


def local_actor() -> str:
    try:
        return getpass.getuser() or "pengguna"
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        return "pengguna"


def setattr_all(obj, **values) -> None:
    """Set several attributes at once (the change given to :meth:`Ctx.update`)."""
    for name, value in values.items():
        setattr(obj, name, value)


@dataclass
class Ctx:
    session: Session
    actor: str
    touched: set[str] = field(default_factory=set)

    def audit(self, action: str, entity: str, entity_id, before=None, after=None) -> None:
        audit.append(self.session, self.actor, action, entity, entity_id, before, after)
        self.touched.add(entity)

    def update(self, entity: str, obj, snapshot: Callable[[Any], dict],
               change: Callable[[], None]) -> bool:
        """Apply ``change`` to ``obj`` and audit the before and after, if anything changed."""
        before = snapshot(obj)
        change()
        self.session.flush()
        after = snapshot(obj)
        if after == before:
            return False
        self.audit("ubah", entity, obj.id, before, after)
        return True

    def set_active(self, entity: str, obj, snapshot: Callable[[Any], dict], active: bool) -> bool:
        """Deactivate (or reactivate) instead of deleting, so the history stays; audited."""
        if obj.active == active:
            return False
        before = snapshot(obj)
        obj.active = active
        self.session.flush()
        self.audit("aktifkan" if active else "nyahaktif", entity, obj.id, before, snapshot(obj))
        return True


@dataclass(frozen=True)
class Outcome:
    result: Any
    touched: frozenset[str]


def perform(db: Database, fn: Callable[..., T], *args, actor: str | None = None, **kwargs) -> Outcome:
    """Run one user action in one transaction; returns its result and the entity kinds touched."""
    with db.session() as session:
        ctx = Ctx(session, actor or local_actor())
        result = fn(ctx, *args, **kwargs)
        session.flush()
    return Outcome(result, frozenset(ctx.touched))


def read(db: Database, fn: Callable[..., T], *args, **kwargs) -> T:
    """Run a query function ``fn(session, ...)``; it must return plain rows, not ORM objects."""
    with db.session() as session:
        return fn(session, *args, **kwargs)
