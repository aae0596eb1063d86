"""KWSP, PERKESO and SIP against reference/statutory-rates.md and its CSV tables."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.contributions import (
    Contribution,
    MonthContributions,
    age_at,
    kwsp_contribution,
    month_contributions,
    perkeso_contribution,
    sip_contribution,
)
from desktop.rules.violations import Refused

ON = date(2026, 7, 1)  # every table of the reference is in force


def codes(exc_info) -> set[str]:
    return {v.code for v in exc_info.value.violations}


def C(employer: str, employee: str) -> Contribution:
    return Contribution(Decimal(employer), Decimal(employee))


# --- KWSP: the test vectors of statutory-rates.md (band -> employer / employee) ------------------

PART_A = [
    ("10.01", "20.00", "3", "3"),
    ("80.01", "100.00", "13", "11"),
    ("1060.01", "1080.00", "141", "119"),
    ("1980.01", "2000.00", "260", "220"),
    ("4980.01", "5000.00", "650", "550"),
    ("5000.01", "5100.00", "612", "561"),
    ("19900.01", "20000.00", "2400", "2200"),
]


def _in_band(low: str, high: str) -> list[Decimal]:
    lo, hi = Decimal(low), Decimal(high)
    return [lo, ((lo + hi) / 2).quantize(Decimal("0.01")), hi]


@pytest.mark.parametrize("low, high, employer, employee", PART_A)
def test_kwsp_part_a_vectors(low, high, employer, employee):
    for wage in _in_band(low, high):
        assert kwsp_contribution(wage, 30, ON) == C(employer, employee), wage
        assert kwsp_contribution(wage, 59, ON) == C(employer, employee), wage


def test_kwsp_part_e_vector():
    for wage in _in_band("1060.01", "1080.00"):
        assert kwsp_contribution(wage, 60, ON) == C("44", "0")
        assert kwsp_contribution(wage, 75, ON) == C("44", "0")


def test_kwsp_amounts_are_two_place_decimals():
    got = kwsp_contribution("1080.00", 30, ON)
    assert str(got.employer) == "141.00" and str(got.employee) == "119.00"
    assert got.total == Decimal("260.00")


@pytest.mark.parametrize("wage", ["0", "0.00", "5.00", "10.00"])
def test_kwsp_nothing_up_to_ten_ringgit(wage):
    assert kwsp_contribution(wage, 30, ON) == C("0", "0")
    assert kwsp_contribution(wage, 65, ON) == C("0", "0")


def test_kwsp_band_edges_by_hand():
    # 20.01 falls in the 20.01-40.00 band: 13 % and 11 % of 40 = 5.20 and 4.40, rounded up
    assert kwsp_contribution("20.01", 30, ON) == C("6", "5")
    # 5,100.01 is in the 5,100.01-5,200.00 band: 12 % and 11 % of 5,200 = 624 and 572
    assert kwsp_contribution("5100.01", 30, ON) == C("624", "572")


def test_kwsp_above_20000_uses_the_wage_itself():
    # 12 % of 20,000.01 = 2,400.0012 -> 2,401; 11 % = 2,200.0011 -> 2,201
    assert kwsp_contribution("20000.01", 30, ON) == C("2401", "2201")
    assert kwsp_contribution("30000.00", 30, ON) == C("3600", "3300")
    assert kwsp_contribution("30000.00", 60, ON) == C("1200", "0")


def test_kwsp_employer_share_steps_down_above_5000():
    # 13 % up to 5,000 then 12 %: the schedule's own vectors (650 then 612)
    assert kwsp_contribution("5000.00", 30, ON).employer > kwsp_contribution("5000.01", 30, ON).employer


def test_kwsp_table_not_yet_in_force():
    with pytest.raises(Refused) as exc:
        kwsp_contribution("1000.00", 30, date(2025, 9, 30))
    assert codes(exc) == {"RATE_NOT_IN_FORCE"}


def test_kwsp_defaults_to_age_30_today():
    assert kwsp_contribution("100.00") == C("13", "11")


WAGES = st.decimals(Decimal("0.00"), Decimal("30000.00"), places=2)


@given(WAGES, WAGES, st.sampled_from([18, 30, 59, 60, 70]))
def test_kwsp_employee_share_is_monotone(w1, w2, age):
    lo, hi = sorted((w1, w2))
    assert kwsp_contribution(lo, age, ON).employee <= kwsp_contribution(hi, age, ON).employee


@given(WAGES, WAGES, st.sampled_from([18, 30, 59, 60, 70]))
def test_kwsp_employer_share_is_monotone_on_each_side_of_5000(w1, w2, age):
    # Part A's employer rate drops from 13 % to 12 % above RM5,000 (see the vectors), so the
    # employer share is monotone below and above that limit; Part E (4 %) everywhere.
    lo, hi = sorted((w1, w2))
    if age < 60 and lo <= Decimal("5000") < hi:
        return
    assert kwsp_contribution(lo, age, ON).employer <= kwsp_contribution(hi, age, ON).employer


@given(WAGES, st.sampled_from([30, 65]))
def test_kwsp_never_negative_and_whole_ringgit(wage, age):
    got = kwsp_contribution(wage, age, ON)
    assert got.employer >= 0 and got.employee >= 0
    assert got.employer == got.employer.to_integral_value()
    assert got.employee == got.employee.to_integral_value()


# --- PERKESO (Act 4): rows typed from perkeso-act4-from-2024-10-01.csv ---------------------------
# (wage_above, wage_up_to, employer 1st, employee 1st, employer 2nd)

PERKESO = [
    ("0", "30", "0.40", "0.10", "0.30"),
    ("30", "50", "0.70", "0.20", "0.50"),
    ("100", "140", "2.10", "0.60", "1.50"),
    ("1000", "1100", "18.35", "5.25", "13.10"),
    ("1100", "1200", "20.15", "5.75", "14.40"),
    ("1400", "1500", "25.35", "7.25", "18.10"),
    ("2900", "3000", "51.65", "14.75", "36.90"),
    ("5000", "5100", "88.35", "25.25", "63.10"),
    ("5900", "6000", "104.15", "29.75", "74.40"),
]


@pytest.mark.parametrize("above, up_to, employer, employee, second", PERKESO)
def test_perkeso_rows(above, up_to, employer, employee, second):
    for wage in (Decimal(above) + Decimal("0.01"), Decimal(up_to)):
        assert perkeso_contribution(wage, 30, ON) == C(employer, employee), wage
        assert perkeso_contribution(wage, 59, ON) == C(employer, employee), wage
        assert perkeso_contribution(wage, 60, ON) == C(second, "0"), wage


@pytest.mark.parametrize("wage", ["6000.01", "8000.00", "50000.00"])
def test_perkeso_above_the_6000_ceiling(wage):
    assert perkeso_contribution(wage, 30, ON) == C("104.15", "29.75")
    assert perkeso_contribution(wage, 61, ON) == C("74.40", "0")


def test_perkeso_zero_wage_pays_nothing():
    assert perkeso_contribution("0", 30, ON) == C("0", "0")


def test_perkeso_before_october_2024_is_not_known():
    with pytest.raises(Refused) as exc:
        perkeso_contribution("1000", 30, date(2024, 9, 30))
    assert codes(exc) == {"RATE_NOT_IN_FORCE"}


# --- SIP (Act 800): rows typed from sip-act800-from-2024-10-01.csv ------------------------------

SIP = [
    ("0", "30", "0.05"),
    ("30", "50", "0.10"),
    ("1000", "1100", "2.10"),
    ("1100", "1200", "2.30"),
    ("2900", "3000", "5.90"),
    ("5900", "6000", "11.90"),
]


@pytest.mark.parametrize("above, up_to, each", SIP)
def test_sip_rows(above, up_to, each):
    for wage in (Decimal(above) + Decimal("0.01"), Decimal(up_to)):
        assert sip_contribution(wage, 30, ON) == C(each, each), wage


def test_sip_above_the_ceiling_and_at_zero():
    assert sip_contribution("7000.00", 30, ON) == C("11.90", "11.90")
    assert sip_contribution("0.00", 30, ON) == C("0", "0")


def test_sip_covers_ages_18_to_59_only():
    assert sip_contribution("1500.00", 59, ON) == C("2.90", "2.90")
    assert sip_contribution("1500.00", 18, ON) == C("2.90", "2.90")
    assert sip_contribution("1500.00", 60, ON) == C("0", "0")
    assert sip_contribution("1500.00", 17, ON) == C("0", "0")


# --- Bad input ----------------------------------------------------------------------------------

ALL = [kwsp_contribution, perkeso_contribution, sip_contribution]


@pytest.mark.parametrize("fn", ALL)
@pytest.mark.parametrize("wage, code", [
    ("-0.01", "NEGATIVE_AMOUNT"),
    (Decimal("-100"), "NEGATIVE_AMOUNT"),
    ("seribu", "INVALID_NUMBER"),
    (1000.0, "INVALID_NUMBER"),
    (None, "INVALID_NUMBER"),
])
def test_bad_wage_is_refused(fn, wage, code):
    with pytest.raises(Refused) as exc:
        fn(wage, 30, ON)
    assert codes(exc) == {code}


@pytest.mark.parametrize("fn", ALL)
@pytest.mark.parametrize("age", [-1, "30", True, 30.0, None])
def test_bad_age_is_refused(fn, age):
    with pytest.raises(Refused) as exc:
        fn("1000.00", age, ON)
    assert codes(exc) == {"INVALID_AGE"}


# --- Age and the month ---------------------------------------------------------------------------

@pytest.mark.parametrize("birth, on, age", [
    (date(2000, 3, 15), date(2026, 3, 14), 25),
    (date(2000, 3, 15), date(2026, 3, 15), 26),
    (date(2004, 2, 29), date(2027, 2, 28), 22),  # common year: a year older on 1 March
    (date(2004, 2, 29), date(2027, 3, 1), 23),
    (date(2004, 2, 29), date(2028, 2, 29), 24),
    (date(2026, 1, 1), date(2026, 1, 1), 0),
])
def test_age_at(birth, on, age):
    assert age_at(birth, on) == age


def test_age_before_birth_is_refused():
    with pytest.raises(Refused) as exc:
        age_at(date(2000, 1, 2), date(2000, 1, 1))
    assert codes(exc) == {"INVALID_BIRTH_DATE"}


def test_month_of_a_spm_psh():
    # 22 days x RM54 = RM1,188.00 in July 2026, aged 36:
    # KWSP band 1,180.01-1,200: 13 % / 11 % of 1,200 = 156 / 132;
    # PERKESO 1,100-1,200 row: 20.15 / 5.75; SIP 1,100-1,200 row: 2.30 / 2.30
    got = month_contributions(Decimal("1188.00"), date(1990, 5, 20), 2026, 7)
    assert got == MonthContributions(C("156", "132"), C("20.15", "5.75"), C("2.30", "2.30"), 36)
    assert got.employer_total == Decimal("178.45")
    assert got.employee_total == Decimal("140.05")


def test_month_without_sip():
    got = month_contributions("1188.00", date(1990, 5, 20), 2026, 7, sip_enabled=False)
    assert got.sip == C("0", "0")
    assert (got.employer_total, got.employee_total) == (Decimal("176.15"), Decimal("137.75"))


@pytest.mark.parametrize("birth, year, month, part_e", [
    (date(1966, 3, 15), 2026, 3, False),  # turns 60 during March: March still Part A
    (date(1966, 3, 15), 2026, 4, True),  # from the following month
    (date(1966, 3, 1), 2026, 3, False),  # a birthday on the 1st also counts from next month
    (date(1966, 3, 1), 2026, 4, True),
    (date(1966, 2, 28), 2026, 3, True),
])
def test_month_from_which_the_age_60_rates_apply(birth, year, month, part_e):
    got = month_contributions("1080.00", birth, year, month)
    if part_e:
        assert got.age == 60
        assert got.kwsp == C("44", "0")  # Part E vector
        assert got.perkeso == C("13.10", "0")  # second category, 1,000-1,100 row
        assert got.sip == C("0", "0")
    else:
        assert got.age == 59
        assert got.kwsp == C("141", "119")  # Part A vector
        assert got.perkeso == C("18.35", "5.25")
        assert got.sip == C("2.10", "2.10")


def test_zero_wage_month_is_all_zero():
    got = month_contributions("0.00", date(1990, 5, 20), 2026, 7)
    assert got.employer_total == 0 and got.employee_total == 0


@pytest.mark.parametrize("args, code", [
    (("-1.00", date(1990, 5, 20), 2026, 7), "NEGATIVE_AMOUNT"),
    (("abc", date(1990, 5, 20), 2026, 7), "INVALID_NUMBER"),
    (("1000.00", date(2026, 7, 1), 2026, 7), "INVALID_BIRTH_DATE"),
    (("1000.00", "1990-05-20", 2026, 7), "INVALID_DATE"),
    (("1000.00", date(1990, 5, 20), 2026, 13), "INVALID_MONTH"),
    (("1000.00", date(1990, 5, 20), 2025, 9), "RATE_NOT_IN_FORCE"),  # before the KWSP table
])
def test_bad_month_input_is_refused(args, code):
    with pytest.raises(Refused) as exc:
        month_contributions(*args)
    assert codes(exc) == {code}
