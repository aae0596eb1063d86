"""Money: parsing input into ``Decimal``, rounding to the sen, "RM 1,234.50", and Malay words.

Amounts are ``Decimal`` with two places, rounded half up. Floats are refused, not converted: a
float has already lost the sen it was meant to hold (``0.1 + 0.2``), so callers pass ``int``,
``Decimal`` or the text the user typed.

Amounts in words follow the government letter and cheque style of
``reference/statutory-rates.md``: "Ringgit Malaysia Lima Puluh Empat Sahaja" and
"Ringgit Malaysia Seribu Seratus Lapan Puluh Dan Sen Lima Puluh Sahaja": every word capitalised,
"Se-" for one of ten, a hundred and a thousand (Sepuluh, Sebelas, Seratus, Seribu), the sen after
"Dan Sen". The reference is silent on these cases, which follow common Malaysian cheque style:

- a million and above: "Satu Juta", "Dua Juta" ("Sejuta" is not used on cheques); "Bilion" above;
- no ringgit, only sen: "Ringgit Malaysia Sen Lima Sahaja" (the sen part alone, no "Dan");
- zero: "Ringgit Malaysia Sifar Sahaja".
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop.rules.catalogue import rule

CENT = Decimal("0.01")
# Words go up to 999,999,999,999.99: far above any amount the office handles.
MAX_WORDS = Decimal("999999999999.99")

INVALID_AMOUNT = rule(
    "INVALID_AMOUNT", None,
    "Amaun '{value}' bagi {field} tidak sah: tulis nombor seperti 1,234.50.",
    "The amount '{value}' for {field} is not valid: write a number like 1,234.50.")
AMOUNT_TOO_PRECISE = rule(
    "AMOUNT_TOO_PRECISE", None,
    "Amaun '{value}' bagi {field} mempunyai lebih daripada dua tempat perpuluhan (sen).",
    "The amount '{value}' for {field} has more than two decimal places (sen).")
NEGATIVE_AMOUNT = rule(
    "NEGATIVE_AMOUNT", None,
    "Amaun bagi {field} tidak boleh negatif ({value}).",
    "The amount for {field} cannot be negative ({value}).")
AMOUNT_TOO_LARGE = rule(
    "AMOUNT_TOO_LARGE", None,
    "Amaun {value} terlalu besar untuk ditulis dalam perkataan.",
    "The amount {value} is too large to write in words.")

# "RM 1,234.50", "rm1234.5", "-1,234", "RM -12.30": thousands grouped by three when grouped.
_AMOUNT_TEXT = re.compile(r"^(?P<sign>[-+]?)(?:RM)?(?P<sign2>[-+]?)"
                          r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?P<frac>\.\d*)?$")


def to_money(value: object, field: str = "amount", allow_negative: bool = False) -> Decimal:
    """``value`` (Decimal, int, or text like "1,234.50" / "RM 12.30") as Decimal to the sen.

    Refuses floats, booleans, ``None``, text that is not an amount, more than two decimal places
    and, unless ``allow_negative``, amounts below zero; each refusal names ``field``.
    """
    shown = "" if value is None else str(value)
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise INVALID_AMOUNT.refuse(field=field, value=shown)
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    else:
        text = re.sub(r"\s+", "", value).upper()
        match = _AMOUNT_TEXT.match(text)
        if (not match or (match["sign"] and match["sign2"])
                or not (match["int"] or (match["frac"] or "").lstrip("."))):
            raise INVALID_AMOUNT.refuse(field=field, value=shown)
        digits = (match["int"] or "0").replace(",", "") + (match["frac"] or "").rstrip(".")
        amount = Decimal(digits)
        if "-" in (match["sign"] + match["sign2"]):
            amount = -amount
    if not amount.is_finite():
        raise INVALID_AMOUNT.refuse(field=field, value=shown)
    try:
        exact = amount.quantize(CENT)
    except InvalidOperation as exc:  # too many digits for the context
        raise INVALID_AMOUNT.refuse(field=field, value=shown) from exc
    if exact != amount:
        raise AMOUNT_TOO_PRECISE.refuse(field=field, value=shown)
    if exact < 0 and not allow_negative:
        raise NEGATIVE_AMOUNT.refuse(field=field, value=shown)
    return exact + 0  # + 0 turns -0.00 into 0.00


def round_money(value: Decimal | int) -> Decimal:
    """``value`` rounded to the sen, half up (0.005 -> 0.01, -0.005 -> -0.01)."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise INVALID_AMOUNT.refuse(field="amount", value=str(value))
    if isinstance(value, Decimal) and not value.is_finite():
        raise INVALID_AMOUNT.refuse(field="amount", value=str(value))
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP) + 0


def format_rm(amount: Decimal | int | str) -> str:
    """"RM 1,234.50" (negative: "-RM 1,234.50").

    The grouping and decimals come from babel's ``ms_MY`` number format. Babel's ``ms_MY``
    *currency* format writes "RM1,234.50" with no space; government letters put a space after
    "RM", so the symbol is added here.
    """
    from babel.numbers import format_decimal  # imported on first use: keeps start-up light

    value = to_money(amount, allow_negative=True)
    text = format_decimal(abs(value), format="#,##0.00", locale="ms_MY")
    return ("-RM " if value < 0 else "RM ") + text


_UNITS = ("", "Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Lapan", "Sembilan")
_SCALES = ((10**9, "Bilion"), (10**6, "Juta"), (1000, "Ribu"))


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("Seratus")
    elif hundreds:
        words += [_UNITS[hundreds], "Ratus"]
    tens, units = divmod(rest, 10)
    if tens == 1:
        words.append({0: "Sepuluh", 1: "Sebelas"}.get(units) or f"{_UNITS[units]} Belas")
    else:
        if tens:
            words += [_UNITS[tens], "Puluh"]
        if units:
            words.append(_UNITS[units])
    return words


def number_in_words(n: int) -> str:
    """A whole number from 0 in Malay words, capitalised: 1180 -> "Seribu Seratus Lapan Puluh"."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0 or n > 999_999_999_999:
        raise AMOUNT_TOO_LARGE.refuse(value=str(n))
    if n == 0:
        return "Sifar"
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count == 1 and scale == 1000:
            words.append("Seribu")
        elif count:
            words += _below_thousand(count) + [name]
    words += _below_thousand(n)
    return " ".join(words)


def amount_in_words(amount: Decimal | int | str) -> str:
    """"Ringgit Malaysia ... Sahaja" for an amount to the sen (see the module notes)."""
    value = to_money(amount)
    if value > MAX_WORDS:
        raise AMOUNT_TOO_LARGE.refuse(value=format_rm(value))
    ringgit = int(value)
    sen = int((value - ringgit) * 100)
    parts = ["Ringgit Malaysia"]
    if ringgit or not sen:
        parts.append(number_in_words(ringgit))
    if sen:
        if ringgit:
            parts.append("Dan")
        parts += ["Sen", number_in_words(sen)]
    parts.append("Sahaja")
    return " ".join(parts)
