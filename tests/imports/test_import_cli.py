"""`isitugas import-template` and `isitugas import-register [--dry-run]`, run as a user would."""

import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from desktop.services import premises as PR
from desktop.services.unit import read
from tests.imports.workbooks import good_file, good_workbook, save

ROOT = Path(__file__).resolve().parents[2]


def cli(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this checkout, not an installed copy
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_import_template_writes_the_template(tmp_path):
    out = tmp_path / "templat daftar.xlsx"
    result = cli("import-template", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Templat ditulis: {out}"
    assert openpyxl.load_workbook(out).sheetnames[:6] == [
        "Panduan", "Premis", "Gred", "Pegawai", "Jawatan", "Kekosongan"]


def test_import_template_needs_out(tmp_path):
    assert cli("import-template").returncode == 2


def test_import_template_into_a_missing_folder_is_refused(tmp_path):
    blocker = tmp_path / "fail"
    blocker.write_text("not a folder")
    result = cli("import-template", "--out", blocker / "templat.xlsx")
    assert result.returncode == 1
    assert result.stderr.startswith("Templat tidak dapat ditulis ke ")


def test_import_register_saves_and_says_what(db, tmp_path, counts):
    result = cli("--db", db.url, "import-register", good_file(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "Diimport daripada daftar.xlsx: 2 premis, 2 gred (2 gaji permulaan), 3 pegawai, "
        "4 jawatan (3 bersama penyandang), 2 kekosongan.")
    assert [p.code for p in read(db, PR.list_premises)] == ["SGR-TBK-001", "SGR-TSK-002"]


def test_dry_run_of_a_good_file_saves_nothing(db, tmp_path, counts):
    before = counts()
    result = cli("--db", db.url, "import-register", good_file(tmp_path), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "Semakan lulus (--dry-run, tiada apa-apa disimpan): daftar.xlsx akan mengimport "
        "2 premis, 2 gred (2 gaji permulaan), 3 pegawai, 4 jawatan (3 bersama penyandang), "
        "2 kekosongan.")
    assert counts() == before


def broken(tmp_path):
    wb, rows = good_workbook(tmp_path)
    p1, g1 = rows["Premis"][0], rows["Gred"][0]
    wb["Premis"][f"E{p1}"] = "XYZ"
    wb["Gred"][f"D{g1}"] = "seribu"
    return save(wb, tmp_path, "rosak.xlsx"), p1, g1


def test_a_broken_file_exits_1_listing_every_problem(db, tmp_path, counts):
    path, p1, g1 = broken(tmp_path)
    before = counts()
    for extra in ((), ("--dry-run",)):
        result = cli("--db", db.url, "import-register", path, *extra)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            "rosak.xlsx tidak diimport; tiada apa-apa disimpan. 2 masalah:",
            f"Premis, baris {p1}, Negeri: Negeri 'XYZ' tidak dikenali.",
            f"Gred, baris {g1}, Gaji Permulaan (RM): 'seribu' bukan nombor; taip amaun dalam "
            "angka, contohnya 1800.00.",
        ]
        assert counts() == before


def test_a_broken_file_in_english(db, tmp_path):
    path, p1, _g1 = broken(tmp_path)
    result = cli("--db", db.url, "--lang", "en", "import-register", path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "rosak.xlsx was not imported; nothing was saved. 2 problem(s):"
    assert lines[1] == f"Premis, row {p1}, Negeri: Unknown state 'XYZ'."


def test_a_file_that_is_not_a_workbook_exits_1_naming_it(db, tmp_path, counts):
    path = tmp_path / "pegawai.xlsx"
    path.write_text("Nama,MyKad\n")
    before = counts()
    result = cli("--db", db.url, "import-register", path)
    assert result.returncode == 1
    assert result.stderr.strip() == ("Fail pegawai.xlsx bukan buku kerja Excel (.xlsx) yang sah "
                                     "atau telah rosak.")
    assert counts() == before


def test_an_unreadable_file_never_creates_the_database(tmp_path):
    target = tmp_path / "baru.sqlite"
    result = cli("--db", target, "import-register", tmp_path / "tiada.xlsx")
    assert result.returncode == 1 and "tiada.xlsx tidak wujud" in result.stderr
    assert not target.exists()


def test_import_register_usage(tmp_path):
    assert cli("import-register").returncode == 2
