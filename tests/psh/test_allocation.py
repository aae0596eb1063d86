"""OS29000 allocation: entries, the balance, what each PSH commits and releases (para 5A(c)).

Expected costs are worked out by hand from the references (reference/statutory-rates.md,
perkeso-act4-from-2024-10-01.csv, calendars-and-mykad.md), not read back from the code:

- April 2026 in Selangor has no public holiday and 22 weekdays (Wed 1 .. Thu 30): a PSH at the
  SPM rate RM 54.00 earns 22 x 54 = RM 1,188.00. KWSP Part A (below 60): band upper limit
  U = 20 x ceil(1188 / 20) = 1,200, employer ceil(1,200 x 13 %) = RM 156. PERKESO first
  category, band 1,100 < W <= 1,200: employer RM 20.15. April costs RM 1,364.15.
- The same month for someone who turned 60 in March (age 60 at the end of March): KWSP Part E,
  employer ceil(1,200 x 4 %) = RM 48; PERKESO second category RM 14.40. RM 1,250.40.
- December 2026 in Selangor: 23 weekdays (Tue 1 .. Thu 31) less the Sultan's birthday (Fri 11)
  and Christmas (Fri 25) = 21 days, RM 1,134.00; U = 1,140, KWSP ceil(148.20) = RM 149;
  PERKESO band 1,100-1,200: RM 20.15. December costs RM 1,303.15.
- 2 to 13 March 2026: 10 weekdays, no holiday on them (Nuzul Al-Quran falls on Saturday 7
  March), RM 540.00; U = 540, KWSP ceil(70.20) = RM 71; PERKESO band 500-600: RM 9.65.
  RM 620.65.
"""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop.models import AllocationCommitment, AuditRecord
from desktop.rules import Refused
from desktop.rules.allocation import ALLOCATION_SHORTFALL, AllocationKind, psh_cost_by_year
from desktop.rules.costs import psh_cost
from desktop.services import allocation as A
from desktop.services import psh as P
from desktop.services.unit import perform, read

from . import factories as F
from .factories import TODAY, codes, refused

D = Decimal
APRIL = (date(2026, 4, 1), date(2026, 4, 30))


def april_form(db, office, *, born="900101", override=""):
    """A PSH for April 2026 on a new hakiki vacancy, by its first candidate."""
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    cid = F.candidate(db, vid, number=F.mykad(next(F._serial), born))
    return F.psh_form(vid, cid, start=APRIL[0], end=APRIL[1], osa_declared_on=APRIL[0],
                      override_reason=override)


def appoint_april(db, office, **kw) -> int:
    return F.appoint(db, april_form(db, office, **kw), today=APRIL[0])


def last_audit(db, entity=None) -> AuditRecord:
    with db.session() as s:
        q = select(AuditRecord).order_by(AuditRecord.id.desc())
        if entity:
            q = q.where(AuditRecord.entity == entity)
        return s.execute(q).scalars().first()


# ------------------------------------------------------------------ entries and the balance

def test_entries_make_the_allocation(db, office):
    F.allocate(db, "5,000.50", "TOPUP", on=date(2026, 3, 1))
    F.allocate(db, "RM 1000", "REDUCTION", on=date(2026, 3, 2))
    rows = read(db, A.list_entries, 2026)
    assert [(r.kind, r.amount, r.signed_amount) for r in rows] == [
        (AllocationKind.INITIAL, D("50000.00"), D("50000.00")),
        (AllocationKind.TOPUP, D("5000.50"), D("5000.50")),
        (AllocationKind.REDUCTION, D("1000.00"), D("-1000.00"))]
    assert rows[0].kind_label == "Peruntukan asal" and rows[2].reference == "OS29000/2026/1"
    assert read(db, A.balance, 2026) == A.AllocationBalance(
        2026, D("54000.50"), D("0.00"), D("0.00"), D("54000.50"))
    assert read(db, A.balance, "2027") == A.AllocationBalance(2027, *[D("0.00")] * 4)
    audit = last_audit(db)
    assert (audit.action, audit.entity) == ("tambah", "allocation_entry")
    assert '"kind":"REDUCTION"' in audit.after and '"amount":"1000.00"' in audit.after


