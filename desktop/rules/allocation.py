"""The OS29000 allocation that pays PSH wages (para 5A(c)): entries, commitments, the balance.

Each year's allocation is a list of entries: the initial allocation, top-ups and reductions
(never edited or deleted: a mistake is put right by another entry). Every approved PSH commits
its projected cost over its term: the daily wage over the state's working days plus the
employer's contributions (``rules.costs.psh_cost``), split by calendar year when the term
crosses a year's end. Closed months turn a commitment into spending. For a year::

    allocated = initial + top-ups - reductions
    committed = sum over active commitments of max(projected - spent, 0)
    spent     = sum over all commitments of spent
    available = allocated - committed - spent

A commitment whose spending has overtaken its projection owes nothing more (it is not
negative): the money spent is counted once, in ``spent``.

The confirmation that the allocation suffices goes with every PSH application (7.4(b) for a
hakiki vacancy, 8.2(a) for an operasi one), so a PSH whose cost exceeds the balance is refused
unless an approving officer overrides it with a recorded reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from desktop.rules.calendar import check_period, month_bounds
from desktop.rules.catalogue import rule
from desktop.rules.contributions import age_at
from desktop.rules.costs import psh_cost

ZERO = Decimal("0.00")
# The age assumed for a projection before the person is known (their MyKad gives it after).
DEFAULT_AGE = 30
FIRST_YEAR, LAST_YEAR = 2016, 2100  # the circular dates from 2016; later years are slips


class AllocationKind(str, Enum):
    INITIAL = "INITIAL"
    TOPUP = "TOPUP"
    REDUCTION = "REDUCTION"

    @property
    def sign(self) -> int:
        return -1 if self is AllocationKind.REDUCTION else 1

    @property
    def label_ms(self) -> str:
        return {"INITIAL": "Peruntukan asal", "TOPUP": "Tambahan peruntukan",
                "REDUCTION": "Pengurangan peruntukan"}[self.value]

    @property
    def label_en(self) -> str:
        return {"INITIAL": "Initial allocation", "TOPUP": "Top-up",
                "REDUCTION": "Reduction"}[self.value]


ALLOCATION_SHORTFALL = rule(
    "ALLOCATION_SHORTFALL", "5A(c)",
    "Peruntukan OS29000 tahun {year} tidak mencukupi: kos unjuran PSH {cost} melebihi baki "
    "peruntukan {available}. Pengesahan peruntukan mencukupi dikemukakan bersama permohonan "
    "PSH (perenggan {confirm}); hanya pegawai pelulus boleh meneruskannya dengan sebab yang "
    "direkodkan.",
    "The OS29000 allocation for {year} is not enough: the PSH's projected cost {cost} exceeds "
    "the balance {available}. The confirmation that the allocation suffices goes with the PSH "
    "application (para {confirm}); only an approving officer may go ahead, with a recorded "
    "reason.")
ALLOCATION_REDUCTION_TOO_LARGE = rule(
    "ALLOCATION_REDUCTION_TOO_LARGE", "5A(c)",
    "Pengurangan {amount} melebihi baki peruntukan OS29000 tahun {year} ({available}); baki "
    "tidak boleh menjadi negatif.",
    "The reduction {amount} exceeds the OS29000 balance for {year} ({available}); the balance "
    "cannot go below zero.")
ALLOCATION_INITIAL_EXISTS = rule(
    "ALLOCATION_INITIAL_EXISTS", None,
    "Peruntukan asal OS29000 tahun {year} telah direkodkan (rujukan {reference}); rekodkan "
    "tambahan atau pengurangan.",
    "The initial OS29000 allocation for {year} is already recorded (reference {reference}); "
    "record a top-up or a reduction.")
ALLOCATION_YEAR_INVALID = rule(
    "ALLOCATION_YEAR_INVALID", None,
    "Tahun '{value}' tidak sah: tulis tahun empat digit dari {first} hingga {last}.",
    "The year '{value}' is not valid: write a four-digit year from {first} to {last}.")
ALLOCATION_NO_COMMITMENT = rule(
    "ALLOCATION_NO_COMMITMENT", "5A(c)",
    "PSH {name} tiada komitmen OS29000 bagi tahun {year}; perbelanjaan tidak dapat direkodkan.",
    "PSH {name} has no OS29000 commitment for {year}; the spending cannot be recorded.")


def allocated_total(entries: Iterable[tuple[AllocationKind | str, Decimal]]) -> Decimal:
    """Initial + top-ups - reductions, from (kind, amount) pairs."""
    total = ZERO
    for kind, amount in entries:
        total += AllocationKind(kind).sign * amount
    return total


def outstanding(projected: Decimal, spent: Decimal) -> Decimal:
    """What a commitment still holds back: the projection not yet spent, never below zero."""
    return max(projected - spent, ZERO)


def _months(start: date, end: date):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first, last = month_bounds(year, month)
        yield year, first, max(start, first), min(end, last)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def psh_cost_by_year(state: str, qualification, start: date, end: date,
                     birth_date: date | None = None, *,
                     sip_enabled: bool = False) -> dict[int, Decimal]:
    """The projected cost of a PSH from ``start`` to ``end`` (inclusive), per calendar year.

    Each month is costed by ``rules.costs.psh_cost`` (wage over the state's working days plus
    the employer's KWSP, PERKESO and, when enabled, SIP) with the age completed by the end of
    the previous month, as the contributions are; without a birth date the age is
    :data:`DEFAULT_AGE`. The daily rate is the one in force on the month's first day worked.
    """
    check_period(start, end)
    out: dict[int, Decimal] = {}
    for year, first, lo, hi in _months(start, end):
        age = DEFAULT_AGE if birth_date is None else age_at(birth_date, first - timedelta(days=1))
        cost = psh_cost(state, qualification, lo, hi, age=age, sip_enabled=sip_enabled).total
        out[year] = out.get(year, ZERO) + cost
    return out
