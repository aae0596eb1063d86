"""Read a filled register workbook into plain rows, safely; never writes anything.

Safe against hostile files: openpyxl parses the XML through defusedxml (entity expansion and
external references refused; checked on every read), the file and its unpacked parts have size
limits, the rows read have a limit, and formulas are read as their text (``data_only=False``)
and refused: never calculated. Problems of a cell, a row or a sheet are collected in
``ParsedRegisters.problems`` so that the user sees them all at once; a file that cannot be read
at all (not a workbook, damaged, too large, unsafe, no data) is refused at once, naming it.
The layout (sheets, headers, examples) is in :mod:`desktop.imports.template`.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import ParseError

import openpyxl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from desktop.imports.template import (
    DATE,
    EXAMPLE_MARK,
    LAYOUT,
    MONEY,
    MYKAD,
    Column,
    Sheet,
)
from desktop.services.register_import import (
    NUMBER,
    ImportProblem,
    ParsedRegisters,
    refusal,
)
from desktop.services.validate import GROUPED, Checks, typed_date

__all__ = ["MAX_BYTES", "MAX_ROWS", "MAX_UNPACKED_BYTES", "ParsedRegisters", "read_registers"]

MAX_BYTES = 20 * 1024 * 1024  # the file as stored
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # its parts once unzipped (a "zip bomb" is refused)
MAX_ROWS = 100_000  # rows read in all sheets together, header rows not counted
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls format's signature
_SHOWN_TEXT = 60  # a formula or bad value is quoted up to this many characters


class _TooManyRows(Exception):
    pass


def read_registers(path, *, max_bytes: int | None = None, max_rows: int | None = None,
                   max_unpacked_bytes: int | None = None) -> ParsedRegisters:
    """Read the workbook at ``path`` (laid out as :mod:`desktop.imports.template` writes it).

    The limits default to :data:`MAX_BYTES` (20 MB), :data:`MAX_ROWS` (100,000 rows in all
    sheets) and :data:`MAX_UNPACKED_BYTES`, looked up at each call.

    Raises :class:`~desktop.services.register_import.ImportRefused` (a ``Refused``) naming the
    file when it cannot be read at all; problems of single sheets, rows and cells come back in
    the result's ``problems`` (``import_registers`` and ``preview`` report them with the rest).
    """
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    max_rows = MAX_ROWS if max_rows is None else max_rows
    max_unpacked_bytes = MAX_UNPACKED_BYTES if max_unpacked_bytes is None else max_unpacked_bytes
    path = Path(path)
    name = path.name
    if not openpyxl.DEFUSEDXML:  # OPENPYXL_DEFUSEDXML=False, or defusedxml missing
        raise refusal("IMPORT_UNSAFE_SETUP",
                      "Import dimatikan: pembaca XML selamat (defusedxml) tidak aktif.",
                      "Import is disabled: the safe XML parser (defusedxml) is not active.")
    _check_file(path, name, max_bytes, max_unpacked_bytes)
    try:
        with path.open("rb") as handle, zipfile.ZipFile(path) as archive:
            wb = openpyxl.load_workbook(handle, read_only=True, data_only=False,
                                        keep_links=False)
            try:
                return _read_workbook(wb, archive, name, max_rows)
            finally:
                wb.close()
    except _TooManyRows:
        raise refusal("IMPORT_TOO_MANY_ROWS",
                      f"Fail {name} melebihi had {max_rows:,} baris; bahagikan kepada beberapa "
                      "fail.", f"The file {name} exceeds the limit of {max_rows:,} rows; split "
                      "it into several files.") from None
    except (DefusedXmlException, InvalidFileException, zipfile.BadZipFile, zipfile.LargeZipFile,
            KeyError, ParseError, ValueError, TypeError, IndexError, AttributeError, OSError,
            EOFError) as exc:
        if _unsafe(exc):
            raise refusal("IMPORT_UNSAFE_XML",
                          f"Fail {name} mengandungi XML yang tidak selamat (entiti atau rujukan "
                          "luar) dan tidak dibaca.", f"The file {name} holds unsafe XML "
                          "(entities or external references) and was not read.") from None
        raise _damaged(name) from None


def _unsafe(exc: BaseException | None) -> bool:
    """Whether defusedxml refused the XML (openpyxl wraps its error in a ValueError)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _damaged(name: str):
    return refusal("IMPORT_NOT_XLSX",
                   f"Fail {name} bukan buku kerja Excel (.xlsx) yang sah atau telah rosak.",
                   f"The file {name} is not a valid Excel workbook (.xlsx), or it is damaged.")


