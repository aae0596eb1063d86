"""Property tests: random sequences of PSH and allocation actions through the services, on a
real database (SQLite, and PostgreSQL when ISITUGAS_TEST_PG_URL is set).

Whatever the sequence, after every step:
- no PSH runs beyond 6 months from its start (5A(e)); an end falls within its term;
- the balance of each year equals allocated - committed - spent worked out here, with plain SQL,
  from the entries and commitments tables;
- a PSH's commitments add up to the cost of the days it is (or was) engaged for;
- no two PSH overlap on one vacancy, nor one person on two;
- a vacancy is filled exactly while it has an active PSH (only PSH fill here);
- a refused action changes nothing.

Each expectation is computed independently of the services: the 6-month limit from the
calendar by hand (docs/ARCHITECTURE.md, "PSH term"), the balance from raw sen in SQL.
"""

from __future__ import annotations

import calendar
import itertools
import os
from contextlib import ExitStack
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from desktop.rules import Refused
from desktop.rules.costs import psh_cost
from desktop.services import allocation as A
from desktop.services import candidates as C
from desktop.services import psh as P
from desktop.services.database import open_database
from desktop.services.unit import perform, read
from tests.dbfixtures import backends, fresh_url

from . import factories as F

BASE = date(2026, 2, 2)  # the first day a PSH may start in these runs (vacancies open earlier)
YEARS = (2026, 2027)
EXAMPLES = int(os.environ.get("ISITUGAS_PSH_EXAMPLES", "25"))
RUNS = itertools.count(1)


def six_month_limit(start: date) -> date:
    """The last day 6 months from ``start`` allows: the day before the same day number six
    months on, or the end of that month when it has no such day (30 Nov -> 31 May; 31 Aug ->
    28 Feb)."""
    index = start.month - 1 + 6
    year, month = start.year + index // 12, index % 12 + 1
    days = calendar.monthrange(year, month)[1]
    if start.day <= days:
        return date(year, month, start.day) - timedelta(days=1)
    return date(year, month, days)


def test_six_month_limit_by_hand():
    assert six_month_limit(date(2026, 3, 2)) == date(2026, 9, 1)
    assert six_month_limit(date(2026, 8, 31)) == date(2027, 2, 28)
    assert six_month_limit(date(2026, 12, 1)) == date(2027, 5, 31)


def sen(value) -> Decimal:
    return Decimal(int(value or 0)) / 100


def independent_balance(conn, year: int) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    allocated = sen(conn.execute(sa.text(
        "SELECT COALESCE(SUM(CASE WHEN kind = 'REDUCTION' THEN -amount ELSE amount END), 0) "
        "FROM allocation_entry WHERE year = :y"), {"y": year}).scalar_one())
    committed = sen(conn.execute(sa.text(
        "SELECT COALESCE(SUM(CASE WHEN projected > spent THEN projected - spent ELSE 0 END), 0) "
        "FROM allocation_commitment WHERE year = :y AND active = :t"),
        {"y": year, "t": True}).scalar_one())
    spent = sen(conn.execute(sa.text(
        "SELECT COALESCE(SUM(spent), 0) FROM allocation_commitment WHERE year = :y"),
        {"y": year}).scalar_one())
    return allocated, committed, spent, allocated - committed - spent


