"""Pekerja Sambilan Harian (PSH): eligibility, rate for the job, term limit and monthly pay.

Paragraph references are to SPSM Bil.2/2016, para 5A (recruitment policy) and 5B (daily rates).
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from desktop.rules.calendar import UNKNOWN_STATE, check_period, month_bounds, working_days
from desktop.rules.catalogue import rule
from desktop.rules.enums import Qualification
from desktop.rules.rates import (
    RATE_NOT_IN_FORCE,
    check_day,
    derived_cache,
    load_rates,
    parse_decimal,
    pick_in_force,
    require_rows,
)
from desktop.rules.states import is_state
from desktop.rules.violations import Refused, RuleViolation, invalid

CENT = Decimal("0.01")
TERM_MONTHS = 3  # para 5A(e): at most three months ...
EXTENDED_TERM_MONTHS = 6  # ... extendable by the head of department by at most three more

# The conditions of 5A are refused here and shown as warnings beside each candidate by
# candidates_order.py, in that list's own words: the values carry each wording.
PSH_NOT_CITIZEN = rule("PSH_NOT_CITIZEN", "5A(a)", "{subject_ms} warganegara Malaysia.",
                       "{subject_en} a Malaysian citizen.")
PSH_PUBLIC_OFFICER = rule("PSH_PUBLIC_OFFICER", "5A(b)", "{finding_ms}{rule_ms}.",
                          "{finding_en}{rule_en}.")
PSH_TERM_OVER_3_MONTHS = rule(
    "PSH_TERM_OVER_3_MONTHS", "5A(e)",
    "Tempoh PSH tidak boleh melebihi 3 bulan (hari terakhir {last}) melainkan dilanjutkan oleh "
    "Ketua Jabatan sehingga 3 bulan lagi.",
    "A PSH term cannot exceed 3 months (last day {last}) unless the head of department extends "
    "it by up to 3 more months.")
PSH_TERM_OVER_6_MONTHS = rule(
    "PSH_TERM_OVER_6_MONTHS", "5A(e)",
    "Tempoh PSH termasuk lanjutan tidak boleh melebihi 6 bulan: hari terakhir yang dibenarkan "
    "ialah {last}.",
    "A PSH term with its extensions cannot exceed 6 months: the last day allowed is {last}.")
PSH_BELOW_SPM = rule("PSH_BELOW_SPM", "5A(f)", "Kelayakan {whose_ms}{finding_ms}.",
                     "{whose_en} qualification {finding_en}.")
PSH_JOB_BELOW_SPM = rule("PSH_JOB_BELOW_SPM", "5A(f)",
                         "Tugas PSH mesti memerlukan sekurang-kurangnya SPM.",
                         "A PSH job must call for at least SPM.")
PSH_NOT_CERTIFIED_HEALTHY = rule("PSH_NOT_CERTIFIED_HEALTHY", "5A(g)",
                                 "Calon belum diperakui sihat oleh Ketua Jabatan.",
                                 "{subject_en} {verb_en} healthy{by_en}.")
PSH_UNDERQUALIFIED = rule(
    "PSH_UNDERQUALIFIED", "5A(h)",
    "Kelayakan calon ({qualification}) lebih rendah daripada kelayakan yang diperlukan oleh "
    "tugas ({required}); kadar upah mengikut tugas (perenggan 5B).",
    "The candidate's qualification ({qualification}) is below what the job calls for "
    "({required}); the rate follows the job (para 5B).")
PSH_OSA_NOT_SIGNED = rule(
    "PSH_OSA_NOT_SIGNED", "5A(n)",
    "Calon mesti menandatangani perakuan Akta Rahsia Rasmi 1972 sebelum mula bertugas.",
    "The candidate must sign the Official Secrets Act 1972 declaration before starting.")
INVALID_RATE = rule("INVALID_RATE", None, "Kadar upah mesti lebih daripada sifar.",
                    "The daily rate must be more than zero.")


def parse_qualification(value: Qualification | str, field: str = "qualification") -> Qualification:
    """A :class:`Qualification` from the enum, its value ("SPM", "BAWAH_SPM") or its name."""
    if isinstance(value, Qualification):
        return value
    if isinstance(value, str):
        text = value.strip().upper()
        for q in Qualification:
            if text in (q.value, q.name):
                return q
    raise Refused(invalid(field, f"Kelayakan '{value}' tidak dikenali.",
                          f"Unknown qualification '{value}'.", "UNKNOWN_QUALIFICATION"))


def _below_spm(field: str) -> RuleViolation:
    return PSH_BELOW_SPM.violation(field, whose_ms="", finding_ms="bawah SPM tidak layak dilantik "
                                   "sebagai PSH", whose_en="A",
                                   finding_en="below SPM is not eligible for PSH")


@derived_cache
@lru_cache(maxsize=32)
def _rates_of(effective_from: date) -> dict[Qualification, Decimal]:
    table = pick_in_force(load_rates("psh")["table"], effective_from, "kadar upah harian PSH")
    rates = require_rows(table, "rates", "kadar upah harian PSH")
    out = {}
    for key, text in rates.items():
        qual = parse_qualification(key, "rates")
        out[qual] = parse_decimal(text, f"psh.{key}")
    return out


def psh_daily_rate(qualification: Qualification | str, on: date) -> Decimal:
    """The daily wage (RM) in force on ``on`` for a job calling for ``qualification`` (5B).

    The rate follows the qualification the job requires, not the candidate's highest (5A(h)).
    """
    qual = parse_qualification(qualification)
    if qual is Qualification.BELOW_SPM:
        raise Refused(_below_spm("qualification"))
    on = check_day(on)
    data = load_rates("psh")
    table = pick_in_force(data["table"], on, data["title"])
    rate = _rates_of(table["effective_from"]).get(qual)
    if rate is None:
        raise RATE_NOT_IN_FORCE.adapted(paragraph="5B").refuse(
            field="qualification", day=on.isoformat(), note_ms="", note_en="",
            what_ms=f"kadar upah PSH untuk kelayakan {qual.value}",
            what_en=f"PSH daily rate for qualification {qual.value}")
    return rate


def _months_on(start: date, months: int) -> date:
    """The same day number ``months`` later; when that month is too short, the 1st after it."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if start.day <= _cal.monthrange(year, month)[1]:
        return date(year, month, start.day)
    return date(year, month, 1) + timedelta(days=_cal.monthrange(year, month)[1])


