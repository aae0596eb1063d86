"""Progress follows the rows; a cancelled write leaves no file (and keeps an older one whole)."""

from __future__ import annotations

import os

import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from desktop.returns import Cancelled, verify_return, write_return

# rows the sample writes: Ringkasan 25; lines 3 + 2 + 1 + 3 + 2, each sheet with a header and a
# Jumlah row (+10); _meta 27 key rows and the sha256 row
SAMPLE_ROWS = 25 + 11 + 10 + 28


def test_progress_runs_to_the_total(tmp_path, data):
    calls = []
    write_return(data, tmp_path / "r.xlsx", progress=lambda done, total: calls.append((done,
                                                                                       total)))
    assert calls[-1] == (SAMPLE_ROWS, SAMPLE_ROWS)
    assert {t for _d, t in calls} == {SAMPLE_ROWS}
    done = [d for d, _t in calls]
    assert done == sorted(done) and len(done) > 10  # many steps, never backwards


def _cancel_after(n):
    asked = []

    def cancel():
        asked.append(1)
        return len(asked) >= n
    return cancel, asked


@pytest.mark.parametrize("after", [1, 30, SAMPLE_ROWS - 1])
def test_cancel_leaves_no_file(tmp_path, data, after):
    before = set(openpyxl_writer.ALL_TEMP_FILES)
    cancel, asked = _cancel_after(after)
    with pytest.raises(Cancelled):
        write_return(data, tmp_path / "r.xlsx", cancel=cancel)
    assert len(asked) == after  # asked between rows, and stopped at once
    assert os.listdir(tmp_path) == []  # neither the file nor a partial temporary one
    # openpyxl's own per-sheet temporary files are gone too
    assert not [p for p in set(openpyxl_writer.ALL_TEMP_FILES) - before if os.path.exists(p)]


def test_cancel_keeps_the_previous_file_whole(tmp_path, data):
    target = tmp_path / "r.xlsx"
    write_return(data, target)
    old = target.read_bytes()
    cancel, _asked = _cancel_after(40)
    with pytest.raises(Cancelled):
        write_return(data, target, cancel=cancel)
    assert target.read_bytes() == old and verify_return(target).ok
    assert os.listdir(tmp_path) == ["r.xlsx"]


def test_cancel_never_asked_to_stop_writes_everything(tmp_path, data):
    cancel, asked = _cancel_after(10**6)
    write_return(data, tmp_path / "r.xlsx", cancel=cancel)
    assert len(asked) == SAMPLE_ROWS and verify_return(tmp_path / "r.xlsx").ok
