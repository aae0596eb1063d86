"""Reading a monthly return back, and verifying it (sheets, headers, _meta, counts, sha256).

Files are opened with openpyxl in read-only mode with ``data_only=True`` (a formula counts by
its cached value, never runs); openpyxl parses through defusedxml, which is installed, and the
zip's unpacked size is capped before anything is parsed. Whatever the file, the caller gets a
:class:`Verification` or a ``Refused`` whose Malay message names the file, never a traceback.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from desktop.returns.data import CENT, TOTAL_KEYS, Cancelled, ReturnData, ReturnMeta
from desktop.returns.workbook import (
    CHECKSUM_METHOD,
    DATE,
    INT,
    LINE_SHEETS,
    META,
    META_HEAD,
    MONEY,
    NUMBER,
    SCHEMA,
    SHEET_NAMES,
    TEXT,
    TOTAL_LABEL,
    LineSheet,
    canonical_sheet,
    token,
)
from desktop.rules.states import is_state
from desktop.rules.violations import ERROR, Refused, RuleViolation

MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # 10x the national month unpacks to about 60 MB
MAX_CELL_PROBLEMS = 20  # then "and N more"
MAX_ROWS = 100_000  # rows of one sheet; a state's month has a few hundred lines
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_KIND_MS = {TEXT: "teks", INT: "nombor bulat", MONEY: "amaun", NUMBER: "nombor", DATE: "tarikh"}
_KIND_EN = {TEXT: "text", INT: "a whole number", MONEY: "an amount", NUMBER: "a number",
            DATE: "a date"}


def problem(code: str, path: Path, ms: str, en: str) -> RuleViolation:
    """A problem with the file ``path``; both messages start with its name."""
    return RuleViolation(code, None, f"Fail '{path.name}': {ms}", f"File '{path.name}': {en}",
                         ERROR, "file")


@dataclass(frozen=True)
class Verification:
    ok: bool
    problems_ms: list[str]
    meta: dict[str, str]
    problems: tuple[RuleViolation, ...] = ()
    path: Path | None = None
    problems_en: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, path: Path, problems: list[RuleViolation], meta: dict[str, str]
           ) -> Verification:
        return cls(not problems, [p.message("ms") for p in problems], dict(meta),
                   tuple(problems), path, [p.message("en") for p in problems])


@dataclass(frozen=True)
class ReturnFile:
    """A return read back: its data, its _meta values (text) and how it verified."""

    path: Path
    data: ReturnData
    meta: dict[str, str]
    verification: Verification


# ---------------------------------------------------------------------------------------------

def _open(path: Path):
    if not path.is_file():
        raise Refused(problem("RETURN_FILE_MISSING", path, "fail tidak wujud.",
                              "the file does not exist."))
    if path.suffix.lower() != ".xlsx":
        raise Refused(problem("RETURN_NOT_XLSX", path,
                              "bukan fail Excel .xlsx; penyata bulanan ialah fail .xlsx.",
                              "not an Excel .xlsx file; a monthly return is an .xlsx file."))
    corrupt = problem("RETURN_NOT_XLSX", path,
                      "bukan buku kerja Excel (.xlsx) yang sah: fail ini rosak atau fail jenis "
                      "lain yang dinamakan semula.",
                      "not a valid Excel workbook (.xlsx): the file is damaged or another kind "
                      "of file renamed.")
    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Refused(corrupt) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise Refused(problem(
            "RETURN_TOO_LARGE", path,
            f"terlalu besar untuk penyata bulanan ({unpacked // 2**20} MB apabila dibuka).",
            f"too large for a monthly return ({unpacked // 2**20} MB unpacked)."))
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise Refused(corrupt) from None


def _rows(ws, cancel: Callable[[], bool] | None, path: Path) -> list[tuple]:
    ws.reset_dimensions()  # read every cell, whatever the file's <dimension> claims
    out = []
    for i, row in enumerate(ws.iter_rows(values_only=True)):
        if cancel is not None and i % 256 == 0 and cancel():
            raise Cancelled
        if i >= MAX_ROWS:  # held in memory below: a million-row sheet is refused, not read
            raise Refused(problem(
                "RETURN_TOO_MANY_ROWS", path,
                f"helaian '{ws.title}' melebihi had {MAX_ROWS:,} baris penyata bulanan.",
                f"the sheet '{ws.title}' exceeds the limit of {MAX_ROWS:,} rows of a return."))
        out.append(row)
    while out and all(v is None or v == "" for v in out[-1]):
        out.pop()
    return out


def _meta_of(path: Path, rows: list[tuple], problems: list[RuleViolation]
             ) -> tuple[dict[str, str], list[tuple]]:
    """The _meta values as text, and its rows without the sha256 row (what the hash covers)."""
    meta: dict[str, str] = {}
    covered = []
    for row in rows:
        key = row[0] if row else None
        value = row[1] if len(row) > 1 else None
        if key == "sha256":
            meta["sha256"] = "" if value is None else str(value)
            continue
        covered.append(row)
        if key is None:
            continue
        if not isinstance(key, str) or key in meta:
            problems.append(problem("RETURN_META_INVALID", path,
                                    f"helaian _meta mempunyai kunci '{key}' yang salah atau "
                                    "berulang.",
                                    f"the _meta sheet has a wrong or repeated key '{key}'."))
            continue
        meta[key] = "" if value is None else str(value)
    return meta, covered


def _check_meta(path: Path, meta: dict[str, str], problems: list[RuleViolation]) -> None:
    required = [*META_HEAD, *(s.count_key for s in LINE_SHEETS), *TOTAL_KEYS,
                "checksum_method", "sha256"]
    missing = [k for k in required if k not in meta]
    if missing:
        problems.append(problem("RETURN_META_MISSING", path,
                                "helaian _meta tidak lengkap; tiada: " + ", ".join(missing) + ".",
                                "the _meta sheet is incomplete; missing: " + ", ".join(missing)
                                + "."))

    def bad(key: str, ms: str, en: str) -> None:
        problems.append(problem("RETURN_META_INVALID", path,
                                f"nilai _meta '{key}' = '{meta.get(key)}' tidak sah: {ms}.",
                                f"the _meta value '{key}' = '{meta.get(key)}' is not valid: "
                                f"{en}."))

    if "month" in meta and not _MONTH.match(meta["month"]):
        bad("month", "bulan mesti ditulis YYYY-MM", "the month must be written YYYY-MM")
    if "state" in meta and not is_state(meta["state"]):
        bad("state", "negeri tidak dikenali", "unknown state")
    if "version" in meta and not (meta["version"].isdigit() and int(meta["version"]) >= 1):
        bad("version", "versi mesti nombor bulat dari 1", "the version must be a whole number "
            "from 1")
    for key in (s.count_key for s in LINE_SHEETS):
        if key in meta and not meta[key].isdigit():
            bad(key, "bilangan baris mesti nombor bulat", "a row count must be a whole number")
    if "generated_at" in meta:
        try:
            datetime.fromisoformat(meta["generated_at"])
        except ValueError:
            bad("generated_at", "tarikh dan masa mesti ISO 8601",
                "the date and time must be ISO 8601")
    if meta.get("checksum_method", CHECKSUM_METHOD) != CHECKSUM_METHOD:
        bad("checksum_method", f"kaedah semakan yang dikenali ialah {CHECKSUM_METHOD}",
            f"the checksum method known is {CHECKSUM_METHOD}")


def _cell(kind: str, v: object) -> tuple[bool, object]:
    """(ok, value) of a read cell for a column of ``kind``."""
    if v is None or v == "":
        return True, "" if kind == TEXT else None
    if kind == TEXT:
        return isinstance(v, str), v
    if kind == DATE:
        if isinstance(v, datetime):
            return v.time() == datetime.min.time(), v.date()
        return isinstance(v, date), v
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False, v
    if kind == INT:
        return float(v).is_integer(), int(v)
    try:
        number = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
        if kind == MONEY:
            number = number.quantize(CENT)
    except (InvalidOperation, ValueError):
        return False, v
    return number.is_finite(), number


def _lines(path: Path, sheet: LineSheet, rows: list[tuple], meta: dict[str, str],
           problems: list[RuleViolation]) -> list | None:
    """The sheet's lines, or None when its layout or a cell is wrong (problems added)."""
    header = tuple(rows[0]) if rows else ()
    header = header[:len(header) - next((i for i, v in enumerate(reversed(header))
                                          if v is not None), len(header))]
    if header != sheet.headers:
        problems.append(problem("RETURN_HEADERS_CHANGED", path,
                                f"tajuk lajur helaian '{sheet.title}' telah diubah.",
                                f"the column headers of the sheet '{sheet.title}' were changed."))
        return None
    body = rows[1:]
    total_row = body[-1] if body else ()
    if len(total_row) < 2 or total_row[1] != TOTAL_LABEL:
        problems.append(problem("RETURN_TOTAL_ROW_MISSING", path,
                                f"baris '{TOTAL_LABEL}' di akhir helaian '{sheet.title}' tiada.",
                                f"the '{TOTAL_LABEL}' row at the end of the sheet "
                                f"'{sheet.title}' is missing."))
        return None
    body = body[:-1]
    expected = meta.get(sheet.count_key, "")
    if expected.isdigit() and int(expected) != len(body):
        problems.append(problem("RETURN_ROW_COUNT_MISMATCH", path,
                                f"helaian '{sheet.title}' mempunyai {len(body)} baris, tetapi "
                                f"_meta mencatat {expected}.",
                                f"the sheet '{sheet.title}' has {len(body)} rows but _meta "
                                f"records {expected}."))
        return None
    columns = sheet.columns[1:]
    width = len(sheet.columns)
    bad_cells: list[str] = []
    bad_cells_en: list[str] = []
    lines = []
    for r, row in enumerate(body, 2):
        row = tuple(row) + (None,) * (width - len(row))
        values = {}
        for j, col in enumerate(columns, 2):
            ok, value = _cell(col.kind, row[j - 1])
            if not ok:
                bad_cells.append(f"{get_column_letter(j)}{r} ({col.header}: bukan "
                                 f"{_KIND_MS[col.kind]})")
                bad_cells_en.append(f"{get_column_letter(j)}{r} ({col.header}: not "
                                    f"{_KIND_EN[col.kind]})")
            values[col.attr] = value
        if bad_cells:
            continue
        try:
            lines.append(sheet.line_class(**values))
        except Refused as exc:
            for v in exc.violations:
                problems.append(problem("RETURN_CELL_INVALID", path,
                                        f"helaian '{sheet.title}' baris {r}: {v.message_ms}",
                                        f"sheet '{sheet.title}' row {r}: {v.message_en}"))
            return None
    if bad_cells:
        more = len(bad_cells) - MAX_CELL_PROBLEMS
        tail_ms = f" dan {more} lagi" if more > 0 else ""
        tail_en = f" and {more} more" if more > 0 else ""
        problems.append(problem(
            "RETURN_CELL_INVALID", path,
            f"sel yang salah jenis dalam helaian '{sheet.title}': "
            + "; ".join(bad_cells[:MAX_CELL_PROBLEMS]) + tail_ms + ".",
            f"cells of the wrong type in the sheet '{sheet.title}': "
            + "; ".join(bad_cells_en[:MAX_CELL_PROBLEMS]) + tail_en + "."))
        return None
    return lines


