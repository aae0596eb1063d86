"""What each allowed way of filling a vacancy would cost over a planned period (7.4(d), 8(c)).

The circular prefers whichever method costs the Government less, so the app shows the allowed
methods side by side, cheapest first:

- PSH: the daily wage over the state's working days of the period, plus the employer's KWSP,
  PERKESO and (when the office enables it: off by default, as whether PSH pay SIP is
  unverified) SIP for each month; the employee's shares come out of the wage, not the budget;
- ACTING: 25 % of the starting salary of the post, prorated by calendar days (6B);
- GANTIAN: the honorarium of the grade, per working day or per month (prorated by calendar
  days), from the administrator's table.

A method whose figure cannot be worked out (an empty table, no starting salary) is listed last
with the reason, never with a made-up figure.
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from desktop.rules.acting import acting_by_month
from desktop.rules.calendar import check_period, month_bounds, working_days
from desktop.rules.catalogue import rule
from desktop.rules.contributions import (
    kwsp_contribution,
    perkeso_contribution,
    sip_contribution,
)
from desktop.rules.filling import allowed_methods
from desktop.rules.gantian import PER_DAY, gantian_honorarium
from desktop.rules.psh import psh_daily_rate, psh_month_pay
from desktop.rules.violations import Refused, RuleViolation

SEN = Decimal("0.01")
ORDER = ("PSH", "ACTING", "GANTIAN")  # ties keep the circular's order

COST_NO_STARTING_SALARY = rule(
    "COST_NO_STARTING_SALARY", "6B",
    "Kos penanggungan kerja tidak dapat dikira kerana gaji permulaan gred {grade} tidak "
    "direkodkan.",
    "The cost of acting duty cannot be worked out: the starting salary of grade {grade} is not "
    "recorded.")


@dataclass(frozen=True)
class MethodCost:
    method: str  # "PSH" | "ACTING" | "GANTIAN"
    total: Decimal | None  # None when it cannot be worked out; see ``problem``
    parts: tuple[tuple[str, Decimal], ...] = ()  # (Malay label, amount) making up the total
    problem: RuleViolation | None = None

    @property
    def known(self) -> bool:
        return self.total is not None


def _months(start: date, end: date) -> list[tuple[int, int]]:
    out, (y, m) = [], (start.year, start.month)
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def psh_cost(state: str, qualification, start: date, end: date, *, age: int = 30,
             sip_enabled: bool = False, extra_holidays: Iterable[date] = ()) -> MethodCost:
    """The PSH wage over the period and the employer's contributions, month by month."""
    rate = psh_daily_rate(qualification, start)
    holidays = tuple(extra_holidays)
    wages = kwsp = perkeso = sip = Decimal("0.00")
    for year, month in _months(start, end):
        first, _ = month_bounds(year, month)
        gross = psh_month_pay(state, rate, start, end, year, month,
                              extra_holidays=holidays).gross
        wages += gross
        kwsp += kwsp_contribution(gross, age, first).employer
        perkeso += perkeso_contribution(gross, age, first).employer
        if sip_enabled:
            sip += sip_contribution(gross, age, first).employer
    parts = [("Upah harian", wages), ("KWSP majikan", kwsp), ("PERKESO majikan", perkeso)]
    if sip_enabled:
        parts.append(("SIP majikan", sip))
    return MethodCost("PSH", sum((a for _, a in parts), Decimal("0.00")), tuple(parts))


def acting_cost(starting_salary, start: date, end: date, grade: str = "") -> MethodCost:
    if starting_salary is None:
        return MethodCost("ACTING", None,
                          problem=COST_NO_STARTING_SALARY.violation("starting_salary",
                                                                    grade=grade or "-"))
    total = sum((a for _, _, a in acting_by_month(starting_salary, start, end)),
                Decimal("0.00"))
    return MethodCost("ACTING", total, (("Elaun tanggung kerja 25%", total),))


def gantian_cost(state: str, grade: str, start: date, end: date,
                 extra_holidays: Iterable[date] = ()) -> MethodCost:
    honorarium = gantian_honorarium(grade, start)
    if honorarium.per == PER_DAY:
        days = len(working_days(state, start, end, extra_holidays))
        total = (honorarium.amount * days).quantize(SEN, ROUND_HALF_UP)
        return MethodCost("GANTIAN", total, ((f"Saguhati {days} hari bekerja", total),))
    total = Decimal("0.00")
    for year, month in _months(start, end):
        first, last = month_bounds(year, month)
        covered = (min(end, last) - max(start, first)).days + 1
        length = _cal.monthrange(year, month)[1]
        total += (honorarium.amount * covered / length).quantize(SEN, ROUND_HALF_UP)
    return MethodCost("GANTIAN", total, (("Saguhati bulanan", total),))


def filling_costs(state: str, premises_kind, vacancy_kind, grade: str, start: date, end: date,
                  *, psh_qualification, starting_salary=None, age: int = 30,
                  sip_enabled: bool = False,
                  extra_holidays: Iterable[date] = ()) -> list[MethodCost]:
    """The cost of each method allowed for this vacancy over ``start``..``end``, cheapest
    first; methods that cannot be costed come last with the reason."""
    check_period(start, end)
    holidays = tuple(extra_holidays)
    out: list[MethodCost] = []
    for method in sorted(allowed_methods(premises_kind, vacancy_kind, grade, start),
                         key=ORDER.index):
        try:
            if method == "PSH":
                cost = psh_cost(state, psh_qualification, start, end, age=age,
                                sip_enabled=sip_enabled, extra_holidays=holidays)
            elif method == "ACTING":
                cost = acting_cost(starting_salary, start, end, grade)
            else:
                cost = gantian_cost(state, grade, start, end, holidays)
        except Refused as refused:
            cost = MethodCost(method, None, problem=refused.violations[0])
        out.append(cost)
    return sorted(out, key=lambda c: (c.total is None, c.total or 0, ORDER.index(c.method)))
