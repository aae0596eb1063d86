"""Money input, rounding, "RM" formatting and Malay amounts in words.

Expected words are written by hand from Malay number grammar and the two examples of
reference/statutory-rates.md; the property test reads the words back with a parser written here,
independently of the code under test.
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.money import (
    amount_in_words,
    format_rm,
    number_in_words,
    round_money,
    to_money,
)
from desktop.rules.violations import Refused

D = Decimal
PREFIX, SUFFIX = "Ringgit Malaysia ", " Sahaja"


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [v.code for v in exc.value.violations]


# -- amounts in words -------------------------------------------------------------------------

@pytest.mark.parametrize("amount, words", [
    # the two examples of reference/statutory-rates.md, verbatim
    ("54.00", "Ringgit Malaysia Lima Puluh Empat Sahaja"),
    ("1180.50", "Ringgit Malaysia Seribu Seratus Lapan Puluh Dan Sen Lima Puluh Sahaja"),
    # the cases the brief names
    ("0", "Ringgit Malaysia Sifar Sahaja"),
    ("0.05", "Ringgit Malaysia Sen Lima Sahaja"),
    ("1", "Ringgit Malaysia Satu Sahaja"),
    ("11", "Ringgit Malaysia Sebelas Sahaja"),
    ("19", "Ringgit Malaysia Sembilan Belas Sahaja"),
    ("20", "Ringgit Malaysia Dua Puluh Sahaja"),
    ("100", "Ringgit Malaysia Seratus Sahaja"),
    ("101", "Ringgit Malaysia Seratus Satu Sahaja"),
    ("1000", "Ringgit Malaysia Seribu Sahaja"),
    ("1000000", "Ringgit Malaysia Satu Juta Sahaja"),
    ("63.50", "Ringgit Malaysia Enam Puluh Tiga Dan Sen Lima Puluh Sahaja"),
    # more shapes of the grammar
    ("10", "Ringgit Malaysia Sepuluh Sahaja"),
    ("12", "Ringgit Malaysia Dua Belas Sahaja"),
    ("110", "Ringgit Malaysia Seratus Sepuluh Sahaja"),
    ("111", "Ringgit Malaysia Seratus Sebelas Sahaja"),
    ("200", "Ringgit Malaysia Dua Ratus Sahaja"),
    ("999", "Ringgit Malaysia Sembilan Ratus Sembilan Puluh Sembilan Sahaja"),
    ("1001", "Ringgit Malaysia Seribu Satu Sahaja"),
    ("2000", "Ringgit Malaysia Dua Ribu Sahaja"),
    ("10000", "Ringgit Malaysia Sepuluh Ribu Sahaja"),
    ("11000", "Ringgit Malaysia Sebelas Ribu Sahaja"),
    ("100000", "Ringgit Malaysia Seratus Ribu Sahaja"),
    ("101000", "Ringgit Malaysia Seratus Satu Ribu Sahaja"),
    ("1001000", "Ringgit Malaysia Satu Juta Seribu Sahaja"),
    ("2000000000", "Ringgit Malaysia Dua Bilion Sahaja"),
    ("0.10", "Ringgit Malaysia Sen Sepuluh Sahaja"),
    ("0.99", "Ringgit Malaysia Sen Sembilan Puluh Sembilan Sahaja"),
    ("1.01", "Ringgit Malaysia Satu Dan Sen Satu Sahaja"),
    ("586.42", "Ringgit Malaysia Lima Ratus Lapan Puluh Enam Dan Sen Empat Puluh Dua Sahaja"),
    ("1234567.89", "Ringgit Malaysia Satu Juta Dua Ratus Tiga Puluh Empat Ribu Lima Ratus "
                   "Enam Puluh Tujuh Dan Sen Lapan Puluh Sembilan Sahaja"),
])
def test_amount_in_words(amount, words):
    assert amount_in_words(D(amount)) == words
    assert amount_in_words(amount) == words  # text input reads the same


def test_amount_in_words_takes_grouped_text_and_int():
    assert amount_in_words("RM 1,180.50") == amount_in_words(D("1180.50"))
    assert amount_in_words(54) == "Ringgit Malaysia Lima Puluh Empat Sahaja"


@pytest.mark.parametrize("bad, code", [
    ("-1.00", "NEGATIVE_AMOUNT"), (1.5, "INVALID_AMOUNT"), ("lima", "INVALID_AMOUNT"),
    ("1.005", "AMOUNT_TOO_PRECISE"), ("1000000000000", "AMOUNT_TOO_LARGE"),
])
def test_amount_in_words_refuses(bad, code):
    with pytest.raises(Refused) as exc:
        amount_in_words(bad)
    assert codes(exc) == [code]


_SMALL = {"Satu": 1, "Dua": 2, "Tiga": 3, "Empat": 4, "Lima": 5, "Enam": 6, "Tujuh": 7,
          "Lapan": 8, "Sembilan": 9, "Sepuluh": 10, "Sebelas": 11, "Seratus": 100,
          "Seribu": 1000, "Sifar": 0}
_MULT = {"Belas": None, "Puluh": 10, "Ratus": 100}
_SCALE = {"Ribu": 1000, "Juta": 10**6, "Bilion": 10**9}


def _parse_number(words: list[str]) -> int:
    total, group, last = 0, 0, 0
    for w in words:
        if w in _SMALL:
            last = _SMALL[w]
            if last == 1000:  # Seribu closes a group of its own
                total += 1000
                last = 0
            else:
                group += last
        elif w == "Belas":
            group += 10
        elif w in _MULT:
            group += last * (_MULT[w] - 1)
        elif w in _SCALE:
            total += group * _SCALE[w]
            group = last = 0
        else:
            raise AssertionError(f"unexpected word {w!r}")
    return total + group


def _parse_amount(text: str) -> Decimal:
    assert text.startswith(PREFIX) and text.endswith(SUFFIX)
    body = text[len(PREFIX):-len(SUFFIX)].split()
    if "Sen" in body:
        i = body.index("Sen")
        ringgit_words = body[:i - 1] if i and body[i - 1] == "Dan" else body[:i]
        sen = _parse_number(body[i + 1:])
    else:
        ringgit_words, sen = body, 0
    ringgit = _parse_number(ringgit_words) if ringgit_words else 0
    return D(ringgit) + D(sen) / 100


@given(st.integers(min_value=0, max_value=999_999_999_999_99))
def test_words_read_back_to_the_amount(sen):
    amount = D(sen) / 100
    text = amount_in_words(amount.quantize(D("0.01")))
    assert _parse_amount(text) == amount
    # "Se-" forms: never "Satu Ratus" / "Satu Puluh" / "Satu Belas", and exactly one thousand
    # in a group of thousands is "Seribu" ("Dua Puluh Satu Ribu" is right for 21,000)
    for wrong in ("Satu Ratus", "Satu Puluh", "Satu Belas", "Kosong"):
        assert wrong not in text
    if (sen // 100 // 1000) % 1000 == 1:
        assert "Seribu" in text and "Satu Ribu" not in text
    assert "  " not in text


def test_number_in_words_refuses_out_of_range():
    for bad in (-1, 10**12, True, "12"):
        with pytest.raises(Refused):
            number_in_words(bad)


# -- parsing ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("1,234.50", "1234.50"), ("RM 12.30", "12.30"), ("rm1234.5", "1234.50"), ("  12 ", "12.00"),
    ("0", "0.00"), (".5", "0.50"), ("12.", "12.00"), ("1,000,000", "1000000.00"),
    (D("2345.69"), "2345.69"), (D("2345.690"), "2345.69"), (7, "7.00"), ("RM 1 234.00", "1234.00"),
])
def test_to_money_accepts(value, expected):
    result = to_money(value)
    assert result == D(expected)
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize("value, code", [
    (1.5, "INVALID_AMOUNT"), (True, "INVALID_AMOUNT"), (None, "INVALID_AMOUNT"),
    ("abc", "INVALID_AMOUNT"), ("", "INVALID_AMOUNT"), ("RM", "INVALID_AMOUNT"),
    ("1,23", "INVALID_AMOUNT"), ("12,34.00", "INVALID_AMOUNT"), ("--1", "INVALID_AMOUNT"),
    ("1e5", "INVALID_AMOUNT"), ("NaN", "INVALID_AMOUNT"), (D("Infinity"), "INVALID_AMOUNT"),
    ("1.2.3", "INVALID_AMOUNT"), ([1], "INVALID_AMOUNT"),
    ("1.234", "AMOUNT_TOO_PRECISE"), (D("0.001"), "AMOUNT_TOO_PRECISE"),
    ("-5", "NEGATIVE_AMOUNT"), (-1, "NEGATIVE_AMOUNT"), ("RM -0.01", "NEGATIVE_AMOUNT"),
])
def test_to_money_refuses_naming_the_field(value, code):
    with pytest.raises(Refused) as exc:
        to_money(value, field="gaji")
    assert codes(exc) == [code]
    assert exc.value.fields == ("gaji",)
    assert "gaji" in exc.value.message("ms") and "gaji" in exc.value.message("en")


def test_to_money_negative_when_allowed():
    assert to_money("-12.30", allow_negative=True) == D("-12.30")
    assert to_money("RM -1,000", allow_negative=True) == D("-1000.00")
    assert to_money("-0.00") == D("0.00") and not to_money("-0.00").is_signed()


# -- rounding and formatting -----------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2.345", "2.35"), ("2.344", "2.34"), ("0.005", "0.01"), ("0.004", "0.00"),
    ("-2.345", "-2.35"), ("586.4225", "586.42"), ("1.015", "1.02"), ("2.5", "2.50"),
])
def test_round_money_half_up(value, expected):
    assert round_money(D(value)) == D(expected)


def test_round_money_refuses_float():
    with pytest.raises(Refused):
        round_money(2.345)


@pytest.mark.parametrize("amount, text", [
    ("1234.5", "RM 1,234.50"), ("0.05", "RM 0.05"), ("1000000", "RM 1,000,000.00"),
    ("54", "RM 54.00"), ("-12.30", "-RM 12.30"), (D("999.99"), "RM 999.99"),
])
def test_format_rm(amount, text):
    assert format_rm(amount) == text


def test_format_rm_refuses_junk():
    with pytest.raises(Refused):
        format_rm("dua")
