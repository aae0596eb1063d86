"""Candidates: lists per vacancy or exercise, MyKad and rank checks, the priority order."""

from datetime import date

import pytest

from desktop.rules import Refused
from desktop.rules.enums import Qualification
from desktop.rules.vacancy_enums import CandidateOutcome, CandidateStatus
from desktop.services import candidates as C
from desktop.services import vacancies as V
from desktop.services import workflow as W
from desktop.services.unit import perform, read

from . import factories as F
from .helpers import TODAY, counts, hakiki_form, last_audit, open_, operasi_form


def refused(db, fn, *args, **kw) -> Refused:
    before = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kw)
    assert counts(db) == before
    return info.value


def codes(exc):
    return {v.code for v in exc.violations}


def to_interview_report(db, vid):
    for i, code in enumerate(["AD_APPROVAL_ASKED", "INTERVIEW_APPROVAL_ASKED", "INTERVIEW_REPORT"]):
        perform(db, W.record_step, vid, code, date(2026, 2, 1 + i), f"R/{i}", today=TODAY,
                psh_application_ref="PSH/1" if code == "INTERVIEW_REPORT" else None)


@pytest.fixture
def office(db):
    with db.session() as s:
        s17 = F.grade(s, "S17", "Pembantu Pendidik")
        s27 = F.grade(s, "S27", "Pendidik")
        ids = dict(s17=s17.id, s27=s27.id)
    ids["hakiki"] = open_(db, hakiki_form(F.vacant_post(db)))
    ids["exercise"] = perform(db, C.add_exercise, C.ExerciseForm(
        "Temu duga Pembantu Pendidik Februari 2026", date(2026, 2, 20), "JPNIN.SGR/TD/1",
        ids["s17"]), today=TODAY).result
    ids["exercise27"] = perform(db, C.add_exercise, C.ExerciseForm(
        "Temu duga Pendidik", date(2026, 2, 21), "", ids["s27"]), today=TODAY).result
    return ids


def cand(n, category="SIMPANAN", rank=None, **kw):
    base = dict(name=f"Calon {n}", mykad=F.mykad(n), category=category, rank=rank,
                qualification="SPM", health_certified=True)
    base.update(kw)
    return C.CandidateForm(**base)


def add(db, form):
    return perform(db, C.add_candidate, form).result


# ------------------------------------------------------------------ exercises

def test_exercises(db, office):
    rows = read(db, C.list_exercises)
    assert [(r.title, r.grade_code, r.candidates) for r in rows] == [
        ("Temu duga Pendidik", "S27", 0), ("Temu duga Pembantu Pendidik Februari 2026", "S17", 0)]
    add(db, cand(1, rank=1, exercise_id=office["exercise"]))
    assert read(db, C.list_exercises)[1].candidates == 1
    perform(db, C.update_exercise, office["exercise"], C.ExerciseForm(
        "Temu duga PP", date(2026, 2, 20), "JPNIN.SGR/TD/1", office["s17"]), today=TODAY)
    assert last_audit(db).action == "ubah"


@pytest.mark.parametrize("form, code", [
    (C.ExerciseForm("", date(2026, 2, 1)), "REQUIRED"),
    (C.ExerciseForm("T", date(2026, 3, 17)), "FUTURE_DATE"),
    (C.ExerciseForm("T", "semalam"), "INVALID_DATE"),
    (C.ExerciseForm("T", date(2026, 2, 1), grade_id=999), "NOT_FOUND"),
])
def test_exercise_refusals(db, form, code):
    assert code in codes(refused(db, C.add_exercise, form, today=TODAY))


# ------------------------------------------------------------------ candidates

def test_add_candidate_keeps_mykad_digits_only(db, office):
    cid = add(db, cand(1, rank=1, exercise_id=office["exercise"], mykad="900101-10-0001"))
    rows = read(db, C.list_exercise_candidates, office["exercise"])
    assert [(r.id, r.mykad, r.outcome) for r in rows] == [(cid, "900101100001",
                                                           CandidateOutcome.PENDING)]
    rec = last_audit(db)
    assert (rec.action, rec.entity) == ("tambah", "candidate")