def psh_last_day(start: date, extended: bool = False) -> date:
    """The last day a PSH engaged from ``start`` may work (para 5A(e)).

    The term is 3 months (6 with the head of department's extensions) counted from ``start``:
    it ends the day before the same day number 3 (or 6) months later. Start 1 March -> 31 May;
    start 15 January -> 14 April. When that later month has no such day, the term runs to the
    end of that month: start 30 November 2026 -> 28 February 2027; start 31 August -> 30 November.
    """
    start = check_day(start, "start")
    months = EXTENDED_TERM_MONTHS if extended else TERM_MONTHS
    try:
        return _months_on(start, months) - timedelta(days=1)
    except (ValueError, OverflowError):  # beyond year 9999
        raise Refused(invalid("start", "Tarikh mula tidak sah.", "Invalid start date.",
                              "INVALID_DATE")) from None


def check_psh_term(start: date, end: date, extended: bool = False) -> list[RuleViolation]:
    """The problems of a planned term from ``start`` to ``end`` inclusive (para 5A(e))."""
    start, end = check_day(start, "start"), check_day(end, "end")
    check_period(start, end)
    last = psh_last_day(start, extended)
    if end <= last:
        return []
    if extended:
        return [PSH_TERM_OVER_6_MONTHS.violation("end", last=last.isoformat())]
    return [PSH_TERM_OVER_3_MONTHS.violation("end", last=last.isoformat())]