def test_a_reduction_may_take_the_balance_to_zero_but_not_below(db, office):
    F.allocate(db, "50000.00", "REDUCTION")
    assert read(db, A.balance, 2026).available == D("0.00")
    e = refused(db, A.add_allocation_entry, 2026, "REDUCTION", "0.01", date(2026, 3, 1), "R",
                today=TODAY)
    assert codes(e) == {"ALLOCATION_REDUCTION_TOO_LARGE"}
    assert e.violations[0].paragraph == "5A(c)" and "RM 0.00" in e.violations[0].message_ms


def test_a_reduction_counts_what_psh_have_committed(db, office):
    appoint_april(db, office)
    available = D("50000.00") - D("1364.15")
    e = refused(db, A.add_allocation_entry, 2026, "REDUCTION", available + D("0.01"),
                date(2026, 4, 1), "R", today=date(2026, 4, 1))
    assert codes(e) == {"ALLOCATION_REDUCTION_TOO_LARGE"}
    perform(db, A.add_allocation_entry, 2026, "REDUCTION", available, date(2026, 4, 1), "R",
            today=date(2026, 4, 1))
    assert read(db, A.balance, 2026).available == D("0.00")


@pytest.mark.parametrize("args, code", [
    (("20x6", "TOPUP", "10", date(2026, 1, 2), "R"), "ALLOCATION_YEAR_INVALID"),
    ((1999, "TOPUP", "10", date(2026, 1, 2), "R"), "ALLOCATION_YEAR_INVALID"),
    ((None, "TOPUP", "10", date(2026, 1, 2), "R"), "ALLOCATION_YEAR_INVALID"),
    ((2026, "BONUS", "10", date(2026, 1, 2), "R"), "UNKNOWN_VALUE"),
    ((2026, "", "10", date(2026, 1, 2), "R"), "REQUIRED"),
    ((2026, "TOPUP", "0", date(2026, 1, 2), "R"), "INVALID_AMOUNT"),
    ((2026, "TOPUP", "-5", date(2026, 1, 2), "R"), "NEGATIVE_AMOUNT"),
    ((2026, "TOPUP", "12.345", date(2026, 1, 2), "R"), "AMOUNT_TOO_PRECISE"),
    ((2026, "TOPUP", 12.5, date(2026, 1, 2), "R"), "INVALID_AMOUNT"),
    ((2026, "TOPUP", "sepuluh", date(2026, 1, 2), "R"), "INVALID_AMOUNT"),
    ((2026, "TOPUP", "100000000.01", date(2026, 1, 2), "R"), "INVALID_AMOUNT"),
    ((2026, "TOPUP", "10", date(2026, 3, 17), "R"), "FUTURE_DATE"),
    ((2026, "TOPUP", "10", "32/01/2026", "R"), "INVALID_DATE"),
    ((2026, "TOPUP", "10", date(2026, 1, 2), " "), "REQUIRED"),
    ((2026, "INITIAL", "10", date(2026, 1, 2), "R"), "ALLOCATION_INITIAL_EXISTS"),
])
def test_bad_entries_are_refused_and_nothing_is_saved(db, office, args, code):
    e = refused(db, A.add_allocation_entry, *args, today=TODAY)
    assert code in codes(e)


def test_every_problem_of_an_entry_at_once(db, office):
    e = refused(db, A.add_allocation_entry, "x", "y", "z", "w", "", today=TODAY)
    assert codes(e) == {"ALLOCATION_YEAR_INVALID", "UNKNOWN_VALUE", "INVALID_AMOUNT",
                        "INVALID_DATE", "REQUIRED"}


def test_reading_a_bad_year_is_refused(db, office):
    for fn in (A.balance, A.list_entries, A.list_commitments):
        with pytest.raises(Refused) as info:
            read(db, fn, "tahun")
        assert "ALLOCATION_YEAR_INVALID" in {v.code for v in info.value.violations}


