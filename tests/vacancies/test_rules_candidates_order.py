"""Priority of candidates (7.4(b), 8.2(a)) and the PSH flags of 5A."""

from desktop.rules.candidates_order import CandidateFacts, priority_order, psh_flags
from desktop.rules.enums import Qualification
from desktop.rules.vacancy_enums import CandidateOutcome, CandidateStatus

B, S, L = CandidateStatus.BERJAYA, CandidateStatus.SIMPANAN, CandidateStatus.LUAR
SPM = Qualification.SPM


def c(id, cat, rank=None, **kw):
    kw.setdefault("qualification", SPM)
    kw.setdefault("health_certified", True)
    return CandidateFacts(id, f"Calon {id}", cat, rank, **kw)


POOL = [c(1, S, 2), c(2, L), c(3, B, 2), c(4, S, 1), c(5, B, 1),
        c(6, L, qualification=Qualification.BELOW_SPM)]


def test_hakiki_successful_then_reserve_by_rank_no_external():
    order = priority_order("HAKIKI", POOL)
    assert [(e.candidate.id, e.position) for e in order[:4]] == [(5, 1), (3, 2), (4, 3), (1, 4)]
    outside = {e.candidate.id: e for e in order[4:]}
    assert set(outside) == {2, 6} and all(e.position is None for e in outside.values())
    assert "Calon luar tidak boleh" in outside[2].reason_ms
    assert order[0].paragraph == "7.4(b)" and "Calon berjaya, kedudukan 1" in order[0].reason_ms


def test_operasi_reserve_first_then_qualified_external():
    order = priority_order("OPERASI", POOL)
    assert [(e.candidate.id, e.position) for e in order[:3]] == [(4, 1), (1, 2), (2, 3)]
    rest = {e.candidate.id: e for e in order[3:]}
    assert set(rest) == {3, 5, 6} and all(e.position is None for e in rest.values())
    assert "tidak berkelayakan" in rest[6].reason_ms
    assert "menunggu pelantikan kontrak" in rest[5].reason_ms
    assert order[0].paragraph == "8.2(a)"


def test_external_public_officer_or_foreigner_is_not_qualified():
    order = priority_order("OPERASI", [c(1, L, public_officer=True), c(2, L, citizen=False),
                                       c(3, L, qualification=None), c(4, L, qualification=Qualification.IJAZAH)])
    assert [(e.candidate.id, e.position) for e in order] == [(4, 1), (1, None), (2, None), (3, None)]


def test_declined_and_appointed_leave_the_order():
    pool = [c(1, S, 1, outcome=CandidateOutcome.DECLINED), c(2, S, 2),
            c(3, S, 3, outcome=CandidateOutcome.APPOINTED)]
    order = priority_order("OPERASI", pool)
    assert [(e.candidate.id, e.position) for e in order] == [(2, 1), (3, None), (1, None)]
    assert order[1].reason_ms == "Telah dilantik."


def test_older_list_first_then_rank():
    pool = [c(1, S, 1, group=("2026-02-01", 2)), c(2, S, 2, group=("2025-09-01", 1)),
            c(3, S, 1, group=("2025-09-01", 1))]
    assert [e.candidate.id for e in priority_order("OPERASI", pool)] == [3, 2, 1]


def test_psh_flags_cite_5a():
    facts = CandidateFacts(1, "A", L, citizen=False, public_officer=True,
                           qualification=Qualification.BELOW_SPM, health_certified=False)
    flags = psh_flags(facts)
    assert [(f.code, f.paragraph) for f in flags] == [
        ("PSH_NOT_CITIZEN", "5A(a)"), ("PSH_PUBLIC_OFFICER", "5A(b)"), ("PSH_BELOW_SPM", "5A(f)"),
        ("PSH_NOT_CERTIFIED_HEALTHY", "5A(g)")]
    assert all(f.is_warning for f in flags)
    assert psh_flags(c(2, S, 1)) == []
    assert [f.code for f in psh_flags(c(3, S, 1, qualification=None))] == [
        "PSH_QUALIFICATION_UNKNOWN"]


def test_flags_travel_with_the_entry():
    order = priority_order("HAKIKI", [c(1, B, 1, health_certified=False)])
    assert [f.code for f in order[0].flags] == ["PSH_NOT_CERTIFIED_HEALTHY"]
