"""Users: first run, login and lockout, the administrator's accounts, and the role check that
``unit.perform`` makes before every action (issue 8 item 1)."""

import getpass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.models import AuditRecord, Premises, User
from desktop.rules import Refused
from desktop.rules.roles import Actor, Role
from desktop.services import users as U
from desktop.services.audit import verify_chain
from desktop.services.premises import PremisesForm, add_premises
from desktop.services.psh import extend_psh
from desktop.services.unit import perform, read

NOW = datetime(2026, 11, 25, 9, 0)
ADMIN = Actor("pentadbir", "Puan Pentadbir", Role.PENTADBIR)
PASSWORD = "rahsia-pejabat-1"


def codes(exc) -> list[str]:
    return [v.code for v in exc.violations]


def refused(db, fn, *args, **kw) -> Refused:
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kw)
    return info.value


@pytest.fixture
def admin(db) -> Actor:
    perform(db, U.create_first_admin, U.UserForm("pentadbir", "Puan Pentadbir", "", PASSWORD),
            actor="pemasangan")
    return ADMIN


def add(db, username, role, password=PASSWORD, full_name=None) -> int:
    return perform(db, U.add_user, U.UserForm(username, full_name or username.title(), role,
                                              password), actor=ADMIN).result


def user(db, username) -> User:
    with db.session() as s:
        return s.execute(select(User).where(User.username == username)).scalar_one()


def audit_rows(db) -> list[AuditRecord]:
    with db.session() as s:
        return list(s.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars())


def premises_form(code="SGR-TBK-001") -> PremisesForm:
    return PremisesForm(code, "Tabika Perpaduan Taman Sri Muda", "TABIKA", "SGR", "Klang", "")


# ----------------------------------------------------------------------------- first run

def test_first_run_creates_the_administrator_once(db):
    assert read(db, U.first_run_needed)
    uid = perform(db, U.create_first_admin,
                  U.UserForm(" Pentadbir ", "Puan Pentadbir", "KERANI", PASSWORD)).result
    assert not read(db, U.first_run_needed)
    u = user(db, "pentadbir")
    assert (u.id, u.role, u.active) == (uid, Role.PENTADBIR, True)  # the role asked is ignored
    e = refused(db, U.create_first_admin, U.UserForm("kedua", "Kedua", "", PASSWORD))
    assert codes(e) == ["USERS_EXIST"]
    assert [u.username for u in read(db, U.list_users)] == ["pentadbir"]


def test_first_administrator_needs_a_good_name_and_password(db):
    e = refused(db, U.create_first_admin, U.UserForm("A b", "", "", "pendek"))
    assert set(codes(e)) == {"USERNAME_INVALID", "REQUIRED", "PASSWORD_TOO_SHORT"}
    e = refused(db, U.create_first_admin, U.UserForm("pentadbir", "Puan", "", PASSWORD,
                                                     PASSWORD + "!"))
    assert codes(e) == ["PASSWORD_MISMATCH"] and e.fields == ("confirm",)
    assert read(db, U.first_run_needed)


def test_password_is_stored_as_a_salted_scrypt_hash(db, admin):
    stored = user(db, "pentadbir").password_hash
    scheme, n, r, p, salt, key = stored.split("$")
    assert scheme == "scrypt" and int(n) >= 2 ** 14 and PASSWORD not in stored
    assert U.verify_password(PASSWORD, stored) and not U.verify_password(PASSWORD + "x", stored)
    assert U.hash_password(PASSWORD) != U.hash_password(PASSWORD)  # salted
    assert not U.verify_password(PASSWORD, "scrypt$bad") and not U.verify_password("", "")


# ----------------------------------------------------------------------------- login

def test_login_returns_the_actor_and_records_it(db, admin):
    actor = U.login(db, "PENTADBIR ", PASSWORD, NOW)
    assert actor == ADMIN
    assert user(db, "pentadbir").last_login == NOW
    last = audit_rows(db)[-1]
    assert (last.actor, last.action, last.entity) == ("pentadbir", "log_masuk", "user")


def test_unknown_user_and_wrong_password_get_the_same_message(db, admin):
    add(db, "lama", "KERANI")
    perform(db, U.set_user_active, user(db, "lama").id, False, actor=ADMIN)
    wrong = U.login(db, "pentadbir", "salah-sekali", NOW)
    unknown = U.login(db, "tiada", PASSWORD, NOW)
    inactive = U.login(db, "lama", PASSWORD, NOW)
    for outcome in (wrong, unknown, inactive):
        assert isinstance(outcome, Refused) and codes(outcome) == ["LOGIN_FAILED"]
        assert outcome.message("ms") == wrong.message("ms")
    assert user(db, "pentadbir").failed_attempts == 1


