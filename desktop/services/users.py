"""Users: the first administrator, logging in, the accounts an administrator keeps.

Passwords are hashed with ``hashlib.scrypt`` and a random salt; the cost parameters are stored
in each hash ("scrypt$n$r$p$salt$key", base64), so raising them in ``security.toml`` later still
verifies the hashes made before. A wrong password and an unknown user get the same message;
the ``max_failures``-th wrong password in a row locks the account for ``lock_minutes``
(``rules.security``). Which role may call which function is ``rules.roles``; ``unit.perform``
checks it before any of these runs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models import Database, User
from desktop.models.base import utcnow
from desktop.rules import Refused, invalid
from desktop.rules.roles import Actor, Role, parse_role
from desktop.rules.security import (
    ACCOUNT_LOCKED,
    LAST_ADMINISTRATOR,
    LOGIN_FAILED,
    NOT_YOURSELF,
    USERNAME_TAKEN,
    USERS_EXIST,
    WRONG_CURRENT_PASSWORD,
    after_failure,
    check_confirmation,
    check_password,
    check_username,
    clean_username,
    is_locked,
    minutes_left,
    policy,
)
from desktop.services import audit
from desktop.services.unit import Ctx
from desktop.services.vacancies import not_found
from desktop.services.validate import Checks

ENTITY = "user"

__all__ = [
    "Actor", "UserForm", "UserRow", "hash_password", "verify_password", "first_run_needed",
    "create_first_admin", "authenticate", "login", "list_users", "add_user", "update_user",
    "set_user_active", "change_password", "reset_password", "unlock_user",
]


# ---------------------------------------------------------------------------------------------
# password hashes

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """A salted scrypt hash of ``password`` with its parameters: "scrypt$n$r$p$salt$key"."""
    p = policy()
    salt = secrets.token_bytes(p.salt_bytes)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=p.scrypt_n, r=p.scrypt_r,
                         p=p.scrypt_p, dklen=p.key_bytes, maxmem=_maxmem(p.scrypt_n, p.scrypt_r))
    return f"scrypt${p.scrypt_n}${p.scrypt_r}${p.scrypt_p}${_b64(salt)}${_b64(key)}"


def _maxmem(n: int, r: int) -> int:
    return 128 * r * (n + 2) + 1024 * 1024  # what scrypt needs, and a margin


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` gives ``stored``; False for a hash that cannot be read."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        n_, r_, p_ = int(n), int(r), int(p)
        expected = base64.b64decode(key, validate=True)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt, validate=True),
                             n=n_, r=r_, p=p_, dklen=len(expected), maxmem=_maxmem(n_, r_))
    except (ValueError, TypeError):  # a damaged hash: no password opens it
        return False
    return hmac.compare_digest(got, expected)


# A hash of nothing anyone types: an unknown user costs the same time as a wrong password.
_DUMMY_HASH: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(secrets.token_hex(16)))
    return _DUMMY_HASH[0]


# ---------------------------------------------------------------------------------------------
# rows and forms

@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked: bool
    locked_until: datetime | None
    failed_attempts: int
    created_at: datetime
    last_login: datetime | None

    @property
    def role_label(self) -> str:
        return self.role.label("ms")


@dataclass
class UserForm:
    username: str = ""
    full_name: str = ""
    role: str = Role.KERANI.value
    password: str = ""
    confirm: str | None = None  # the password typed again (None: not asked)


def _snapshot(u: User) -> dict:
    # never the hash: the audit log is for reading
    return {"username": u.username, "full_name": u.full_name, "role": u.role, "active": u.active,
            "locked_until": u.locked_until, "failed_attempts": u.failed_attempts}


def _row(u: User, now: datetime) -> UserRow:
    return UserRow(u.id, u.username, u.full_name, u.role, u.active, is_locked(u.locked_until, now),
                   u.locked_until, u.failed_attempts, u.created_at, u.last_login)


def _clean(c: Checks, form: UserForm, *, with_password: bool) -> tuple[str, str, Role | None, str]:
    username = clean_username(form.username)
    c.problems.extend(check_username(username))
    full_name = c.text("full_name", "Nama penuh", "Full name", form.full_name)
    role = parse_role(form.role)
    if role is None:
        c.add(invalid("role", f"Peranan '{form.role}' tidak dikenali.",
                      f"Unknown role '{form.role}'.", "INVALID_INPUT"))
    password = form.password or ""
    if with_password:
        c.problems.extend(check_password(password, username))
        c.problems.extend(check_confirmation(password, form.confirm))
    return username, full_name, role, password


def _by_name(session: Session, username: str) -> User | None:
    return session.execute(select(User).where(User.username == username)).scalar_one_or_none()


def _load(ctx: Ctx, user_id) -> User:
    u = ctx.session.get(User, user_id) if isinstance(user_id, int) else None
    if u is None:
        raise not_found("pengguna", "user", user_id, "user_id")
    return u


def _insert(ctx: Ctx, username: str, full_name: str, role: Role, password: str) -> int:
    if _by_name(ctx.session, username) is not None:
        raise USERNAME_TAKEN.refuse("username", username=username)
    u = User(username=username, full_name=full_name, role=role,
             password_hash=hash_password(password), active=True, failed_attempts=0)
    ctx.session.add(u)
    try:
        ctx.session.flush()
    except IntegrityError:  # added a moment ago from another PC
        raise USERNAME_TAKEN.refuse("username", username=username) from None
    ctx.audit("tambah", ENTITY, u.id, None, _snapshot(u))
    return u.id


# ---------------------------------------------------------------------------------------------
# first run and login

def first_run_needed(session: Session) -> bool:
    """True while no user exists: the app asks for the first administrator."""
    return session.execute(select(func.count(User.id))).scalar_one() == 0


FIRST_RUN_LOCK = 0x1517_0001  # pg advisory lock key of the first registration


def create_first_admin(ctx: Ctx, form: UserForm) -> int:
    """Register the first user, an administrator; refused once any user exists."""
    if ctx.session.get_bind().dialect.name == "postgresql":
        # two PCs registering at once: the second waits here, then sees the first's user
        ctx.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FIRST_RUN_LOCK})
    if not first_run_needed(ctx.session):
        raise USERS_EXIST.refuse()
    c = Checks()
    username, full_name, _role, password = _clean(c, UserForm(
        form.username, form.full_name, Role.PENTADBIR.value, form.password, form.confirm),
        with_password=True)
    c.raise_if_any()
    return _insert(ctx, username, full_name, Role.PENTADBIR, password)


def _locked(until: datetime, now: datetime) -> Refused:
    return ACCOUNT_LOCKED.refuse("username", failures=policy().max_failures,
                                 minutes=minutes_left(until, now))


def authenticate(session: Session, username, password, now: datetime) -> Actor | Refused:
    """The user who logs in, or why not (returned, not raised: the failed attempt, and the
    lock it may bring, must be committed by the caller)."""
    name = clean_username(username)
    u = _by_name(session, name) if name else None
    if u is None or not u.active:
        verify_password(str(password or ""), _dummy_hash())  # same time as a wrong password
        return LOGIN_FAILED.refuse("password")
    if is_locked(u.locked_until, now):
        return _locked(u.locked_until, now)
    before = _snapshot(u)
    if not verify_password(str(password or ""), u.password_hash):
        fail = after_failure(u.failed_attempts, now)
        u.failed_attempts, u.locked_until = fail.failed_attempts, fail.locked_until
        session.flush()
        audit.append(session, u.username, "log_masuk_gagal", ENTITY, u.id, before, _snapshot(u))
        if fail.locked_until is not None:
            return _locked(fail.locked_until, now)
        return LOGIN_FAILED.refuse("password")
    u.failed_attempts, u.locked_until, u.last_login = 0, None, now
    session.flush()
    audit.append(session, u.username, "log_masuk", ENTITY, u.id)
    return Actor(u.username, u.full_name, u.role)


def login(db: Database, username, password, now: datetime | None = None) -> Actor | Refused:
    """:func:`authenticate` in its own transaction, committed whatever the outcome."""
    with db.session() as session:
        return authenticate(session, username, password, now or utcnow())


# ---------------------------------------------------------------------------------------------
# the administrator's accounts

def list_users(session: Session, now: datetime | None = None) -> list[UserRow]:
    now = now or utcnow()
    return [_row(u, now) for u in session.execute(select(User).order_by(User.username)).scalars()]


def add_user(ctx: Ctx, form: UserForm) -> int:
    c = Checks()
    username, full_name, role, password = _clean(c, form, with_password=True)
    c.raise_if_any()
    return _insert(ctx, username, full_name, role, password)


def _other_active_admins(ctx: Ctx, u: User) -> int:
    return ctx.session.execute(select(func.count(User.id)).where(
        User.role == Role.PENTADBIR, User.active.is_(True), User.id != u.id)).scalar_one()


def update_user(ctx: Ctx, user_id, full_name: str, role) -> None:
    """Change a user's name and role; the last active administrator keeps the role."""
    u = _load(ctx, user_id)
    c = Checks()
    _name, full_name, new_role, _pw = _clean(
        c, UserForm(u.username, full_name, role, ""), with_password=False)
    if (new_role is not None and new_role is not Role.PENTADBIR and u.role is Role.PENTADBIR
            and u.active and not _other_active_admins(ctx, u)):
        c.add(LAST_ADMINISTRATOR.violation("role", username=u.username))
    c.raise_if_any()

    def change() -> None:
        u.full_name, u.role = full_name, new_role

    ctx.update(ENTITY, u, _snapshot, change)


