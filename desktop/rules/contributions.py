"""Statutory contributions on a monthly wage: KWSP (EPF), PERKESO (SOCSO) and SIP (EIS).

Figures come from the dated tables ``resources/rates/kwsp.toml``, ``perkeso.toml`` and
``sip.toml`` (see their comments for the sources). KWSP is paid for every PSH (para 5A(m)).
All amounts are ``Decimal`` ringgit with two places.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache

from desktop.rules.calendar import month_bounds
from desktop.rules.catalogue import rule
from desktop.rules.rates import (
    check_day,
    derived_cache,
    invalid_table,
    load_rates,
    parse_decimal,
    pick_in_force,
    require_rows,
)
from desktop.rules.violations import Refused, invalid

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Contribution:
    employer: Decimal
    employee: Decimal

    @property
    def total(self) -> Decimal:
        return self.employer + self.employee


NONE = Contribution(ZERO, ZERO)

INVALID_AGE = rule("INVALID_AGE", None, "Umur '{age}' tidak sah.", "Invalid age '{age}'.")
INVALID_BIRTH_DATE = rule("INVALID_BIRTH_DATE", None, "Tarikh lahir {problem_ms}.",
                          "The birth date {problem_en}.")


def _wage(wage) -> Decimal:
    value = parse_decimal(wage, "wage")
    if value < 0:
        raise Refused(invalid("wage", "Upah tidak boleh negatif.", "The wage cannot be negative.",
                              "NEGATIVE_AMOUNT"))
    return value


def _age(age) -> int:
    if not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= 150:
        raise INVALID_AGE.refuse(field="age", age=age)
    return age


def _table(name: str, on: date | None) -> dict:
    data = load_rates(name)
    return pick_in_force(data["table"], date.today() if on is None else check_day(on),
                         data["title"])


# --- KWSP: Third Schedule, Part A (below 60) and Part E (from 60) ------------------------------

@dataclass(frozen=True)
class _Kwsp:
    nothing_up_to: Decimal
    bands: tuple[tuple[Decimal, Decimal], ...]  # (up_to, width), ascending
    part_e_from_age: int
    parts: dict  # "part_a"/"part_e" -> (employer ((limit|None, rate), ...), employee rate)


@derived_cache
@lru_cache(maxsize=16)
def _kwsp(effective_from: date) -> _Kwsp:
    table = pick_in_force(load_rates("kwsp")["table"], effective_from)
    bands = tuple((parse_decimal(b["up_to"], "kwsp.bands.up_to"),
                   parse_decimal(b["width"], "kwsp.bands.width"))
                  for b in require_rows(table, "bands", "caruman KWSP"))
    parts = {}
    for key in ("part_a", "part_e"):
        part = require_rows(table, key, "caruman KWSP")
        employer = tuple(
            (parse_decimal(r["band_up_to"], "kwsp.band_up_to") if "band_up_to" in r else None,
             parse_decimal(r["rate"], "kwsp.rate"))
            for r in part["employer"])
        parts[key] = (employer, parse_decimal(part["employee"], "kwsp.employee"))
    return _Kwsp(parse_decimal(table["no_contribution_up_to"], "kwsp.no_contribution_up_to"),
                 bands, int(table["part_e_from_age"]), parts)


def _parsed(name: str, parse, effective_from: date):
    """``parse(effective_from)`` with a missing key or a wrong type reported as a broken file."""
    try:
        return parse(effective_from)
    except (KeyError, TypeError, ValueError, StopIteration) as exc:
        raise invalid_table(f"{name}.toml", f"ruang {exc} tiada atau salah",
                            f"field {exc} missing or wrong") from None


def _ceil_ringgit(amount: Decimal) -> Decimal:
    return amount.to_integral_value(ROUND_CEILING).quantize(CENT)


def _kwsp_band_limit(k: _Kwsp, wage: Decimal) -> Decimal:
    """The upper limit of the schedule's wage band holding ``wage`` (the wage itself above all)."""
    for up_to, width in k.bands:
        if wage <= up_to:
            return (wage / width).to_integral_value(ROUND_CEILING) * width
    return wage


def kwsp_contribution(wage, age: int = 30, on: date | None = None) -> Contribution:
    """KWSP for a month's ``wage`` by the Third Schedule in force ``on`` (default today).

    Part A below ``age`` 60, Part E from 60. The rate is applied to the upper limit of the
    wage's band (RM20 bands to RM5,000, RM100 bands to RM20,000, the wage itself above) and
    each share is rounded up to the whole ringgit.
    """
    value, age = _wage(wage), _age(age)
    k = _parsed("kwsp", _kwsp, _table("kwsp", on)["effective_from"])
    if value <= k.nothing_up_to:
        return NONE
    limit = _kwsp_band_limit(k, value)
    employer_rates, employee_rate = k.parts["part_e" if age >= k.part_e_from_age else "part_a"]
    employer_rate = next((rate for up_to, rate in employer_rates
                          if up_to is None or limit <= up_to), None)
    if employer_rate is None:
        raise invalid_table("kwsp.toml", "tiada kadar majikan untuk upah ini",
                            "no employer rate for this wage")
    return Contribution(_ceil_ringgit(limit * employer_rate), _ceil_ringgit(limit * employee_rate))


