"""The OS29000 allocation (para 5A(c)): yearly entries, what each PSH commits, the balance.

The arithmetic is ``rules.allocation``'s (read its docstring); this module keeps the entries
and commitments in the database. Entries are never edited or deleted: a mistake is put right
by another entry (a top-up or a reduction), so the year's history stays readable.

A PSH commits its projected cost when it is appointed (``services.psh`` calls
:func:`commit_psh`), and again, re-projected, when it is extended (more) or ends early (less:
the rest is released). Closed months turn the commitment into spending (:func:`record_spending`,
called by the month close). On PostgreSQL every change takes one transaction-level advisory
lock, so two PCs cannot both spend the same balance; SQLite lets one writer in at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from desktop.models import AllocationCommitment, AllocationEntry, PshAppointment
from desktop.models.base import utcnow
from desktop.rules import Refused, RuleViolation, invalid, parse_mykad
from desktop.rules.allocation import (
    ALLOCATION_INITIAL_EXISTS,
    ALLOCATION_NO_COMMITMENT,
    ALLOCATION_REDUCTION_TOO_LARGE,
    ALLOCATION_SHORTFALL,
    ALLOCATION_YEAR_INVALID,
    FIRST_YEAR,
    LAST_YEAR,
    ZERO,
    AllocationKind,
    allocated_total,
    outstanding,
    psh_cost_by_year,
)
from desktop.rules.money import format_rm, to_money
from desktop.rules.psh_appointment import approval_paragraph
from desktop.rules.roles import OVERRIDE
from desktop.services.unit import Ctx
from desktop.services.vacancies import enum_field, not_found, today_or
from desktop.services.validate import Checks, typed_date

ENTITY = "allocation_entry"
COMMITMENT = "allocation_commitment"
LOCK_KEY = 29000  # the advisory lock every allocation change takes on PostgreSQL
# One line above this is a typing slip (an extra zero), not a state office's OS29000.
ENTRY_CEILING = Decimal("100000000.00")


@dataclass(frozen=True)
class AllocationBalance:
    year: int
    allocated: Decimal  # initial + top-ups - reductions
    committed: Decimal  # what active commitments still hold back (projected - spent, >= 0)
    spent: Decimal  # what closed months have paid
    available: Decimal  # allocated - committed - spent


@dataclass(frozen=True)
class AllocationEntryRow:
    id: int
    year: int
    kind: AllocationKind
    kind_label: str
    amount: Decimal
    signed_amount: Decimal  # negative for a reduction
    entry_date: date
    reference: str
    note: str
    created_at: datetime


@dataclass(frozen=True)
class CommitmentRow:
    id: int
    psh_id: int
    psh_name: str
    year: int
    projected: Decimal
    spent: Decimal
    outstanding: Decimal  # what it still holds back of the year's allocation
    override_reason: str  # "" unless an approving officer went ahead over the balance
    active: bool


@dataclass(frozen=True)
class YearPlan:
    """One year of a projected PSH cost against that year's balance."""

    year: int
    projected: Decimal  # the PSH's projected cost in the year
    held: Decimal  # what its existing commitment already holds back (0 for a new PSH)
    needed: Decimal  # the increase over ``held`` (negative: released)
    available: Decimal  # the year's balance before this change
    shortfall: Decimal  # how much ``needed`` exceeds ``available`` (0 when it fits)