# ------------------------------------------------------------------ what a PSH commits

def test_a_psh_commits_its_projected_cost(db, office):
    pid = appoint_april(db, office)
    [row] = read(db, A.list_commitments, 2026)
    assert (row.psh_id, row.year, row.projected, row.spent, row.outstanding, row.active) == (
        pid, 2026, D("1364.15"), D("0.00"), D("1364.15"), True)
    assert read(db, A.balance, 2026) == A.AllocationBalance(
        2026, D("50000.00"), D("1364.15"), D("0.00"), D("48635.85"))
    assert read(db, P.get_psh, pid).projected_cost == D("1364.15")
    audit = last_audit(db, "allocation_commitment")
    assert audit.action == "komit" and '"projected":"1364.15"' in audit.after


def test_the_age_from_the_mykad_sets_the_contribution_rates(db, office):
    pid = appoint_april(db, office, born="660315")  # 60 on 15 March 2026
    assert read(db, P.get_psh, pid).projected_cost == D("1250.40")


def test_a_term_across_the_year_end_commits_each_year_separately(db, office):
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    cid = F.candidate(db, vid)
    start, end = date(2026, 12, 1), date(2027, 2, 28)  # 3 months from 1 December
    form = F.psh_form(vid, cid, start=start, end=end, osa_declared_on=start)
    whole = psh_cost("SGR", "SPM", start, end, age=36).total
    # no 2027 allocation yet: the 2027 part cannot be committed
    e = refused(db, P.appoint_psh, form, today=start)
    assert codes(e) == {"ALLOCATION_SHORTFALL"}
    [v] = e.violations
    assert v.paragraph == "5A(c)" and "2027" in v.message_ms and "7.4(b)" in v.message_ms
    assert f"RM {whole - D('1303.15'):,.2f}" in v.message_ms and "RM 0.00" in v.message_ms
    F.allocate(db, "40000.00", year=2027, on=start)
    pid = F.appoint(db, form, today=start)
    rows = read(db, A.list_commitments, psh_id=pid)
    assert [(r.year, r.projected) for r in rows] == [(2026, D("1303.15")),
                                                     (2027, whole - D("1303.15"))]
    assert read(db, A.balance, 2027).committed == whole - D("1303.15")
    # ended in December: the 2027 commitment is released entirely, and made inactive
    perform(db, P.terminate_psh, pid, date(2026, 12, 31), "Tidak lagi diperlukan",
            today=date(2027, 1, 4))
    assert [(r.year, r.projected) for r in read(db, A.list_commitments, psh_id=pid)] == [
        (2026, D("1303.15"))]
    every = read(db, A.list_commitments, psh_id=pid, include_inactive=True)
    assert [(r.year, r.projected, r.active) for r in every] == [
        (2026, D("1303.15"), True), (2027, D("0.00"), False)]
    assert read(db, A.balance, 2027).available == D("40000.00")
    assert last_audit(db, "allocation_commitment").action == "lepas"


def test_projection_by_year_adds_up_to_the_whole_cost():
    start, end = date(2026, 11, 16), date(2027, 5, 15)
    by_year = psh_cost_by_year("KDH", "DIPLOMA", start, end, date(1988, 6, 30))
    assert set(by_year) == {2026, 2027}
    assert sum(by_year.values()) == psh_cost("KDH", "DIPLOMA", start, end, age=38).total


def test_over_the_balance_is_refused_unless_an_approving_officer_overrides(db):
    office = F.make_office(db, allocation="1000.00")
    e = refused(db, P.appoint_psh, april_form(db, office), today=APRIL[0])
    assert codes(e) == {"ALLOCATION_SHORTFALL"}
    assert e.violations[0].field == "override_reason"
    assert "RM 1,364.15" in e.violations[0].message_ms
    assert "RM 1,000.00" in e.violations[0].message_ms
    pid = appoint_april(db, office, override="Bayaran tertunggak akan ditampung tambahan "
                                              "peruntukan Mac; diluluskan Pengarah.")
    [row] = read(db, A.list_commitments, 2026)
    assert row.override_reason.startswith("Bayaran tertunggak")
    assert read(db, P.get_psh, pid).overridden
    assert read(db, A.balance, 2026).available == D("-364.15")
    audit = last_audit(db, "allocation_commitment")
    assert "Bayaran tertunggak" in audit.after and '"shortfall":"364.15"' in audit.after