# --- PERKESO and SIP: band tables (wage_above < W <= wage_up_to) -------------------------------

def _bands(name: str, effective_from: date, columns: tuple[str, ...]
           ) -> tuple[tuple[Decimal, Decimal | None, tuple[Decimal, ...]], ...]:
    table = pick_in_force(load_rates(name)["table"], effective_from)
    out = []
    for row in require_rows(table, "rows", name):
        upper = row["wage_up_to"]
        out.append((parse_decimal(row["wage_above"], f"{name}.wage_above"),
                    parse_decimal(upper, f"{name}.wage_up_to") if upper else None,
                    tuple(parse_decimal(row[c], f"{name}.{c}") for c in columns)))
    return tuple(out)


def _band_amounts(bands, wage: Decimal) -> tuple[Decimal, ...] | None:
    for above, up_to, amounts in bands:
        if above < wage and (up_to is None or wage <= up_to):
            return amounts
    return None


_PERKESO_COLUMNS = ("employer_first_category", "employee_first_category",
                    "employer_second_category")


@derived_cache
@lru_cache(maxsize=16)
def _perkeso(effective_from: date):
    table = pick_in_force(load_rates("perkeso")["table"], effective_from)
    return _bands("perkeso", effective_from, _PERKESO_COLUMNS), int(table["second_category_from_age"])


def perkeso_contribution(wage, age: int, on: date | None = None) -> Contribution:
    """PERKESO (Act 4) on a month's ``wage``: first category (employment injury and invalidity,
    both sides) below ``age`` 60; second category (employment injury, employer only) from 60."""
    value, age = _wage(wage), _age(age)
    bands, second_from = _parsed("perkeso", _perkeso, _table("perkeso", on)["effective_from"])
    amounts = _band_amounts(bands, value)
    if amounts is None:  # a zero wage
        return NONE
    first_employer, first_employee, second_employer = amounts
    if age >= second_from:
        return Contribution(second_employer, ZERO)
    return Contribution(first_employer, first_employee)


@derived_cache
@lru_cache(maxsize=16)
def _sip(effective_from: date):
    table = pick_in_force(load_rates("sip")["table"], effective_from)
    return (_bands("sip", effective_from, ("employer", "employee")),
            int(table["from_age"]), int(table["below_age"]))


def sip_contribution(wage, age: int, on: date | None = None) -> Contribution:
    """SIP (Act 800) on a month's ``wage``; nothing outside the Act's ages (18 to below 60)."""
    value, age = _wage(wage), _age(age)
    bands, from_age, below_age = _parsed("sip", _sip, _table("sip", on)["effective_from"])
    amounts = _band_amounts(bands, value)
    if amounts is None or not from_age <= age < below_age:
        return NONE
    return Contribution(*amounts)


# --- The month ---------------------------------------------------------------------------------

def age_at(birth_date: date, on: date) -> int:
    """Completed years of age on ``on`` (someone born on 29 February turns a year older on
    1 March in common years)."""
    birth, day = check_day(birth_date, "birth_date"), check_day(on)
    if birth > day:
        raise INVALID_BIRTH_DATE.refuse(field="birth_date", problem_ms="selepas tarikh yang dikira",
                                        problem_en="is after the date asked for")
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class MonthContributions:
    kwsp: Contribution
    perkeso: Contribution
    sip: Contribution
    age: int  # the age the rates were chosen by

    @property
    def employer_total(self) -> Decimal:
        return self.kwsp.employer + self.perkeso.employer + self.sip.employer

    @property
    def employee_total(self) -> Decimal:
        return self.kwsp.employee + self.perkeso.employee + self.sip.employee


def month_contributions(wage, birth_date: date, year: int, month: int,
                        sip_enabled: bool = True) -> MonthContributions:
    """KWSP, PERKESO and (when enabled) SIP on the wage earned in ``year``-``month``.

    Rates are those in force on the first day of the month. The age is the one completed by
    the end of the previous month, so a rate for a new age applies from the month after the
    birthday's month (KWSP: Part E "from the month following the month the employee reaches
    60"); a birthday on the 1st of a month therefore counts from the next month too.
    """
    first, _ = month_bounds(year, month)
    value = _wage(wage)
    birth = check_day(birth_date, "birth_date")
    if birth >= first:
        raise INVALID_BIRTH_DATE.refuse(field="birth_date", problem_ms="mesti sebelum bulan upah",
                                        problem_en="must be before the wage month")
    age = age_at(birth, first - timedelta(days=1))
    sip = sip_contribution(value, age, first) if sip_enabled else NONE
    return MonthContributions(kwsp_contribution(value, age, first),
                              perkeso_contribution(value, age, first), sip, age)
