"""The honorarium of a replacement officer (bayaran saguhati pegawai gantian, set by JPTP).

The rates are not public: ``resources/rates/gantian.toml`` ships empty and every computation
refuses with ``RATE_TABLE_EMPTY`` until the administrator enters them (per grade, per day or per
month).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop.rules.catalogue import rule
from desktop.rules.filling import normalise_grade
from desktop.rules.money import to_money
from desktop.rules.rates import (
    check_day,
    invalid_table,
    load_rates,
    require_rows,
    table_in_force,
)
from desktop.rules.violations import Refused

PER_DAY = "HARI"
PER_MONTH = "BULAN"

GANTIAN_RATE_NOT_FOUND = rule(
    "GANTIAN_RATE_NOT_FOUND", "7.4(d)",
    "Tiada kadar bayaran saguhati pegawai gantian bagi gred {grade} pada {day}; pentadbir "
    "hendaklah memasukkannya di halaman Kadar.",
    "No replacement officer honorarium is set for grade {grade} on {day}; the administrator "
    "must enter it on the Rates page.")


@dataclass(frozen=True)
class Honorarium:
    grade: str
    per: str  # PER_DAY or PER_MONTH
    amount: Decimal


def filled_rows(name: str, on: date) -> list[dict]:
    """The ``rows`` of the table of ``rates/<name>.toml`` in force on ``on``, refused with
    ``RATE_TABLE_EMPTY`` while the administrator has not filled them."""
    rows = require_rows(table_in_force(name, on), "rows", load_rates(name)["title"])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise invalid_table(f"{name}.toml", "rows mesti senarai baris { ... }",
                            "rows must be a list of { ... } rows")
    return rows


def gantian_honorarium(grade: str, on: date) -> Honorarium:
    """The honorarium of ``grade`` in force on ``on``."""
    code = normalise_grade(grade)
    on = check_day(on, "on")
    for row in filled_rows("gantian", on):
        per = row.get("per")
        try:
            row_grade = normalise_grade(row.get("grade"))
            amount = to_money(row.get("amount"), "amount")
        except Refused as exc:
            raise invalid_table("gantian.toml", f"baris {row} tidak sah: {exc.message('ms')}",
                                f"row {row} is not valid: {exc.message('en')}") from None
        if per not in (PER_DAY, PER_MONTH):
            raise invalid_table("gantian.toml", f"per = {per!r} mesti HARI atau BULAN",
                                f"per = {per!r} must be HARI or BULAN")
        if row_grade == code:
            return Honorarium(code, per, amount)
    raise GANTIAN_RATE_NOT_FOUND.refuse(field="grade", grade=code, day=on.isoformat())
