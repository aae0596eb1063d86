"""Writing the monthly return workbook (openpyxl), its layout and its checksum.

Layout: sheets ``Ringkasan`` (totals, two charts), ``PSH``, ``Tanggung Kerja``, ``Gantian``,
``Kekosongan``, ``Tuntutan`` (one row per line under one header row, then a ``Jumlah`` row) and
``_meta`` (hidden, protected): ``key | value`` rows, every value written as text.

Cells: numbers as numbers, dates as dates, RM columns ``#,##0.00``, dates ``dd/mm/yyyy``. Text
that starts with ``= + - @``, a tab or a line break is stored as a string cell (never a formula)
with Excel's *quote prefix* set, which is what Excel itself does for text typed after an
apostrophe: the cell shows and reads back as the original text and stays text when edited.

Checksum (``_meta`` key ``sha256``, method ``checksum_method`` = ``sha256-json-1``):

    SHA-256 (hex) of the UTF-8 bytes of, for each sheet in the order Ringkasan, PSH,
    Tanggung Kerja, Gantian, Kekosongan, Tuntutan, _meta, the line
        json.dumps([title, rows], ensure_ascii=False, separators=(",", ":")) + "\\n"
    where ``rows`` lists the sheet's rows from row 1 down to its last non-empty row (for _meta,
    without the row whose key is ``sha256``), each row the list of its cells from column A to
    its last non-empty cell, and each cell a token:
        empty (None or "")      -> null
        text                    -> "s" + the text
        number (int/float/Dec.) -> "n" + repr(float(value))     e.g. 1234.5 -> "n1234.5"
        date (or datetime 0:00) -> "d" + YYYY-MM-DD
        datetime with a time    -> "t" + ISO 8601
        boolean                 -> "b1" / "b0"

It covers every value the office sends, typed: turning a number into text, or a date into a
number, changes it. It does not cover formatting, so a file opened and saved again by Excel or
LibreOffice still verifies when no value was changed. It detects edits, not forgery: anyone
with this description can compute a new checksum.

Writing uses openpyxl's write-only mode: rows are serialised as they are appended (so progress
and cancel follow the real work, and no cell objects pile up; only each sheet's checksum tokens
are held until the sheet ends). Write-only
sheets take charts, frozen panes, filters, widths, print set-up and protection like normal
ones, but the sheet-level settings written at the top of the sheet (views, widths, page fit)
must be set before the first row. The file is written to a temporary file in the target's
folder and moved into place, so a cancelled or failed write leaves no partial file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.returns.data import (
    VACANCY_KIND_LABELS,
    ActingLine,
    Cancelled,
    ClaimLine,
    GantianLine,
    PshLine,
    ReturnData,
    VacancyLine,
)
from desktop.rules.dates import format_month_ms
from desktop.rules.enums import VacancyKind
from desktop.rules.states import state_name
from desktop.rules.violations import ERROR, Refused, RuleViolation

SCHEMA = "isitugas-return/1"
CHECKSUM_METHOD = "sha256-json-1"
RINGKASAN, META = "Ringkasan", "_meta"
SHEET_NAMES = (RINGKASAN, "PSH", "Tanggung Kerja", "Gantian", "Kekosongan", "Tuntutan", META)
TOTAL_LABEL = "Jumlah"

TEXT, INT, MONEY, DATE, NUMBER = "text", "int", "money", "date", "number"
FORMATS = {MONEY: "#,##0.00", DATE: "dd/mm/yyyy", NUMBER: "#,##0.0#"}
# A text cell starting with one of these could run as a formula in Excel or in a CSV export.
RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class Column:
    header: str
    attr: str | None  # the line's attribute; None for the running number (Bil)
    kind: str
    width: float
    total: bool = False  # summed in the Jumlah row


def _bil() -> Column:
    return Column("Bil", None, INT, 6)


PSH_COLUMNS = (
    _bil(), Column("Nama", "name", TEXT, 30), Column("No. KP", "mykad", TEXT, 15),
    Column("Kod Premis", "premises_code", TEXT, 13), Column("Premis", "premises_name", TEXT, 30),
    Column("Jenis Premis", "premises_kind", TEXT, 22), Column("Jawatan", "post", TEXT, 24),
    Column("Gred", "grade", TEXT, 7), Column("Jenis Kekosongan", "vacancy_kind", TEXT, 11),
    Column("Kelayakan", "qualification", TEXT, 11),
    Column("Kadar Sehari (RM)", "daily_rate", MONEY, 11),
    Column("Tarikh Mula", "start", DATE, 11), Column("Tarikh Tamat", "end", DATE, 11),
    Column("Hari Bekerja", "working_days", INT, 9, True),
    Column("Hari Tidak Hadir", "absent_days", INT, 9, True),
    Column("Hari Dibayar", "paid_days", INT, 9, True),
    Column("Upah Kasar (RM)", "gross", MONEY, 13, True),
    Column("KWSP Pekerja (RM)", "kwsp_employee", MONEY, 12, True),
    Column("KWSP Majikan (RM)", "kwsp_employer", MONEY, 12, True),
    Column("PERKESO Pekerja (RM)", "perkeso_employee", MONEY, 12, True),
    Column("PERKESO Majikan (RM)", "perkeso_employer", MONEY, 12, True),
    Column("Upah Bersih (RM)", "net", MONEY, 13, True),
    Column("No. Rujukan Kelulusan", "approval_ref", TEXT, 22),
    # after the list, so that its columns keep their places
    Column("SIP Pekerja (RM)", "sip_employee", MONEY, 11, True),
    Column("SIP Majikan (RM)", "sip_employer", MONEY, 11, True),
)
ACTING_COLUMNS = (
    _bil(), Column("Nama", "name", TEXT, 30), Column("No. KP", "mykad", TEXT, 15),
    Column("Jawatan Ditanggung", "post", TEXT, 26), Column("Gred", "grade", TEXT, 7),
    Column("Premis", "premises", TEXT, 30),
    Column("Gaji Permulaan (RM)", "starting_salary", MONEY, 13),
    Column("Tarikh Mula", "start", DATE, 11), Column("Tarikh Tamat", "end", DATE, 11),
    Column("Hari Dalam Bulan", "days_in_month", INT, 10, True),
    Column("Elaun (RM)", "allowance", MONEY, 13, True),
)
GANTIAN_COLUMNS = (
    _bil(), Column("Nama", "name", TEXT, 30), Column("No. KP", "mykad", TEXT, 15),
    Column("Premis", "premises", TEXT, 30), Column("Jawatan", "post", TEXT, 24),
    Column("Gred", "grade", TEXT, 7), Column("Asas Kadar", "per", TEXT, 10),
    Column("Kadar (RM)", "amount", MONEY, 12),
    Column("Tarikh Mula", "start", DATE, 11), Column("Tarikh Tamat", "end", DATE, 11),
    Column("Hari", "days", INT, 7, True),
    Column("Bayaran Saguhati (RM)", "honorarium", MONEY, 14, True),
)
VACANCY_COLUMNS = (
    _bil(), Column("Kod Premis", "premises_code", TEXT, 13),
    Column("Premis", "premises_name", TEXT, 30), Column("Jenis Premis", "premises_kind", TEXT, 22),
    Column("Jawatan", "post", TEXT, 24), Column("Gred", "grade", TEXT, 7),
    Column("Jenis Kekosongan", "vacancy_kind", TEXT, 11), Column("Sebab", "reason", TEXT, 30),
    Column("Tarikh Kekosongan", "opened_on", DATE, 12),
    Column("Penyandang", "incumbent", TEXT, 26), Column("Langkah Semasa", "current_step", TEXT, 34),
    Column("Hari Menunggu", "days_waiting", INT, 9),
    Column("Kaedah Pengisian", "filling_method", TEXT, 26),
)
CLAIM_COLUMNS = (
    _bil(), Column("Nama", "name", TEXT, 30), Column("No. KP", "mykad", TEXT, 15),
    Column("Premis", "premises", TEXT, 30), Column("Tarikh", "day", DATE, 11),
    Column("Tujuan", "purpose", TEXT, 34), Column("Jam", "hours", NUMBER, 7),
    Column("Jarak (km)", "km", NUMBER, 9, True), Column("Malam", "nights", INT, 7, True),
    Column("Amaun (RM)", "amount", MONEY, 12, True),
)


@dataclass(frozen=True)
class LineSheet:
    title: str
    attr: str  # the ReturnData attribute holding the lines
    line_class: type
    columns: tuple[Column, ...]
    count_key: str  # the _meta key of its row count

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


LINE_SHEETS = (
    LineSheet("PSH", "psh", PshLine, PSH_COLUMNS, "rows_psh"),
    LineSheet("Tanggung Kerja", "acting", ActingLine, ACTING_COLUMNS, "rows_tanggung_kerja"),
    LineSheet("Gantian", "gantian", GantianLine, GANTIAN_COLUMNS, "rows_gantian"),
    LineSheet("Kekosongan", "vacancies", VacancyLine, VACANCY_COLUMNS, "rows_kekosongan"),
    LineSheet("Tuntutan", "claims", ClaimLine, CLAIM_COLUMNS, "rows_tuntutan"),
)

# _meta keys, in order (the totals' keys come from ReturnData.totals())
META_HEAD = ("schema", "office_code", "office_name", "state", "month", "version", "generated_at",
             "app_version")


# ---------------------------------------------------------------------------------------------
# checksum

def token(value: object) -> str | None:
    """A cell value's token in the checksum's canonical text (see the module notes)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return "s" + value
    if isinstance(value, bool):
        return "b1" if value else "b0"
    if isinstance(value, (int, float, Decimal)):
        return "n" + repr(float(value))
    if isinstance(value, datetime):
        if value.time() == time(0):
            return "d" + value.date().isoformat()
        return "t" + value.isoformat()
    if isinstance(value, date):
        return "d" + value.isoformat()
    return "s" + str(value)


