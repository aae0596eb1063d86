"""One writer program per SQLite file: the OS-level lock, its message and a crashed holder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.rules import Refused
from desktop.services import db_lock

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_holder_is_refused_with_the_first_ones_name(tmp_path):
    url = str(tmp_path / "office.sqlite")
    first = db_lock.acquire(url, "tetingkap IsiTugas")
    try:
        with pytest.raises(Refused) as info:
            db_lock.acquire(url, "isitugas close-month")
        violation = info.value.violations[0]
        assert violation.code == "DATABASE_IN_USE"
        assert violation.message_ms.startswith("Pangkalan data ini sedang dibuka oleh ")
        assert "tetingkap IsiTugas" in violation.message_ms
        assert f"proses {os.getpid()}" in violation.message_ms
    finally:
        first.release()
    with db_lock.hold(url, "isitugas close-month") as again:
        assert again.held
    assert db_lock.read_holder(url) == {}


def test_postgresql_needs_no_lock():
    assert db_lock.acquire("postgresql://u@server/isitugas", "x") is None


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    url = str(tmp_path / "office.sqlite")
    code = ("import sys; from desktop.services import db_lock; "
            f"lock = db_lock.acquire({url!r}, 'tetingkap'); print('held', flush=True); "
            "sys.stdin.read()")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(Refused) as info:
            db_lock.acquire(url, "isitugas demo")
        assert f"proses {proc.pid}" in info.value.message("ms")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    lock = db_lock.acquire(url, "isitugas demo")  # the OS released the dead holder's lock
    assert lock.held
    lock.release()
