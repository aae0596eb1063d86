"""Acting duty: para 6A rules and the 6B allowance.

Amounts are worked by hand from the formula of reference/statutory-rates.md (25 % of the
starting salary, JPA's RM2,345.69 -> RM586.42 a month; part months by calendar days, half up).
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.rules.acting import (
    acting_allowance,
    acting_by_month,
    acting_last_day,
    acting_monthly_allowance,
    acting_percent,
    acting_total,
    check_acting_officer,
    check_acting_start,
    check_acting_term,
    check_interruption,
    check_vacancy_exists,
    check_written_instruction,
    split_on_interruptions,
)
from desktop.rules.violations import ERROR, Refused

D = Decimal
JPA = D("2345.69")


def codes(items):
    return [v.code for v in items]


def refused(exc):
    return [v.code for v in exc.value.violations]


# -- 6B: the allowance ---------------------------------------------------------------------

def test_rate_is_25_percent_from_the_table():
    assert acting_percent(date(2016, 6, 16)) == D(25)
    assert acting_percent(date(2026, 11, 1)) == D(25)


def test_no_rate_before_the_circular():
    with pytest.raises(Refused) as exc:
        acting_percent(date(2016, 6, 15))
    assert refused(exc) == ["RATE_NOT_IN_FORCE"]


def test_jpa_worked_example_whole_month():
    assert acting_monthly_allowance(JPA, date(2026, 1, 1)) == D("586.42")
    # a whole month is the monthly figure, whatever the month's length
    for month, last in ((1, 31), (2, 28), (4, 30)):
        assert acting_allowance(JPA, date(2026, month, 1), date(2026, month, last),
                                2026, month) == D("586.42")


def test_part_month_by_calendar_days():
    # 15 to 31 January 2026: 17 of 31 days; 586.42 x 17 / 31 = 321.5851.. -> 321.59
    assert acting_allowance(JPA, date(2026, 1, 15), date(2026, 3, 1), 2026, 1) == D("321.59")
    # salary 2,000.00 -> 500.00 a month; 1-14 February 2026 is 14 of 28 days -> 250.00
    assert acting_allowance("2000.00", date(2026, 2, 1), date(2026, 2, 14), 2026, 2) == D("250.00")
    # in 2024 February has 29 days: 500 x 14 / 29 = 241.379.. -> 241.38
    assert acting_allowance("2000.00", date(2024, 2, 1), date(2024, 2, 14), 2024, 2) == D("241.38")


def test_end_on_a_rest_day_counts_6A_d():
    # Monday 2 March to Saturday 7 March 2026: six calendar days, the Saturday paid
    to_saturday = acting_allowance("2000.00", date(2026, 3, 2), date(2026, 3, 7), 2026, 3)
    to_friday = acting_allowance("2000.00", date(2026, 3, 2), date(2026, 3, 6), 2026, 3)
    assert to_saturday == D("96.77")  # 500 x 6 / 31 = 96.774
    assert to_friday == D("80.65")  # 500 x 5 / 31 = 80.645 -> half up


def test_rounding_is_half_up_to_the_sen():
    # 120.60 x 25 % = 30.15 a month; one day of June: 30.15 / 30 = 1.005 -> 1.01 (not 1.00)
    assert acting_allowance("120.60", date(2026, 6, 30), date(2026, 6, 30), 2026, 6) == D("1.01")


def test_monthly_figure_is_rounded_before_prorating():
    # 1,000.02 x 25 % = 250.005 -> 250.01 a month; half of June: 250.01 x 15 / 30 = 125.005
    # -> 125.01 (prorating the unrounded 250.005 would give 125.0025 -> 125.00)
    assert acting_monthly_allowance("1000.02", date(2026, 6, 1)) == D("250.01")
    assert acting_allowance("1000.02", date(2026, 6, 1), date(2026, 6, 15), 2026, 6) == D("125.01")


def test_month_outside_the_period_is_zero():
    assert acting_allowance(JPA, date(2026, 1, 15), date(2026, 2, 10), 2026, 3) == D("0.00")
    assert acting_allowance(JPA, date(2026, 1, 15), date(2026, 2, 10), 2025, 12) == D("0.00")


def test_assignment_by_month_and_total():
    months = acting_by_month(JPA, date(2026, 1, 15), date(2026, 7, 14))
    assert [(y, m) for y, m, _ in months] == [(2026, m) for m in range(1, 8)]
    # Jan 17/31 -> 321.59; Feb-Jun whole; Jul 14/31: 586.42 x 14 / 31 = 264.834 -> 264.83
    assert [a for _, _, a in months] == [D("321.59")] + [D("586.42")] * 5 + [D("264.83")]
    assert acting_total(JPA, date(2026, 1, 15), date(2026, 7, 14)) == D("3518.52")


def test_assignment_across_the_year_end():
    months = acting_by_month("2000.00", date(2026, 12, 17), date(2027, 1, 15))
    # 15 of 31 days in December, 15 of 31 in January: 500 x 15 / 31 = 241.935 -> 241.94
    assert months == [(2026, 12, D("241.94")), (2027, 1, D("241.94"))]


@pytest.mark.parametrize("salary, code", [
    ("abc", "INVALID_AMOUNT"), (2000.0, "INVALID_AMOUNT"), (None, "INVALID_AMOUNT"),
    ("-1", "NEGATIVE_AMOUNT"), ("0", "ACTING_SALARY_REQUIRED"), ("1.234", "AMOUNT_TOO_PRECISE"),
])
def test_bad_salary_refused(salary, code):
    with pytest.raises(Refused) as exc:
        acting_allowance(salary, date(2026, 1, 1), date(2026, 1, 31), 2026, 1)
    assert refused(exc) == [code]
    assert exc.value.fields == ("starting_salary",)
    with pytest.raises(Refused):
        acting_total(salary, date(2026, 1, 1), date(2026, 1, 31))


def test_salary_zero_cites_6B():
    with pytest.raises(Refused) as exc:
        acting_total("0.00", date(2026, 1, 1), date(2026, 1, 31))
    assert exc.value.violations[0].paragraph == "6B(a)"


def test_salary_as_text_with_ringgit():
    assert acting_allowance("RM 2,345.69", date(2026, 1, 1), date(2026, 1, 31),
                            2026, 1) == D("586.42")


def test_end_before_start_and_bad_month_refused():
    with pytest.raises(Refused) as exc:
        acting_allowance(JPA, date(2026, 2, 1), date(2026, 1, 31), 2026, 1)
    assert refused(exc) == ["END_BEFORE_START"]
    with pytest.raises(Refused) as exc:
        acting_total(JPA, date(2026, 2, 1), date(2026, 1, 31))
    assert refused(exc) == ["END_BEFORE_START"]
    with pytest.raises(Refused) as exc:
        acting_allowance(JPA, date(2026, 1, 1), date(2026, 1, 31), 2026, 13)
    assert refused(exc) == ["INVALID_MONTH"]
    with pytest.raises(Refused) as exc:
        acting_allowance(JPA, "2026-01-01", date(2026, 1, 31), 2026, 1)
    assert refused(exc) == ["INVALID_DATE"]


salaries = st.integers(min_value=100_00, max_value=20_000_00).map(lambda s: D(s) / 100)
starts = st.dates(min_value=date(2017, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=150, deadline=None)
@given(salaries, starts, st.integers(min_value=0, max_value=400))
def test_allowance_properties(salary, start, length):
    end = start + timedelta(days=length)
    monthly = acting_monthly_allowance(salary, start)
    months = acting_by_month(salary, start, end)
    total = acting_total(salary, start, end)
    # the whole assignment is the sum of its months, each asked for on its own
    assert total == sum((acting_allowance(salary, start, end, y, m) for y, m, _ in months),
                        D(0))
    assert total >= 0 and all(a >= 0 for _, _, a in months)
    # never more than 25 % of the salary for each month touched, and never more than a month's
    assert total <= monthly * len(months)
    assert all(a <= monthly for _, _, a in months)
    # months wholly inside the assignment pay exactly the monthly figure
    for _, _, a in months[1:-1]:
        assert a == monthly


@settings(max_examples=100, deadline=None)
@given(salaries, starts, st.integers(min_value=1, max_value=12), st.integers(0, 60))
def test_splitting_at_a_month_end_keeps_the_total(salary, start, months_on, tail):
    # an assignment cut at the end of a month is paid the same as the whole
    y, m = divmod(start.year * 12 + start.month - 1 + months_on, 12)
    cut = date(y, m + 1, 1) - timedelta(days=1)
    end = cut + timedelta(days=tail + 1)
    whole = acting_total(salary, start, end)
    parts = acting_total(salary, start, cut) + acting_total(salary, cut + timedelta(days=1), end)
    assert whole == parts


# -- 6A(c): six months ----------------------------------------------------------------------

@pytest.mark.parametrize("start, last", [
    (date(2026, 3, 15), date(2026, 9, 14)),
    (date(2026, 1, 1), date(2026, 6, 30)),
    (date(2026, 7, 1), date(2026, 12, 31)),
    (date(2026, 12, 30), date(2027, 6, 29)),
    (date(2026, 8, 31), date(2027, 2, 28)),  # no 31 February: to the end of February
    (date(2026, 8, 29), date(2027, 2, 28)),
    (date(2027, 8, 31), date(2028, 2, 29)),  # leap year
    (date(2026, 8, 28), date(2027, 2, 27)),
])
def test_acting_last_day(start, last):
    assert acting_last_day(start) == last


def test_term_of_six_months_allowed_one_day_more_refused():
    start = date(2026, 3, 16)
    assert check_acting_term(start, date(2026, 9, 15)) == []
    problems = check_acting_term(start, date(2026, 9, 16))
    assert codes(problems) == ["ACTING_TERM_TOO_LONG"]
    assert problems[0].paragraph == "6A(c)" and problems[0].field == "end"
    assert "15 September 2026" in problems[0].message_ms
    assert "15 September 2026" in problems[0].message_en


def test_term_end_before_start_refused():
    with pytest.raises(Refused) as exc:
        check_acting_term(date(2026, 3, 16), date(2026, 3, 15))
    assert refused(exc) == ["END_BEFORE_START"]


# -- 6A(d): start on a working day ----------------------------------------------------------

def test_start_on_a_working_day():
    assert check_acting_start("SGR", date(2026, 5, 4)) == []  # Monday
    problems = check_acting_start("SGR", date(2026, 5, 2))  # Saturday
    assert codes(problems) == ["ACTING_START_NOT_WORKING_DAY"]
    assert problems[0].paragraph == "6A(d)" and problems[0].field == "start"
    assert "2 Mei 2026" in problems[0].message_ms


def test_start_follows_the_state_weekend_and_holidays():
    friday = date(2026, 5, 8)
    assert codes(check_acting_start("KDH", friday)) == ["ACTING_START_NOT_WORKING_DAY"]
    assert check_acting_start("SGR", friday) == []
    merdeka = date(2026, 8, 31)  # Hari Kebangsaan, a Monday
    assert codes(check_acting_start("SGR", merdeka)) == ["ACTING_START_NOT_WORKING_DAY"]
    # an office holiday (cuti peristiwa)
    assert codes(check_acting_start("SGR", date(2026, 5, 4), [date(2026, 5, 4)])) == [
        "ACTING_START_NOT_WORKING_DAY"]


def test_start_unknown_state_refused():
    with pytest.raises(Refused) as exc:
        check_acting_start("XYZ", date(2026, 5, 4))
    assert refused(exc) == ["UNKNOWN_STATE"]


# -- 6A(f): interruptions -------------------------------------------------------------------

START, END = date(2026, 1, 5), date(2026, 6, 30)


def test_interruption_under_14_days_does_not_split():
    short = [(date(2026, 2, 2), date(2026, 2, 14))]  # 13 days
    assert split_on_interruptions(START, END, short) == [(START, END)]
    assert check_interruption(START, END, short) == []


def test_interruption_of_14_days_ends_the_assignment_the_day_before():
    away = [(date(2026, 2, 2), date(2026, 2, 15))]  # 14 days
    assert split_on_interruptions(START, END, away) == [
        (START, date(2026, 2, 1)), (date(2026, 2, 16), END)]
    problems = check_interruption(START, END, away)
    assert codes(problems) == ["ACTING_INTERRUPTED"]
    assert problems[0].paragraph == "6A(f)" and problems[0].field == "interruptions"
    assert "14 hari" in problems[0].message_ms
    assert "1 Februari 2026" in problems[0].message_ms  # the last day of the assignment


def test_back_to_back_interruptions_count_as_one():
    # 10 days of leave then a 6-day course straight after: away 16 days
    away = [(date(2026, 2, 11), date(2026, 2, 16)), (date(2026, 2, 1), date(2026, 2, 10))]
    assert split_on_interruptions(START, END, away) == [
        (START, date(2026, 1, 31)), (date(2026, 2, 17), END)]
    assert "16 hari" in check_interruption(START, END, away)[0].message_ms
    # a day back at work between them: two short interruptions, no split
    apart = [(date(2026, 2, 1), date(2026, 2, 10)), (date(2026, 2, 12), date(2026, 2, 17))]
    assert split_on_interruptions(START, END, apart) == [(START, END)]


def test_overlapping_and_several_interruptions():
    away = [(date(2026, 2, 1), date(2026, 2, 10)), (date(2026, 2, 5), date(2026, 2, 20)),
            (date(2026, 4, 1), date(2026, 4, 30))]
    assert split_on_interruptions(START, END, away) == [
        (START, date(2026, 1, 31)), (date(2026, 2, 21), date(2026, 3, 31)),
        (date(2026, 5, 1), END)]
    assert len(check_interruption(START, END, away)) == 2


def test_interruptions_at_the_edges():
    # running past the end: the assignment simply ends the day before
    assert split_on_interruptions(START, END, [(date(2026, 6, 20), date(2026, 7, 31))]) == [
        (START, date(2026, 6, 19))]
    # from before the start: only the days after it remain, as a new assignment
    assert split_on_interruptions(START, END, [(date(2025, 12, 20), date(2026, 1, 10))]) == [
        (date(2026, 1, 11), END)]
    # wholly outside: ignored
    outside = [(date(2026, 7, 1), date(2026, 8, 31))]
    assert split_on_interruptions(START, END, outside) == [(START, END)]
    assert check_interruption(START, END, outside) == []
    # covering the whole assignment: nothing remains
    assert split_on_interruptions(START, END, [(date(2026, 1, 1), date(2026, 7, 1))]) == []


def test_bad_interruptions_refused():
    with pytest.raises(Refused) as exc:
        split_on_interruptions(START, END, [(date(2026, 2, 10), date(2026, 2, 1))])
    assert refused(exc) == ["END_BEFORE_START"] and exc.value.fields == ("interruptions",)
    with pytest.raises(Refused) as exc:
        check_interruption(START, END, [date(2026, 2, 1)])
    assert refused(exc) == ["INVALID_DATE"]
    with pytest.raises(Refused) as exc:
        check_interruption(START, END, [("2026-02-01", "2026-02-20")])
    assert refused(exc) == ["INVALID_DATE"]
    with pytest.raises(Refused) as exc:
        split_on_interruptions(END, START, [])
    assert refused(exc) == ["END_BEFORE_START"]


# -- 6A(g): who may act --------------------------------------------------------------------

def test_confirmed_officer_may_act():
    assert check_acting_officer(True, None, date(2026, 1, 5), True) == []
    assert check_acting_officer(True, date(2025, 12, 1), date(2026, 1, 5), False) == []


def test_unconfirmed_refused_while_a_confirmed_officer_is_available():
    problems = check_acting_officer(False, date(2020, 1, 1), date(2026, 1, 5), True)
    assert codes(problems) == ["ACTING_CONFIRMED_OFFICER_AVAILABLE"]
    assert problems[0].paragraph == "6A(g)(ii)"


def test_unconfirmed_needs_one_year_of_service_when_none_confirmed():
    joined = date(2025, 6, 1)
    assert check_acting_officer(False, joined, date(2026, 6, 1), False) == []
    problems = check_acting_officer(False, joined, date(2026, 5, 31), False)
    assert codes(problems) == ["ACTING_SERVICE_UNDER_ONE_YEAR"]
    assert problems[0].paragraph == "6A(g)(ii)" and problems[0].field == "service_start"
    assert "1 Jun 2026" in problems[0].message_ms
    # joined on 29 February: the year is complete on 1 March
    assert codes(check_acting_officer(False, date(2024, 2, 29), date(2025, 2, 28), False)) == [
        "ACTING_SERVICE_UNDER_ONE_YEAR"]
    assert check_acting_officer(False, date(2024, 2, 29), date(2025, 3, 1), False) == []


def test_unconfirmed_without_service_date():
    problems = check_acting_officer(False, None, date(2026, 1, 5), False)
    assert codes(problems) == ["ACTING_SERVICE_UNKNOWN"]
    assert problems[0].paragraph == "6A(g)(ii)"


def test_officer_bad_dates_refused():
    with pytest.raises(Refused) as exc:
        check_acting_officer(False, "2025-01-01", date(2026, 1, 5), False)
    assert refused(exc) == ["INVALID_DATE"]


# -- 6A(a), 6A(b) --------------------------------------------------------------------------

def test_vacancy_must_exist_and_duties_go_on():
    assert check_vacancy_exists(True) == []
    problems = check_vacancy_exists(False)
    assert codes(problems) == ["ACTING_NO_VACANCY"] and problems[0].paragraph == "6A(a)(i)"
    problems = check_vacancy_exists(True, duties_must_continue=False)
    assert codes(problems) == ["ACTING_DUTIES_NOT_ESSENTIAL"]
    assert problems[0].paragraph == "6A(a)(ii)"
    assert len(check_vacancy_exists(False, duties_must_continue=False)) == 2


def test_written_instruction_6A_b():
    assert check_written_instruction(True) == []
    problems = check_written_instruction(False)
    assert codes(problems) == ["ACTING_NO_WRITTEN_INSTRUCTION"]
    assert problems[0].paragraph == "6A(b)" and problems[0].severity == ERROR