def canonical_sheet(title: str, rows: Iterable[Sequence[str | None]]) -> bytes:
    """One sheet's part of the canonical text, from its rows of tokens."""
    out: list[list[str | None]] = []
    blank = 0  # empty rows are kept only when a non-empty row follows
    for row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        if not row:
            blank += 1
            continue
        out.extend([] for _ in range(blank))
        blank = 0
        out.append(row)
    text = json.dumps([title, out], ensure_ascii=False, separators=(",", ":")) + "\n"
    return text.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# the book writer (shared with the national consolidation)

def write_failed(path: Path, exc: OSError) -> Refused:
    return Refused(RuleViolation(
        "RETURN_WRITE_FAILED", None,
        f"Fail '{path.name}' tidak dapat ditulis di {path.parent}: {exc.strerror or exc}. "
        "Pastikan folder wujud dan fail tidak sedang dibuka dalam Excel.",
        f"The file '{path.name}' cannot be written in {path.parent}: {exc.strerror or exc}. "
        "Check that the folder exists and the file is not open in Excel.", ERROR, "out"))


def _esc(text: str) -> str:
    """Text for a print header: '&' starts a code there."""
    return text.replace("&", "&&")


class BookWriter:
    """A write-only workbook, its styles, the checksum and the progress of the rows."""

    def __init__(self, total_rows: int, progress: Progress | None, cancel: Cancel | None,
                 print_left: str, print_right: str):
        self.wb = Workbook(write_only=True)
        self.total = max(total_rows, 1)
        self.done = 0
        self._progress, self._cancel = progress, cancel
        self._step = max(1, self.total // 200)
        self._next = self._step
        self._print = (_esc(print_left), _esc(print_right))
        self._hash = hashlib.sha256()
        self._styles: dict[str, object] | None = None

    # -- styles: built once on a throwaway cell, then copied into every styled cell -----------
    def _make_styles(self, ws) -> dict[str, object]:
        def style(**attrs) -> object:
            cell = WriteOnlyCell(ws)
            for k, v in attrs.items():
                setattr(cell, k, v)
            return cell._style

        bold = Font(bold=True)
        return {
            MONEY: style(number_format=FORMATS[MONEY]),
            DATE: style(number_format=FORMATS[DATE]),
            NUMBER: style(number_format=FORMATS[NUMBER]),
            "quote": style(quotePrefix=True),
            "header": style(font=bold, fill=PatternFill("solid", fgColor="DDEBF7"),
                            alignment=Alignment(wrap_text=True, vertical="center"),
                            border=Border(bottom=Side("thin"))),
            "bold": style(font=bold),
            "total_" + MONEY: style(font=bold, number_format=FORMATS[MONEY],
                                    border=Border(top=Side("thin"))),
            "total_" + NUMBER: style(font=bold, number_format=FORMATS[NUMBER],
                                     border=Border(top=Side("thin"))),
            "total_" + INT: style(font=bold, border=Border(top=Side("thin"))),
            "title": style(font=Font(bold=True, size=13)),
        }

    def sheet(self, title: str, widths: Sequence[float], rows: int, freeze: str | None = None,
              landscape: bool = True):
        """A new sheet with everything that write-only mode needs before the first row.

        ``rows`` and the number of ``widths`` are the sheet's size, written as its
        ``<dimension>``: write-only mode writes none, and a reader that finds none (openpyxl's
        read-only mode among them) parses the whole sheet once more to learn its size."""
        ws = self.wb.create_sheet(title)
        size = f"A1:{get_column_letter(len(widths))}{max(rows, 1)}"
        ws.calculate_dimension = lambda: size  # what openpyxl's writer asks for the dimension
        if self._styles is None:
            self._styles = self._make_styles(ws)
        self._take_prepared_rows(ws)
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        if freeze:
            ws.freeze_panes = freeze
        setup = ws.page_setup
        setup.orientation = "landscape" if landscape else "portrait"
        setup.paperSize = Worksheet.PAPERSIZE_A4
        setup.fitToWidth, setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddHeader.left.text, ws.oddHeader.right.text = self._print
        ws.oddFooter.center.text = "Halaman &P daripada &N"
        return ws

    # -- rows ------------------------------------------------------------------------------
    def tick(self) -> None:
        self.done += 1
        if self._cancel is not None and self._cancel():
            raise Cancelled
        if self._progress is not None and self.done >= self._next:
            self._next = self.done + self._step
            self._progress(min(self.done, self.total), self.total)

    def row(self, ws, values: Sequence[object], kinds: Sequence[str],
            style: str | None = None) -> list[str | None]:
        """Append one row; ``kinds`` gives each cell's kind (TEXT, INT, MONEY, DATE, NUMBER),
        ``style`` one style for the row's cells (``header``, ``bold``, ``title``) or ``total_``
        for a Jumlah row. Returns the row's checksum tokens."""
        out: list[object] = []
        tokens: list[str | None] = []
        for kind, v in zip(kinds, values, strict=True):
            if v is None or (kind == TEXT and v == ""):
                out.append(None)
                tokens.append(None)
            elif kind == TEXT:
                tokens.append("s" + v)
                # "=..." would be stored as a formula and "#N/A" as an error: keep both text
                if v[0] in RISKY_START or (v[0] == "#" and v in ERROR_CODES):
                    out.append(("quote", v, "s"))
                elif style is None:
                    out.append(v)
                else:
                    out.append(("bold" if style == "total_" else style, v, "s"))
            else:
                if kind == DATE:
                    tokens.append("d" + v.isoformat())
                    dtype = "d"
                else:
                    tokens.append("n" + repr(float(v)))
                    dtype = "n"
                if style is None:
                    out.append(v if kind == INT else (kind, v, dtype))
                elif style == "total_":
                    out.append(("total_" + kind if kind != DATE else DATE, v, dtype))
                else:
                    out.append((style, v, dtype))
        ws.append(out)
        self.tick()
        return tokens

    def _take_prepared_rows(self, ws) -> None:
        """Make the write-only sheet take the rows :meth:`row` prepares.

        openpyxl's write-only sheet turns each appended value into a cell through the value's
        type checks, and takes a ready styled cell only after that conversion fails (an
        exception per cell). :meth:`row` already knows each value's type and style, so this
        hands the writer one reused cell per style, its value and type set directly: the same
        XML in about 30 % less time at the national scale. It replaces a private method of
        openpyxl 3.1 (``_values_to_row``); the read-back tests fail loudly if a later openpyxl
        changes it.
        """
        plain = Cell(ws, 1, 1)
        styled = {key: Cell(ws, 1, 1, style_array=array) for key, array in self._styles.items()}

        def values_to_row(values, row_idx):
            for col_idx, v in enumerate(values, 1):
                if v is None:
                    continue
                if v.__class__ is tuple:
                    key, value, dtype = v
                    cell = styled[key]
                else:
                    cell, value, dtype = plain, v, "s" if v.__class__ is str else "n"
                cell._value = value
                cell.data_type = dtype
                cell.row, cell.column = row_idx, col_idx
                yield cell

        ws._values_to_row = values_to_row

    def checksum_sheet(self, title: str, token_rows: Iterable[Sequence[str | None]]) -> None:
        self._hash.update(canonical_sheet(title, token_rows))

    def hexdigest(self) -> str:
        return self._hash.hexdigest()

    def table(self, ws, columns: Sequence[Column], rows: Iterable[Sequence[object]],
              count: int) -> list[list[str | None]]:
        """Header, lines, then the Jumlah row; a filter over header and lines. Returns the
        sheet's checksum tokens."""
        kinds = [c.kind for c in columns]
        tokens = [self.row(ws, [c.header for c in columns], [TEXT] * len(columns), "header")]
        sums: list[object] = [None] * len(columns)
        summed = [i for i, c in enumerate(columns) if c.total]
        for i in summed:
            sums[i] = Decimal(0) if columns[i].kind in (MONEY, NUMBER) else 0
        for values in rows:
            tokens.append(self.row(ws, values, kinds))
            for i in summed:
                v = values[i]
                if v is not None:
                    sums[i] += v
        total_row = list(sums)
        total_row[0] = count
        label_at = 1
        total_row[label_at] = TOTAL_LABEL
        total_kinds = list(kinds)
        total_kinds[label_at] = TEXT
        tokens.append(self.row(ws, total_row, total_kinds, "total_"))
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
        ws.print_title_rows = "1:1"
        return tokens

    def meta_sheet(self, pairs: Sequence[tuple[str, str]]) -> None:
        """The hidden, protected key/value sheet; its last row is the sha256."""
        ws = self.sheet(META, (28, 70), len(pairs) + 1, landscape=False)
        ws.sheet_state = "hidden"
        # no password: the checksum, not a password anyone can read here, detects edits
        ws.protection.sheet = True
        tokens = [self.row(ws, pair, (TEXT, TEXT)) for pair in pairs]
        self.checksum_sheet(META, tokens)
        self.row(ws, ("sha256", self.hexdigest()), (TEXT, TEXT))

    def save(self, path: Path) -> Path:
        """Save to a temporary file beside ``path``, then move it into place."""
        path = Path(path)
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".part")
        except OSError as exc:
            self.discard()
            raise write_failed(path, exc) from None
        os.close(fd)
        try:
            self.wb.save(tmp)
            os.replace(tmp, path)
        except OSError as exc:
            _remove(tmp)
            raise write_failed(path, exc) from None
        except BaseException:
            _remove(tmp)
            raise
        if self._progress is not None:
            self._progress(self.total, self.total)
        return path

    def discard(self) -> None:
        """Remove the sheets' temporary files after a cancelled or failed write."""
        for ws in self.wb.worksheets:
            # close the row stream first (else it closes itself later on a closed file), then
            # remove what it wrote; a half-written stream may complain while closing
            with contextlib.suppress(Exception):
                if not ws.closed:
                    ws.close()
            writer = getattr(ws, "_writer", None)
            if writer is not None:
                with contextlib.suppress(OSError, ValueError):
                    writer.cleanup()


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)