def test_a_reason_not_needed_is_not_recorded(db, office):
    pid = appoint_april(db, office, override="Tidak perlu")
    [row] = read(db, A.list_commitments, 2026)
    assert row.override_reason == "" and not read(db, P.get_psh, pid).overridden


def test_ending_early_releases_the_rest(db, office):
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    pid = F.appoint(db, F.psh_form(vid, F.candidate(db, vid)))
    perform(db, P.terminate_psh, pid, date(2026, 3, 13), "Calon berjaya melapor diri",
            today=TODAY)
    [row] = read(db, A.list_commitments, 2026)
    assert row.projected == D("620.65") and row.active
    assert read(db, A.balance, 2026).available == D("50000.00") - D("620.65")


def test_spending_turns_commitment_into_spent(db, office):
    pid = appoint_april(db, office)
    perform(db, A.record_spending, pid, 2026, "1300.00")
    assert read(db, A.balance, 2026) == A.AllocationBalance(
        2026, D("50000.00"), D("64.15"), D("1300.00"), D("48635.85"))
    # more spent than projected (an allowance claimed, say): nothing more is held back
    perform(db, A.record_spending, pid, 2026, "100.00")
    assert read(db, A.balance, 2026) == A.AllocationBalance(
        2026, D("50000.00"), D("0.00"), D("1400.00"), D("48600.00"))
    [row] = read(db, A.list_commitments, 2026)
    assert (row.spent, row.outstanding) == (D("1400.00"), D("0.00"))
    assert last_audit(db).action == "belanja"
    e = refused(db, A.record_spending, pid, 2027, "10.00")
    assert codes(e) == {"ALLOCATION_NO_COMMITMENT"}
    e = refused(db, A.record_spending, pid, 2026, "0")
    assert codes(e) == {"INVALID_AMOUNT"}


def test_a_commitment_already_spent_from_stays_active_when_its_year_is_released(db, office):
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    start = date(2026, 12, 1)
    F.allocate(db, "40000.00", year=2027, on=start)
    pid = F.appoint(db, F.psh_form(vid, F.candidate(db, vid), start=start,
                                   end=date(2027, 2, 26), osa_declared_on=start), today=start)
    perform(db, A.record_spending, pid, 2027, "50.00")  # a claim paid early in 2027
    perform(db, P.terminate_psh, pid, date(2026, 12, 31), "Tamat", today=date(2027, 1, 4))
    rows = read(db, A.list_commitments, 2027)
    assert [(r.projected, r.spent, r.active) for r in rows] == [(D("0.00"), D("50.00"), True)]
    assert read(db, A.balance, 2027).available == D("39950.00")


def test_commit_and_spending_of_a_missing_psh(db, office):
    for fn, args in ((A.commit_psh, ()), (A.record_spending, (2026, "1"))):
        e = refused(db, fn, 999, *args)
        assert codes(e) == {"NOT_FOUND"}


def test_the_shortfall_rule_is_declared_with_its_paragraph():
    assert ALLOCATION_SHORTFALL.paragraph == "5A(c)"


def test_commitments_hold_one_active_row_per_psh_and_year(db, office):
    pid = appoint_april(db, office)
    perform(db, A.commit_psh, pid)  # committing again re-projects: no second row
    with db.session() as s:
        rows = s.execute(select(AllocationCommitment).where(
            AllocationCommitment.psh_id == pid)).scalars().all()
        assert len(rows) == 1
        s.add(AllocationCommitment(psh_id=pid, year=2026, projected=D("1"), spent=D("0"),
                                   active=True))
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()
