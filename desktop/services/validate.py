"""Small field checks shared by the services; each failure names its field in Malay."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from desktop.rules import RuleViolation, invalid

# A monthly amount above this is a typing slip (an extra zero), not a salary.
SALARY_CEILING = Decimal("100000.00")
SEN = Decimal("0.01")


# control characters other than tab and line breaks (which multi-line fields keep)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Checks:
    """Collects every problem of a form, so the user sees them all at once."""

    def __init__(self) -> None:
        self.problems: list[RuleViolation] = []

    def add(self, violation: RuleViolation) -> None:
        self.problems.append(violation)

    def text(self, field: str, label_ms: str, label_en: str, value, *, required=True,
             max_len=200) -> str:
        text = "" if value is None else str(value).strip()
        if CONTROL.search(text):  # a NUL cannot even be stored on PostgreSQL
            self.add(invalid(field, f"{label_ms} mengandungi aksara kawalan yang tidak "
                             "dibenarkan.", f"{label_en} holds a control character that is "
                             "not allowed.", "INVALID_CHARACTER"))
        elif required and not text:
            self.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                             "REQUIRED"))
        elif len(text) > max_len:
            self.add(invalid(field, f"{label_ms} terlalu panjang (maksimum {max_len} aksara).",
                             f"{label_en} is too long (at most {max_len} characters).",
                             "TOO_LONG"))
        return text

    def raise_if_any(self) -> None:
        if self.problems:
            from desktop.rules import Refused

            raise Refused(self.problems)


# Forms hold what the user typed; these read it into a value or add a refusal naming the field.

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DMY_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")  # 15/01/2024, 15-1-2024
EARLIEST_YEAR = 1900  # "0024" is a slip for 2024, not a date to keep
GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")  # 1,500 or 1,500.00


def typed_date(c: Checks, field: str, label_ms: str, label_en: str, value, *,
               required: bool = True) -> date | None:
    """A date given as a ``date`` or typed as 2024-01-15 or 15/01/2024 (also - or .), with a
    four-digit year."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            c.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                          "REQUIRED"))
        return None
    parts = None
    if m := ISO_DATE.match(text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := DMY_DATE.match(text):
        parts = int(m[4]), int(m[3]), int(m[1])
    if parts is not None and parts[0] >= EARLIEST_YEAR:
        try:
            return date(*parts)
        except ValueError:
            pass
    c.add(invalid(field, f"{label_ms} '{text}' bukan tarikh yang sah (contoh: 15/01/2024).",
                  f"{label_en} '{text}' is not a valid date (for example 15/01/2024).",
                  "INVALID_DATE"))
    return None


def typed_id(c: Checks, field: str, label_ms: str, label_en: str, value, *,
             required: bool = True) -> int | None:
    """A record id chosen in a list (an int, or its text)."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        return _stored_id(c, field, label_ms, label_en, value)
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            c.add(invalid(field, f"{label_ms} wajib dipilih.", f"{label_en} must be chosen.",
                          "REQUIRED"))
        return None
    if text.isascii() and text.isdigit():  # "²".isdigit() too, but int() refuses it
        # int() refuses more than 4,300 digits; anything past 20 is too large anyway
        return _stored_id(c, field, label_ms, label_en, int(text) if len(text) <= 20 else -1,
                          len(text) > 20)
    c.add(invalid(field, f"{label_ms} mesti nombor bulat: '{text}'.",
                  f"{label_en} must be a whole number: '{text}'.", "NOT_A_NUMBER"))
    return None


MAX_ID = 2**31 - 1  # ids are INTEGER columns: 32 bits on PostgreSQL (SQLite's are wider)


def _stored_id(c: Checks, field: str, label_ms: str, label_en: str, value: int,
               too_large: bool = False) -> int | None:
    """A number beyond an id column is refused here, not by the driver or the server."""
    if not too_large and -MAX_ID - 1 <= value <= MAX_ID:
        return value
    c.add(invalid(field, f"{label_ms} terlalu besar.", f"{label_en} is too large.", "TOO_LARGE"))
    return None


def typed_money(c: Checks, field: str, label_ms: str, label_en: str, value) -> Decimal | None:
    """Ringgit above zero with at most two decimals ("1,500.00", "RM 1500", Decimal, int)."""
    amount = None
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().upper().removeprefix("RM").strip()
        if GROUPED.match(text):
            text = text.replace(",", "")
        if not text:
            c.add(invalid(field, f"{label_ms} wajib diisi.", f"{label_en} is required.",
                          "REQUIRED"))
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
    # a float (or anything else) is refused: money is never a binary fraction
    if amount is None or not amount.is_finite():
        c.add(invalid(field, f"{label_ms} '{value}' bukan amaun ringgit yang sah.",
                      f"{label_en} '{value}' is not a valid amount in ringgit.",
                      "INVALID_AMOUNT"))
        return None
    if amount <= 0:
        c.add(invalid(field, f"{label_ms} mesti lebih daripada RM0.00.",
                      f"{label_en} must be more than RM0.00.", "INVALID_AMOUNT"))
        return None
    # the ceiling first: quantize() of "1e30" raises InvalidOperation (too many digits)
    if amount > SALARY_CEILING:
        c.add(invalid(field, f"{label_ms} '{value}' melebihi had RM{SALARY_CEILING:,.2f}.",
                      f"{label_en} '{value}' exceeds the limit RM{SALARY_CEILING:,.2f}.",
                      "INVALID_AMOUNT"))
        return None
    if amount != amount.quantize(SEN):
        c.add(invalid(field, f"{label_ms} '{value}' mempunyai lebih daripada dua tempat perpuluhan.",
                      f"{label_en} '{value}' has more than two decimal places.", "INVALID_AMOUNT"))
        return None
    return amount.quantize(SEN)