def set_user_active(ctx: Ctx, user_id, active: bool) -> None:
    """Deactivate (never delete: the audit log names them) or reactivate a user."""
    u = _load(ctx, user_id)
    if not active:
        if u.username == ctx.actor:
            raise NOT_YOURSELF.refuse("active")
        if u.role is Role.PENTADBIR and u.active and not _other_active_admins(ctx, u):
            raise LAST_ADMINISTRATOR.refuse("active", username=u.username)
    ctx.set_active(ENTITY, u, _snapshot, bool(active))


def change_password(ctx: Ctx, current: str, new: str, confirm: str | None = None) -> None:
    """The logged-in user's own password, given the current one."""
    u = _by_name(ctx.session, ctx.actor)
    if u is None:
        raise not_found("pengguna", "user", ctx.actor, "username")
    c = Checks()
    if not verify_password(str(current or ""), u.password_hash):
        c.add(WRONG_CURRENT_PASSWORD.violation("current"))
    c.problems.extend(check_password(new, u.username, field="new"))
    c.problems.extend(check_confirmation(new, confirm))
    c.raise_if_any()
    u.password_hash = hash_password(str(new))
    ctx.session.flush()
    ctx.audit("tukar_kata_laluan", ENTITY, u.id)


def reset_password(ctx: Ctx, user_id, new: str, confirm: str | None = None) -> None:
    """An administrator sets a new password (the user forgot theirs); it also unlocks."""
    u = _load(ctx, user_id)
    problems = check_password(new, u.username) + check_confirmation(new, confirm)
    if problems:
        raise Refused(problems)
    before = _snapshot(u)
    u.password_hash = hash_password(str(new))
    u.failed_attempts, u.locked_until = 0, None
    ctx.session.flush()
    ctx.audit("set_semula_kata_laluan", ENTITY, u.id, before, _snapshot(u))


def unlock_user(ctx: Ctx, user_id) -> None:
    """Open an account locked by failed logins before its time is up."""
    u = _load(ctx, user_id)

    def change() -> None:
        u.failed_attempts, u.locked_until = 0, None

    ctx.update(ENTITY, u, _snapshot, change)