def _refusal_case(db, office, case):
    ex = office["exercise"]
    if case == "mykad_short":
        return cand(1, rank=1, exercise_id=ex, mykad="90010110000"), "INVALID_MYKAD", "mykad"
    if case == "mykad_letters":
        return cand(1, rank=1, exercise_id=ex, mykad="90010110000A"), "INVALID_MYKAD", "mykad"
    if case == "mykad_month_13":
        return cand(1, rank=1, exercise_id=ex, mykad="901301100001"), "INVALID_MYKAD", "mykad"
    if case == "mykad_birthplace_17":  # 17-20 are unused birthplace codes
        return cand(1, rank=1, exercise_id=ex, mykad="900101170001"), "INVALID_MYKAD", "mykad"
    if case == "mykad_missing":
        return cand(1, rank=1, exercise_id=ex, mykad=" "), "REQUIRED", "mykad"
    if case == "mykad_twice":
        add(db, cand(1, rank=1, exercise_id=ex))
        return cand(2, rank=2, exercise_id=ex, mykad=F.mykad(1)), "DUPLICATE_MYKAD", "mykad"
    if case == "mykad_twice_on_vacancy":
        add(db, cand(1, "LUAR", vacancy_id=office["hakiki"]))
        return cand(2, "LUAR", vacancy_id=office["hakiki"], mykad=F.mykad(1)), \
            "DUPLICATE_MYKAD", "mykad"
    if case == "rank_twice":
        add(db, cand(1, "BERJAYA", 1, exercise_id=ex))
        return cand(2, "BERJAYA", 1, exercise_id=ex), "RANK_TAKEN", "rank"
    if case == "rank_twice_on_vacancy":
        add(db, cand(1, "SIMPANAN", 3, vacancy_id=office["hakiki"]))
        return cand(2, "SIMPANAN", 3, vacancy_id=office["hakiki"]), "RANK_TAKEN", "rank"
    if case == "no_rank":
        return cand(1, "BERJAYA", None, exercise_id=ex), "RANK_REQUIRED", "rank"
    if case == "rank_zero":
        return cand(1, "BERJAYA", 0, exercise_id=ex), "INVALID_RANK", "rank"
    if case == "rank_word":
        return cand(1, "BERJAYA", "satu", exercise_id=ex), "NOT_A_NUMBER", "rank"
    if case == "no_list":
        return cand(1, "LUAR"), "SCOPE_REQUIRED", "vacancy_id"
    if case == "no_vacancy":
        return cand(1, "LUAR", vacancy_id=404), "NOT_FOUND", "vacancy_id"
    if case == "closed_vacancy":
        perform(db, V.close_vacancy, office["hakiki"], TODAY, "Tamat", today=TODAY)
        return cand(1, "LUAR", vacancy_id=office["hakiki"]), "VACANCY_CLOSED", "vacancy_id"
    if case == "grade_mismatch":
        return cand(1, rank=1, exercise_id=office["exercise27"], vacancy_id=office["hakiki"]), \
            "GRADE_MISMATCH", "exercise_id"
    if case == "citizen_word":
        return cand(1, rank=1, exercise_id=ex, citizen="mungkin"), "INVALID_INPUT", "citizen"
    if case == "qualification_unknown":
        return cand(1, rank=1, exercise_id=ex, qualification="PHD"), "UNKNOWN_VALUE", \
            "qualification"
    if case == "category_unknown":
        return cand(1, "TERBAIK", 1, exercise_id=ex), "UNKNOWN_VALUE", "category"
    raise AssertionError(case)


@pytest.mark.parametrize("case", [
    "mykad_short", "mykad_letters", "mykad_month_13", "mykad_birthplace_17", "mykad_missing",
    "mykad_twice", "mykad_twice_on_vacancy", "rank_twice", "rank_twice_on_vacancy", "no_rank",
    "rank_zero", "rank_word", "no_list", "no_vacancy", "closed_vacancy", "grade_mismatch",
    "citizen_word", "qualification_unknown", "category_unknown"])
def test_candidate_refusals(db, office, case):
    form, code, field = _refusal_case(db, office, case)
    exc = refused(db, C.add_candidate, form)
    assert (code, field) in {(v.code, v.field) for v in exc.violations}, exc.violations


