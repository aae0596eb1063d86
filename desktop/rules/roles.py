"""Roles and what each may do: one table, keyed by the service function's qualified name.

``desktop.services.unit.perform`` looks up the action it is about to run here before running it
(the services check roles, the window only hides what a role cannot do). An action not in the
table is a clerk's: the clerk and every role above may do it, the read-only role never writes.
The roles are ordered (read-only < clerk < approving officer < administrator) and each may do
what the ones below it may, so the administrator of a small office can also stand in.

Some permissions depend on what the action is asked to do rather than on the function: going
over the OS29000 balance, or recording an approval among the vacancy's steps. Those are keyed
``"<qualified name>:<detail>"`` and the service asks for them itself (``Ctx.require``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.rules.catalogue import rule
from desktop.rules.violations import Refused
from desktop.rules.workflow import FILLING_APPROVED

ROLE_NOT_ALLOWED = rule(
    "ROLE_NOT_ALLOWED", None,
    "Peranan {role_ms} tidak dibenarkan {action_ms}; tindakan ini untuk {allowed_ms}.",
    "The role {role_en} may not {action_en}; this is for {allowed_en}.")


class Role(str, Enum):
    BACA = "BACA"
    KERANI = "KERANI"
    PELULUS = "PELULUS"
    PENTADBIR = "PENTADBIR"

    @property
    def rank(self) -> int:
        return ORDER.index(self)

    def label(self, lang: str = "ms") -> str:
        return _LABELS[self][1 if lang == "en" else 0]


ORDER = (Role.BACA, Role.KERANI, Role.PELULUS, Role.PENTADBIR)
_LABELS = {
    Role.BACA: ("Baca sahaja", "Read-only"),
    Role.KERANI: ("Kerani", "Clerk"),
    Role.PELULUS: ("Pegawai Pelulus", "Approving officer"),
    Role.PENTADBIR: ("Pentadbir", "Administrator"),
}


def parse_role(value) -> Role | None:
    """The role named by ``value`` (a Role or its code, any case); None when unknown."""
    if isinstance(value, Role):
        return value
    try:
        return Role(str(value or "").strip().upper())
    except ValueError:
        return None


def at_least(role: Role) -> frozenset[Role]:
    return frozenset(r for r in ORDER if r.rank >= role.rank)


EVERYONE = at_least(Role.BACA)
CLERK = at_least(Role.KERANI)
APPROVER = at_least(Role.PELULUS)
ADMIN = at_least(Role.PENTADBIR)


@dataclass(frozen=True)
class Actor:
    """Who performs an action: the logged-in user (or the local administrator of the CLI)."""

    username: str
    full_name: str
    role: Role


@dataclass(frozen=True)
class Permission:
    roles: frozenset[Role]
    label_ms: str  # the action, after "tidak dibenarkan ..."
    label_en: str  # the action, after "may not ..."


def _p(roles: frozenset[Role], ms: str, en: str) -> Permission:
    return Permission(roles, ms, en)


_S = "desktop.services."
STEP = _S + "workflow.record_step"
OVERRIDE = _S + "allocation.commit_psh:override"
APPOINTMENT_APPROVED = "APPOINTMENT_DELIVERED"  # 7.5: the approval arrives with the offer

ACTIONS: dict[str, Permission] = {
    # the approving officer: approvals, ends and extensions, the month, going over budget
    _S + "psh.extend_psh": _p(APPROVER, "melanjutkan tempoh PSH", "extend a PSH"),
    _S + "psh.terminate_psh": _p(APPROVER, "menamatkan PSH", "terminate a PSH"),
    _S + "acting.renew_acting": _p(APPROVER, "memperbaharui penanggungan kerja",
                                   "renew an acting assignment"),
    _S + "acting.end_acting": _p(APPROVER, "menamatkan penanggungan kerja",
                                 "end an acting assignment"),
    _S + "acting.hand_over": _p(APPROVER, "menyerahkan penanggungan kerja kepada pegawai lain",
                                "hand an acting assignment over"),
    _S + "gantian.end_gantian": _p(APPROVER, "menamatkan pegawai gantian",
                                   "end a replacement officer"),
    _S + "month.close_month": _p(APPROVER, "menutup bulan", "close a month"),
    _S + "month.reopen_month": _p(APPROVER, "membuka semula bulan", "reopen a month"),
    OVERRIDE: _p(APPROVER, "meluluskan kos melebihi baki peruntukan OS29000",
                 "approve a cost over the OS29000 balance"),
    f"{STEP}:{FILLING_APPROVED}": _p(APPROVER, "merekod kelulusan pengisian",
                                     "record the filling approval"),
    f"{STEP}:{APPOINTMENT_APPROVED}": _p(APPROVER, "merekod kelulusan pelantikan",
                                          "record the appointment approval"),
    _S + "workflow.undo_last_step": _p(APPROVER, "membatalkan langkah kekosongan",
                                       "undo a vacancy step"),
    # the administrator: users, office settings, letters' prefixes and logo, backups, demo
    _S + "users.add_user": _p(ADMIN, "menambah pengguna", "add a user"),
    _S + "users.update_user": _p(ADMIN, "mengubah pengguna", "change a user"),
    _S + "users.set_user_active": _p(ADMIN, "mengaktifkan atau menyahaktifkan pengguna",
                                     "activate or deactivate a user"),
    _S + "users.reset_password": _p(ADMIN, "menetapkan semula kata laluan pengguna",
                                    "reset a user's password"),
    _S + "users.unlock_user": _p(ADMIN, "membuka akaun yang dikunci", "unlock an account"),
    _S + "office.save_office": _p(ADMIN, "mengubah tetapan pejabat",
                                  "change the office settings"),
    _S + "letters.save_letter_prefixes": _p(ADMIN, "mengubah awalan rujukan surat",
                                            "change the letters' reference prefixes"),
    _S + "letters.save_letterhead": _p(ADMIN, "mengubah tetapan pejabat",
                                       "change the office settings"),
    _S + "letters.set_logo": _p(ADMIN, "menukar logo kepala surat", "change the letterhead logo"),
    _S + "letters.clear_logo": _p(ADMIN, "membuang logo kepala surat",
                                  "remove the letterhead logo"),
    _S + "backup.restore": _p(ADMIN, "memulihkan sandaran", "restore a backup"),
    _S + "rate_tables.save_rate_table": _p(ADMIN, "memasukkan jadual kadar",
                                           "enter a rate table"),
    _S + "rate_tables.remove_rate_table": _p(ADMIN, "memadam jadual kadar",
                                             "remove a rate table"),
    _S + "demo.fill_demo": _p(ADMIN, "mengisi pangkalan data demo", "fill the demo database"),
    # everyone: their own password; the first administrator (refused once any user exists)
    _S + "users.change_password": _p(EVERYONE, "menukar kata laluan sendiri",
                                     "change their own password"),
    _S + "users.create_first_admin": _p(EVERYONE, "mendaftar pentadbir pertama",
                                        "register the first administrator"),
}


def permission(action: str) -> Permission:
    """The roles allowed ``action`` (a qualified name); unlisted actions are a clerk's."""
    known = ACTIONS.get(action)
    if known is not None:
        return known
    name = action.rsplit(".", 1)[-1].replace("_", " ")
    return _p(CLERK, f"membuat tindakan '{name}'", f"do '{name}'")


def may(role: Role, action: str) -> bool:
    return role in permission(action).roles


def _list(roles: frozenset[Role], lang: str) -> str:
    names = [r.label(lang) for r in ORDER if r in roles]
    last = names.pop()
    return f"{', '.join(names)} {'or' if lang == 'en' else 'atau'} {last}" if names else last


def check_role(role: Role, action: str) -> None:
    """Raise ROLE_NOT_ALLOWED, naming the action and the role, unless ``role`` may do it."""
    p = permission(action)
    if role in p.roles:
        return
    raise Refused(ROLE_NOT_ALLOWED.violation(
        "role", role_ms=role.label("ms"), role_en=role.label("en"), action_ms=p.label_ms,
        action_en=p.label_en, allowed_ms=_list(p.roles, "ms"), allowed_en=_list(p.roles, "en")))


def action_name(fn) -> str:
    """The key of a service function in :data:`ACTIONS`: its module and qualified name."""
    return f"{fn.__module__}.{fn.__qualname__}"
