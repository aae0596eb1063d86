"""The register workbook: its sheets and columns (read back by ``reader``) and the blank template.

File format (what an office fills in):

- Sheets ``Premis``, ``Gred``, ``Pegawai``, ``Jawatan``, ``Kekosongan`` (names matched in any
  case); any other sheet is ignored, among them ``Panduan`` (the instructions) and the hidden
  ``Senarai`` (the lists behind the drop-downs).
- Row 1 of each sheet holds the headers of :data:`HEADERS` (matched in any case and spacing, in
  any order; ``Bil.`` may be left out). Data starts on row 2; empty rows are skipped.
- A row whose ``Bil.`` cell starts with "Contoh" is an example and is skipped: the template has
  one or two, in grey italics. They may be left in place or deleted.
- Posts have no code of their own: the ``Rujukan`` of a ``Jawatan`` row (any short text, unique
  in the file) is what a ``Kekosongan`` row names in ``Rujukan Jawatan``.
- Premises and grades are named by their codes and officers by their MyKad number, whether they
  are rows of the same file or already in the registers.
- Dates are Excel dates or text dd/mm/yyyy (or yyyy-mm-dd); amounts are numbers or text such as
  "1,800.00" or "RM 1800". Formulas and merged cells are refused (never calculated).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from desktop.rules import STATES
from desktop.rules.enums import PremisesKind, Qualification, VacancyKind
from desktop.rules.vacancy_enums import VacancyReason
from desktop.services.register_import import (
    HEADERS,
    NUMBER,
    SHEET_GRADES,
    SHEET_POSTS,
    SHEET_PREMISES,
    SHEET_STAFF,
    SHEET_VACANCIES,
    GradeIn,
    PostIn,
    PremisesIn,
    StaffIn,
    VacancyIn,
)
from desktop.services.staff import QUALIFICATION_NAMES_MS

GUIDE_SHEET = "Panduan"
LISTS_SHEET = "Senarai"
EXAMPLE_MARK = "Contoh"  # in the Bil. column: the row is an example and is not imported
VALIDATED_ROWS = 5000  # the drop-down lists cover rows 2 to this

# cell kinds: how the reader turns a cell into a value
TEXT, MYKAD, DATE, MONEY, NUMBER_KIND = "text", "mykad", "date", "money", "number"


@dataclass(frozen=True)
class Column:
    field: str
    kind: str
    width: int
    help_ms: str
    required: bool = True  # as the Panduan says; the services decide
    choices: str | None = None  # the list in the Senarai sheet offered as a drop-down


@dataclass(frozen=True)
class Sheet:
    name: str
    row_type: type
    columns: tuple[Column, ...]
    examples: tuple[tuple, ...]  # values in column order, Bil. included

    def header(self, column: Column) -> str:
        return HEADERS[self.name][column.field]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(self.header(c) for c in self.columns)


_BIL = Column(NUMBER, NUMBER_KIND, 8, f"Nombor siri (tidak diimport); '{EXAMPLE_MARK}' menandakan "
              "baris contoh yang tidak diimport.", required=False)

LAYOUT: tuple[Sheet, ...] = (
    Sheet(SHEET_PREMISES, PremisesIn, (
        _BIL,
        Column("code", TEXT, 16, "Kod premis: huruf, nombor, '.', '/' atau '-' (unik)."),
        Column("name", TEXT, 40, "Nama premis."),
        Column("kind", TEXT, 10, "TABIKA atau TASKA.", choices="premises_kind"),
        Column("state", TEXT, 9, "Kod negeri (lihat jadual di bawah) atau nama negeri.",
               choices="state"),
        Column("district", TEXT, 18, "Daerah.", required=False),
        Column("address", TEXT, 40, "Alamat.", required=False),
    ), (
        (EXAMPLE_MARK, "SGR-TBK-001", "Tabika Perpaduan Taman Melati", "TABIKA", "SGR",
         "Gombak", "Jalan Melati 3, 53100 Kuala Lumpur"),
    )),
    Sheet(SHEET_GRADES, GradeIn, (
        _BIL,
        Column("code", TEXT, 10, "Kod gred, contohnya S17 (unik)."),
        Column("title", TEXT, 30, "Nama gred."),
        Column("starting_salary", MONEY, 20, "Gaji permulaan gred (RM), jika diketahui; diisi "
               "bersama tarikh berkuat kuasa.", required=False),
        Column("salary_from", DATE, 16, "Tarikh gaji permulaan itu berkuat kuasa (dd/mm/yyyy).",
               required=False),
    ), (
        (EXAMPLE_MARK, "S17", "Pembantu Pendidik", 1800, "01/01/2024"),
    )),
    Sheet(SHEET_STAFF, StaffIn, (
        _BIL,
        Column("name", TEXT, 32, "Nama penuh pegawai."),
        Column("mykad", MYKAD, 17, "No. MyKad, contohnya 850315-10-5432 (unik)."),
        Column("grade", TEXT, 8, "Kod gred (dalam helaian Gred atau daftar sedia ada)."),
        Column("qualification", TEXT, 12, "Kelayakan akademik tertinggi.",
               choices="qualification"),
        Column("service_start", DATE, 16, "Tarikh mula berkhidmat (dd/mm/yyyy)."),
        Column("confirmed_on", DATE, 16, "Tarikh disahkan dalam perkhidmatan, jika sudah.",
               required=False),
    ), (
        (EXAMPLE_MARK, "Siti Aminah binti Ali", "850315-10-5432", "S17", "SPM", "01/03/2015",
         "01/03/2018"),
    )),
    Sheet(SHEET_POSTS, PostIn, (
        _BIL,
        Column("ref", TEXT, 10, "Rujukan jawatan dalam fail ini (unik), untuk helaian "
               "Kekosongan.", required=False),
        Column("premises", TEXT, 16, "Kod premis (dalam helaian Premis atau daftar sedia ada)."),
        Column("grade", TEXT, 8, "Kod gred jawatan."),
        Column("incumbent", MYKAD, 20, "No. MyKad penyandang (dalam helaian Pegawai atau daftar "
               "sedia ada); kosongkan jika jawatan kosong.", required=False),
        Column("incumbent_since", DATE, 16, "Tarikh penyandang mula menyandang jawatan ini.",
               required=False),
    ), (
        (EXAMPLE_MARK, "J1", "SGR-TBK-001", "S17", "850315-10-5432", "01/03/2015"),
        (EXAMPLE_MARK, "J2", "SGR-TBK-001", "S17", "", ""),
    )),
    Sheet(SHEET_VACANCIES, VacancyIn, (
        _BIL,
        Column("post_ref", TEXT, 16, "Rujukan jawatan (lajur Rujukan dalam helaian Jawatan)."),
        Column("kind", TEXT, 10, "HAKIKI (jawatan tiada penyandang) atau OPERASI (penyandang "
               "tiada sementara).", choices="vacancy_kind"),
        Column("reason", TEXT, 44, "Sebab kekosongan (mesti sebab bagi jenisnya).",
               choices="reason"),
        Column("opened_on", DATE, 17, "Tarikh jawatan kosong (dd/mm/yyyy)."),
        Column("expected_end", DATE, 17, "Operasi sahaja: tarikh penyandang dijangka kembali.",
               required=False),
        Column("notes", TEXT, 30, "Catatan.", required=False),
    ), (
        (EXAMPLE_MARK, "J2", "HAKIKI", VacancyReason.RETIRED.label_ms, "01/02/2025", "", ""),
    )),
)


def _lists() -> dict[str, list[str]]:
    return {
        "premises_kind": [k.value for k in PremisesKind],
        "state": list(STATES),
        "qualification": [QUALIFICATION_NAMES_MS[q] for q in Qualification],
        "vacancy_kind": [k.value for k in VacancyKind],
        "reason": [r.label_ms for r in VacancyReason],
    }


_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", start_color="1F4E78")
_EXAMPLE_FONT = Font(italic=True, color="808080")


def write_template(path) -> Path:
    """Write the blank register workbook (instructions, headers, drop-downs, examples)."""
    path = Path(path)
    wb = Workbook()
    guide = wb.active
    guide.title = GUIDE_SHEET
    lists = wb.create_sheet(LISTS_SHEET)
    ranges = _write_lists(lists)
    for sheet in LAYOUT:
        _write_sheet(wb.create_sheet(sheet.name), sheet, ranges)
    _write_guide(guide)
    wb.move_sheet(lists, offset=len(LAYOUT))  # last: after the sheets the user fills
    lists.sheet_state = "hidden"
    lists.protection.sheet = True
    wb.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _write_lists(ws) -> dict[str, str]:
    """One column per list; returns each list's range as a data-validation formula."""
    ranges = {}
    for col, (name, values) in enumerate(_lists().items(), start=1):
        letter = get_column_letter(col)
        ws.cell(1, col, name)
        for row, value in enumerate(values, start=2):
            ws.cell(row, col, value)
        ranges[name] = (f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}$"
                        f"{len(values) + 1}")
    return ranges


