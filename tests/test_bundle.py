"""The PyInstaller bundle (installer/isitugas.spec) builds and works on this machine.

The Windows installer packs the same one-folder build, so a module or a data file the spec
fails to collect shows up here first: the bundle's own ``--self-test``, then the headless
commands that need migrations, holidays, babel, reportlab's fonts and the letters' resources.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "isitugas.spec"
ISS = ROOT / "installer" / "isitugas.iss"
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """Build the one-folder bundle once for this module (about a minute on two cores)."""
    if sys.platform.startswith("linux"):
        # PyInstaller's own tools on Linux (binutils): not on a bare Debian
        missing = [tool for tool in ("objdump", "objcopy") if shutil.which(tool) is None]
        assert not missing, (f"PyInstaller needs {', '.join(missing)}: apt-get install binutils "
                             "(and libpython3-dev for Debian's python3); see installer/README.md")
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    shutil.rmtree(out / "build", ignore_errors=True)
    folder = out / "dist" / "IsiTugas"
    assert (folder / f"isitugas{EXE}").is_file()
    yield folder
    shutil.rmtree(out, ignore_errors=True)  # a quarter of a gigabyte per run


@pytest.fixture
def run(bundle, tmp_path):
    """Run the bundle's ``isitugas`` in a clean environment: its own data folder, offscreen Qt,
    and nothing that could let it find the source checkout instead of what it carries."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "ISITUGAS_DB")}
    env.update(QT_QPA_PLATFORM="offscreen", ISITUGAS_HOME=str(tmp_path / "home"))

    def run_(*args: str, exe: str = "isitugas") -> subprocess.CompletedProcess:
        return subprocess.run([str(bundle / f"{exe}{EXE}"), *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
    return run_


@pytest.mark.slow
def test_bundle_passes_its_self_test(run):
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ujian kendiri lulus." in result.stdout
    assert "GAGAL" not in result.stdout
    # psycopg's own libpq wrapper: a PC without PostgreSQL installed has no libpq to fall back on
    assert "(binary)" in result.stdout
    # the rules catalogue walks desktop.rules with pkgutil: the frozen app must find every
    # module the source tree has
    from desktop.rules.catalogue import all_rules

    found = re.search(r"(\d+) peraturan dalam katalog", result.stdout)
    assert found and int(found.group(1)) == len(all_rules()), result.stdout
    # the user guide travels whole: every page and screenshot of docs/panduan
    guide = ROOT / "docs" / "panduan"
    pages, images = len(list(guide.glob("*.md"))), len(list(guide.glob("img/*.png")))
    assert f"panduan {pages} halaman {images} gambar" in result.stdout, result.stdout


@pytest.mark.slow
def test_console_twin_is_the_same_program(run):
    # Windows users run the headless commands with isitugas-cli.exe (isitugas.exe has no
    # console); both come from the same analysis, so they must report the same version
    for exe in ("isitugas", "isitugas-cli"):
        result = run("--version", exe=exe)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"IsiTugas {__version__}"


@pytest.mark.slow
def test_bundle_makes_the_demo_office_and_prints_a_letter(run, tmp_path):
    from pypdf import PdfReader

    db = tmp_path / "x.sqlite"
    demo = run("--db", str(db), "demo")  # migrations from files, holidays, geo and names
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "Selangor" in demo.stdout

    pdf = tmp_path / "f.pdf"
    letter = run("--db", str(db), "letter", "psh-offer", "1", "--out", str(pdf))
    assert letter.returncode == 0, letter.stdout + letter.stderr
    reference = letter.stdout.strip().splitlines()[-1]
    assert reference.startswith("JPNIN.SGR.")

    reader = PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert reference in " ".join(text.split())
    fonts = {str(font.get_object()["/BaseFont"])
             for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    # the letters' own fonts (resources/fonts), embedded as TrueType subsets
    assert any("LiberationSans" in name for name in fonts), fonts


@pytest.mark.slow
def test_bundle_carries_only_the_qt_modules_the_app_uses(bundle):
    internal = bundle / "_internal"
    bindings = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.*")
                if p.suffix in (".so", ".pyd")}
    assert bindings == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}


@pytest.mark.slow
def test_bundle_keeps_only_malay_and_english_locale_data(bundle):
    locales = {p.stem.split("_")[0] for p in (bundle / "_internal" / "babel" / "locale-data")
               .glob("*.dat")}
    assert locales == {"root", "en", "ms"}


def _iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
        elif line and not line.startswith((";", "#")):
            sections.setdefault(current, []).append(line)
    return sections


def test_installer_is_per_machine_and_deletes_nothing_outside_its_folder():
    sections = _iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}")
    # the user's data (desktop.paths.data_dir) is never the install folder: an uninstall or an
    # upgrade removes program files only
    assert "UninstallDelete" not in sections
    for line in sections.get("InstallDelete", []):
        assert re.search(r'Name: "\{app\}\\', line), line
