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
from desktop.rules.tables import RATE_TABLE_INVALID, rate_rows
from desktop.rules.violations import Refused

PER_DAY = "HARI"
PER_MONTH = "BULAN"

GANTIAN_RATE_NOT_FOUND = rule(
    "GANTIAN_RATE_NOT_FOUND", "7.4(d)",
    "Tiada kadar bayaran saguhati pegawai gantian bagi gred {grade} pada {day}; pentadbir "
    "hendaklah memasukkannya dalam jadual gantian.toml.",
    "No replacement officer honorarium is set for grade {grade} on {day}; the administrator "
    "must enter it in the table gantian.toml.")


@dataclass(frozen=True)
class Honorarium:
    grade: str
    per: str  # PER_DAY or PER_MONTH
    amount: Decimal


def gantian_honorarium(grade: str, on: date) -> Honorarium:
    """The honorarium of ``grade`` in force on ``on``."""
    code = normalise_grade(grade)
    rows = rate_rows("gantian", "honorarium", on, "bayaran saguhati pegawai gantian",
                     "replacement officer honorarium")
    for row in rows:
        try:
            row_grade = normalise_grade(row.get("grade"))
            per = row.get("per")
            if per not in (PER_DAY, PER_MONTH):
                raise RATE_TABLE_INVALID.refuse(table="gantian.honorarium",
                                                detail=f"per = {per!r} (HARI / BULAN)")
            amount = to_money(row.get("amount"), "amount")
        except Refused as exc:
            raise RATE_TABLE_INVALID.refuse(table="gantian.honorarium",
                                            detail=f"{row!r}: {exc}") from exc
        if row_grade == code:
            return Honorarium(code, per, amount)
    raise GANTIAN_RATE_NOT_FOUND.refuse(field="grade", grade=code, day=on.isoformat())