def _return_meta(path: Path, meta: dict[str, str], problems: list[RuleViolation]
                 ) -> ReturnMeta | None:
    try:
        year, month = (int(x) for x in meta["month"].split("-"))
        return ReturnMeta(meta["office_code"], meta["office_name"], meta["state"], year, month,
                          int(meta["version"]), datetime.fromisoformat(meta["generated_at"]),
                          meta["app_version"])
    except Refused as exc:
        problems.extend(problem("RETURN_META_INVALID", path, v.message_ms, v.message_en)
                        for v in exc.violations)
    except (KeyError, ValueError):
        pass  # already reported by _check_meta
    return None


def inspect(path: str | Path, cancel: Callable[[], bool] | None = None
            ) -> tuple[Verification, ReturnData | None]:
    """Verify the file and read its data (None when it cannot be read as a return).

    Refused only when the file is not an xlsx workbook at all; every other problem is listed
    in the Verification."""
    path = Path(path)
    wb = _open(path)
    problems: list[RuleViolation] = []
    meta: dict[str, str] = {}
    try:
        try:
            return _inspect(path, wb, problems, meta, cancel)
        except (Refused, Cancelled):
            raise
        except Exception:  # noqa: BLE001 - a damaged sheet part (bad XML, bad zip member)
            raise Refused(problem("RETURN_NOT_XLSX", path,
                                  "buku kerja ini rosak dan tidak dapat dibaca sepenuhnya.",
                                  "this workbook is damaged and cannot be read in full."),
                          ) from None
    finally:
        wb.close()


