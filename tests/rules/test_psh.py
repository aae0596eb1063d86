"""PSH (SPSM Bil.2/2016 para 5A, 5B): rate for the job, term limit, eligibility, monthly pay."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.rules.calendar import is_working_day, month_bounds
from desktop.rules.enums import Qualification
from desktop.rules.psh import (
    PayLine,
    check_psh_candidate,
    check_psh_term,
    psh_daily_rate,
    psh_last_day,
    psh_month_pay,
)
from desktop.rules.states import STATE_CODES
from desktop.rules.violations import Refused


def codes(exc_info) -> set[str]:
    return {v.code for v in exc_info.value.violations}


# --- Daily rate (5B(a)): typed from the circular's table -----------------------------------------

@pytest.mark.parametrize("qualification, rate", [
    ("IJAZAH", "100.00"),  # Ijazah Sarjana Muda
    ("DIPLOMA", "72.00"),  # STPM/ Diploma
    ("STPM", "72.00"),
    ("SPM", "54.00"),
    (Qualification.IJAZAH, "100.00"),
    (Qualification.SPM, "54.00"),
    (" spm ", "54.00"),
])
@pytest.mark.parametrize("on", [date(2016, 6, 16), date(2026, 11, 25)])
def test_daily_rates_of_the_circular(qualification, rate, on):
    got = psh_daily_rate(qualification, on)
    assert isinstance(got, Decimal) and got == Decimal(rate)


def test_below_spm_has_no_rate():
    with pytest.raises(Refused) as exc:
        psh_daily_rate(Qualification.BELOW_SPM, date(2026, 1, 1))
    assert codes(exc) == {"PSH_BELOW_SPM"}
    assert exc.value.violations[0].paragraph == "5A(f)"


@pytest.mark.parametrize("qualification", ["PHD", "", None, 3, "Ijazah Sarjana Muda"])
def test_unknown_qualification_is_refused(qualification):
    with pytest.raises(Refused) as exc:
        psh_daily_rate(qualification, date(2026, 1, 1))
    assert codes(exc) == {"UNKNOWN_QUALIFICATION"}


def test_no_rate_before_the_circular():
    with pytest.raises(Refused) as exc:
        psh_daily_rate("SPM", date(2016, 6, 15))
    assert codes(exc) == {"RATE_NOT_IN_FORCE"}


def test_rate_date_must_be_a_date():
    with pytest.raises(Refused) as exc:
        psh_daily_rate("SPM", "2026-01-01")
    assert codes(exc) == {"INVALID_DATE"}


# --- Term (5A(e)): 3 months, 6 with extensions ---------------------------------------------------

@pytest.mark.parametrize("start, extended, last", [
    (date(2026, 3, 1), False, date(2026, 5, 31)),
    (date(2026, 3, 1), True, date(2026, 8, 31)),
    (date(2026, 1, 15), False, date(2026, 4, 14)),
    (date(2026, 11, 30), False, date(2027, 2, 28)),  # no 30 February: to the end of February
    (date(2027, 11, 30), False, date(2028, 2, 29)),  # leap year
    (date(2026, 11, 29), False, date(2027, 2, 28)),
    (date(2026, 11, 28), False, date(2027, 2, 27)),
    (date(2026, 12, 1), False, date(2027, 2, 28)),
    (date(2026, 8, 31), False, date(2026, 11, 30)),
    (date(2026, 8, 31), True, date(2027, 2, 28)),
    (date(2026, 12, 31), False, date(2027, 3, 30)),
    (date(2026, 11, 30), True, date(2027, 5, 29)),
])
def test_psh_last_day(start, extended, last):
    assert psh_last_day(start, extended) == last


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.booleans())
def test_term_is_three_or_six_calendar_months(start, extended):
    last = psh_last_day(start, extended)
    days = (last - start).days + 1
    # three months hold 89 to 92 days, six months 181 to 184
    assert (181 <= days <= 184) if extended else (89 <= days <= 92)
    assert psh_last_day(start + timedelta(days=1), extended) >= last  # never goes back


def test_term_within_the_limit_passes():
    assert check_psh_term(date(2026, 3, 1), date(2026, 5, 31), extended=False) == []
    assert check_psh_term(date(2026, 3, 1), date(2026, 3, 1), extended=False) == []
    assert check_psh_term(date(2026, 3, 1), date(2026, 8, 31), extended=True) == []


def test_term_over_three_months_needs_an_extension():
    problems = check_psh_term(date(2026, 3, 1), date(2026, 6, 1), extended=False)
    assert [(v.code, v.paragraph) for v in problems] == [("PSH_TERM_OVER_3_MONTHS", "5A(e)")]
    assert "2026-05-31" in problems[0].message_ms


def test_term_over_six_months_is_refused_even_with_extensions():
    problems = check_psh_term(date(2026, 3, 1), date(2026, 9, 1), extended=True)
    assert [(v.code, v.paragraph) for v in problems] == [("PSH_TERM_OVER_6_MONTHS", "5A(e)")]


def test_term_ending_before_it_starts_is_refused():
    with pytest.raises(Refused) as exc:
        check_psh_term(date(2026, 3, 1), date(2026, 2, 28))
    assert codes(exc) == {"END_BEFORE_START"}


# --- Eligibility (5A) ----------------------------------------------------------------------------

GOOD = dict(citizen=True, public_officer=False, qualification="SPM", healthy_certified=True,
            osa_signed=True)


def test_an_eligible_candidate_has_no_problem():
    assert check_psh_candidate(**GOOD) == []
    # over-qualified for the job is fine; the rate follows the job (5A(h))
    assert check_psh_candidate(**{**GOOD, "qualification": "IJAZAH"},
                               required_qualification="SPM") == []
    # STPM and Diploma are one level in the circular's table
    assert check_psh_candidate(**{**GOOD, "qualification": "STPM"},
                               required_qualification=Qualification.DIPLOMA) == []


@pytest.mark.parametrize("change, code, paragraph", [
    ({"citizen": False}, "PSH_NOT_CITIZEN", "5A(a)"),
    ({"public_officer": True}, "PSH_PUBLIC_OFFICER", "5A(b)"),
    ({"qualification": "BAWAH_SPM"}, "PSH_BELOW_SPM", "5A(f)"),
    ({"qualification": Qualification.BELOW_SPM}, "PSH_BELOW_SPM", "5A(f)"),
    ({"healthy_certified": False}, "PSH_NOT_CERTIFIED_HEALTHY", "5A(g)"),
    ({"osa_signed": False}, "PSH_OSA_NOT_SIGNED", "5A(n)"),
])
def test_each_condition_of_5a(change, code, paragraph):
    problems = check_psh_candidate(**{**GOOD, **change})
    assert [(v.code, v.paragraph) for v in problems] == [(code, paragraph)]
    assert problems[0].message_ms and problems[0].message_en


def test_qualification_below_what_the_job_calls_for():
    problems = check_psh_candidate(**GOOD, required_qualification="DIPLOMA")
    assert [(v.code, v.paragraph) for v in problems] == [("PSH_UNDERQUALIFIED", "5A(h)")]
    problems = check_psh_candidate(**{**GOOD, "qualification": "DIPLOMA"},
                                   required_qualification="IJAZAH")
    assert [v.code for v in problems] == ["PSH_UNDERQUALIFIED"]


def test_below_spm_for_a_diploma_job_breaks_both_rules():
    problems = check_psh_candidate(**{**GOOD, "qualification": "BAWAH_SPM"},
                                   required_qualification="DIPLOMA")
    assert {v.code for v in problems} == {"PSH_BELOW_SPM", "PSH_UNDERQUALIFIED"}


def test_every_problem_is_reported_at_once():
    problems = check_psh_candidate(False, True, "BAWAH_SPM", False, False)
    assert [v.paragraph for v in problems] == ["5A(a)", "5A(b)", "5A(f)", "5A(g)", "5A(n)"]


def test_bad_qualifications_are_refused():
    with pytest.raises(Refused) as exc:
        check_psh_candidate(**{**GOOD, "qualification": "MASTER"})
    assert codes(exc) == {"UNKNOWN_QUALIFICATION"}
    with pytest.raises(Refused) as exc:
        check_psh_candidate(**GOOD, required_qualification="BAWAH_SPM")
    assert codes(exc) == {"PSH_JOB_BELOW_SPM"}


# --- Monthly pay (5A(k)): hand-counted months ---------------------------------------------------

SPM_RATE = Decimal("54.00")  # 5B(a)


def test_pay_line_fields():
    line = PayLine(3, Decimal("162.00"), 3, 0)
    assert (line.paid_days, line.gross) == (3, Decimal("162.00"))
    with pytest.raises(AttributeError):
        line.gross = Decimal(0)


def test_first_month_from_the_start_day():
    # Selangor, from Wed 15 July 2026: 15-17, 20-24, 27-31 July = 13 working days
    line = psh_month_pay("SGR", SPM_RATE, date(2026, 7, 15), date(2026, 10, 14), 2026, 7)
    assert line == PayLine(13, Decimal("702.00"), 13, 0)


def test_absences_count_only_on_working_days_of_the_term():
    absences = [
        date(2026, 7, 20),  # Monday: deducted
        date(2026, 7, 20),  # the same day twice: deducted once
        date(2026, 7, 18),  # Saturday: a rest day, nothing to deduct
        date(2026, 7, 10),  # before the term
        date(2026, 8, 3),  # another month
    ]
    line = psh_month_pay("SGR", SPM_RATE, date(2026, 7, 15), date(2026, 10, 14), 2026, 7,
                         absences=absences)
    assert line == PayLine(12, Decimal("648.00"), 13, 1)


def test_office_holidays_are_not_paid():
    line = psh_month_pay("SGR", SPM_RATE, date(2026, 7, 15), date(2026, 10, 14), 2026, 7,
                         absences=[date(2026, 7, 20)], extra_holidays=[date(2026, 7, 22)])
    assert line == PayLine(11, Decimal("594.00"), 12, 1)


def test_kelantan_full_month_friday_saturday_weekend():
    # July 2026 in Kelantan: 22 working days (Sunday-Thursday); STPM/Diploma rate 72.00
    line = psh_month_pay("KTN", Decimal("72.00"), date(2026, 7, 1), date(2026, 9, 30), 2026, 7,
                         absences=[date(2026, 7, 3), date(2026, 7, 5)])  # Fri ignored, Sun not
    assert line == PayLine(21, Decimal("1512.00"), 22, 1)


def test_last_month_ends_on_the_end_day():
    # Selangor, term ends Wed 14 Oct 2026: 1-2, 5-9, 12-14 October = 10 working days; no holiday
    line = psh_month_pay("SGR", "100.00", date(2026, 7, 15), date(2026, 10, 14), 2026, 10)
    assert line == PayLine(10, Decimal("1000.00"), 10, 0)


def test_month_outside_the_term_pays_nothing():
    line = psh_month_pay("SGR", SPM_RATE, date(2026, 7, 15), date(2026, 10, 14), 2026, 11)
    assert line == PayLine(0, Decimal("0.00"), 0, 0)


def test_odd_rate_is_rounded_to_the_sen():
    line = psh_month_pay("SGR", Decimal("54.005"), date(2026, 7, 1), date(2026, 7, 1), 2026, 7)
    assert line.gross == Decimal("54.01")  # half up


@pytest.mark.parametrize("rate", [Decimal("0"), Decimal("-54.00"), "abc", 54.0, None, ""])
def test_rate_must_be_a_positive_decimal(rate):
    with pytest.raises(Refused) as exc:
        psh_month_pay("SGR", rate, date(2026, 7, 1), date(2026, 7, 31), 2026, 7)
    assert codes(exc) <= {"INVALID_RATE", "INVALID_NUMBER"}


@pytest.mark.parametrize("args, code", [
    (("XYZ", SPM_RATE, date(2026, 7, 1), date(2026, 7, 31), 2026, 7), "UNKNOWN_STATE"),
    (("SGR", SPM_RATE, date(2026, 7, 31), date(2026, 7, 1), 2026, 7), "END_BEFORE_START"),
    (("SGR", SPM_RATE, date(2026, 7, 1), date(2026, 7, 31), 2026, 13), "INVALID_MONTH"),
    (("SGR", SPM_RATE, "2026-07-01", date(2026, 7, 31), 2026, 7), "INVALID_DATE"),
])
def test_bad_pay_input_is_refused(args, code):
    with pytest.raises(Refused) as exc:
        psh_month_pay(*args)
    assert codes(exc) == {code}


def test_absence_that_is_not_a_date_is_refused():
    with pytest.raises(Refused) as exc:
        psh_month_pay("SGR", SPM_RATE, date(2026, 7, 1), date(2026, 7, 31), 2026, 7,
                      absences=["20 Julai"])
    assert codes(exc) == {"INVALID_DATE"}


# --- Properties ---------------------------------------------------------------------------------

RATES = st.decimals(Decimal("1.00"), Decimal("200.00"), places=2)


@st.composite
def terms(draw):
    state = draw(st.sampled_from(STATE_CODES))
    start = draw(st.dates(date(2024, 1, 1), date(2027, 6, 30)))
    end = start + timedelta(days=draw(st.integers(0, 183)))
    near = st.dates(start - timedelta(days=10), end + timedelta(days=10))
    absences = draw(st.lists(near, max_size=15))
    holidays = draw(st.lists(near, max_size=3))
    return state, start, end, absences, holidays


def _months(start: date, end: date):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@settings(max_examples=60, deadline=None)
@given(terms(), RATES)
def test_months_add_up_to_rate_times_working_days_less_absences(term, rate):
    state, start, end, absences, holidays = term
    # counted day by day through is_working_day, independently of psh_month_pay
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    worked = [d for d in days if is_working_day(state, d, holidays)]
    absent = set(absences) & set(worked)
    lines = [psh_month_pay(state, rate, start, end, y, m, absences, holidays)
             for y, m in _months(start, end)]
    assert sum(line.gross for line in lines) == rate * (len(worked) - len(absent))
    assert sum(line.paid_days for line in lines) == len(worked) - len(absent)


@settings(max_examples=60, deadline=None)
@given(terms(), RATES, st.integers(2024, 2027), st.integers(1, 12))
def test_pay_never_negative_nor_more_days_than_the_month_has(term, rate, year, month):
    state, start, end, absences, holidays = term
    line = psh_month_pay(state, rate, start, end, year, month, absences, holidays)
    first, last = month_bounds(year, month)
    month_days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    in_month = sum(is_working_day(state, d) for d in month_days)
    assert line.gross >= 0 and line.paid_days >= 0
    assert line.paid_days <= line.working_days <= in_month
    assert line.paid_days == line.working_days - line.absent_days
    assert line.gross == rate * line.paid_days
