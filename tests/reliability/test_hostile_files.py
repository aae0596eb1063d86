"""Broken and hostile spreadsheets (issue 8, item 7) for import-register and consolidate.

Every file of the corpus (tests/reliability/brokenfiles.py: not a zip, random bytes, a
truncated zip, a 2 GiB zip bomb with its size declared and with it hidden, a billion-laughs XML
bomb, an external entity, a million rows, a 30-million-character cell, formulas, wrong types;
and for returns a forged checksum) goes through the real command, ``isitugas import-register``
or ``isitugas consolidate``, in its own process. Each must exit 1 with a Malay message naming
the file and no traceback, save and write nothing, and stay within a wall-clock budget and a
peak memory (the child's own VmHWM, read by the child as it exits: ru_maxrss would also count
the pytest process it was forked from). These are bounds, not benchmarks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.returns import write_return
from tests.imports.workbooks import good_file
from tests.reliability import brokenfiles as B
from tests.returns.conftest import sample

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 90.0  # a bound for a loaded CI machine; most files are refused in about a second
PEAK_MB = 700  # the child's whole peak, Python and its libraries included (about 100 MB idle)


# The child reports its own peak resident memory as it exits. ru_maxrss from wait4 cannot be
# used: Linux carries the forking parent's high-water mark (a pytest process grown to hundreds
# of MB late in a full run) over into the child's.
CHILD = """
import atexit, os, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["ISITUGAS_TEST_PEAK"], "w") as out:
        out.write(kb)

atexit.register(_peak)
sys.argv = ["isitugas", *sys.argv[1:]]
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
"""


def run(*args: str) -> tuple[int, str, str, float, float]:
    """(exit code, stdout, stderr, seconds, peak MB) of ``python -m desktop ARGS``."""
    peak_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"isitugas-peak-{os.getpid()}.txt"
    env = dict(os.environ, PYTHONPATH=str(ROOT), ISITUGAS_TEST_PEAK=str(peak_file))
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    seconds = time.monotonic() - t0
    peak_mb = int(peak_file.read_text()) / 1024
    peak_file.unlink()
    return proc.returncode, proc.stdout, proc.stderr, seconds, peak_mb


def assert_refused(path: Path, code: int, out: str, err: str, seconds: float, peak: float):
    assert code == 1, (code, out, err)
    assert "Traceback" not in err and err.strip(), err
    assert path.name in err, err  # the message names the file
    first = err.splitlines()[0]
    assert any(w in first for w in ("Fail", "tidak", "bukan")), f"not Malay: {first}"
    assert seconds < SECONDS, f"{path.name}: {seconds:.1f} s"
    assert peak < PEAK_MB, f"{path.name}: {peak:.0f} MB"


@pytest.fixture(scope="module")
def goods(tmp_path_factory):
    folder = tmp_path_factory.mktemp("goods")
    register = good_file(folder)
    ret = write_return(sample(), folder / "SGR-2026-03.xlsx")
    return {"register": (register, B.sheet_member(register, "Premis")),
            "return": (ret, B.sheet_member(ret, "PSH"))}


@pytest.mark.parametrize("case", list(B.CORPUS))
def test_import_register_refuses(goods, tmp_path, case):
    good, member = goods["register"]
    path = B.CORPUS[case](good, member, tmp_path / f"daftar {case}.xlsx")
    db = tmp_path / "pejabat.sqlite"
    code, out, err, seconds, peak = run("--db", str(db), "import-register", str(path))
    assert_refused(path, code, out, err, seconds, peak)
    assert "Diimport" not in out
    if db.exists():  # a file refused before the database was opened leaves none
        from tests.reliability.test_crash_kill import counts

        assert counts(db)["premises"] == 0 and counts(db)["audit_log"] == 0
    if case == "external entity":
        secret = Path(B.XXE_SECRET).read_text().strip()
        assert secret not in err + out


@pytest.mark.parametrize("case", list(B.CORPUS))
def test_consolidate_refuses(goods, tmp_path, case):
    good, member = goods["return"]
    path = B.CORPUS[case](good, member, tmp_path / f"SGR {case}.xlsx")
    national = tmp_path / "NASIONAL.xlsx"
    code, out, err, seconds, peak = run("consolidate", str(path), "--out", str(national))
    assert_refused(path, code, out, err, seconds, peak)
    assert not national.exists()


def test_a_forged_checksum_is_refused(goods, tmp_path):
    """A PSH wage raised and a well-formed but made-up sha256 written into _meta."""
    good, _member = goods["return"]
    path = tmp_path / "SGR dipalsukan.xlsx"
    wb = load_workbook(good)
    wb["PSH"]["Q2"] = 9999.0
    meta = wb["_meta"]
    row = next(r for r in meta.iter_rows() if r[0].value == "sha256")
    row[1].value = "ab" * 32
    wb.save(path)
    national = tmp_path / "NASIONAL.xlsx"
    code, out, err, seconds, peak = run("consolidate", str(path), "--out", str(national))
    assert_refused(path, code, out, err, seconds, peak)
    assert "sha256 tidak sepadan" in err
    assert not national.exists()