# ---------------------------------------------------------------------------------------------
# Ringkasan

@dataclass(frozen=True)
class _Summary:
    rows: list[tuple[list[object], list[str], str | None]]  # values, kinds, style
    cost_rows: tuple[int, int]  # first and last row of the cost-by-method table (with header)
    kind_rows: tuple[int, int]  # first and last row of the by-premises-kind table


def _summary(data: ReturnData) -> _Summary:
    m = data.meta
    rows: list[tuple[list[object], list[str], str | None]] = []

    def add(values, kinds, style=None):
        rows.append((list(values), list(kinds), style))
        return len(rows)

    T, N, M = TEXT, INT, MONEY
    add(["Penyata Bulanan Pengisian Tugas (SPSM Bil.2/2016)"], [T], "title")
    add(["Pejabat", m.office_name], [T, T])
    add(["Kod Pejabat", m.office_code], [T, T])
    add(["Negeri", state_name(m.state)], [T, T])
    add(["Bulan", format_month_ms(m.year, m.month)], [T, T])
    add(["Versi", m.version], [T, N])
    add([], [])
    add(["Perkara", "Bilangan", "Jumlah (RM)"], [T, T, T], "header")
    add(["Pekerja Sambilan Harian (upah kasar)", len(data.psh), data.psh_gross], [T, N, M])
    add(["Caruman majikan PSH (KWSP, PERKESO, SIP)", None, data.employer_contributions],
        [T, N, M])
    add(["Upah bersih PSH", None, data.psh_net], [T, N, M])
    add(["Penanggungan kerja (elaun)", len(data.acting), data.acting_allowance], [T, N, M])
    add(["Pegawai gantian (bayaran saguhati)", len(data.gantian), data.gantian_honorarium],
        [T, N, M])
    add(["Tuntutan tugas rasmi", len(data.claims), data.claims_amount], [T, N, M])
    add(["Kekosongan pada akhir bulan (belum ditutup)", len(data.vacancies), None], [T, N, M])
    add([TOTAL_LABEL + " kos bulan ini", None, data.total_cost], [T, N, M], "total_")
    add([], [])
    first = add(["Kaedah Pengisian", "Kos (RM)"], [T, T], "header")
    add(["PSH (upah dan caruman majikan)", data.psh_gross + data.employer_contributions], [T, M])
    add(["Penanggungan kerja", data.acting_allowance], [T, M])
    last = add(["Pegawai gantian", data.gantian_honorarium], [T, M])
    add([], [])
    kinds: dict[str, list[int]] = {}
    for p in data.psh:
        kinds.setdefault(p.premises_kind, [0, 0, 0])[0] += 1
    for v in data.vacancies:
        counts = kinds.setdefault(v.premises_kind, [0, 0, 0])
        counts[1 if v.vacancy_kind == VACANCY_KIND_LABELS[VacancyKind.HAKIKI] else 2] += 1
    for known in ("Tabika Perpaduan", "Taska PERMATA Perpaduan"):
        kinds.setdefault(known, [0, 0, 0])
    k_first = add(["Jenis Premis", "PSH", "Kekosongan Hakiki", "Kekosongan Operasi"],
                  [T, T, T, T], "header")
    for name in sorted(kinds):
        k_last = add([name, *kinds[name]], [T, N, N, N])
    return _Summary(rows, (first, last), (k_first, k_last))