def _write_sheet(ws, sheet: Sheet, ranges: dict[str, str]) -> None:
    for col, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(1, col, sheet.header(column))
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = column.width
        if column.choices:
            dv = DataValidation(type="list", formula1=ranges[column.choices], allow_blank=True,
                                showErrorMessage=True, errorTitle="Nilai tidak sah",
                                error="Pilih daripada senarai.")
            dv.add(f"{letter}2:{letter}{VALIDATED_ROWS}")
            ws.add_data_validation(dv)
    for row, values in enumerate(sheet.examples, start=2):
        for col, (column, value) in enumerate(zip(sheet.columns, values, strict=True), start=1):
            if value in ("", None):
                continue
            cell = ws.cell(row, col, value)
            cell.font = _EXAMPLE_FONT
            if column.kind == MONEY:
                cell.number_format = "#,##0.00"
            elif column.kind in (MYKAD, DATE, TEXT):
                cell.number_format = "@"  # shown as typed, never turned into a number
    ws.freeze_panes = "A2"


def _write_guide(ws) -> None:
    bold = Font(bold=True)
    lines: list[tuple[str, ...] | str] = [
        "Templat import daftar IsiTugas",
        "",
        "1. Isi helaian Premis, Gred, Pegawai, Jawatan dan Kekosongan; satu baris bagi setiap "
        "rekod, mulai baris 2.",
        "2. Jangan ubah tajuk lajur pada baris 1 dan jangan namakan semula helaian.",
        f"3. Baris yang lajur Bil.-nya bertanda '{EXAMPLE_MARK}' (huruf condong kelabu) ialah "
        "contoh dan tidak diimport; boleh dibiarkan atau dipadam.",
        "4. Jangan cantumkan sel dan jangan gunakan formula: taip nilainya sahaja.",
        "5. Tarikh: tarikh Excel atau teks dd/mm/yyyy. Amaun: nombor, contohnya 1800 atau "
        "1,800.00.",
        "6. Premis dan gred dirujuk dengan kodnya, pegawai dengan No. MyKad, dan jawatan dengan "
        "Rujukan dalam helaian Jawatan.",
        "7. Semua atau tiada: jika ada satu kesilapan, tiada apa-apa disimpan dan setiap baris "
        "serta sel yang salah disenaraikan.",
        "",
    ]
    for sheet in LAYOUT:
        lines.append(f"Helaian {sheet.name}")
        lines.append(("Lajur", "Wajib", "Keterangan"))
        for column in sheet.columns:
            lines.append((sheet.header(column), "Ya" if column.required else "Tidak",
                          column.help_ms))
        lines.append("")
    lines.append("Kod negeri")
    lines.append(("Kod", "Negeri"))
    lines.extend((code, name) for code, (name, _pb) in STATES.items())
    lines.append("")
    lines.append("Sebab kekosongan")
    lines.append(("Jenis", "Sebab"))
    lines.extend((r.kind.value, r.label_ms) for r in VacancyReason)

    for row, line in enumerate(lines, start=1):
        values = (line,) if isinstance(line, str) else line
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            if isinstance(line, tuple) and line[0] in ("Lajur", "Kod", "Jenis"):
                cell.font = bold
        if isinstance(line, str) and (line.startswith("Helaian") or line in (
                "Kod negeri", "Sebab kekosongan", lines[0])):
            ws.cell(row, 1).font = Font(bold=True, size=12 if row > 1 else 14)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 44
    ws.column_dimensions["C"].width = 80
