"""Passwords, failed logins and user accounts: the policy and the refusals (pure).

The numbers (minimum password length, failures before a lock, minutes locked, the scrypt cost)
live in ``resources/security.toml`` so that an office can tighten them without a new release.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from desktop.paths import resource
from desktop.rules.catalogue import rule
from desktop.rules.rates import RATE_TABLE_INVALID
from desktop.rules.violations import RuleViolation

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PASSWORD_TOO_SHORT = rule(
    "PASSWORD_TOO_SHORT", None,
    "Kata laluan mesti sekurang-kurangnya {min_length} aksara.",
    "The password must have at least {min_length} characters.")
PASSWORD_IS_USERNAME = rule(
    "PASSWORD_IS_USERNAME", None,
    "Kata laluan tidak boleh sama dengan nama pengguna.",
    "The password cannot be the same as the user name.")
LOGIN_FAILED = rule(
    "LOGIN_FAILED", None,
    "Nama pengguna atau kata laluan salah.",
    "The user name or the password is wrong.")
ACCOUNT_LOCKED = rule(
    "ACCOUNT_LOCKED", None,
    "Akaun ini dikunci selepas {failures} cubaan log masuk yang gagal; cuba lagi dalam "
    "{minutes} minit atau minta pentadbir membukanya.",
    "This account is locked after {failures} failed logins; try again in {minutes} minutes "
    "or ask an administrator to unlock it.")
PASSWORD_MISMATCH = rule(
    "PASSWORD_MISMATCH", None,
    "Kata laluan dan pengesahannya tidak sama.",
    "The password and its confirmation differ.")
WRONG_CURRENT_PASSWORD = rule(
    "WRONG_CURRENT_PASSWORD", None,
    "Kata laluan semasa salah; kata laluan tidak ditukar.",
    "The current password is wrong; the password was not changed.")
USERNAME_INVALID = rule(
    "USERNAME_INVALID", None,
    "Nama pengguna '{username}' tidak sah: 3 hingga 40 aksara, huruf kecil, nombor, titik, "
    "sengkang atau garis bawah, bermula dengan huruf.",
    "The user name '{username}' is not valid: 3 to 40 characters, lower-case letters, digits, "
    "dots, dashes or underscores, starting with a letter.")
USERNAME_TAKEN = rule(
    "USERNAME_TAKEN", None,
    "Nama pengguna '{username}' sudah digunakan.",
    "The user name '{username}' is already taken.")
USERS_EXIST = rule(
    "USERS_EXIST", None,
    "Pentadbir pertama sudah didaftarkan; pengguna baharu ditambah oleh pentadbir.",
    "The first administrator is already registered; an administrator adds new users.")
LAST_ADMINISTRATOR = rule(
    "LAST_ADMINISTRATOR", None,
    "Sekurang-kurangnya seorang pentadbir aktif mesti kekal; {username} ialah yang terakhir.",
    "At least one active administrator must remain; {username} is the last one.")
ACCOUNT_INACTIVE = rule(
    "ACCOUNT_INACTIVE", None,
    "Akaun {username} tidak aktif lagi; tindakan tidak dibuat.",
    "The account {username} is no longer active; nothing was done.")
NOT_YOURSELF = rule(
    "NOT_YOURSELF", None,
    "Anda tidak boleh menyahaktifkan akaun anda sendiri.",
    "You cannot deactivate your own account.")

# Lower-case so that names read the same in the audit log on any keyboard.
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,39}$")


@dataclass(frozen=True)
class SecurityPolicy:
    min_password_length: int
    max_failures: int
    lock_minutes: int
    scrypt_n: int
    scrypt_r: int
    scrypt_p: int
    salt_bytes: int
    key_bytes: int


def _positive(data: dict, section: str, key: str) -> int:
    value = data.get(section, {}).get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise RATE_TABLE_INVALID.refuse(
            field="security", what_ms="security.toml", what_en="security.toml",
            problem_ms=f"[{section}] {key} mesti nombor bulat positif",
            problem_en=f"[{section}] {key} must be a positive whole number")
    return value


@cache
def policy() -> SecurityPolicy:
    """The policy of ``resources/security.toml`` (read once)."""
    with open(resource("security.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return SecurityPolicy(
        _positive(data, "password", "min_length"), _positive(data, "lockout", "max_failures"),
        _positive(data, "lockout", "minutes"), _positive(data, "scrypt", "n"),
        _positive(data, "scrypt", "r"), _positive(data, "scrypt", "p"),
        _positive(data, "scrypt", "salt_bytes"), _positive(data, "scrypt", "key_bytes"))


def clean_username(text) -> str:
    """The user name as stored: trimmed, lower case."""
    return ("" if text is None else str(text)).strip().lower()


def check_username(username: str, field: str = "username") -> list[RuleViolation]:
    if _USERNAME.match(username):
        return []
    return [USERNAME_INVALID.violation(field, username=username)]


def check_password(password, username: str = "", field: str = "password",
                   rules: SecurityPolicy | None = None) -> list[RuleViolation]:
    """Every reason why ``password`` may not be set (empty when it may)."""
    rules = rules or policy()
    text = "" if password is None else str(password)
    problems = []
    if len(text) < rules.min_password_length:
        problems.append(PASSWORD_TOO_SHORT.violation(field, min_length=rules.min_password_length))
    if username and text.strip().lower() == username.lower():
        problems.append(PASSWORD_IS_USERNAME.violation(field))
    return problems


def check_confirmation(password, confirm, field: str = "confirm") -> list[RuleViolation]:
    """The password typed twice must be the same (``confirm`` None: not asked)."""
    if confirm is None or (password or "") == (confirm or ""):
        return []
    return [PASSWORD_MISMATCH.violation(field)]


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


def minutes_left(locked_until: datetime, now: datetime) -> int:
    """Whole minutes until the lock ends, rounded up (at least 1 while it holds)."""
    seconds = (locked_until - now).total_seconds()
    return max(1, -int(-seconds // 60))


@dataclass(frozen=True)
class AfterFailure:
    failed_attempts: int
    locked_until: datetime | None


def after_failure(failed_attempts: int, now: datetime,
                  rules: SecurityPolicy | None = None) -> AfterFailure:
    """The count and the lock after one more wrong password: the ``max_failures``-th in a row
    locks the account for ``lock_minutes`` and starts the count again."""
    rules = rules or policy()
    count = failed_attempts + 1
    if count >= rules.max_failures:
        return AfterFailure(0, now + timedelta(minutes=rules.lock_minutes))
    return AfterFailure(count, None)