def make_machine(backend: str, tmp_path):
    class PshActions(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.stack = ExitStack()
            folder = tmp_path / f"run{next(RUNS)}"
            folder.mkdir()
            url = self.stack.enter_context(fresh_url(backend, folder))
            self.db = open_database(url)
            self.stack.callback(self.db.dispose)
            office = F.make_office(self.db, allocation="12000.00")
            self.vacancies = []
            for _ in range(2):
                vid = F.hakiki_vacancy(self.db, office.tabika, office.s17)
                for rank in (1, 2, 3):
                    F.candidate(self.db, vid, "BERJAYA", rank)
                self.vacancies.append(vid)
            vid = F.operasi_vacancy(self.db, office.tabika, office.s17,
                                    expected_end=date(2027, 6, 30))
            with self.db.session() as s:  # the first hakiki candidate is in this list too
                first = s.execute(sa.select(P.Candidate.mykad).order_by(
                    P.Candidate.id)).scalars().first()
            F.candidate(self.db, vid, "SIMPANAN", 1, number=first)
            F.candidate(self.db, vid, "SIMPANAN", 2)
            F.candidate(self.db, vid, "LUAR")
            self.vacancies.append(vid)

        def teardown(self):
            self.stack.close()

        # -- helpers
        def psh_ids(self) -> list[int]:
            with self.db.session() as s:
                return list(s.execute(sa.select(P.PshAppointment.id).order_by(
                    P.PshAppointment.id)).scalars())

        def attempt(self, fn, *args, **kw) -> None:
            before = F.snapshot(self.db)
            try:
                perform(self.db, fn, *args, **kw)
            except Refused as refused:
                assert F.snapshot(self.db) == before  # nothing half-saved
                event(f"{fn.__name__} refused: {sorted(F.codes(refused))}")
            else:
                event(f"{fn.__name__} done")

        # -- actions
        @rule(which=st.integers(0, 2), offset=st.integers(0, 420), days=st.integers(1, 100),
              override=st.booleans())
        def appoint(self, which, offset, days, override):
            vid = self.vacancies[which]
            first = next((r for r in read(self.db, C.list_candidates, vid)
                          if r.position == 1), None)
            if first is None:
                return
            start = BASE + timedelta(days=offset)
            form = F.psh_form(vid, first.id, start=start, end=start + timedelta(days=days - 1),
                              kp_approval_date=start - timedelta(days=1),
                              osa_declared_on=start, health_certified_on=start,
                              override_reason="Diluluskan Pengarah" if override else "")
            self.attempt(P.appoint_psh, form, today=start)

        @rule(pick=st.integers(0, 20), extra=st.integers(1, 120), override=st.booleans())
        def extend(self, pick, extra, override):
            ids = self.psh_ids()
            if not ids:
                return
            row = read(self.db, P.get_psh, ids[pick % len(ids)])
            new_end = row.end + timedelta(days=extra)
            self.attempt(P.extend_psh, row.id, new_end, "Keperluan perkhidmatan", "Pengarah",
                         override_reason="Diluluskan Pengarah" if override else None,
                         today=max(row.start, date(2026, 3, 16)))

        @rule(pick=st.integers(0, 20), offset=st.integers(-3, 100))
        def terminate(self, pick, offset):
            ids = self.psh_ids()
            if not ids:
                return
            row = read(self.db, P.get_psh, ids[pick % len(ids)])
            ended_on = row.start + timedelta(days=offset)
            self.attempt(P.terminate_psh, row.id, ended_on, "Tidak lagi diperlukan",
                         today=max(ended_on, row.start))

        @rule(kind=st.sampled_from(["TOPUP", "REDUCTION"]), year=st.sampled_from(YEARS),
              amount=st.integers(1, 1_500_000))
        def allocate(self, kind, year, amount):
            self.attempt(A.add_allocation_entry, year, kind, Decimal(amount) / 100,
                         date(2026, 1, 5), f"{kind}/{year}", today=date(2026, 1, 5))

        @rule(pick=st.integers(0, 20), year=st.sampled_from(YEARS),
              amount=st.integers(1, 300_000))
        def spend(self, pick, year, amount):
            ids = self.psh_ids()
            if ids:
                self.attempt(A.record_spending, ids[pick % len(ids)], year,
                             Decimal(amount) / 100)

        # -- what always holds
        @invariant()
        def no_psh_beyond_six_months(self):
            with self.db.session() as s:
                for p in s.execute(sa.select(P.PshAppointment)).scalars():
                    assert p.start <= p.end <= six_month_limit(p.start)
                    assert p.ended_on is None or p.start <= p.ended_on <= p.end

        @invariant()
        def balance_agrees_with_its_tables(self):
            with self.db.engine.connect() as conn:
                expected = {y: independent_balance(conn, y) for y in YEARS}
            for year in YEARS:
                b = read(self.db, A.balance, year)
                assert (b.allocated, b.committed, b.spent, b.available) == expected[year]

        @invariant()
        def commitments_cost_the_days_engaged(self):
            with self.db.session() as s:
                for p in s.execute(sa.select(P.PshAppointment)).scalars():
                    projected = sum(x.projected for x in s.execute(
                        sa.select(P.AllocationCommitment).where(
                            P.AllocationCommitment.psh_id == p.id)).scalars())
                    # born 1 January 1990: 36 throughout 2026 and 2027
                    cost = psh_cost("SGR", p.qualification_used, p.start, p.ended_on or p.end,
                                    age=36).total
                    assert projected == cost

        @invariant()
        def no_overlaps_and_filled_only_while_covered(self):
            with self.db.session() as s:
                rows = [(p.vacancy_id, p.mykad, p.start, p.ended_on or p.end, p.status)
                        for p in s.execute(sa.select(P.PshAppointment)).scalars()]
                for i, a in enumerate(rows):
                    for b in rows[i + 1:]:
                        if a[0] == b[0] or a[1] == b[1]:
                            assert a[3] < b[2] or b[3] < a[2], (a, b)
                for vid in self.vacancies:
                    status = s.get(P.Vacancy, vid).status.value
                    running = any(r[0] == vid and r[4].value == "ACTIVE" for r in rows)
                    assert (status == "FILLED") == running

    return PshActions


@pytest.mark.parametrize("backend", backends())
def test_random_sequences_keep_every_invariant(backend, tmp_path):
    machine = make_machine(backend, tmp_path)
    run_state_machine_as_test(machine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=20, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