def _check_file(path: Path, name: str, max_bytes: int, max_unpacked: int) -> None:
    if not path.is_file():
        raise refusal("IMPORT_NO_FILE", f"Fail {name} tidak wujud.",
                      f"The file {name} does not exist.")
    size = path.stat().st_size
    if size > max_bytes:
        raise refusal("IMPORT_TOO_LARGE",
                      f"Fail {name} terlalu besar ({_mb(size)}); had {_mb(max_bytes)}.",
                      f"The file {name} is too large ({_mb(size)}); the limit is "
                      f"{_mb(max_bytes)}.")
    with path.open("rb") as f:
        head = f.read(len(_OLE2))
    if head == _OLE2:
        raise refusal("IMPORT_NOT_XLSX",
                      f"Fail {name} dalam format Excel lama (.xls); buka dalam Excel dan simpan "
                      "sebagai Buku Kerja Excel (.xlsx).",
                      f"The file {name} is in the old Excel format (.xls); open it in Excel "
                      "and save it as an Excel Workbook (.xlsx).")
    if not zipfile.is_zipfile(path):
        raise _damaged(name)
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _damaged(name) from None
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise refusal("IMPORT_NOT_XLSX",
                      f"Fail {name} ialah fail zip tetapi bukan buku kerja Excel (.xlsx).",
                      f"The file {name} is a zip file but not an Excel workbook (.xlsx).")
    unpacked = sum(m.file_size for m in members)
    if unpacked > max_unpacked:
        raise refusal("IMPORT_TOO_LARGE",
                      f"Fail {name} terlalu besar apabila dibuka ({_mb(unpacked)}); had "
                      f"{_mb(max_unpacked)}.", f"The file {name} is too large once unpacked "
                      f"({_mb(unpacked)}); the limit is {_mb(max_unpacked)}.")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


