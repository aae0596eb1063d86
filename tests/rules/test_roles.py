"""Roles, the table of who may do what, the password policy, the lockout and the MyKad mask.

The policy's numbers are read from resources/security.toml here, by the test itself, so that the
test checks that the rules module follows the file (5 failures, 15 minutes, 8 characters as
shipped; issue 8 and the brief ask for those).
"""

import importlib
from datetime import datetime, timedelta

import pytest
import tomllib

from desktop.paths import resource
from desktop.rules import Refused
from desktop.rules.mykad import mask_mykad, mask_mykads_in
from desktop.rules.roles import (
    ACTIONS,
    ROLE_NOT_ALLOWED,
    Role,
    action_name,
    at_least,
    check_role,
    may,
    parse_role,
    permission,
)
from desktop.rules.security import (
    PASSWORD_IS_USERNAME,
    PASSWORD_TOO_SHORT,
    USERNAME_INVALID,
    after_failure,
    check_password,
    check_username,
    is_locked,
    minutes_left,
    policy,
)

with open(resource("security.toml"), "rb") as _fh:
    SHIPPED = tomllib.load(_fh)

S = "desktop.services."


def test_the_shipped_policy_is_the_issues():
    assert SHIPPED["password"]["min_length"] == 8
    assert SHIPPED["lockout"] == {"max_failures": 5, "minutes": 15}
    p = policy()
    assert (p.min_password_length, p.max_failures, p.lock_minutes) == (8, 5, 15)


def test_roles_are_ordered_and_each_includes_those_below():
    assert at_least(Role.BACA) == set(Role)
    assert at_least(Role.PELULUS) == {Role.PELULUS, Role.PENTADBIR}
    assert at_least(Role.PENTADBIR) == {Role.PENTADBIR}
    assert [r.label("ms") for r in sorted(Role, key=lambda r: r.rank)] == [
        "Baca sahaja", "Kerani", "Pegawai Pelulus", "Pentadbir"]
    assert Role.PELULUS.label("en") == "Approving officer"
    assert parse_role(" kerani ") is Role.KERANI and parse_role("boss") is None


@pytest.mark.parametrize("action", [
    "psh.extend_psh", "psh.terminate_psh", "acting.end_acting", "acting.renew_acting",
    "month.close_month", "month.reopen_month", "allocation.commit_psh:override",
    "workflow.record_step:FILLING_APPROVED", "workflow.record_step:APPOINTMENT_DELIVERED",
    "workflow.undo_last_step"])
def test_approving_officer_actions(action):
    action = S + action
    assert not may(Role.BACA, action) and not may(Role.KERANI, action)
    assert may(Role.PELULUS, action) and may(Role.PENTADBIR, action)


@pytest.mark.parametrize("action", [
    "users.add_user", "users.reset_password", "users.unlock_user", "office.save_office",
    "letters.save_letter_prefixes", "letters.set_logo", "backup.restore"])
def test_administrator_only_actions(action):
    assert [r for r in Role if may(r, S + action)] == [Role.PENTADBIR]


def test_an_unlisted_write_is_a_clerks_and_read_only_never_writes():
    for action in (S + "premises.add_premises", S + "workflow.record_step:AD_APPROVAL_ASKED",
                   S + "some_future.module_action"):
        assert {r for r in Role if may(r, action)} == {Role.KERANI, Role.PELULUS,
                                                        Role.PENTADBIR}
    for action in ACTIONS:
        if action not in (S + "users.change_password", S + "users.create_first_admin"):
            assert not may(Role.BACA, action), action
    assert may(Role.BACA, S + "users.change_password")


def test_the_refusal_names_the_action_and_the_role():
    with pytest.raises(Refused) as info:
        check_role(Role.KERANI, S + "psh.extend_psh")
    [v] = info.value.violations
    assert v.code == ROLE_NOT_ALLOWED.code == "ROLE_NOT_ALLOWED"
    assert v.message_ms == ("Peranan Kerani tidak dibenarkan melanjutkan tempoh PSH; tindakan "
                            "ini untuk Pegawai Pelulus atau Pentadbir.")
    assert "The role Clerk may not extend a PSH" in v.message_en
    with pytest.raises(Refused) as info:
        check_role(Role.BACA, S + "premises.add_premises")
    assert "Baca sahaja" in info.value.message("ms") and "add premises" in info.value.message("ms")
    check_role(Role.PELULUS, S + "psh.extend_psh")  # allowed: no exception


def test_every_listed_action_names_a_function_that_exists():
    """A typo in the table would leave an action open to every clerk; modules of work still
    in progress elsewhere (letters, backup, rates) are checked once they exist."""
    pending = {"desktop.services.letters", "desktop.services.backup", "desktop.services.rates"}
    for action in ACTIONS:
        module, _, name = action.split(":")[0].rpartition(".")
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            assert module in pending, action
            continue
        fn = getattr(mod, name)
        assert action_name(fn) == action.split(":")[0]


def test_permission_of_an_unknown_action_reads_its_name():
    p = permission(S + "claims.remove_trip")
    assert "remove trip" in p.label_ms and "remove trip" in p.label_en


def test_password_policy():
    n = SHIPPED["password"]["min_length"]
    assert check_password("a" * n) == []
    [short] = check_password("a" * (n - 1))
    assert short.code == PASSWORD_TOO_SHORT.code and f"{n} aksara" in short.message_ms
    assert [v.code for v in check_password("Aminah123", "aminah123")] == [
        PASSWORD_IS_USERNAME.code]
    assert check_password(None)[0].field == "password"


def test_usernames():
    assert check_username("kerani.1") == [] and check_username("siti_a") == []
    for bad in ("ab", "1kerani", "Kerani", "ker ani", "a" * 41, ""):
        assert [v.code for v in check_username(bad)] == [USERNAME_INVALID.code], bad


def test_the_fifth_failure_in_a_row_locks_for_fifteen_minutes():
    now = datetime(2026, 11, 25, 9, 0)
    failures = SHIPPED["lockout"]["max_failures"]
    count = 0
    for _ in range(failures - 1):
        step = after_failure(count, now)
        assert step.locked_until is None
        count = step.failed_attempts
    assert count == failures - 1
    locked = after_failure(count, now)
    assert locked.locked_until == now + timedelta(minutes=SHIPPED["lockout"]["minutes"])
    assert locked.failed_attempts == 0
    assert is_locked(locked.locked_until, now + timedelta(minutes=14, seconds=59))
    assert not is_locked(locked.locked_until, now + timedelta(minutes=15))
    assert not is_locked(None, now)
    assert minutes_left(locked.locked_until, now + timedelta(minutes=14, seconds=1)) == 1
    assert minutes_left(locked.locked_until, now) == 15


@pytest.mark.parametrize("number, shown", [
    ("900101-10-5678", "######-##-5678"), ("900101105678", "######-##-5678"),
    (" 900101 10 5678 ", "######-##-5678"), ("12345", "#2345"), ("", ""), (None, ""),
])
def test_mykad_mask_keeps_only_the_last_four_digits(number, shown):
    assert mask_mykad(number) == shown


def test_mykads_in_a_text_are_masked_and_other_numbers_are_not():
    text = '{"mykad":"850315105432","telefon":"0123456789","x":"920720-08-6124"}'
    assert mask_mykads_in(text) == ('{"mykad":"######-##-5432","telefon":"0123456789",'
                                    '"x":"######-##-6124"}')
    assert mask_mykads_in("1234567890123") == "1234567890123"  # 13 digits: not a MyKad