def test_same_person_in_two_exercises_and_same_rank_in_two_categories(db, office):
    add(db, cand(1, "BERJAYA", 1, exercise_id=office["exercise"]))
    add(db, cand(2, "SIMPANAN", 1, exercise_id=office["exercise"]))
    add(db, cand(1, "BERJAYA", 1, exercise_id=office["exercise27"]))
    assert len(read(db, C.list_exercise_candidates, office["exercise"])) == 2


def test_update_candidate(db, office):
    ex = office["exercise"]
    a = add(db, cand(1, "SIMPANAN", 1, exercise_id=ex))
    add(db, cand(2, "SIMPANAN", 2, exercise_id=ex))
    n = counts(db)
    perform(db, C.update_candidate, a, cand(1, "SIMPANAN", 1, exercise_id=ex))  # itself: no clash
    assert counts(db) == n
    assert codes(refused(db, C.update_candidate, a, cand(1, "SIMPANAN", 2, exercise_id=ex))) == {
        "RANK_TAKEN"}
    perform(db, C.update_candidate, a, cand(1, "SIMPANAN", 3, exercise_id=ex,
                                            health_certified="tidak"))
    row = read(db, C.list_exercise_candidates, ex)[1]
    assert (row.id, row.rank, row.health_certified) == (a, 3, False)
    assert [f.code for f in row.flags] == ["PSH_NOT_CERTIFIED_HEALTHY"]
    assert last_audit(db).action == "ubah"


# ------------------------------------------------------------------ priority order

@pytest.fixture
def pool(db, office):
    ex, vid = office["exercise"], office["hakiki"]
    ids = dict(
        r2=add(db, cand(1, "SIMPANAN", 2, exercise_id=ex)),
        b2=add(db, cand(2, "BERJAYA", 2, exercise_id=ex)),
        r1=add(db, cand(3, "SIMPANAN", 1, exercise_id=ex, qualification="BAWAH_SPM")),
        b1=add(db, cand(4, "BERJAYA", 1, exercise_id=ex, public_officer=True)),
        ext=add(db, cand(5, "LUAR", vacancy_id=vid)),
        other_grade=add(db, cand(6, "SIMPANAN", 1, exercise_id=office["exercise27"])),
    )
    return ids


def test_hakiki_list_successful_then_reserve_with_flags(db, office, pool):
    rows = read(db, C.list_candidates, office["hakiki"])
    assert [(r.id, r.position) for r in rows] == [
        (pool["b1"], 1), (pool["b2"], 2), (pool["r1"], 3), (pool["r2"], 4), (pool["ext"], None)]
    assert pool["other_grade"] not in {r.id for r in rows}  # the S27 exercise is not this post's
    assert rows[0].priority_paragraph == "7.4(b)"
    assert rows[0].priority_reason.startswith("Calon berjaya, kedudukan 1")
    assert [(f.code, f.paragraph) for f in rows[0].flags] == [("PSH_PUBLIC_OFFICER", "5A(b)")]
    assert [f.code for f in rows[2].flags] == ["PSH_BELOW_SPM"]
    assert rows[0].exercise_title.startswith("Temu duga Pembantu")
    assert "Calon luar tidak boleh" in rows[4].priority_reason


def test_operasi_list_reserve_then_qualified_external(db, office, pool):
    pid, _ = F.held_post(db)  # an S17 post (the factory's default grade)
    vid = open_(db, operasi_form(pid))
    ext = add(db, cand(7, "LUAR", vacancy_id=vid, qualification="DIPLOMA"))
    rows = read(db, C.list_candidates, vid)
    assert [(r.id, r.position) for r in rows][:3] == [(pool["r1"], 1), (pool["r2"], 2), (ext, 3)]
    assert {r.id for r in rows[3:]} == {pool["b1"], pool["b2"]}  # successful: awaiting contract
    assert rows[0].priority_paragraph == "8.2(a)"


