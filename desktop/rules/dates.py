"""Dates as letters write them ("16 Jun 2016", "1 Ogos 2026") and as clerks type them.

Government letters write the day without a leading zero and the month's full Malay name; for
June, "Jun" is the full name (babel's ``ms`` data agrees). Babel's abbreviated forms differ from
the letter style ("Ogo", "Jul", "Dis"), so the full form ``MMMM`` is used for every month.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from desktop.rules.catalogue import rule

INVALID_DATE_INPUT = rule(
    "INVALID_DATE", None,
    "Tarikh '{value}' bagi {field} tidak sah: tulis seperti 25/11/2026 atau 2026-11-25.",
    "The date '{value}' for {field} is not valid: write it like 25/11/2026 or 2026-11-25.")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _as_date(d: object) -> date:
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise INVALID_DATE_INPUT.refuse(field="date", value="" if d is None else str(d))
    return d


def format_date_ms(d: date) -> str:
    """"16 Jun 2016", "1 Ogos 2026", "3 Mac 2026": babel's "d MMMM y" in Malay, put together
    from its month names (read once: a register formats tens of thousands of dates)."""
    d = _as_date(d)
    return f"{d.day} {month_names_ms()[d.month - 1]} {d.year}"


@cache
def month_names_ms() -> tuple[str, ...]:
    """"Januari" ... "Disember", from babel's Malay locale."""
    from babel.dates import get_month_names  # imported on first use: keeps start-up light

    names = get_month_names("wide", locale="ms")
    return tuple(names[m] for m in range(1, 13))


def format_month_ms(year: int, month: int) -> str:
    """"November 2026"."""
    from babel.dates import format_date

    from desktop.rules.calendar import month_bounds

    first, _ = month_bounds(year, month)
    return format_date(first, "MMMM y", locale="ms")


def format_date_en(d: date) -> str:
    """"16 June 2016"."""
    from babel.dates import format_date

    return format_date(_as_date(d), "d MMMM y", locale="en")


def parse_date(text: object, field: str = "date") -> date:
    """A date from "2026-11-25" or "25/11/2026" (a ``date`` passes through); years 1900-2200."""
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    shown = "" if text is None else str(text)
    if isinstance(text, str):
        value = text.strip()
        iso, dmy = _ISO.match(value), _DMY.match(value)
        if iso:
            year, month, day = (int(g) for g in iso.groups())
        elif dmy:
            day, month, year = (int(g) for g in dmy.groups())
        else:
            raise INVALID_DATE_INPUT.refuse(field=field, value=shown)
        try:
            if 1900 <= year <= 2200:  # a typed "0226" or "20266" is a typo, not a year
                return date(year, month, day)
        except ValueError:
            pass
    raise INVALID_DATE_INPUT.refuse(field=field, value=shown)
