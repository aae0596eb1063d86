"""The one path for every change: a fresh session, one transaction, audit, touched kinds.

A service function takes a :class:`Ctx` first. ``perform`` commits its work, or rolls all of it
back when it raises (a :class:`~desktop.rules.Refused` included), so nothing is half-saved.
The views wrap this in their operation helper, which emits one ``changed(kinds)`` signal.

Who acts: ``perform(..., actor=...)`` takes an :class:`~desktop.rules.roles.Actor` (a user who
logged in: the role is read again from the database, so a user deactivated or given another
role since logging in is refused) or a plain string, which names a *local administrator*, an
account that is not in the users table: the command line (``None`` means ``"cli:<os user>"``),
the demo filler and the tests. The role is checked against ``rules.roles`` before the action
runs; the audit records carry the user name.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import Database, User
from desktop.rules.roles import Actor, Role, action_name, check_role
from desktop.rules.security import ACCOUNT_INACTIVE
from desktop.services import audit

T = TypeVar("T")


def local_actor() -> str:
    try:
        return getpass.getuser() or "pengguna"
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        return "pengguna"


def cli_actor() -> str:
    """The name under which the command line acts and is audited: ``cli:<os user>``."""
    return f"cli:{local_actor()}"


@dataclass(frozen=True)
class Who:
    """The actor of one action: an account of the users table, or a local administrator."""

    actor: Actor
    local: bool


def as_actor(actor: Actor | Who | str | None) -> Who:
    """A logged-in user as given; a string (``None``: the CLI's name) as a local administrator."""
    if isinstance(actor, Who):
        return actor
    if isinstance(actor, Actor):
        return Who(actor, False)
    name = actor or cli_actor()
    return Who(Actor(name, name, Role.PENTADBIR), True)


def local_administrator(name: str, full_name: str = "") -> Who:
    """A local administrator with a display name (the demo window)."""
    return Who(Actor(name, full_name or name, Role.PENTADBIR), True)


def current_role(session: Session, who: Who) -> Role:
    """The role to check now: a local administrator's own, or the account's as stored today
    (refused when the account has been deactivated or removed since it logged in)."""
    if who.local:
        return who.actor.role
    row = session.execute(select(User.role, User.active)
                          .where(User.username == who.actor.username)).one_or_none()
    if row is None or not row.active:
        raise ACCOUNT_INACTIVE.refuse("username", username=who.actor.username)
    return row.role


def setattr_all(obj, **values) -> None:
    """Set several attributes at once (the change given to :meth:`Ctx.update`)."""
    for name, value in values.items():
        setattr(obj, name, value)


@dataclass
class Ctx:
    session: Session
    actor: str  # the user name written in the audit records
    touched: set[str] = field(default_factory=set)
    role: Role = Role.PENTADBIR

    def require(self, action: str) -> None:
        """Refuse (ROLE_NOT_ALLOWED) unless this role may do ``action``: for permissions that
        depend on what the action was asked to do (see ``rules.roles``)."""
        check_role(self.role, action)

    def audit(self, action: str, entity: str, entity_id, before=None, after=None) -> None:
        audit.append(self.session, self.actor, action, entity, entity_id, before, after)
        self.touched.add(entity)

    def audit_many(self, entries) -> None:
        """Audit several ``(action, entity, entity_id, before, after)`` at once, in order."""
        audit.append_many(self.session, self.actor, entries)
        self.touched.update(e[1] for e in entries)

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


def perform(db: Database, fn: Callable[..., T], *args, actor: Actor | Who | str | None = None,
            **kwargs) -> Outcome:
    """Run one user action in one transaction, if the actor's role may; returns its result and
    the entity kinds touched. See the module's docstring for ``actor``."""
    who = as_actor(actor)
    with db.session() as session, _entered_rates(session):
        role = current_role(session, who)
        check_role(role, action_name(fn))
        ctx = Ctx(session, who.actor.username, role=role)
        result = fn(ctx, *args, **kwargs)
        session.flush()
    return Outcome(result, frozenset(ctx.touched))


def read(db: Database, fn: Callable[..., T], *args, **kwargs) -> T:
    """Run a query function ``fn(session, ...)``; it must return plain rows, not ORM objects."""
    with db.session() as session, _entered_rates(session):
        return fn(session, *args, **kwargs)


def _entered_rates(session):
    """The rules inside see the rate tables the administrator entered in this database
    (services.rate_tables), read from ``session`` on first need only."""
    from desktop.rules.rates import entered_tables
    from desktop.services.rate_tables import entered_for_rules

    return entered_tables(lambda: entered_for_rules(session))