def lock_allocation(session: Session) -> None:
    """Serialise changes that read and then spend a balance (PostgreSQL; SQLite has one
    writer at a time)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


def _year(c: Checks, value) -> int | None:
    text_ = "" if value is None or isinstance(value, bool) else str(value).strip()
    if text_.isdigit() and FIRST_YEAR <= int(text_) <= LAST_YEAR:
        return int(text_)
    c.add(ALLOCATION_YEAR_INVALID.violation("year", value=text_, first=FIRST_YEAR,
                                            last=LAST_YEAR))
    return None


def _amount(c: Checks, value) -> Decimal | None:
    try:
        amount = to_money(value, "amount")
    except Refused as refused:
        c.problems.extend(refused.violations)
        return None
    if amount <= 0:
        c.add(invalid("amount", "Amaun mesti lebih daripada RM 0.00.",
                      "The amount must be more than RM 0.00.", "INVALID_AMOUNT"))
    elif amount > ENTRY_CEILING:
        c.add(invalid("amount", f"Amaun {format_rm(amount)} melebihi had "
                      f"{format_rm(ENTRY_CEILING)}; semak bilangan digit.",
                      f"The amount {format_rm(amount)} exceeds the limit "
                      f"{format_rm(ENTRY_CEILING)}; check the digits.", "INVALID_AMOUNT"))
    else:
        return amount
    return None


# ---------------------------------------------------------------------------------------------
# entries and the balance

def _entry_snapshot(e: AllocationEntry) -> dict:
    return {"year": e.year, "kind": e.kind, "amount": e.amount, "entry_date": e.entry_date,
            "reference": e.reference, "note": e.note}


def add_allocation_entry(ctx: Ctx, year, kind, amount, entry_date, reference, note: str = "",
                         today: date | None = None) -> int:
    """Record a line of a year's allocation: the initial allocation (once a year), a top-up or
    a reduction (which may not take the balance below zero). Returns the entry's id."""
    today = today_or(today)
    lock_allocation(ctx.session)
    c = Checks()
    year = _year(c, year)
    kind = enum_field(c, "kind", "Jenis catatan", "Entry kind", AllocationKind, kind)
    amount = _amount(c, amount)
    on = typed_date(c, "entry_date", "Tarikh", "Date", entry_date)
    reference = c.text("reference", "Rujukan", "Reference", reference, max_len=100)
    note = c.text("note", "Catatan", "Note", note, required=False, max_len=2000)
    if on is not None and on > today:
        c.add(invalid("entry_date", "Tarikh tidak boleh selepas hari ini.",
                      "The date cannot be after today.", "FUTURE_DATE"))
    if year is not None and kind is AllocationKind.INITIAL:
        first = ctx.session.execute(
            select(AllocationEntry.reference).where(AllocationEntry.year == year,
                                                    AllocationEntry.kind == kind).limit(1)
        ).scalar_one_or_none()
        if first is not None:
            c.add(ALLOCATION_INITIAL_EXISTS.violation("kind", year=year, reference=first or "-"))
    if year is not None and kind is AllocationKind.REDUCTION and amount is not None:
        available = balance(ctx.session, year).available
        if amount > available:
            c.add(ALLOCATION_REDUCTION_TOO_LARGE.violation(
                "amount", year=year, amount=format_rm(amount), available=format_rm(available)))
    c.raise_if_any()
    e = AllocationEntry(year=year, kind=kind, amount=amount, entry_date=on, reference=reference,
                        note=note)
    ctx.session.add(e)
    ctx.session.flush()
    ctx.audit("tambah", ENTITY, e.id, None, _entry_snapshot(e))
    return e.id


def list_entries(session: Session, year) -> list[AllocationEntryRow]:
    """The year's entries in the order they were dated (then recorded)."""
    c = Checks()
    year = _year(c, year)
    c.raise_if_any()
    q = (select(AllocationEntry).where(AllocationEntry.year == year)
         .order_by(AllocationEntry.entry_date, AllocationEntry.id))
    return [AllocationEntryRow(e.id, e.year, e.kind, e.kind.label_ms, e.amount,
                               e.kind.sign * e.amount, e.entry_date, e.reference, e.note or "",
                               e.created_at)
            for e in session.execute(q).scalars()]


def balance(session: Session, year) -> AllocationBalance:
    """The year's allocation, what PSH commit and have spent of it, and what is left."""
    c = Checks()
    year = _year(c, year)
    c.raise_if_any()
    sums = session.execute(select(AllocationEntry.kind, func.sum(AllocationEntry.amount))
                           .where(AllocationEntry.year == year)
                           .group_by(AllocationEntry.kind)).all()
    allocated = allocated_total((kind, total) for kind, total in sums)
    committed = spent = ZERO
    for projected, spent_, active in session.execute(
            select(AllocationCommitment.projected, AllocationCommitment.spent,
                   AllocationCommitment.active).where(AllocationCommitment.year == year)):
        spent += spent_
        if active:
            committed += outstanding(projected, spent_)
    return AllocationBalance(year, allocated, committed, spent, allocated - committed - spent)


# ---------------------------------------------------------------------------------------------
# commitments

def _commitment_row(x: AllocationCommitment, name: str) -> CommitmentRow:
    return CommitmentRow(x.id, x.psh_id, name, x.year, x.projected, x.spent,
                         outstanding(x.projected, x.spent), x.override_reason or "", x.active)


