"""The cost of each allowed filling method (7.4(d), 8(c)), cheapest first."""

from datetime import date, timedelta
from decimal import Decimal

import holidays
import pytest

from desktop.rules import Refused
from desktop.rules.costs import acting_cost, filling_costs, psh_cost


def _all_working(state, start, end):
    cal = holidays.country_holidays("MY", subdiv=state, years=start.year)
    day = start
    while day <= end:
        if not cal.is_working_day(day):
            return False
        day += timedelta(days=1)
    return True


WEEK = (date(2026, 3, 2), date(2026, 3, 6))  # Monday to Friday


def test_psh_cost_is_wage_plus_employer_contributions():
    assert _all_working("SGR", *WEEK)  # the oracle: five working days in Selangor
    cost = psh_cost("SGR", "SPM", *WEEK)
    # 5 days x RM54 = RM270; KWSP band 260.01-280.00: employer ceil(280 x 13%) = 37;
    # PERKESO band 200-300: employer 4.35; SIP off by default
    assert dict(cost.parts) == {"Upah harian": Decimal("270.00"),
                                "KWSP majikan": Decimal("37"),
                                "PERKESO majikan": Decimal("4.35")}
    assert cost.total == Decimal("311.35")


def test_psh_cost_with_sip_enabled_adds_its_employer_share():
    cost = psh_cost("SGR", "SPM", *WEEK, sip_enabled=True)
    assert dict(cost.parts)["SIP majikan"] == Decimal("0.50")  # SIP band 200-300
    assert cost.total == Decimal("311.85")


def test_acting_cost_follows_jpa_example_for_a_whole_month():
    cost = acting_cost(Decimal("2345.69"), date(2026, 3, 1), date(2026, 3, 31))
    assert cost.total == Decimal("586.42")


def test_costs_cheapest_first_and_uncostable_last():
    costs = filling_costs("SGR", "TABIKA", "OPERASI", "S22", *WEEK, psh_qualification="SPM",
                          starting_salary=Decimal("1800.00"))
    assert [c.method for c in costs] == ["ACTING", "PSH", "GANTIAN"]
    assert costs[0].total < costs[1].total
    gantian = costs[2]
    assert gantian.total is None and gantian.problem.code == "RATE_TABLE_EMPTY"


def test_only_allowed_methods_are_costed():
    costs = filling_costs("SGR", "TASKA", "OPERASI", "S27", *WEEK, psh_qualification="SPM",
                          starting_salary=Decimal("2000.00"))
    assert [c.method for c in costs] == ["ACTING"]


def test_acting_without_starting_salary_names_para_6b():
    costs = filling_costs("KDH", "TASKA", "OPERASI", "S27", *WEEK, psh_qualification="SPM")
    (acting,) = costs
    assert acting.total is None
    assert (acting.problem.code, acting.problem.paragraph) == ("COST_NO_STARTING_SALARY", "6B")


def test_reversed_period_is_refused():
    with pytest.raises(Refused) as info:
        filling_costs("SGR", "TABIKA", "HAKIKI", "S22", date(2026, 3, 6), date(2026, 3, 2),
                      psh_qualification="SPM")
    assert info.value.violations[0].code == "END_BEFORE_START"
