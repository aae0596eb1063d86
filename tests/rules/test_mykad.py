"""MyKad numbers: the facts read from them and every way a typed number is refused.

Expected values come from reference/calendars-and-mykad.md: YYMMDD birth date in the latest
century not in the future, PB birthplace (01-16 the states in subdivision order, 21-59 more
state codes, 82 Malaysia state unknown, foreign and unused codes listed), last digit odd = male.
"""

from datetime import date

import pytest

from desktop.rules import Refused
from desktop.rules.mykad import (
    FOREIGN_BIRTHPLACE,
    INVALID,
    MyKadInfo,
    check_citizen_birthplace,
    format_mykad,
    parse_mykad,
)
from desktop.rules.violations import WARNING

TODAY = date(2026, 6, 1)

# The reference's ranges, written out by hand.
STATE_CODES = {
    "01": "Johor", "02": "Kedah", "03": "Kelantan", "04": "Melaka", "05": "Negeri Sembilan",
    "06": "Pahang", "07": "Pulau Pinang", "08": "Perak", "09": "Perlis", "10": "Selangor",
    "11": "Terengganu", "12": "Sabah", "13": "Sarawak", "14": "W.P. Kuala Lumpur",
    "15": "W.P. Labuan", "16": "W.P. Putrajaya",
    "21": "Johor", "22": "Johor", "23": "Johor", "24": "Johor", "25": "Kedah", "26": "Kedah",
    "27": "Kedah", "28": "Kelantan", "29": "Kelantan", "30": "Melaka", "31": "Negeri Sembilan",
    "59": "Negeri Sembilan", "32": "Pahang", "33": "Pahang", "34": "Pulau Pinang",
    "35": "Pulau Pinang", "36": "Perak", "37": "Perak", "38": "Perak", "39": "Perak",
    "40": "Perlis", "41": "Selangor", "42": "Selangor", "43": "Selangor", "44": "Selangor",
    "45": "Terengganu", "46": "Terengganu", "47": "Sabah", "48": "Sabah", "49": "Sabah",
    "50": "Sarawak", "51": "Sarawak", "52": "Sarawak", "53": "Sarawak",
    "54": "W.P. Kuala Lumpur", "55": "W.P. Kuala Lumpur", "56": "W.P. Kuala Lumpur",
    "57": "W.P. Kuala Lumpur", "58": "W.P. Labuan",
}
FOREIGN_CODES = ([f"{n}" for n in range(60, 69)] + ["71", "72"]
                 + [f"{n}" for n in range(74, 80)] + [f"{n}" for n in range(83, 94)] + ["98", "99"])
UNUSED_CODES = ["00", "17", "18", "19", "20", "69", "70", "73", "80", "81", "94", "95", "96", "97"]


def parse(text, **kw):
    return parse_mykad(text, today=TODAY, **kw)


def refusal(text, field="mykad"):
    with pytest.raises(Refused) as info:
        parse_mykad(text, field, today=TODAY)
    assert all(v.code == INVALID and v.field == field for v in info.value.violations)
    return info.value


def test_a_valid_number_with_dashes():
    assert parse("900101-10-5678") == MyKadInfo(
        "900101105678", date(1990, 1, 1), "P", "10", "Selangor", True, "SGR")


@pytest.mark.parametrize("typed", ["900101105678", " 900101 10 5678 ", "900101 - 10 - 5678",
                                   "900101-10-5678\n"])
def test_spaces_and_dashes_are_ignored(typed):
    assert parse(typed).number == "900101105678"


def test_format():
    assert format_mykad("900101105678") == "900101-10-5678"
    assert format_mykad("900101 10 5678") == "900101-10-5678"
    assert parse("900101105678").formatted == "900101-10-5678"
    with pytest.raises(Refused):
        format_mykad("12345")


@pytest.mark.parametrize("last, sex", [("0", "P"), ("1", "L"), ("2", "P"), ("3", "L"),
                                       ("4", "P"), ("5", "L"), ("6", "P"), ("7", "L"),
                                       ("8", "P"), ("9", "L")])
def test_sex_from_the_last_digit(last, sex):
    assert parse("850615-08-123" + last).sex == sex