def list_commitments(session: Session, year=None, psh_id: int | None = None, *,
                     include_inactive: bool = False) -> list[CommitmentRow]:
    """Commitments of a year and/or of one PSH (active ones unless asked)."""
    q = (select(AllocationCommitment, PshAppointment.name)
         .join(PshAppointment, PshAppointment.id == AllocationCommitment.psh_id))
    if year is not None:
        c = Checks()
        year = _year(c, year)
        c.raise_if_any()
        q = q.where(AllocationCommitment.year == year)
    if psh_id is not None:
        q = q.where(AllocationCommitment.psh_id == psh_id)
    if not include_inactive:
        q = q.where(AllocationCommitment.active.is_(True))
    q = q.order_by(AllocationCommitment.year, PshAppointment.name, AllocationCommitment.id)
    return [_commitment_row(x, name) for x, name in session.execute(q)]


def _active_of(session: Session, psh_id: int) -> dict[int, AllocationCommitment]:
    rows = session.execute(select(AllocationCommitment).where(
        AllocationCommitment.psh_id == psh_id, AllocationCommitment.active.is_(True))).scalars()
    return {x.year: x for x in rows}


def plan_cost(session: Session, by_year: dict[int, Decimal],
              psh_id: int | None = None) -> tuple[YearPlan, ...]:
    """Each year of a projected cost against its balance. ``psh_id``: the PSH whose existing
    commitments the projection replaces (an extension or an early end), so that only the
    change is asked of the balance."""
    existing = _active_of(session, psh_id) if psh_id is not None else {}
    out = []
    for year in sorted(set(by_year) | set(existing)):
        x = existing.get(year)
        spent = x.spent if x is not None else ZERO
        held = outstanding(x.projected, spent) if x is not None else ZERO
        projected = by_year.get(year, ZERO)
        needed = outstanding(projected, spent) - held
        available = balance(session, year).available
        shortfall = max(needed - available, ZERO) if needed > 0 else ZERO
        out.append(YearPlan(year, projected, held, needed, available, shortfall))
    return tuple(out)


def shortfalls(plans: tuple[YearPlan, ...], vacancy_kind) -> list[RuleViolation]:
    """ALLOCATION_SHORTFALL for each year whose balance cannot take the change (5A(c))."""
    return [ALLOCATION_SHORTFALL.violation("override_reason", year=p.year,
                                           cost=format_rm(p.needed),
                                           available=format_rm(p.available),
                                           confirm=approval_paragraph(vacancy_kind))
            for p in plans if p.shortfall > 0]


def birth_date_of(mykad: str) -> date | None:
    """The birth date a stored MyKad number gives; None when it cannot be read."""
    try:
        return parse_mykad(mykad).birth_date
    except Refused:
        return None


def projected_cost(psh: PshAppointment, end: date | None = None) -> dict[int, Decimal]:
    """The PSH's cost per year from its start to ``end`` (default: the day it ended, or its
    planned last day), in the state of its premises, at the age its MyKad gives."""
    last = end or psh.ended_on or psh.end
    return psh_cost_by_year(psh.vacancy.premises.state, psh.qualification_used, psh.start, last,
                            birth_date_of(psh.mykad))


def _commitment_snapshot(x: AllocationCommitment) -> dict:
    return {"psh_id": x.psh_id, "year": x.year, "projected": x.projected, "spent": x.spent,
            "override_reason": x.override_reason, "active": x.active}


def commit_psh(ctx: Ctx, psh_id: int, override_reason: str | None = None
               ) -> tuple[CommitmentRow, ...]:
    """Commit (or re-project) the PSH's cost over its term against each year's allocation.

    A year whose balance cannot take the increase is refused (ALLOCATION_SHORTFALL, 5A(c),
    citing 7.4(b) or 8.2(a) by the vacancy's kind) unless ``override_reason`` is given: then it
    is recorded on that year's commitment and in the audit record. Who may override (an
    approving officer, ``rules.roles.OVERRIDE``) is checked here; the reason is recorded
    with the name of whoever gave it. A reason given when the balance suffices is
    not needed and not recorded.

    A decrease (an early end) always goes through: the rest is released, and a year the PSH no
    longer reaches is made inactive (unless closed months have already spent from it).
    """
    lock_allocation(ctx.session)
    psh = ctx.session.get(PshAppointment, psh_id)
    if psh is None:
        raise not_found("PSH", "PSH", psh_id, "psh_id")
    c = Checks()
    reason = c.text("override_reason", "Sebab diluluskan melebihi baki",
                    "Reason for going over the balance", override_reason, required=False,
                    max_len=2000)
    c.raise_if_any()
    by_year = projected_cost(psh)
    plans = plan_cost(ctx.session, by_year, psh.id)
    problems = shortfalls(plans, psh.vacancy.kind)
    if problems and not reason:
        raise Refused(problems)
    if problems:
        ctx.require(OVERRIDE)  # going over the balance is the approving officer's call
    short = {p.year: p for p in plans if p.shortfall > 0}
    existing = _active_of(ctx.session, psh.id)
    out = []
    for p in plans:
        x = existing.get(p.year)
        before = _commitment_snapshot(x) if x is not None else None
        if x is None:
            x = AllocationCommitment(psh_id=psh.id, year=p.year, projected=p.projected,
                                     spent=ZERO, override_reason=None, active=True)
            ctx.session.add(x)
        elif p.projected == 0 and x.spent == 0:
            x.active = False
        x.projected = p.projected
        if p.year in short:
            x.override_reason = reason
        ctx.session.flush()
        after = _commitment_snapshot(x)
        if after != before:
            if p.year in short:
                after["shortfall"] = short[p.year].shortfall
            action = "komit" if before is None else "lepas" if not x.active else "ubah"
            ctx.audit(action, COMMITMENT, x.id, before, after)
        out.append(_commitment_row(x, psh.name))
    return tuple(out)


