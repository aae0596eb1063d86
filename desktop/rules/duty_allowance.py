"""Official-duty allowances of a PSH (para 5A(j), rates in Lampiran A of the circular).

The rates of Lampiran A are not public: ``resources/rates/lampiran_a.toml`` ships empty and every
computation refuses with ``RATE_TABLE_EMPTY`` until the administrator enters them, per kind of
allowance and per qualification used for the PSH's wage (5A(j): "mengikut jenis tugas dan
kelayakan akademik yang digunakan semasa menentukan kadar upah PSH").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum

from desktop.rules.catalogue import rule
from desktop.rules.enums import Qualification
from desktop.rules.gantian import filled_rows
from desktop.rules.money import to_money
from desktop.rules.rates import check_day, invalid_table
from desktop.rules.violations import Refused

# kind -> (Malay name in 5A(j), what the amount is paid per)
DUTY_KINDS: dict[str, tuple[str, str]] = {
    "KENDERAAN": ("Elaun Perjalanan Kenderaan", "km"),
    "HOTEL": ("Bayaran Sewa Hotel", "malam"),
    "LOJING": ("Elaun Lojing", "malam"),
    "HARIAN": ("Elaun Harian", "hari"),
    "MAKAN": ("Elaun Makan", "hari"),
}

UNKNOWN_DUTY_ALLOWANCE = rule(
    "UNKNOWN_DUTY_ALLOWANCE", "5A(j)",
    "Jenis elaun tugas rasmi '{value}' tidak dikenali (KENDERAAN, HOTEL, LOJING, HARIAN atau "
    "MAKAN).",
    "Unknown official-duty allowance '{value}' (KENDERAAN, HOTEL, LOJING, HARIAN or MAKAN).")
UNKNOWN_QUALIFICATION = rule(
    "UNKNOWN_QUALIFICATION", None,
    "Kelayakan '{value}' tidak dikenali (IJAZAH, DIPLOMA, STPM atau SPM).",
    "Unknown qualification '{value}' (IJAZAH, DIPLOMA, STPM or SPM).")
DUTY_RATE_NOT_FOUND = rule(
    "DUTY_RATE_NOT_FOUND", "5A(j)",
    "Tiada kadar {name} (Lampiran A) bagi kelayakan {qualification} pada {day}; pentadbir "
    "hendaklah memasukkannya di halaman Kadar.",
    "No {name} rate (Lampiran A) is set for qualification {qualification} on {day}; the "
    "administrator must enter it on the Rates page.")

QUALIFICATIONS = ("IJAZAH", "DIPLOMA", "STPM", "SPM")


def _choice(value: object, allowed, unknown, field: str) -> str:
    if isinstance(value, Enum):
        value = value.value
    text = value.strip().upper() if isinstance(value, str) else None
    if text not in allowed:
        raise unknown.refuse(field=field, value="" if value is None else str(value))
    return text


def duty_allowance(kind: str, on: date, qualification: Qualification | str | None = None
                   ) -> Decimal:
    """The Lampiran A rate of ``kind`` (per km, night or day: :data:`DUTY_KINDS`) in force on
    ``on`` for a PSH paid by ``qualification``; a row without a qualification applies to all."""
    code = _choice(kind, DUTY_KINDS, UNKNOWN_DUTY_ALLOWANCE, "kind")
    qual = (None if qualification is None
            else _choice(qualification, QUALIFICATIONS, UNKNOWN_QUALIFICATION, "qualification"))
    on = check_day(on, "on")
    general = None
    for row in filled_rows("lampiran_a", on):
        try:
            row_kind = _choice(row.get("kind"), DUTY_KINDS, UNKNOWN_DUTY_ALLOWANCE, "kind")
            row_qual = row.get("qualification")
            if row_qual is not None:
                row_qual = _choice(row_qual, QUALIFICATIONS, UNKNOWN_QUALIFICATION,
                                   "qualification")
            amount = to_money(row.get("amount"), "amount")
        except Refused as exc:
            raise invalid_table("lampiran_a.toml", f"baris {row} tidak sah: {exc.message('ms')}",
                                f"row {row} is not valid: {exc.message('en')}") from None
        if row_kind != code:
            continue
        if row_qual is not None and row_qual == qual:
            return amount
        if row_qual is None:
            general = amount
    if general is not None:
        return general
    raise DUTY_RATE_NOT_FOUND.refuse(field="kind", name=DUTY_KINDS[code][0],
                                     qualification=qual or "-", day=on.isoformat())
