"""Register workbooks for the tests: the blank template filled with openpyxl, as a clerk would.

``good_workbook(tmp_path)`` returns the open workbook (to break before saving) and a map of the
row number each record landed on, so that expected messages name the row by hand-checkable facts.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl

from desktop.imports.template import write_template

# Synthetic MyKad numbers (valid dates and Malaysian birthplace codes, no real people):
SITI = "850315-10-5432"  # born 15/03/1985, Selangor, even last digit: perempuan
NURUL = "920720-08-6124"  # born 20/07/1992, Perak
AMIR = "010203-14-5671"  # born 03/02/2001, Kuala Lumpur; a leading zero Excel would drop

PREMISES = [
    [1, "SGR-TBK-001", "Tabika Perpaduan Taman Melati", "TABIKA", "SGR", "Gombak",
     "Jalan Melati 3, 53100 Kuala Lumpur"],
    # kind and state as their Malay names, not codes
    [2, "sgr-tsk-002", "Taska PERMATA Perpaduan Seri Kembangan", "Taska PERMATA Perpaduan",
     "Selangor", "Petaling", None],
]
GRADES = [
    [1, "S17", "Pembantu Pendidik", 1800, "01/01/2024"],  # a number and a text date
    [2, "S27", "Pendidik", "RM 2,100.50", datetime(2024, 1, 1)],  # a text amount, an Excel date
]
STAFF = [
    [1, "Siti Aminah binti Ali", SITI, "S17", "SPM", "01/03/2015", "01/03/2018"],
    # typed without dashes, so Excel holds it as a number
    [2, "Nurul Huda binti Osman", int(NURUL.replace("-", "")), "S27", "Diploma",
     datetime(2016, 7, 1), None],
    [3, "Amir bin Hassan", int(AMIR.replace("-", "")), "s17", "Bawah SPM", "2022-01-03", None],
]
POSTS = [
    [1, "J1", "SGR-TBK-001", "S17", SITI, "01/03/2015"],
    [2, "J2", "SGR-TBK-001", "S27", NURUL, "01/07/2016"],
    [3, "J3", "SGR-TSK-002", "S17", None, None],
    [4, "J4", "SGR-TSK-002", "S17", AMIR, "03/01/2022"],
]
VACANCIES = [
    [1, "J3", "HAKIKI", "Penyandang bersara", "01/02/2025", None, "Bersara wajib"],
    [2, "j4", "operasi", "COURSE", datetime(2025, 3, 1), "30/06/2025", None],
]
SHEET_ROWS = {"Premis": PREMISES, "Gred": GRADES, "Pegawai": STAFF, "Jawatan": POSTS,
              "Kekosongan": VACANCIES}


def append(ws, values) -> int:
    """Add a row after the last one (the template's examples stay above); its row number."""
    ws.append(list(values))
    return ws.max_row


def good_workbook(tmp_path: Path):
    """The template filled with the records above -> (workbook, {sheet: [row numbers]})."""
    template = write_template(tmp_path / "templat.xlsx")
    wb = openpyxl.load_workbook(template)
    rows = {sheet: [append(wb[sheet], values) for values in data]
            for sheet, data in SHEET_ROWS.items()}
    return wb, rows


def save(wb, tmp_path: Path, name: str = "daftar.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def good_file(tmp_path: Path, name: str = "daftar.xlsx") -> Path:
    wb, _rows = good_workbook(tmp_path)
    return save(wb, tmp_path, name)


def replace_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    """A copy of the zip ``source`` with ``member`` replaced by ``data`` (built by hand)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, data if info.filename == member else src.read(info.filename))
    return target


def sheet_part(path: Path, title: str) -> str:
    """The zip member holding the sheet called ``title`` (read with openpyxl's own map)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return wb[title]._worksheet_path.lstrip("/")
    finally:
        wb.close()


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<dimension ref="A1:B2"/>
<sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Bil.</t></is></c><c r="B1" t="inlineStr"><is><t>&lol9;</t></is></c></row>
</sheetData>
</worksheet>
"""