@dataclass
class _Budget:
    left: int

    def take(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise _TooManyRows


def _fold(text) -> str:
    return " ".join(str(text).split()).casefold()


def _read_workbook(wb, archive: zipfile.ZipFile, name: str, max_rows: int) -> ParsedRegisters:
    by_name = {_fold(ws.title): ws for ws in wb.worksheets}
    missing = [s.name for s in LAYOUT if _fold(s.name) not in by_name]
    budget = _Budget(max_rows)
    if missing:
        if not any(_has_values(ws, budget) for ws in wb.worksheets):
            raise _empty(name)
        raise refusal("IMPORT_MISSING_SHEETS",
                      f"Fail {name} tiada helaian {', '.join(missing)}; gunakan templat import "
                      "daftar.", f"The file {name} has no sheet {', '.join(missing)}; use the "
                      "register import template.")
    rows: dict[str, list] = {}
    problems: list[ImportProblem] = []
    letters: dict[str, dict[str, str]] = {}
    for sheet in LAYOUT:
        reader = _SheetReader(sheet, by_name[_fold(sheet.name)], archive, budget, problems)
        rows[sheet.name] = reader.read()
        letters[sheet.name] = reader.letters
    parsed = ParsedRegisters(
        source=name, premises=tuple(rows[LAYOUT[0].name]), grades=tuple(rows[LAYOUT[1].name]),
        staff=tuple(rows[LAYOUT[2].name]), posts=tuple(rows[LAYOUT[3].name]),
        vacancies=tuple(rows[LAYOUT[4].name]), problems=tuple(problems), letters=letters)
    if not parsed.row_count and not problems:
        raise _empty(name)
    return parsed


def _empty(name: str):
    return refusal("IMPORT_EMPTY",
                   f"Fail {name} kosong: tiada baris data untuk diimport (baris contoh tidak "
                   "dikira).", f"The file {name} is empty: no data rows to import (example "
                   "rows do not count).")


def _has_values(ws, budget: _Budget) -> bool:
    ws.reset_dimensions()
    for values in ws.iter_rows(values_only=True):
        budget.take()
        if any(v is not None and str(v).strip() for v in values):
            return True
    return False


def _merged_ranges(archive: zipfile.ZipFile, ws, budget: _Budget) -> list[str]:
    """The merged ranges of a sheet, read from its XML (read-only sheets do not expose them).

    This pass sees every row first, so a sheet with more rows than the budget has left is
    refused here (reading them would be refused later, after a long parse of a huge sheet)."""
    part = getattr(ws, "_worksheet_path", None)
    if part is None:  # another openpyxl: refuse rather than miss merged cells
        raise AttributeError("worksheet part unknown")
    found = []
    rows = 0
    with archive.open(part.lstrip("/")) as src:
        for _event, element in iterparse(src):
            if element.tag.endswith("}row"):
                rows += 1
                if rows - 1 > budget.left:  # the header row is not counted
                    raise _TooManyRows
            if element.tag.endswith("}mergeCell"):
                found.append(element.get("ref", "?"))
            if not element.tag.endswith("}mergeCells"):
                element.clear()
    return found


@dataclass
class _SheetReader:
    sheet: Sheet
    ws: object
    archive: zipfile.ZipFile
    budget: _Budget
    problems: list[ImportProblem]
    letters: dict[str, str] = field(default_factory=dict)

    def sheet_problem(self, code: str, message_ms: str, message_en: str) -> None:
        self.problems.append(ImportProblem(self.sheet.name, None, None, code, message_ms,
                                           message_en))

    def read(self) -> list:
        merged = _merged_ranges(self.archive, self.ws, self.budget)
        if merged:
            shown = ", ".join(merged[:10]) + (" ..." if len(merged) > 10 else "")
            self.sheet_problem("IMPORT_MERGED_CELLS",
                               f"Sel bercantum tidak dibenarkan ({shown}); nyahcantumkan sel "
                               "dan isi setiap baris sepenuhnya.",
                               f"Merged cells are not allowed ({shown}); unmerge them and fill "
                               "every row in full.")
            return []
        self.ws.reset_dimensions()  # a wrong <dimension> must not hide rows
        rows = self.ws.iter_rows(min_row=1, min_col=1)
        columns = self.match_headers(next(rows, ()))
        if columns is None:
            return []
        out = []
        for number, cells in enumerate(rows, start=2):
            self.budget.take()
            row = self.read_row(number, cells, columns)
            if row is not None:
                out.append(row)
        return out

    def match_headers(self, cells) -> dict[int, Column] | None:
        """Column index -> the column of the layout it holds; None (and a problem) when the
        headers are not the template's."""
        by_header = {_fold(self.sheet.header(c)): c for c in self.sheet.columns}
        found: dict[int, Column] = {}
        unknown, twice = [], []
        for index, cell in enumerate(cells):
            value = cell.value
            text = value.text if isinstance(value, ArrayFormula) else value
            if text is None or not str(text).strip():
                continue
            column = by_header.get(_fold(text))
            if column is None:
                unknown.append(" ".join(str(text).split()))
            elif column in found.values():
                twice.append(self.sheet.header(column))
            else:
                found[index] = column
        missing = [self.sheet.header(c) for c in self.sheet.columns
                   if c not in found.values() and c.field != NUMBER]
        if not (missing or unknown or twice):
            self.letters.update({c.field: get_column_letter(i + 1) for i, c in found.items()})
            return found
        ms, en = [], []
        if missing:
            ms.append("tiada lajur " + ", ".join(missing))
            en.append("missing columns " + ", ".join(missing))
        if unknown:
            ms.append("lajur tidak dikenali " + ", ".join(unknown))
            en.append("unknown columns " + ", ".join(unknown))
        if twice:
            ms.append("lajur berulang " + ", ".join(twice))
            en.append("columns given twice " + ", ".join(twice))
        expected = ", ".join(self.sheet.headers)
        self.sheet_problem("IMPORT_WRONG_HEADERS",
                           f"Tajuk lajur pada baris 1 tidak sepadan dengan templat: "
                           f"{'; '.join(ms)}. Tajuk yang dijangka: {expected}.",
                           f"The headers on row 1 do not match the template: {'; '.join(en)}. "
                           f"Expected headers: {expected}.")
        return None

    def read_row(self, number: int, cells, columns: dict[int, Column]):
        raw = {column: cells[i] for i, column in columns.items() if i < len(cells)}
        if all(_blank(cell.value) for column, cell in raw.items() if column.field != NUMBER):
            return None  # blank, or only numbered ahead in Bil.
        mark = next((cell.value for column, cell in raw.items() if column.field == NUMBER), None)
        if isinstance(mark, str) and _fold(mark).startswith(EXAMPLE_MARK.casefold()):
            return None
        values, bad = {}, set()
        for column, cell in raw.items():
            if column.field == NUMBER:
                continue
            try:
                values[column.field] = _convert(column, cell)
            except _BadCell as exc:
                bad.add(column.field)
                self.problems.append(ImportProblem(
                    self.sheet.name, number, self.sheet.header(column), exc.code, exc.message_ms,
                    exc.message_en, None, f"{get_column_letter(cell.column)}{number}"))
        return self.sheet.row_type(row=number, bad=frozenset(bad), **values)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _BadCell(Exception):
    def __init__(self, code: str, message_ms: str, message_en: str):
        super().__init__(message_en)
        self.code, self.message_ms, self.message_en = code, message_ms, message_en


def _shown(value) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= _SHOWN_TEXT else text[:_SHOWN_TEXT - 3] + "..."


def _convert(column: Column, cell):
    """The cell's value for the row dataclass, or :class:`_BadCell` saying what is wrong."""
    value = cell.value
    data_type = getattr(cell, "data_type", None)
    if data_type == "f" or isinstance(value, (ArrayFormula, DataTableFormula)):
        text = getattr(value, "text", None) or str(value)
        raise _BadCell("IMPORT_FORMULA",
                       f"Formula '{_shown(text)}' tidak dibenarkan; taip nilainya sahaja "
                       "(formula tidak dikira).",
                       f"Formula '{_shown(text)}' is not allowed; type the value itself "
                       "(formulas are never calculated).")
    if data_type == "e":
        raise _BadCell("IMPORT_CELL_ERROR", f"Sel mengandungi ralat Excel {value}.",
                       f"The cell holds the Excel error {value}.")
    if isinstance(value, bool):
        raise _BadCell("IMPORT_WRONG_TYPE", f"Nilai benar/palsu ({value}) tidak dijangka di sini.",
                       f"A true/false value ({value}) is not expected here.")
    if column.kind == DATE:
        return _date(value)
    if column.kind == MONEY:
        return _money(value)
    if column.kind == MYKAD:
        return _mykad(value)
    return _text(value)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date, time, timedelta)):
        raise _BadCell("IMPORT_WRONG_TYPE", "Tarikh atau masa tidak dijangka di sini; taip "
                       "teksnya.", "A date or time is not expected here; type the text.")
    raise _BadCell("IMPORT_WRONG_TYPE", f"Nilai '{_shown(value)}' tidak dapat dibaca.",
                   f"The value '{_shown(value)}' cannot be read.")


