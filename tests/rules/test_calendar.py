"""State calendars (reference/calendars-and-mykad.md): rest days, holidays, office holidays."""

from datetime import date, timedelta

import pytest

from desktop.rules.calendar import (
    check_period,
    holiday_name,
    is_working_day,
    month_bounds,
    working_days,
)
from desktop.rules.violations import Refused


def codes(exc_info) -> set[str]:
    return {v.code for v in exc_info.value.violations}


def week(start: date) -> list[date]:
    return [start + timedelta(days=i) for i in range(7)]


# --- Johor: Friday-Saturday until 31 December 2024, Saturday-Sunday from 1 January 2025 ---------

def test_johor_rests_friday_and_saturday_in_december_2024():
    # 8-14 December 2024: Sunday to Saturday, no holiday in Johor
    days = week(date(2024, 12, 8))
    assert [d.strftime("%a") for d in days][0] == "Sun"
    assert [is_working_day("JHR", d) for d in days] == [True] * 5 + [False, False]


def test_johor_rests_saturday_and_sunday_from_january_2025():
    # 5-11 January 2025: Sunday to Saturday
    days = week(date(2025, 1, 5))
    assert [is_working_day("JHR", d) for d in days] == [False] + [True] * 5 + [False]


def test_johor_change_of_weekend_across_the_new_year():
    # Fri 27 Dec 2024 .. Sun 5 Jan 2025: old weekend (27, 28 Dec) then new one (4, 5 Jan);
    # New Year's Day is not a public holiday in Johor.
    got = working_days("JHR", date(2024, 12, 27), date(2025, 1, 5))
    assert got == [date(2024, 12, 29), date(2024, 12, 30), date(2024, 12, 31),
                   date(2025, 1, 1), date(2025, 1, 2), date(2025, 1, 3)]


# --- Kedah, Kelantan, Terengganu: Friday-Saturday --------------------------------------------

@pytest.mark.parametrize("state", ["KDH", "KTN", "TRG"])
def test_friday_saturday_states(state):
    # 12-18 July 2026: Sunday to Saturday, no holiday in these states that week
    days = week(date(2026, 7, 12))
    assert [is_working_day(state, d) for d in days] == [True] * 5 + [False, False]


@pytest.mark.parametrize("state", ["SGR", "KUL", "PNG", "JHR", "SBH", "SWK"])
def test_saturday_sunday_states(state):
    days = week(date(2026, 7, 12))
    assert [is_working_day(state, d) for d in days] == [False] + [True] * 5 + [False]


def test_kelantan_july_2026_has_22_working_days():
    # July 2026 starts on a Wednesday; Sunday-Thursday weeks: 2 + 4 x 5; no holiday in July
    assert len(working_days("KTN", *month_bounds(2026, 7))) == 22


def test_selangor_july_2026_has_23_working_days():
    # Monday-Friday: Wed 1 - Fri 3, then four full weeks; no holiday in July
    assert len(working_days("SGR", *month_bounds(2026, 7))) == 23


# --- 2026 spot checks from the reference ---------------------------------------------------------

def test_kedah_labour_day_on_friday_is_observed_on_sunday():
    assert not is_working_day("KDH", date(2026, 5, 1))  # Friday, Labour Day (and rest day)
    assert not is_working_day("KDH", date(2026, 5, 3))  # Sunday: observed Labour Day
    assert is_working_day("KDH", date(2026, 5, 10))  # an ordinary Kedah Sunday
    assert is_working_day("KDH", date(2026, 5, 4))
    # Selangor rests on Sunday anyway and does not move the holiday to Monday
    assert is_working_day("SGR", date(2026, 5, 4))


def test_johor_sultans_birthday_23_march():
    assert not is_working_day("JHR", date(2026, 3, 23))
    assert "Sultan Johor" in (holiday_name("JHR", date(2026, 3, 23)) or "")


def test_selangor_sultans_birthday_11_december():
    assert not is_working_day("SGR", date(2026, 12, 11))  # Friday
    assert is_working_day("KUL", date(2026, 12, 11))  # not a holiday in Kuala Lumpur
    assert date(2026, 12, 11) not in working_days("SGR", *month_bounds(2026, 12))


# --- Office holidays and bad input --------------------------------------------------------------

def test_office_holidays_are_taken_out():
    day = date(2026, 7, 15)  # an ordinary Wednesday
    assert is_working_day("SGR", day)
    assert not is_working_day("SGR", day, extra_holidays=[day])
    july = working_days("SGR", *month_bounds(2026, 7), extra_holidays={day, date(2026, 7, 18)})
    assert day not in july
    assert len(july) == 22  # the Saturday office holiday changes nothing


def test_lowercase_state_code_is_accepted():
    assert working_days("sgr", date(2026, 7, 13), date(2026, 7, 17)) == week(date(2026, 7, 13))[:5]


@pytest.mark.parametrize("state", ["XYZ", "", None, "Selangor"])
def test_unknown_state_is_refused(state):
    with pytest.raises(Refused) as exc:
        working_days(state, date(2026, 1, 1), date(2026, 1, 31))
    assert codes(exc) == {"UNKNOWN_STATE"}
    with pytest.raises(Refused):
        is_working_day(state, date(2026, 1, 1))


def test_reversed_dates_are_refused():
    with pytest.raises(Refused) as exc:
        working_days("SGR", date(2026, 2, 1), date(2026, 1, 31))
    assert codes(exc) == {"END_BEFORE_START"}
    with pytest.raises(Refused):
        check_period(date(2026, 2, 1), date(2026, 1, 31))
    check_period(date(2026, 2, 1), date(2026, 2, 1))  # one day is a valid period


def test_text_dates_are_refused():
    with pytest.raises(Refused) as exc:
        working_days("SGR", "2026-01-01", date(2026, 1, 31))
    assert codes(exc) == {"INVALID_DATE"}


def test_month_bounds():
    assert month_bounds(2028, 2) == (date(2028, 2, 1), date(2028, 2, 29))
    assert month_bounds(2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_bounds(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))
    for bad in [(2026, 0), (2026, 13), ("2026", 1)]:
        with pytest.raises(Refused) as exc:
            month_bounds(*bad)
        assert codes(exc) == {"INVALID_MONTH"}
