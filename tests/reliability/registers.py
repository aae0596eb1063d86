"""A register workbook of a made-up office, large enough that importing it takes a moment.

Built from the import template as a clerk fills it (openpyxl), with synthetic MyKad numbers:
valid dates of birth, birthplace code 10 (Selangor), no real people.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from desktop.imports.template import write_template


def mykad(i: int) -> str:
    """A distinct, well-formed MyKad number for each ``i`` (born 1970-1998)."""
    born = date(1970 + i % 29, 1 + i % 12, 1 + i % 28)
    return f"{born:%y%m%d}-10-{1000 + i % 9000:04d}"


def register_file(folder: Path, premises: int = 60, name: str = "daftar.xlsx") -> Path:
    """``premises`` Tabika, each with a teacher's and an assistant's post, all held, and two
    grades with their starting salaries: 3 x ``premises`` rows and more."""
    wb = openpyxl.load_workbook(write_template(folder / "templat.xlsx"))
    wb["Gred"].append([1, "S17", "Pembantu Pendidik", 1800, "01/01/2024"])
    wb["Gred"].append([2, "S22", "Guru Tabika", "2100.50", "01/01/2024"])
    n = 0
    for p in range(1, premises + 1):
        code = f"SGR-TBK-{p:03d}"
        wb["Premis"].append([p, code, f"Tabika Perpaduan Kampung {p}", "TABIKA", "SGR",
                             "Gombak", f"Jalan {p}, 68100 Batu Caves"])
        for grade in ("S22", "S17"):
            n += 1
            card = mykad(n)
            wb["Pegawai"].append([n, f"Pegawai Nombor {n}", card, grade, "SPM", "01/03/2015",
                                  "01/03/2018"])
            wb["Jawatan"].append([n, f"J{n}", code, grade, card, "01/03/2015"])
    path = folder / name
    wb.save(path)
    return path
