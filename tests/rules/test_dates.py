"""Malay and English dates as letters write them, and dates as clerks type them."""

from datetime import date, datetime

import pytest

from desktop.rules.dates import format_date_en, format_date_ms, format_month_ms, parse_date
from desktop.rules.violations import Refused

# The months of the Malay calendar as Dewan Bahasa dan Pustaka spells them.
MALAY_MONTHS = ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos",
                "September", "Oktober", "November", "Disember"]
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]


def test_the_letter_style_examples():
    assert format_date_ms(date(2016, 6, 16)) == "16 Jun 2016"  # the circular's own date
    assert format_date_ms(date(2026, 8, 1)) == "1 Ogos 2026"
    assert format_date_ms(date(2026, 3, 3)) == "3 Mac 2026"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_full_malay_name_no_leading_zero(month):
    assert format_date_ms(date(2026, month, 5)) == f"5 {MALAY_MONTHS[month - 1]} 2026"
    assert format_month_ms(2026, month) == f"{MALAY_MONTHS[month - 1]} 2026"
    assert format_date_en(date(2026, month, 5)) == f"5 {ENGLISH_MONTHS[month - 1]} 2026"


def test_month_and_english():
    assert format_month_ms(2026, 11) == "November 2026"
    assert format_date_en(date(2016, 6, 16)) == "16 June 2016"
    assert format_date_ms(datetime(2026, 12, 31, 23, 59)) == "31 Disember 2026"


def test_format_refuses_non_dates():
    with pytest.raises(Refused) as exc:
        format_date_ms("2026-11-25")
    assert exc.value.violations[0].code == "INVALID_DATE"
    with pytest.raises(Refused) as exc:
        format_month_ms(2026, 13)
    assert exc.value.violations[0].code == "INVALID_MONTH"


@pytest.mark.parametrize("text, expected", [
    ("2026-11-25", date(2026, 11, 25)), ("25/11/2026", date(2026, 11, 25)),
    (" 5/1/2026 ", date(2026, 1, 5)), ("2024-02-29", date(2024, 2, 29)),
    ("2026-1-5", date(2026, 1, 5)), (date(2026, 3, 3), date(2026, 3, 3)),
    (datetime(2026, 3, 3, 10, 0), date(2026, 3, 3)),
])
def test_parse_date(text, expected):
    result = parse_date(text, "start")
    assert result == expected and type(result) is date


@pytest.mark.parametrize("text", [
    "31/02/2026", "2026-13-01", "2025-02-29", "25-11-2026", "25/11/26", "11/25/2026 10:00",
    "abc", "", "   ", None, 20261125, "0026-01-01", "25.11.2026", "2026/11/25", "1/1/20266",
])
def test_parse_date_refuses_naming_the_field(text):
    with pytest.raises(Refused) as exc:
        parse_date(text, "tarikh_mula")
    violation = exc.value.violations[0]
    assert violation.code == "INVALID_DATE"
    assert violation.field == "tarikh_mula"
    assert "tarikh_mula" in violation.message_ms
