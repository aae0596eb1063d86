"""HQ's national consolidation of the state offices' monthly returns.

Every file is verified first (``readback.inspect``: sheets, headers, schema, month, counts,
totals, sha256); then the set is checked: one month for all, one file per state. Any problem
refuses the whole consolidation with every problem listed, each naming its file; nothing is
written. The national workbook has a per-state summary with charts, the lines of every state
with a ``Negeri`` column, and its own hidden ``_meta`` (schema ``isitugas-national/1``) with
the files it was made from and a sha256 computed as for a return.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

from desktop import __version__
from desktop.returns.data import VACANCY_KIND_LABELS, ZERO, Cancelled, ReturnData, label
from desktop.returns.readback import inspect
from desktop.returns.workbook import (
    CHECKSUM_METHOD,
    INT,
    LINE_SHEETS,
    MONEY,
    TEXT,
    BookWriter,
    Column,
    add_bar,
)
from desktop.rules.dates import format_month_ms
from desktop.rules.enums import VacancyKind
from desktop.rules.states import state_name
from desktop.rules.violations import ERROR, Refused, RuleViolation

NATIONAL_SCHEMA = "isitugas-national/1"
SUMMARY_SHEET = "Ringkasan Negeri"
PROGRESS_TOTAL = 1000  # reading the files is the first half, writing the second

SUMMARY_COLUMNS = (
    Column("Bil", None, INT, 6), Column("Negeri", "state_name", TEXT, 20),
    Column("Kod Pejabat", "office_code", TEXT, 12), Column("Pejabat", "office_name", TEXT, 30),
    Column("Versi", "version", INT, 7),
    Column("Bil. PSH", "psh", INT, 9, True), Column("Upah Kasar (RM)", "gross", MONEY, 14, True),
    Column("Caruman Majikan (RM)", "employer", MONEY, 14, True),
    Column("Bil. Tanggung Kerja", "acting", INT, 10, True),
    Column("Elaun (RM)", "allowance", MONEY, 13, True),
    Column("Bil. Gantian", "gantian", INT, 9, True),
    Column("Bayaran Saguhati (RM)", "honorarium", MONEY, 14, True),
    Column("Bil. Tuntutan", "claims", INT, 9, True),
    Column("Tuntutan (RM)", "claims_amount", MONEY, 13, True),
    Column("Kekosongan Hakiki", "hakiki", INT, 11, True),
    Column("Kekosongan Operasi", "operasi", INT, 11, True),
    Column("Jumlah Kos (RM)", "total_cost", MONEY, 15, True),
)
_STATE = Column("Negeri", None, TEXT, 18)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class StateSummary:
    state: str
    state_name: str
    office_code: str
    office_name: str
    version: int
    file: str
    psh: int
    gross: Decimal
    employer: Decimal  # KWSP + PERKESO + SIP, employer's share
    acting: int
    allowance: Decimal
    gantian: int
    honorarium: Decimal
    claims: int
    claims_amount: Decimal
    hakiki: int  # vacancies live (not closed) at the month's end, by kind
    operasi: int
    total_cost: Decimal

    @classmethod
    def of(cls, path: Path, data: ReturnData) -> StateSummary:
        m = data.meta
        kinds = data.vacancies_by_kind()
        return cls(m.state, state_name(m.state), m.office_code, m.office_name, m.version,
                   path.name, len(data.psh), data.psh_gross, data.employer_contributions,
                   len(data.acting), data.acting_allowance, len(data.gantian),
                   data.gantian_honorarium, len(data.claims), data.claims_amount,
                   kinds[VACANCY_KIND_LABELS[VacancyKind.HAKIKI]],
                   kinds[VACANCY_KIND_LABELS[VacancyKind.OPERASI]], data.total_cost)


@dataclass(frozen=True)
class ConsolidationResult:
    path: Path
    month: str  # YYYY-MM
    states: tuple[StateSummary, ...]  # by state code

    def total(self, attr: str):
        return sum((getattr(s, attr) for s in self.states), ZERO if attr in _MONEY else 0)

    def describe(self, lang: str = "ms") -> str:
        n, cost = len(self.states), self.total("total_cost")
        if lang == "en":
            return (f"Consolidated {n} state returns for {self.month} into {self.path.name}: "
                    f"{self.total('psh')} PSH, total cost RM {cost:,.2f}.")
        return (f"{n} penyata negeri bagi {self.month} disatukan ke dalam {self.path.name}: "
                f"{self.total('psh')} PSH, jumlah kos RM {cost:,.2f}.")


_MONEY = {c.attr for c in SUMMARY_COLUMNS if c.kind == MONEY}


def _refusal(code: str, ms: str, en: str, field: str = "files") -> RuleViolation:
    return RuleViolation(code, None, ms, en, ERROR, field)


def _check_arguments(paths: list[Path], out: Path) -> None:
    if not paths:
        raise Refused(_refusal("CONSOLIDATE_NO_FILES", "Tiada fail penyata untuk disatukan.",
                               "No return files to consolidate."))
    if out.suffix.lower() != ".xlsx":
        raise Refused(_refusal("CONSOLIDATE_OUT_NOT_XLSX",
                               f"Fail keluaran '{out.name}' mesti berakhir dengan .xlsx.",
                               f"The output file '{out.name}' must end in .xlsx.", "out"))
    if not out.parent.is_dir():
        raise Refused(_refusal("CONSOLIDATE_OUT_FOLDER_MISSING",
                               f"Folder '{out.parent}' bagi fail keluaran '{out.name}' tidak wujud.",
                               f"The folder '{out.parent}' for the output file '{out.name}' does "
                               "not exist.", "out"))
    seen: dict[Path, Path] = {}
    problems = []
    for p in paths:
        key = p.resolve()
        if key == out.resolve():
            problems.append(_refusal(
                "CONSOLIDATE_OUT_IS_INPUT",
                f"Fail keluaran '{out.name}' ialah salah satu fail penyata; pilih nama lain.",
                f"The output file '{out.name}' is one of the returns; choose another name.",
                "out"))
        elif key in seen:
            problems.append(_refusal("CONSOLIDATE_SAME_FILE_TWICE",
                                     f"Fail '{p.name}' dipilih dua kali.",
                                     f"The file '{p.name}' is chosen twice."))
        seen[key] = p
    if problems:
        raise Refused(problems)


def _check_set(files: list[tuple[Path, ReturnData]]) -> tuple[str, list[RuleViolation]]:
    """The month of the set, and the files that break it: another month, a state twice."""
    problems = []
    months = Counter(d.meta.month_key for _p, d in files)
    # the month most files are of (the first file's month on a tie) is the set's month
    best = max(months.values())
    month = next(d.meta.month_key for _p, d in files if months[d.meta.month_key] == best)
    for p, d in files:
        if d.meta.month_key != month:
            problems.append(_refusal(
                "CONSOLIDATE_MONTH_MISMATCH",
                f"Fail '{p.name}' ialah penyata bulan {d.meta.month_key}, bukan {month} seperti "
                "fail lain; semua fail mesti bagi bulan yang sama.",
                f"The file '{p.name}' is the return of {d.meta.month_key}, not {month} like the "
                "others; every file must be of the same month."))
    by_state: dict[str, list[Path]] = {}
    for p, d in files:
        by_state.setdefault(d.meta.state, []).append(p)
    for state, paths in by_state.items():
        if len(paths) > 1:
            names = ", ".join(f"'{p.name}'" for p in paths)
            problems.append(_refusal(
                "CONSOLIDATE_STATE_TWICE",
                f"Fail {names} semuanya penyata negeri {state_name(state)} ({state}); hantar "
                "satu fail bagi setiap negeri (versi terkini sahaja).",
                f"The files {names} are all returns of {state_name(state)} ({state}); give one "
                "file per state (the latest version only)."))
    return month, problems


def consolidate(paths: Iterable[str | os.PathLike], out: str | os.PathLike,
                progress: Progress | None = None, cancel: Callable[[], bool] | None = None
                ) -> ConsolidationResult:
    """Verify every return in ``paths`` and write the national workbook ``out``.

    Refused, with every problem of every file (each naming the file), when a file is not a
    return, was changed after it was written (checksum), has a schema this version does not
    know, or when the files are of different months or two are of one state. ``progress(done,
    total)`` runs to :data:`PROGRESS_TOTAL` (reading is the first half); ``cancel()`` is asked
    between files and between rows, and a cancelled consolidation leaves no file.
    """
    paths = [Path(p) for p in paths]
    out = Path(out)
    _check_arguments(paths, out)
    half = PROGRESS_TOTAL // 2
    problems: list[RuleViolation] = []
    files: list[tuple[Path, ReturnData]] = []
    shas: dict[Path, str] = {}  # each file's sha256, as its _meta records it
    for i, path in enumerate(paths):
        if cancel is not None and cancel():
            raise Cancelled
        try:
            verification, data = inspect(path, cancel)
        except Refused as exc:
            problems.extend(exc.violations)
            continue
        problems.extend(verification.problems)
        if verification.ok and data is not None:
            files.append((path, data))
            shas[path] = verification.meta.get("sha256", "")
        if progress is not None:
            progress(half * (i + 1) // len(paths), PROGRESS_TOTAL)
    if files:
        month, set_problems = _check_set(files)
        problems.extend(set_problems)
    if problems:
        raise Refused(problems)
    files.sort(key=lambda f: f[1].meta.state)
    states = tuple(StateSummary.of(p, d) for p, d in files)
    _write(out, month, files, shas, states, progress, cancel)
    return ConsolidationResult(out, month, states)


def _write(out: Path, month: str, files: list[tuple[Path, ReturnData]], shas: dict[Path, str],
           states: tuple[StateSummary, ...], progress: Progress | None,
           cancel: Callable[[], bool] | None) -> None:
    year, mon = (int(x) for x in month.split("-"))
    month_ms = format_month_ms(year, mon)
    rows = len(states) + 2 + sum(len(getattr(d, s.attr)) + 2 for _p, d in files
                                 for s in LINE_SHEETS)
    meta_rows = 9 + len(files)  # with the sha256 row

    def scaled(done: int, total: int) -> None:
        if progress is not None:
            half = PROGRESS_TOTAL // 2
            progress(half + half * done // total, PROGRESS_TOTAL)

    book = BookWriter(rows + meta_rows, scaled, cancel, "JPNIN: Penyata Kebangsaan",
                      f"Penyata {month_ms}")
    try:
        ws = book.sheet(SUMMARY_SHEET, [c.width for c in SUMMARY_COLUMNS], len(states) + 2,
                        freeze="C2")
        get = attrgetter(*(c.attr for c in SUMMARY_COLUMNS[1:]))
        tokens = book.table(ws, SUMMARY_COLUMNS,
                            ((i, *get(s)) for i, s in enumerate(states, 1)), len(states))
        book.checksum_sheet(SUMMARY_SHEET, tokens)
        span = (1, len(states) + 1)
        below = len(states) + 4
        cost_col = len(SUMMARY_COLUMNS)
        add_bar(ws, f"Jumlah kos mengikut negeri, {month_ms}", "RM", (cost_col, cost_col), span,
                f"B{below}", cat_col=2)
        hakiki = next(i for i, c in enumerate(SUMMARY_COLUMNS, 1) if c.attr == "hakiki")
        add_bar(ws, f"Kekosongan pada akhir bulan mengikut negeri, {month_ms}", "Bilangan",
                (hakiki, hakiki + 1), span, f"H{below}", cat_col=2)
        for sheet in LINE_SHEETS:
            columns = (sheet.columns[0], _STATE, *sheet.columns[1:])
            count = sum(len(getattr(d, sheet.attr)) for _p, d in files)
            ws = book.sheet(sheet.title, [c.width for c in columns], count + 2, freeze="D2")
            tokens = book.table(ws, columns, _national_lines(sheet, files), count)
            book.checksum_sheet(sheet.title, tokens)
        pairs = [("schema", NATIONAL_SCHEMA), ("month", month),
                 ("generated_at", datetime.now().isoformat(timespec="seconds")),
                 ("app_version", __version__), ("states", ",".join(s.state for s in states)),
                 ("total_cost", str(sum((s.total_cost for s in states), ZERO))),
                 ("total_psh", str(sum(s.psh for s in states)))]
        pairs += [(f"source_{s.state}", label(f"{s.file} | versi {s.version} | {shas[p]}"))
                  for s, (p, _d) in zip(states, files, strict=True)]
        pairs.append(("checksum_method", CHECKSUM_METHOD))
        book.meta_sheet(pairs)
    except BaseException:
        book.discard()
        raise
    book.save(out)


def _national_lines(sheet, files: list[tuple[Path, ReturnData]]):
    get = attrgetter(*(c.attr for c in sheet.columns[1:]))
    i = 0
    for _p, data in files:
        name = state_name(data.meta.state)
        for line in getattr(data, sheet.attr):
            i += 1
            yield (i, name, *get(line))