def test_five_failures_lock_the_account_for_fifteen_minutes(db, admin):
    add(db, "kerani1", "KERANI")
    for i in range(4):
        outcome = U.login(db, "kerani1", "bukan-ini", NOW + timedelta(seconds=i))
        assert codes(outcome) == ["LOGIN_FAILED"]
    fifth = U.login(db, "kerani1", "bukan-ini", NOW)
    assert codes(fifth) == ["ACCOUNT_LOCKED"]
    assert "15 minit" in fifth.message("ms")
    assert user(db, "kerani1").locked_until == NOW + timedelta(minutes=15)
    # the right password does not open a locked account ...
    assert codes(U.login(db, "kerani1", PASSWORD, NOW + timedelta(minutes=14))) == [
        "ACCOUNT_LOCKED"]
    # ... until the time is up
    assert U.login(db, "kerani1", PASSWORD, NOW + timedelta(minutes=15)) == Actor(
        "kerani1", "Kerani1", Role.KERANI)
    assert user(db, "kerani1").failed_attempts == 0
    assert [r.action for r in audit_rows(db) if r.actor == "kerani1"] == [
        "log_masuk_gagal"] * 5 + ["log_masuk"]
    assert verify_chain_ok(db)


def verify_chain_ok(db) -> bool:
    return read(db, verify_chain) is None


def test_administrator_unlocks_a_locked_account(db, admin):
    uid = add(db, "kerani1", "KERANI")
    for _ in range(5):
        U.login(db, "kerani1", "bukan-ini", NOW)
    assert read(db, U.list_users, NOW)[0].locked  # sorted by name: kerani1 first
    clerk = Actor("kerani2", "Kerani2", Role.KERANI)
    add(db, "kerani2", "KERANI")
    assert codes(refused(db, U.unlock_user, uid, actor=clerk)) == ["ROLE_NOT_ALLOWED"]
    perform(db, U.unlock_user, uid, actor=ADMIN)
    assert isinstance(U.login(db, "kerani1", PASSWORD, NOW), Actor)


# ----------------------------------------------------------------------------- accounts

def test_add_user_refuses_a_taken_name_and_a_bad_role(db, admin):
    add(db, "siti", "PELULUS", full_name="Siti Aminah")
    e = refused(db, U.add_user, U.UserForm("siti", "Siti Lain", "KERANI", PASSWORD), actor=ADMIN)
    assert codes(e) == ["USERNAME_TAKEN"]
    e = refused(db, U.add_user, U.UserForm("ali", "Ali", "RAJA", PASSWORD), actor=ADMIN)
    assert codes(e) == ["INVALID_INPUT"] and e.fields == ("role",)
    rows = {r.username: r for r in read(db, U.list_users)}
    assert (rows["siti"].role, rows["siti"].full_name) == (Role.PELULUS, "Siti Aminah")


def test_the_audit_never_holds_the_password_or_its_hash(db, admin):
    uid = add(db, "siti", "KERANI")
    perform(db, U.reset_password, uid, "kata-laluan-baharu", actor=ADMIN)
    text = " ".join(r.before + r.after for r in audit_rows(db))
    assert PASSWORD not in text and "kata-laluan-baharu" not in text and "scrypt$" not in text


def test_the_last_administrator_stays(db, admin):
    me = user(db, "pentadbir").id
    e = refused(db, U.update_user, me, "Puan Pentadbir", "KERANI", actor=ADMIN)
    assert codes(e) == ["LAST_ADMINISTRATOR"]
    e = refused(db, U.set_user_active, me, False, actor="cli-admin")
    assert codes(e) == ["LAST_ADMINISTRATOR"]
    assert codes(refused(db, U.set_user_active, me, False, actor=ADMIN)) == ["NOT_YOURSELF"]
    second = add(db, "kedua", "PENTADBIR")
    perform(db, U.update_user, me, "Puan Pentadbir", "PELULUS", actor=ADMIN)
    assert user(db, "pentadbir").role is Role.PELULUS
    assert codes(refused(db, U.set_user_active, second, False, actor="cli-admin")) == [
        "LAST_ADMINISTRATOR"]


def test_change_own_password(db, admin):
    add(db, "baca1", "BACA")
    reader = Actor("baca1", "Baca1", Role.BACA)
    e = refused(db, U.change_password, "salah", "pendek", actor=reader)
    assert codes(e) == ["WRONG_CURRENT_PASSWORD", "PASSWORD_TOO_SHORT"]
    perform(db, U.change_password, PASSWORD, "kata-laluan-kedua", actor=reader)
    assert isinstance(U.login(db, "baca1", PASSWORD, NOW), Refused)
    assert U.login(db, "baca1", "kata-laluan-kedua", NOW) == reader