def _mykad(value) -> str:
    # Excel turns a MyKad typed without dashes into a number, dropping a leading zero
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and 0 <= value < 10**12:
        return f"{value:012d}"
    return _text(value)


def _date(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise _BadCell("IMPORT_NOT_A_DATE", "Sel mengandungi masa, bukan tarikh sahaja.",
                           "The cell holds a time, not just a date.")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (time, timedelta)):
        raise _BadCell("IMPORT_NOT_A_DATE", "Sel mengandungi masa, bukan tarikh.",
                       "The cell holds a time, not a date.")
    if isinstance(value, str):
        if not value.strip():
            return None
        c = Checks()
        day = typed_date(c, "date", "Tarikh", "Date", value)
        if day is None:
            raise _BadCell("IMPORT_NOT_A_DATE",
                           f"'{_shown(value)}' bukan tarikh (taip dd/mm/yyyy, contohnya "
                           "15/01/2024).", f"'{_shown(value)}' is not a date (type dd/mm/yyyy, "
                           "for example 15/01/2024).")
        return day
    raise _BadCell("IMPORT_NOT_A_DATE",
                   f"{_shown(value)} ialah nombor, bukan tarikh; format sel sebagai tarikh atau "
                   "taip dd/mm/yyyy.", f"{_shown(value)} is a number, not a date; format the "
                   "cell as a date or type dd/mm/yyyy.")


def _money(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest decimal that is this float: 1800.5, not ...
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        text = value.strip().upper().removeprefix("RM").strip()
        if not text:
            return None
        if GROUPED.match(text):
            text = text.replace(",", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
        if amount is not None and amount.is_finite():
            return amount
    raise _BadCell("IMPORT_NOT_A_NUMBER",
                   f"'{_shown(value)}' bukan nombor; taip amaun dalam angka, contohnya 1800.00.",
                   f"'{_shown(value)}' is not a number; type the amount in figures, for example "
                   "1800.00.")