@pytest.mark.parametrize("code, name", sorted(STATE_CODES.items()))
def test_state_birthplaces(code, name):
    info = parse(f"850615{code}1234")
    assert (info.birthplace_code, info.birthplace, info.born_in_malaysia) == (code, name, True)
    assert info.state is not None


def test_malaysia_state_unknown():
    info = parse("850615-82-1234")
    assert (info.birthplace, info.born_in_malaysia, info.state) == ("Tidak diketahui", True, None)


@pytest.mark.parametrize("code", FOREIGN_CODES)
def test_foreign_birthplaces(code):
    info = parse(f"850615{code}1234")
    assert (info.birthplace, info.born_in_malaysia, info.state) == ("Luar negara", False, None)


@pytest.mark.parametrize("code", UNUSED_CODES)
def test_unused_birthplace_codes_are_refused(code):
    err = refusal(f"850615-{code}-1234")
    assert f"Kod tempat lahir {code}" in err.message("ms")
    assert "tidak digunakan" in err.message("ms")
    assert "not in use" in err.message("en")


@pytest.mark.parametrize("yymmdd", ["991332", "990229", "990431", "990001", "990100"])
def test_impossible_dates_are_refused(yymmdd):
    err = refusal(f"{yymmdd}-10-5678")
    assert "Tarikh lahir" in err.message("ms") and "tidak wujud" in err.message("ms")


def test_date_and_code_problems_reported_together():
    err = refusal("991332-95-5678")
    assert len(err.violations) == 2


@pytest.mark.parametrize("typed, digits", [("90010110567", 11), ("9001011056789", 13),
                                           ("9001", 4)])
def test_wrong_length(typed, digits):
    err = refusal(typed)
    assert "mesti 12 digit" in err.message("ms") and f"ada {digits} digit" in err.message("ms")


@pytest.mark.parametrize("typed", ["90010110567A", "900101/10/5678", "abc"])
def test_letters_are_refused(typed):
    assert "hanya boleh mengandungi nombor" in refusal(typed).message("ms")


@pytest.mark.parametrize("typed", ["", "   ", None, " - "])
def test_empty_is_refused(typed):
    assert "wajib diisi" in refusal(typed).message("ms")


def test_the_refusal_names_the_callers_field():
    err = refusal("123", field="candidate_mykad")
    assert err.fields == ("candidate_mykad",)


@pytest.mark.parametrize("yymmdd, born", [
    ("260601", date(2026, 6, 1)),  # today itself is not the future
    ("260602", date(1926, 6, 2)),  # tomorrow would be: the century before
    ("251231", date(2025, 12, 31)),
    ("990101", date(1999, 1, 1)),
    ("000101", date(2000, 1, 1)),
    ("500101", date(1950, 1, 1)),
    ("000229", date(2000, 2, 29)),  # 2000 was a leap year
])
def test_century_rule(yymmdd, born):
    assert parse(f"{yymmdd}-10-5678").birth_date == born


def test_century_is_relative_to_today():
    assert parse_mykad("050101-10-5678", today=date(2004, 12, 31)).birth_date == date(1905, 1, 1)
    assert parse_mykad("050101-10-5678", today=date(2005, 1, 1)).birth_date == date(2005, 1, 1)


def test_a_date_that_exists_only_in_the_future_is_impossible():
    # 29 Feb 2000 had not come yet on 1 Feb 2000, and 1900 was not a leap year.
    with pytest.raises(Refused):
        parse_mykad("000229-10-5678", today=date(2000, 2, 1))


def test_default_today_is_the_real_today():
    assert parse_mykad("900101-10-5678").birth_date == date(1990, 1, 1)


def test_citizen_with_a_foreign_birthplace_is_warned():
    info = parse("850615-61-1234")
    [warning] = check_citizen_birthplace(info, citizen=True)
    assert (warning.code, warning.severity, warning.field) == (FOREIGN_BIRTHPLACE, WARNING, "mykad")
    assert "850615-61-1234" in warning.message("ms") and "luar negara" in warning.message("ms")
    assert check_citizen_birthplace(info, citizen=False) == []


@pytest.mark.parametrize("code", ["10", "47", "82"])
def test_citizen_born_in_malaysia_is_not_warned(code):
    assert check_citizen_birthplace(parse(f"850615{code}1234"), citizen=True) == []
