"""Month close: pay lines from attendance, problems that block, snapshot, lock, reopen, the
return written from the snapshot, and the CLI."""

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import holidays
import pytest

from desktop.rules import Refused
from desktop.services import allocation as A
from desktop.services import month as M
from desktop.services.attendance import set_absence
from desktop.services.month_lock import is_month_locked
from desktop.services.unit import perform, read
from tests.psh import factories as F

ROOT = Path(__file__).resolve().parents[2]
APRIL = (2026, 4)
AFTER = date(2026, 5, 4)


@pytest.fixture
def office(db):
    """A Selangor office with a PSH (SPM, RM54 a day) on a hakiki Tabika vacancy from 2 March
    to 29 May 2026, born 1 January 1990 (36: below 60)."""
    o = F.make_office(db)
    vid = F.hakiki_vacancy(db, o.tabika, o.s17)
    pid = F.appoint(db, F.psh_form(vid, F.candidate(db, vid)))
    return o, pid


def test_april_pay_line_by_hand(db, office):
    _, pid = office
    perform(db, set_absence, pid, date(2026, 4, 14))  # a Tuesday
    lines = read(db, M.month_lines, *APRIL)
    assert lines.problems == ()
    (p,) = lines.psh
    cal = holidays.country_holidays("MY", subdiv="SGR", years=2026)  # the oracle
    april = [date(2026, 4, d) for d in range(1, 31)]
    assert p.working_days == sum(cal.is_working_day(d) for d in april)
    assert p.paid_days == p.working_days - 1 and p.absent_days == 1
    assert p.gross == Decimal("54.00") * p.paid_days
    assert p.net == p.gross - p.kwsp_employee - p.perkeso_employee - p.sip_employee
    assert p.sip_employee == 0  # SIP off by default
    assert p.approval_ref == "JPNIN.100-1/2/3"


def test_close_locks_snapshots_spends_and_reopen_gives_back(db, office):
    _, pid = office
    before = read(db, A.balance, 2026)
    row = perform(db, M.close_month, *APRIL, today=AFTER).result
    assert (row.version, row.status.value) == (1, "CLOSED")
    assert read(db, is_month_locked, *APRIL)
    with pytest.raises(Refused) as info:  # attendance of a closed month no longer changes
        perform(db, set_absence, pid, date(2026, 4, 15))
    assert "MONTH_LOCKED" in {v.code for v in info.value.violations}
    data = read(db, M.return_data, *APRIL)
    (p,) = data.psh
    after = read(db, A.balance, 2026)
    assert after.spent - before.spent == p.gross + p.employer_contributions
    assert after.available == before.available  # spending replaces what was committed
    with pytest.raises(Refused) as info:
        perform(db, M.close_month, *APRIL, today=AFTER)
    assert info.value.violations[0].code == "MONTH_ALREADY_CLOSED"

    perform(db, M.reopen_month, *APRIL, "Ketidakhadiran tersilap")
    assert not read(db, is_month_locked, *APRIL)
    assert read(db, A.balance, 2026).spent == before.spent
    perform(db, set_absence, pid, date(2026, 4, 15))
    again = perform(db, M.close_month, *APRIL, today=AFTER).result
    assert again.version == 2
    data2 = read(db, M.return_data, *APRIL)
    assert data2.meta.version == 2 and data2.psh[0].absent_days == p.absent_days + 1


def test_refusals(db, office):
    with pytest.raises(Refused) as info:
        perform(db, M.close_month, 2026, 5, today=date(2026, 5, 20))
    assert info.value.violations[0].code == "MONTH_NOT_OVER"
    with pytest.raises(Refused) as info:
        read(db, M.return_data, *APRIL)
    assert info.value.violations[0].code == "MONTH_NOT_CLOSED"
    with pytest.raises(Refused) as info:
        perform(db, M.reopen_month, *APRIL, "x")
    assert info.value.violations[0].code == "MONTH_NOT_CLOSED"
    with pytest.raises(Refused) as info:
        perform(db, M.close_month, 2026, 13, today=AFTER)
    assert info.value.violations[0].code == "INVALID_MONTH"


def test_a_tampered_snapshot_is_refused(db, office):
    import sqlalchemy as sa

    perform(db, M.close_month, *APRIL, today=AFTER)
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE month_close SET snapshot = replace(snapshot, '54.00', "
                             "'99.00')"))
    with pytest.raises(Refused) as info:
        read(db, M.return_data, *APRIL)
    assert info.value.violations[0].code == "SNAPSHOT_TAMPERED"


def test_cli_close_and_export_then_verify(db, office, tmp_path):
    from desktop.returns.readback import verify_return

    if not db.is_sqlite:
        pytest.skip("the CLI is exercised on the SQLite file")
    out = tmp_path / "penyata.xlsx"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    export = [sys.executable, "-m", "desktop", "--db", db.path, "export-return", "2026-04",
              "--out", str(out)]
    refused = subprocess.run(export, capture_output=True, text=True, env=env)
    assert refused.returncode == 1 and "belum ditutup" in refused.stderr
    # the CLI closes with today's date; April 2026 is over by the time this runs
    closed = subprocess.run([sys.executable, "-m", "desktop", "--db", db.path, "close-month",
                             "2026-04"], capture_output=True, text=True, env=env)
    assert closed.returncode == 0, closed.stderr
    done = subprocess.run(export, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    check = verify_return(out)
    assert check.ok, check.problems_ms
    bad = subprocess.run([sys.executable, "-m", "desktop", "--db", db.path, "close-month",
                          "2026-4x"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2
