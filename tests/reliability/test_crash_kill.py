"""Crash safety (issue 8, item 5): SIGKILL the app at random moments while it writes, many times.

Each scenario copies a prepared SQLite file, starts ``python -m desktop --db F COMMAND`` on it,
waits until the process has opened the database (its ``-wal`` file appears, or the file itself
for a first start), then kills it after a delay drawn from a seeded RNG between 0 and the
duration an unkilled run took from that moment to its exit. Some kills instead wait for the
write-ahead log to grow (the commit being written) and strike at once. After every kill:

* ``PRAGMA integrity_check`` is ``ok`` and ``isitugas check`` (integrity, schema, audit chain)
  passes;
* the file holds either exactly what it held before (every table's row count) or exactly what an
  unkilled run leaves, never something in between: no half demo, no month closed without its
  snapshot and spending, no half import;
* when the command had printed that it was done, its work is there.

Deliberately not marked ``slow``: CI runs it with the rest (about a minute and a half).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.services.database import check, open_database
from tests.reliability.registers import register_file

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261125
POLL = 0.0005  # seconds between looks at the process and its files
START_TIMEOUT = 60.0  # a process that never opens its database fails the test, never hangs it
WAL_HEADER = 32  # bytes of a write-ahead log that holds no page yet

Counts = dict[str, int]


def env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))  # this checkout, not an installed copy


def start(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), *args], cwd=ROOT,
                            env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def counts(db: Path) -> Counts:
    """Rows in every table of the file (the audit log and alembic_version among them)."""
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


def wal_size(db: Path) -> int:
    try:
        return os.path.getsize(f"{db}-wal")
    except OSError:
        return -1


def wait_until(proc: subprocess.Popen, ready: Callable[[], bool]) -> None:
    """Poll until ``ready()`` or the process ends."""
    deadline = time.monotonic() + START_TIMEOUT
    while proc.poll() is None and not ready():
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"{proc.args} did not start writing within {START_TIMEOUT} s")
        time.sleep(POLL)


@dataclass
class Scenario:
    name: str
    template: Path | None  # the file copied before each run; None: a first start, no file
    args: tuple[str, ...]
    done: str  # what the command prints once its work is committed
    baseline: Path  # what the file holds when the command's work is absent
    window: float | None = None  # kill within this many seconds instead of the whole run
    spread: float = 0.002  # seconds after the log's first pages within which to kill

    def prepare(self, db: Path) -> None:
        remove(db)
        if self.template is not None:
            shutil.copyfile(self.template, db)

    def opened(self, db: Path) -> Callable[[], bool]:
        """The marker that the process has begun on the database."""
        if self.template is None:
            return db.exists
        return lambda: wal_size(db) >= 0


@dataclass
class Reference:
    before: Counts
    after: Counts
    duration: float  # from the marker to the process's exit


def run_unkilled(s: Scenario, db: Path) -> Reference:
    s.prepare(db)
    before = counts(s.baseline)
    proc = start(db, *s.args)
    wait_until(proc, s.opened(db))
    t0 = time.monotonic()
    out, err = proc.communicate(timeout=300)
    duration = time.monotonic() - t0
    assert proc.returncode == 0, err
    assert s.done in out, out
    return Reference(before, counts(db), duration)


@dataclass
class KillLog:
    kills: int = 0
    committed: int = 0  # kills after which the work was found saved
    rolled_back: int = 0


def assert_sound(db: Path, s: Scenario, ref: Reference, out: str, k: int) -> str:
    """Every promise after one kill; returns 'after' or 'before' (what the file holds)."""
    where = f"{s.name} kill {k}"
    if not db.exists():
        assert s.template is None and s.done not in out, where
        return "before"
    assert integrity(db) == "ok", where
    if s.template is None:
        # a first start killed before its migration committed leaves a file without the
        # schema: the next start must set it up as if it were new (then it is the baseline)
        open_database(str(db)).dispose()
    health = check(str(db))
    assert health.ok, (where, health.problems_en)
    found = counts(db)
    if found == ref.after:
        return "after"
    assert s.done not in out, f"{where}: the command said it was done but its work is missing"
    half = {t: (ref.before.get(t), ref.after.get(t), n) for t, n in found.items()
            if n != ref.before.get(t)}
    assert found == ref.before, f"{where}: half-saved (before, after, found): {half}"
    return "before"


def kill_many(s: Scenario, db: Path, ref: Reference, rng: random.Random, uniform: int,
              at_commit: int) -> KillLog:
    """``uniform`` kills at a random moment of the run and ``at_commit`` as the log grows."""
    log = KillLog()
    plan = ["uniform"] * uniform + ["commit"] * at_commit
    attempts = 0
    while plan:
        attempts += 1
        assert attempts <= 3 * (uniform + at_commit), f"{s.name}: too many runs ended unkilled"
        how = plan[0]
        s.prepare(db)
        proc = start(db, *s.args)
        wait_until(proc, s.opened(db))
        if how == "uniform":
            time.sleep(rng.uniform(0, s.window or ref.duration))
        else:  # the first pages reach the log: a commit is being written
            wait_until(proc, lambda: wal_size(db) > WAL_HEADER)
            time.sleep(rng.uniform(0, s.spread))
        if proc.poll() is not None:  # it finished first: not a kill, draw again
            proc.communicate()
            continue
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        plan.pop(0)
        log.kills += 1
        state = assert_sound(db, s, ref, out, log.kills)
        log.committed += state == "after"
        log.rolled_back += state == "before"
    return log


# -- the prepared files ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("crash")
    empty = folder / "empty.sqlite"
    t0 = time.monotonic()
    open_database(str(empty)).dispose()
    migration = time.monotonic() - t0
    demo = folder / "demo.sqlite"
    shutil.copyfile(empty, demo)
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo), "demo"],
                            cwd=ROOT, env=env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for f in (empty, demo):  # closed cleanly: everything is in the main file
        assert not Path(f"{f}-wal").exists()
    return {"empty": empty, "demo": demo, "register": register_file(folder),
            "work": folder / "work.sqlite", "migration": migration}


def closable_month(files) -> str:
    """The latest full month the demo office can close (its data is relative to today)."""
    first = date.today().replace(day=1)
    for _ in range(3):
        first = (first - timedelta(days=1)).replace(day=1)
        month = f"{first:%Y-%m}"
        work = files["work"]
        remove(work)
        shutil.copyfile(files["demo"], work)
        if subprocess.run([sys.executable, "-m", "desktop", "--db", str(work), "close-month",
                           month], cwd=ROOT, env=env(), capture_output=True,
                          timeout=300).returncode == 0:
            return month
    pytest.fail("the demo office cannot close any of the last three months")


def scenario_log(s: Scenario, files, rng, uniform: int, at_commit: int) -> KillLog:
    ref = run_unkilled(s, files["work"])
    assert ref.after != ref.before
    log = kill_many(s, files["work"], ref, rng, uniform, at_commit)
    # and the real command, once, on the last file killed
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(files["work"]),
                             "check"], cwd=ROOT, env=env(), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    print(f"{s.name}: {log} in {ref.duration:.2f} s runs")  # shown with -s
    return log


# -- the scenarios: 16 + 14 + 14 + 8 = 52 kills ------------------------------------------------

def test_killing_demo_generation(files):
    s = Scenario("demo", files["empty"], ("demo",), "Pejabat demo", files["empty"])
    log = scenario_log(s, files, random.Random(SEED), uniform=12, at_commit=4)
    assert log.kills == 16


def test_killing_a_month_close(files):
    month = closable_month(files)
    s = Scenario("close-month", files["demo"], ("close-month", month), "telah ditutup",
                 files["demo"])
    log = scenario_log(s, files, random.Random(SEED + 1), uniform=10, at_commit=4)
    assert log.kills == 14


def test_killing_a_register_import(files):
    s = Scenario("import-register", files["empty"], ("import-register", str(files["register"])),
                 "Diimport daripada", files["empty"])
    log = scenario_log(s, files, random.Random(SEED + 2), uniform=10, at_commit=4)
    assert log.kills == 14


def test_killing_the_first_start_and_its_migration(files):
    """No file yet: the kills land while the schema is being created (within 1.5 times what
    creating it took in this process, or within 50 ms of its first pages reaching the log);
    the next start must open the file as if it were new."""
    s = Scenario("first start", None, ("demo",), "Pejabat demo", files["empty"],
                 window=1.5 * files["migration"], spread=0.05)
    log = scenario_log(s, files, random.Random(SEED + 3), uniform=3, at_commit=5)
    assert log.kills == 8
