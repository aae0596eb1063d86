"""Another program opens the return: LibreOffice headless converts it to CSV with the same values
(as shown, so the RM and date formats are checked too), and its own re-save still verifies.

Skipped only where LibreOffice is not installed; CI installs the Debian package
``libreoffice-calc-nogui``.
"""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest

from desktop.returns import verify_return

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

# CSV filter options: comma, double quote, UTF-8, from line 1, default cell format, English (US)
# locale, quoted text not as text, detect numbers, cells AS SHOWN, no formulas, keep spaces,
# every sheet to its own file (LibreOffice 7.2 and later).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1"


def soffice(tmp_path, convert_to: str, source, outdir) -> None:
    profile = (tmp_path / "lo-profile").as_uri()  # never the user's own profile
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    convert_to, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=180)


@pytest.fixture
def sheets_as_csv(tmp_path, written):
    out = tmp_path / "csv"
    soffice(tmp_path, CSV_FILTER, written, out)
    found = {}
    for path in out.glob("*.csv"):
        sheet = path.stem[len(written.stem) + 1:]  # "<file>-<sheet>.csv"
        with path.open(encoding="utf-8", newline="") as f:
            found[sheet] = list(csv.reader(f))
    return found


def test_psh_sheet_as_csv_has_the_same_values(sheets_as_csv):
    rows = sheets_as_csv["PSH"]
    assert rows[0][:3] == ["Bil", "Nama", "No. KP"] and rows[0][-1] == "SIP Majikan (RM)"
    assert rows[1] == ["1", "Nur Aisyah binti Ahmad", "900101105001", "TBK-001",
                       "Tabika Perpaduan Gombak", "Tabika Perpaduan", "Pembantu Pendidik", "S17",
                       "Hakiki", "SPM", "55.00", "02/03/2026", "31/03/2026", "22", "2", "20",
                       "1,100.00", "121.00", "143.00", "5.25", "18.35", "971.65",
                       "JPNIN.SGR.100-1/2/3 (5)", "2.10", "2.10"]
    # the formula-looking name is text in LibreOffice too, not a computed 0
    assert rows[2][1] == "=SUM(A1:A9)" and rows[2][11:13] == ["16/03/2026", "31/03/2026"]
    assert rows[3][1] == "@Rahim bin Salleh" and rows[3][22] == ""
    assert rows[4] == ["3", "Jumlah"] + [""] * 11 + [
        "52", "3", "49", "2,925.00", "325.00", "383.00", "14.75", "51.65", "2,579.35", "",
        "5.90", "5.90"]
    assert len(rows) == 5


def test_other_sheets_as_csv(sheets_as_csv):
    claims = sheets_as_csv["Tuntutan"]
    assert claims[1][4:] == ["10/03/2026", "Kursus di Shah Alam", "8.5", "42.5", "0", "30.00"]
    assert claims[2][5] == "+Bengkel PERMATA di Kuala Lumpur"
    acting = sheets_as_csv["Tanggung Kerja"]
    assert acting[1][6:] == ["2,345.69", "01/03/2026", "", "31", "586.42"]
    vacancies = sheets_as_csv["Kekosongan"]
    assert vacancies[3][8] == "20/03/2026" and vacancies[3][11] == ""


def test_a_libreoffice_resave_still_verifies(tmp_path, written):
    out = tmp_path / "resaved"
    soffice(tmp_path, "xlsx:Calc MS Excel 2007 XML", written, out)
    resaved = out / written.name
    assert resaved.read_bytes() != written.read_bytes()  # another program's own file
    result = verify_return(resaved)
    assert result.ok, result.problems_ms