def record_spending(ctx: Ctx, psh_id: int, year, amount) -> None:
    """A closed month paid ``amount`` of the PSH's wages and contributions in ``year``: the
    commitment turns that much into spending (called by the month close)."""
    record_spendings(ctx, year, {psh_id: amount})


def record_spendings(ctx: Ctx, year, amounts: dict[int, Decimal]) -> None:
    """``record_spending`` for many PSH of one year at once (PSH id -> amount): the
    commitments are read in one query and audited together; refused with every problem."""
    lock_allocation(ctx.session)
    c = Checks()
    year = _year(c, year)
    checked = {psh_id: _amount(c, amount) for psh_id, amount in amounts.items()}
    ids = list(checked)
    ctx.session.flush()  # whatever the caller changed is in the rows read below
    held = {}  # psh id -> the year's active commitment, as plain columns
    if year is not None:
        cols = (AllocationCommitment.id, AllocationCommitment.psh_id, AllocationCommitment.year,
                AllocationCommitment.projected, AllocationCommitment.spent,
                AllocationCommitment.override_reason, AllocationCommitment.active)
        for i in range(0, len(ids), 500):  # bound the IN list
            held.update((r.psh_id, r) for r in ctx.session.execute(select(*cols).where(
                AllocationCommitment.psh_id.in_(ids[i:i + 500]),
                AllocationCommitment.year == year, AllocationCommitment.active.is_(True))))
    for psh_id in ids:
        if psh_id in held:  # a commitment's PSH exists (foreign key)
            continue
        psh = ctx.session.get(PshAppointment, psh_id)
        if psh is None:
            raise not_found("PSH", "PSH", psh_id, "psh_id")
        if year is not None:
            c.add(ALLOCATION_NO_COMMITMENT.violation("year", name=psh.name, year=year))
    c.raise_if_any()
    entries, changes = [], []
    now = utcnow()
    for psh_id, amount in checked.items():
        x = held[psh_id]
        before = {"psh_id": x.psh_id, "year": x.year, "projected": x.projected,
                  "spent": x.spent, "override_reason": x.override_reason, "active": x.active}
        after = {**before, "spent": x.spent + amount}
        changes.append({"id": x.id, "spent": after["spent"], "updated_at": now})
        entries.append(("belanja", COMMITMENT, x.id, before, after))
    if changes:
        # one UPDATE by primary key for all (thousands at a national close), not an ORM flush;
        # a commitment already loaded in this session is read again on its next use
        ctx.session.execute(update(AllocationCommitment), changes)
        for obj in list(ctx.session.identity_map.values()):
            if isinstance(obj, AllocationCommitment):
                ctx.session.expire(obj)
    ctx.audit_many(entries)


def reverse_spending(ctx: Ctx, psh_id: int, year: int, amount: Decimal) -> None:
    """A reopened month gives back what its close had spent, so closing it again does not
    count it twice."""
    lock_allocation(ctx.session)
    x = _active_of(ctx.session, psh_id).get(year)
    if x is None:
        return  # nothing was spent from a commitment that is gone
    before = _commitment_snapshot(x)
    x.spent = max(x.spent - amount, Decimal("0.00"))
    ctx.session.flush()
    ctx.audit("batal_belanja", COMMITMENT, x.id, before, _commitment_snapshot(x))


__all__ = [
    "reverse_spending",
    "AllocationBalance", "AllocationEntryRow", "CommitmentRow", "YearPlan",
    "add_allocation_entry", "balance", "birth_date_of", "commit_psh", "list_commitments",
    "lock_allocation",
    "list_entries", "plan_cost", "projected_cost", "record_spending", "record_spendings",
    "shortfalls",
]