def _inspect(path, wb, problems, meta, cancel):
    names = wb.sheetnames
    missing = [n for n in SHEET_NAMES if n not in names]
    if missing:
        problems.append(problem("RETURN_NOT_A_RETURN", path,
                                "bukan penyata bulanan IsiTugas: helaian "
                                + ", ".join(f"'{n}'" for n in missing) + " tiada.",
                                "not an IsiTugas monthly return: the sheets "
                                + ", ".join(f"'{n}'" for n in missing) + " are missing."))
        return Verification.of(path, problems, meta), None
    extra = [n for n in names if n not in SHEET_NAMES]
    if extra:
        problems.append(problem("RETURN_UNEXPECTED_SHEET", path,
                                "helaian yang bukan sebahagian penyata: "
                                + ", ".join(f"'{n}'" for n in extra) + ".",
                                "sheets that are not part of the return: "
                                + ", ".join(f"'{n}'" for n in extra) + "."))
    meta_values, covered = _meta_of(path, _rows(wb[META], cancel, path), problems)
    meta.update(meta_values)
    schema = meta.get("schema")
    if schema != SCHEMA:
        problems.append(problem("RETURN_SCHEMA_UNKNOWN", path,
                                f"skema '{schema or '-'}' tidak dikenali (aplikasi ini membaca "
                                f"{SCHEMA}).",
                                f"unknown schema '{schema or '-'}' (this application reads "
                                f"{SCHEMA})."))
        return Verification.of(path, problems, meta), None
    _check_meta(path, meta, problems)

    # the checksum over every data sheet, then _meta without its sha256 row
    digest = hashlib.sha256()
    sheet_rows: dict[str, list[tuple]] = {}
    for title in SHEET_NAMES[:-1]:
        rows = _rows(wb[title], cancel, path)
        sheet_rows[title] = rows
        digest.update(canonical_sheet(title, ([token(v) for v in row] for row in rows)))
    digest.update(canonical_sheet(META, ([token(v) for v in row] for row in covered)))
    if meta.get("sha256") is not None and digest.hexdigest() != meta.get("sha256"):
        problems.append(problem("RETURN_CHECKSUM_MISMATCH", path,
                                "semakan sha256 tidak sepadan: fail telah diubah selepas dijana "
                                "oleh IsiTugas. Minta pejabat menghantar semula fail asal.",
                                "the sha256 check does not match: the file was changed after "
                                "IsiTugas wrote it. Ask the office to send the original again."))

    lines = {s.attr: _lines(path, s, sheet_rows[s.title], meta, problems) for s in LINE_SHEETS}
    return_meta = _return_meta(path, meta, problems)
    if return_meta is None or any(v is None for v in lines.values()):
        return Verification.of(path, problems, meta), None
    data = ReturnData(return_meta, **lines)
    for key, value in data.totals().items():
        recorded = meta.get(key)
        try:
            same = recorded is not None and Decimal(recorded) == value
        except InvalidOperation:
            same = False
        if recorded is not None and not same:
            problems.append(problem("RETURN_TOTAL_MISMATCH", path,
                                    f"jumlah '{key}' dalam _meta ({recorded}) tidak sama dengan "
                                    f"jumlah baris ({value}).",
                                    f"the total '{key}' in _meta ({recorded}) differs from the "
                                    f"sum of the rows ({value})."))
    return Verification.of(path, problems, meta), data


def verify_return(path: str | Path) -> Verification:
    """Check a return file: sheets, headers, _meta (schema, month, state, version), row
    counts, totals and the sha256. A file that is not a workbook at all verifies as not ok with
    one problem, like any other file."""
    try:
        verification, _data = inspect(path)
    except Refused as exc:
        return Verification.of(Path(path), list(exc.violations), {})
    return verification


def read_return(path: str | Path) -> ReturnFile:
    """The return's data, _meta and verification. Refused when the file cannot be read as a
    return at all; a file that reads but does not verify (a changed cell) comes back with
    ``verification.ok`` False, so the caller decides."""
    path = Path(path)
    verification, data = inspect(path)
    if data is None:
        raise Refused(verification.problems or [problem(
            "RETURN_NOT_A_RETURN", path, "bukan penyata bulanan IsiTugas.",
            "not an IsiTugas monthly return.")])
    return ReturnFile(path, data, verification.meta, verification)
