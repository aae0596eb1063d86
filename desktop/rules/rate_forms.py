"""The rate tables the administrator enters in the app, and how their rows are checked.

No public source gives the replacement officer's honorarium (set by JPTP, paras 7.4(d) and
8.2(c)) nor the official-duty allowances of Lampiran A (5A(j)), so the installation ships those
two tables empty (``resources/rates/gantian.toml``, ``lampiran_a.toml``) and the administrator
enters them from the letters the office holds (``services.rate_tables``, the Kadar page).
A row is checked here as the rules that read it will read it (``rules.gantian``,
``rules.duty_allowance``), so a saved table can never be refused later as invalid.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.rules.catalogue import rule
from desktop.rules.duty_allowance import DUTY_KINDS, QUALIFICATIONS
from desktop.rules.filling import normalise_grade
from desktop.rules.gantian import PER_DAY, PER_MONTH
from desktop.rules.money import to_money
from desktop.rules.violations import Refused, RuleViolation


@dataclass(frozen=True)
class RateColumn:
    key: str  # the row's key in the table, as in the TOML files
    label_ms: str
    label_en: str
    choices: tuple[str, ...] = ()  # fixed codes (a combo box); () = free text
    choice_labels_ms: tuple[str, ...] = ()  # the Malay label of each choice, same order
    choice_labels_en: tuple[str, ...] = ()  # and the English one
    optional: bool = False  # may be left blank: the row applies to all
    money: bool = False  # an amount in RM


@dataclass(frozen=True)
class EditableTable:
    name: str
    title_ms: str
    title_en: str
    paragraph: str
    columns: tuple[RateColumn, ...]
    key: tuple[str, ...]  # the columns no two rows may share


# Lampiran A's kinds in English, in DUTY_KINDS' order
DUTY_KINDS_EN = ("Vehicle mileage allowance (per km)", "Hotel (per night)",
                 "Lodging allowance (per night)", "Daily allowance (per day)",
                 "Meal allowance (per day)")
AMOUNT = RateColumn("amount", "Kadar (RM)", "Rate (RM)", money=True)

EDITABLE_TABLES: dict[str, EditableTable] = {
    "gantian": EditableTable(
        "gantian", "Bayaran saguhati pegawai gantian", "Replacement officer honorarium",
        "7.4(d)", (
            RateColumn("grade", "Gred", "Grade"),
            RateColumn("per", "Dibayar setiap", "Paid per", choices=(PER_DAY, PER_MONTH),
                       choice_labels_ms=("Hari", "Bulan"), choice_labels_en=("Day", "Month")),
            AMOUNT),
        key=("grade",)),
    "lampiran_a": EditableTable(
        "lampiran_a", "Elaun tugas rasmi (Lampiran A)", "Official-duty allowances (Lampiran A)",
        "5A(j)", (
            RateColumn("kind", "Jenis elaun", "Allowance", choices=tuple(DUTY_KINDS),
                       choice_labels_ms=tuple(f"{name} (setiap {per})"
                                              for name, per in DUTY_KINDS.values()),
                       choice_labels_en=DUTY_KINDS_EN),
            RateColumn("qualification", "Kelayakan", "Qualification", choices=QUALIFICATIONS,
                       choice_labels_ms=QUALIFICATIONS, choice_labels_en=QUALIFICATIONS,
                       optional=True),
            AMOUNT),
        key=("kind", "qualification")),
}

RATE_TABLE_UNKNOWN = rule(
    "RATE_TABLE_UNKNOWN", None,
    "Jadual kadar '{name}' tidak boleh diisi dalam aplikasi.",
    "Rate table '{name}' cannot be entered in the app.")
RATE_ROW_INVALID = rule(
    "RATE_ROW_INVALID", None,
    "Baris {row}: {label} {problem_ms}.",
    "Row {row}: {label_en} {problem_en}.")
RATE_ROWS_NONE = rule(
    "RATE_ROWS_NONE", None,
    "Masukkan sekurang-kurangnya satu kadar.",
    "Enter at least one rate.")
RATE_ROW_REPEATED = rule(
    "RATE_ROW_REPEATED", None,
    "Baris {row} mengulangi baris {first} ({what}): satu kadar sahaja bagi setiap satu.",
    "Row {row} repeats row {first} ({what}): one rate each.")


def editable_table(name: str) -> EditableTable:
    table = EDITABLE_TABLES.get(name) if isinstance(name, str) else None
    if table is None:
        raise RATE_TABLE_UNKNOWN.refuse(field="name", name=str(name))
    return table


def clean_rows(name: str, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows as the table stores them (codes upper-case, grades as "S17", amounts as
    "60.00", a blank optional cell left out); every problem refused at once, each naming its
    row (counted as the user sees them, blank rows included) and column. Blank rows are
    skipped."""
    table = editable_table(name)
    problems: list[RuleViolation] = []
    clean: list[dict[str, str]] = []
    seen: dict[tuple, int] = {}
    for number, row in enumerate(rows, start=1):
        cells = {c.key: _text(row.get(c.key) if isinstance(row, dict) else None)
                 for c in table.columns}
        if not any(cells.values()):
            continue
        out: dict[str, str] = {}
        bad = [_row_problem(number, column, problem) for column in table.columns
               if (problem := _cell(column, cells[column.key], out))]
        if bad:
            problems.extend(bad)
            continue
        key = tuple(out.get(k, "") for k in table.key)
        if key in seen:
            problems.append(RATE_ROW_REPEATED.violation(
                field="rows", row=number, first=seen[key],
                what=", ".join(v or "semua" for v in key)))
        else:
            seen[key] = number
        clean.append(out)
    if not clean and not problems:
        problems.append(RATE_ROWS_NONE.violation(field="rows"))
    if problems:
        raise Refused(problems)
    return clean


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def _cell(column: RateColumn, text: str, out: dict[str, str]) -> tuple[str, str] | None:
    """Put the cell's stored value in ``out``; or its problem, (Malay, English)."""
    if not text:
        return None if column.optional else ("wajib diisi", "is required")
    if column.money:
        try:
            amount = to_money(text, column.key)
        except Refused:
            return (f"'{text}' bukan amaun wang", f"'{text}' is not an amount of money")
        if amount <= 0:
            return ("mesti lebih daripada sifar", "must be more than zero")
        out[column.key] = f"{amount:.2f}"
    elif column.choices:
        code = text.upper()
        if code not in column.choices:
            return (f"'{text}' bukan salah satu daripada {', '.join(column.choices)}",
                    f"'{text}' is not one of {', '.join(column.choices)}")
        out[column.key] = code
    elif column.key == "grade":
        try:
            out[column.key] = normalise_grade(text)
        except Refused:
            return (f"'{text}' bukan kod gred (cth. S17)", f"'{text}' is not a grade code "
                    "(e.g. S17)")
    else:
        out[column.key] = text
    return None


def _row_problem(number: int, column: RateColumn, problem: tuple[str, str]) -> RuleViolation:
    return RATE_ROW_INVALID.violation(field="rows", row=number, label=column.label_ms,
                                      label_en=column.label_en, problem_ms=problem[0],
                                      problem_en=problem[1])