def add_bar(ws, title: str, y_title: str, cols: tuple[int, int], rows: tuple[int, int],
            anchor: str, cat_col: int = 1) -> None:
    """A column chart of columns ``cols`` (first row: the series' names) over ``rows``,
    categories from ``cat_col``."""
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes otherwise
    chart.add_data(Reference(ws, min_col=cols[0], max_col=cols[1], min_row=rows[0],
                             max_row=rows[1]), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=cat_col, min_row=rows[0] + 1, max_row=rows[1]))
    if cols[0] == cols[1]:
        chart.legend = None
    chart.width, chart.height = 17, 7.5
    ws.add_chart(chart, anchor)


def write_summary(book: BookWriter, data: ReturnData, summary: _Summary) -> None:
    ws = book.sheet(RINGKASAN, (42, 26, 16, 18), len(summary.rows), landscape=True)
    tokens = [book.row(ws, values, kinds, style) for values, kinds, style in summary.rows]
    book.checksum_sheet(RINGKASAN, tokens)
    add_bar(ws, "Kos bulan ini mengikut kaedah pengisian", "RM", (2, 2), summary.cost_rows, "F2")
    add_bar(ws, "PSH dan kekosongan mengikut jenis premis", "Bilangan", (2, 4),
            summary.kind_rows, "F18")