def test_reset_password_by_the_administrator_only(db, admin):
    uid = add(db, "kerani1", "KERANI")
    approver = Actor("pelulus", "Pelulus", Role.PELULUS)
    add(db, "pelulus", "PELULUS")
    assert codes(refused(db, U.reset_password, uid, "baharu-12345", actor=approver)) == [
        "ROLE_NOT_ALLOWED"]
    assert codes(refused(db, U.reset_password, uid, "kerani1", actor=ADMIN)) == [
        "PASSWORD_TOO_SHORT", "PASSWORD_IS_USERNAME"]
    assert codes(refused(db, U.reset_password, uid, "baharu-12345", "baharu-1234",
                         actor=ADMIN)) == ["PASSWORD_MISMATCH"]
    perform(db, U.reset_password, uid, "baharu-12345", "baharu-12345", actor=ADMIN)
    assert isinstance(U.login(db, "kerani1", "baharu-12345", NOW), Actor)


# ----------------------------------------------------------------------------- the role check

def test_the_role_is_checked_before_the_action_runs(db, admin):
    add(db, "kerani1", "KERANI")
    clerk = Actor("kerani1", "Kerani1", Role.KERANI)
    # PSH 999 does not exist: a clerk hears about the role, not about the missing PSH
    e = refused(db, extend_psh, 999, "2026-12-31", "Sambung", "Pengarah", actor=clerk)
    assert codes(e) == ["ROLE_NOT_ALLOWED"]
    assert "Kerani" in e.message("ms") and "melanjutkan tempoh PSH" in e.message("ms")
    e = refused(db, extend_psh, 999, "2026-12-31", "Sambung", "Pengarah", actor=ADMIN)
    assert codes(e) == ["NOT_FOUND"]


def test_read_only_never_writes_and_nothing_is_saved(db, admin):
    add(db, "baca1", "BACA")
    e = refused(db, add_premises, premises_form(), actor=Actor("baca1", "Baca1", Role.BACA))
    assert codes(e) == ["ROLE_NOT_ALLOWED"] and "Baca sahaja" in e.message("ms")
    with db.session() as s:
        assert s.execute(select(Premises)).first() is None


def test_the_role_is_read_again_from_the_database(db, admin):
    uid = add(db, "kerani1", "KERANI")
    clerk = U.login(db, "kerani1", PASSWORD, NOW)
    perform(db, add_premises, premises_form("SGR-TBK-001"), actor=clerk)
    perform(db, U.update_user, uid, "Kerani1", "BACA", actor=ADMIN)  # demoted since login
    e = refused(db, add_premises, premises_form("SGR-TBK-002"), actor=clerk)
    assert codes(e) == ["ROLE_NOT_ALLOWED"]
    perform(db, U.set_user_active, uid, False, actor=ADMIN)  # then deactivated
    e = refused(db, add_premises, premises_form("SGR-TBK-002"), actor=clerk)
    assert codes(e) == ["ACCOUNT_INACTIVE"]
    e = refused(db, add_premises, premises_form("SGR-TBK-002"),
                actor=Actor("hantu", "Hantu", Role.PENTADBIR))  # never registered
    assert codes(e) == ["ACCOUNT_INACTIVE"]


def test_audit_records_the_username_and_the_cli_acts_as_a_named_local_administrator(db, admin):
    add(db, "kerani1", "KERANI")
    perform(db, add_premises, premises_form("SGR-TBK-001"),
            actor=Actor("kerani1", "Kerani Satu", Role.KERANI))
    perform(db, add_premises, premises_form("SGR-TBK-002"))  # no actor: the command line
    perform(db, add_premises, premises_form("SGR-TBK-003"), actor="demo")
    actors = [r.actor for r in audit_rows(db) if r.entity == "premises"]
    assert actors == ["kerani1", f"cli:{getpass.getuser()}", "demo"]


def test_two_pcs_registering_the_first_administrator_at_once_make_one(db):
    """PostgreSQL (several PCs): both forms are sent together; one registers, the other is
    told an administrator exists. (A SQLite file has one writer at a time anyway.)"""
    import threading

    from desktop.models import Database

    if db.is_sqlite:
        pytest.skip("several PCs share a PostgreSQL server")
    other = Database(db.url)
    start = threading.Barrier(2)
    results: dict[str, object] = {}

    def register(database, name):
        start.wait()
        try:
            results[name] = perform(database, U.create_first_admin,
                                    U.UserForm(name, name.title(), "", PASSWORD)).result
        except Refused as exc:
            results[name] = exc

    threads = [threading.Thread(target=register, args=(d, n))
               for d, n in ((db, "pertama"), (other, "kedua"))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    finally:
        other.dispose()
    refusals = [r for r in results.values() if isinstance(r, Refused)]
    assert len(results) == 2 and len(refusals) == 1
    assert codes(refusals[0]) == ["USERS_EXIST"]
    assert len(read(db, U.list_users)) == 1