def test_appoint_in_priority_order(db, office, pool):
    vid = office["hakiki"]
    exc = refused(db, C.mark_appointed, pool["b1"], vid, today=TODAY)
    assert [(v.code, v.paragraph) for v in exc.violations] == [("PSH_BEFORE_INTERVIEW_REPORT",
                                                                "7.4(b)")]
    to_interview_report(db, vid)
    exc = refused(db, C.mark_appointed, pool["b2"], vid, today=TODAY)
    v = exc.violations[0]
    assert (v.code, v.paragraph) == ("NOT_NEXT_IN_ORDER", "7.4(b)") and "Calon 4" in v.message_ms
    exc = refused(db, C.mark_appointed, pool["ext"], vid, today=TODAY)
    assert [(v.code, v.paragraph) for v in exc.violations] == [("CANDIDATE_NOT_IN_ORDER",
                                                                "7.4(b)")]
    perform(db, C.mark_declined, pool["b1"], date(2026, 3, 4), "Menolak tawaran", today=TODAY)
    assert last_audit(db).action == "tolak"
    perform(db, C.mark_appointed, pool["b2"], vid, date(2026, 3, 9), today=TODAY)
    assert last_audit(db).action == "lantik"
    rows = {r.id: r for r in read(db, C.list_candidates, vid)}
    assert (rows[pool["b2"]].outcome, rows[pool["b2"]].vacancy_id, rows[pool["b2"]].outcome_on) \
        == (CandidateOutcome.APPOINTED, vid, date(2026, 3, 9))
    assert rows[pool["r1"]].position == 1  # next in line now
    assert rows[pool["b1"]].outcome is CandidateOutcome.DECLINED and rows[pool["b1"]].position is None
    # appointed to this vacancy: no longer offered for another post of the grade
    other = open_(db, hakiki_form(F.vacant_post(db)))
    assert pool["b2"] not in {r.id for r in read(db, C.list_candidates, other)}


def test_appointment_refusals(db, office, pool):
    vid = office["hakiki"]
    to_interview_report(db, vid)
    assert codes(refused(db, C.mark_appointed, pool["b1"], None, today=TODAY)) == {"REQUIRED"}
    assert "FUTURE_DATE" in codes(refused(db, C.mark_appointed, pool["b1"], vid,
                                          date(2026, 3, 17), today=TODAY))
    assert "DATES_OUT_OF_ORDER" in codes(refused(db, C.mark_appointed, pool["b1"], vid,
                                                 date(2026, 1, 1), today=TODAY))
    other = open_(db, hakiki_form(F.vacant_post(db)))
    assert "CANDIDATE_OF_OTHER_VACANCY" in codes(refused(db, C.mark_appointed, pool["ext"], other,
                                                         today=TODAY))
    perform(db, C.mark_appointed, pool["b1"], vid, today=TODAY)
    assert "CANDIDATE_NOT_PENDING" in codes(refused(db, C.mark_appointed, pool["b1"], vid,
                                                    today=TODAY))
    assert codes(refused(db, C.mark_declined, pool["b1"], note="x", today=TODAY)) == {
        "CANDIDATE_NOT_PENDING"}
    assert codes(refused(db, C.mark_declined, 999, note="x", today=TODAY)) == {"NOT_FOUND"}
    assert codes(refused(db, C.mark_declined, pool["b2"], note=" ", today=TODAY)) == {"REQUIRED"}


def test_operasi_appointment_after_approval(db, office, pool):
    pid, _ = F.held_post(db)
    vid = open_(db, operasi_form(pid))
    exc = refused(db, C.mark_appointed, pool["r1"], vid, today=TODAY)
    assert [(v.code, v.paragraph) for v in exc.violations] == [("PSH_BEFORE_APPROVAL", "8.2(a)")]
    perform(db, W.record_step, vid, "FILLING_APPLIED", date(2026, 2, 3), "A/1", today=TODAY)
    perform(db, W.record_step, vid, "FILLING_APPROVED", date(2026, 2, 10), "A/2", today=TODAY)
    exc = refused(db, C.mark_appointed, pool["b1"], vid, today=TODAY)
    assert {v.code for v in exc.violations} == {"CANDIDATE_NOT_IN_ORDER"}
    perform(db, C.mark_appointed, pool["r1"], vid, today=TODAY)
    rows = read(db, C.list_candidates, vid)
    assert rows[0].id == pool["r2"] and rows[0].position == 1


def test_exercise_list_in_panel_order(db, office, pool):
    rows = read(db, C.list_exercise_candidates, office["exercise"])
    assert [(r.category, r.rank) for r in rows] == [
        (CandidateStatus.BERJAYA, 1), (CandidateStatus.BERJAYA, 2), (CandidateStatus.SIMPANAN, 1),
        (CandidateStatus.SIMPANAN, 2)]
    assert rows[2].qualification is Qualification.BELOW_SPM