# ---------------------------------------------------------------------------------------------
# the return

def meta_pairs(data: ReturnData) -> list[tuple[str, str]]:
    """The ``_meta`` rows before the sha256, every value as text."""
    m = data.meta
    pairs = [("schema", SCHEMA), ("office_code", m.office_code), ("office_name", m.office_name),
             ("state", m.state), ("month", m.month_key), ("version", str(m.version)),
             ("generated_at", m.generated_at.isoformat(timespec="seconds")),
             ("app_version", m.app_version)]
    pairs += [(s.count_key, str(len(getattr(data, s.attr)))) for s in LINE_SHEETS]
    pairs += [(k, str(v)) for k, v in data.totals().items()]
    pairs.append(("checksum_method", CHECKSUM_METHOD))
    return pairs


def line_values(sheet: LineSheet, lines: Sequence[object]) -> Iterable[tuple]:
    get = attrgetter(*(c.attr for c in sheet.columns[1:]))
    for i, line in enumerate(lines, 1):
        yield (i, *get(line))


def write_return(data: ReturnData, path: str | os.PathLike, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> Path:
    """Write the return of ``data`` to ``path`` (.xlsx) and return the path.

    ``progress(done, total)`` is called as rows are written; ``cancel()`` is asked after every
    row and, when it answers True, the write stops with :class:`Cancelled` and no file is left.
    Refused (``RETURN_WRITE_FAILED``) when the file cannot be written.
    """
    if not isinstance(data, ReturnData):
        raise TypeError("write_return takes a ReturnData")
    path = Path(path)
    if not path.parent.is_dir():
        raise write_failed(path, FileNotFoundError(2, "folder tidak wujud / no such folder"))
    summary = _summary(data)
    pairs = meta_pairs(data)
    lines = sum(len(getattr(data, s.attr)) + 2 for s in LINE_SHEETS)
    m = data.meta
    book = BookWriter(len(summary.rows) + lines + len(pairs) + 1, progress, cancel,
                      f"{m.office_name} ({m.office_code})",
                      f"Penyata {format_month_ms(m.year, m.month)}")
    try:
        write_summary(book, data, summary)
        for sheet in LINE_SHEETS:
            lines_of = getattr(data, sheet.attr)
            ws = book.sheet(sheet.title, [c.width for c in sheet.columns], len(lines_of) + 2,
                            freeze="C2")
            tokens = book.table(ws, sheet.columns, line_values(sheet, lines_of), len(lines_of))
            book.checksum_sheet(sheet.title, tokens)
        book.meta_sheet(pairs)
    except BaseException:
        book.discard()
        raise
    return book.save(path)


__all__ = ["CHECKSUM_METHOD", "LINE_SHEETS", "SCHEMA", "SHEET_NAMES", "BookWriter", "Column",
           "LineSheet", "canonical_sheet", "meta_pairs", "token", "write_return"]
