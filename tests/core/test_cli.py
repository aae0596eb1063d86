"""The headless CLI: exit codes, Malay and English messages, no Qt on its paths."""

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args, env_extra=None):
    import os

    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_check_on_a_sound_database(tmp_path, capsys):
    from desktop.services.database import open_database

    open_database(str(tmp_path / "ok.sqlite")).dispose()
    assert main(["--db", str(tmp_path / "ok.sqlite"), "check"]) == 0
    assert "OK: pangkalan data sihat." in capsys.readouterr().out


def test_check_on_a_broken_file_exits_1_in_malay(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 500)
    assert main(["--db", str(bad), "check"]) == 1
    assert "bukan pangkalan data" in capsys.readouterr().err


def test_check_in_english(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "missing.sqlite"), "--lang", "en", "check"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite").exists()


def test_headless_commands_never_import_qt(tmp_path):
    code = ("import sys; from desktop.__main__ import main; "
            f"rc = main(['--db', {str(tmp_path / 'q.sqlite')!r}, 'check']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
            "assert 'openpyxl' not in sys.modules and 'reportlab' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_isitugas_db_variable_is_honoured(tmp_path):
    target = tmp_path / "from-env.sqlite"
    result = run("check", env_extra={"ISITUGAS_DB": str(target)})
    assert result.returncode == 1 and str(target) in result.stderr