def check_psh_candidate(citizen: bool, public_officer: bool, qualification: Qualification | str,
                        healthy_certified: bool, osa_signed: bool,
                        required_qualification: Qualification | str = Qualification.SPM,
                        ) -> list[RuleViolation]:
    """Every reason a candidate may not be engaged as PSH for a job (para 5A); [] when none."""
    qual = parse_qualification(qualification)
    required = parse_qualification(required_qualification, "required_qualification")
    if required is Qualification.BELOW_SPM:
        raise PSH_JOB_BELOW_SPM.refuse(field="required_qualification")
    out: list[RuleViolation] = []
    if not citizen:
        out.append(PSH_NOT_CITIZEN.violation("citizen", subject_ms="PSH mestilah",
                                             subject_en="A PSH must be"))
    if public_officer:
        out.append(PSH_PUBLIC_OFFICER.violation(
            "public_officer", finding_ms="", rule_ms="Pegawai awam tidak boleh dilantik sebagai PSH",
            finding_en="", rule_en="A public officer cannot be engaged as PSH"))
    if qual is Qualification.BELOW_SPM:
        out.append(_below_spm("qualification"))
    # A candidate below SPM is already refused by 5A(f); 5A(h) adds something only when the
    # job calls for more than SPM.
    if qual.level < required.level and not (
            qual is Qualification.BELOW_SPM and required is Qualification.SPM):
        out.append(PSH_UNDERQUALIFIED.violation("qualification", qualification=qual.value,
                                                required=required.value))
    if not healthy_certified:
        out.append(PSH_NOT_CERTIFIED_HEALTHY.violation(
            "healthy_certified", subject_en="The candidate", verb_en="has not been certified",
            by_en=" by the head of department"))
    if not osa_signed:
        out.append(PSH_OSA_NOT_SIGNED.violation("osa_signed"))
    return out


@dataclass(frozen=True)
class PayLine:
    """A PSH's pay for one month: days paid and the gross wage (para 5A(k), 5B)."""

    paid_days: int
    gross: Decimal
    working_days: int = 0  # working days of the state in the term, within the month
    absent_days: int = 0  # absences that fell on those working days


def _positive_rate(rate) -> Decimal:
    value = parse_decimal(rate, "rate")
    if value <= 0:
        raise INVALID_RATE.refuse(field="rate")
    return value


def _dates(values: Iterable[date], field: str) -> set[date]:
    out = set()
    for value in values:
        out.add(check_day(value, field))
    return out


@lru_cache(maxsize=1024)
def _month_working_days(state: str, year: int, month: int) -> tuple[date, ...]:
    # A month close asks for the same state and month thousands of times.
    return tuple(working_days(state, *month_bounds(year, month)))


def psh_month_pay(state: str, rate, start: date, end: date, year: int, month: int,
                  absences: Iterable[date] = (), extra_holidays: Iterable[date] = ()) -> PayLine:
    """The pay of a PSH engaged from ``start`` to ``end`` (inclusive) for one month.

    Paid days are the state's working days (weekly rest days, public holidays and the office's
    ``extra_holidays`` excluded) in both the term and the month, less absences that fall on
    those days; absences on rest days, holidays or outside the term change nothing (5A(k)).
    Gross = rate x paid days, rounded to the sen (half up).
    """
    code = str(state or "").strip().upper()
    if not is_state(code):
        raise UNKNOWN_STATE.refuse(field="state", state=state)
    value = _positive_rate(rate)
    start, end = check_day(start, "start"), check_day(end, "end")
    check_period(start, end)
    first, last = month_bounds(year, month)
    absent = _dates(absences, "absences")
    holidays = _dates(extra_holidays, "extra_holidays")
    lo, hi = max(start, first), min(end, last)
    if lo > hi:
        return PayLine(0, Decimal("0.00"), 0, 0)
    days = [d for d in _month_working_days(code, year, month)
            if lo <= d <= hi and d not in holidays]
    absent_days = len(absent.intersection(days))
    paid = len(days) - absent_days
    gross = (value * paid).quantize(CENT, ROUND_HALF_UP)
    return PayLine(paid, gross, len(days), absent_days)
