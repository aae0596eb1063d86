"""PSH appointments: appoint, extend, end, convert; every refusal, and nothing half-saved.

Each refusal goes through ``factories.refused``, which checks that the row counts, the audit
log and the state of every row the action could touch are exactly as before.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.models import AuditRecord, Post
from desktop.rules import psh_last_day
from desktop.rules.enums import Method, Qualification
from desktop.rules.psh_appointment import PshStatus
from desktop.rules.vacancy_enums import CandidateOutcome, VacancyStatus
from desktop.services import allocation as A
from desktop.services import candidates as C
from desktop.services import psh as P
from desktop.services import vacancies as V
from desktop.services import workflow as W
from desktop.services.unit import perform, read

from . import factories as F
from .factories import START, TODAY, codes, psh_form, refused

D = Decimal
END = date(2026, 5, 29)


def audits(db, entity: str) -> list[AuditRecord]:
    with db.session() as s:
        return list(s.execute(select(AuditRecord).where(AuditRecord.entity == entity)
                              .order_by(AuditRecord.id)).scalars())


@pytest.fixture
def hakiki(db, office):
    """A hakiki Tabika S17 vacancy at its interview report, with two successful candidates
    and a reserve; returns (vacancy id, [candidate ids in order])."""
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    ids = [F.candidate(db, vid, "BERJAYA", 1), F.candidate(db, vid, "BERJAYA", 2),
           F.candidate(db, vid, "SIMPANAN", 1)]
    return vid, ids


def appoint(db, vid, cid, **kw) -> int:
    today = kw.pop("today", TODAY)
    return F.appoint(db, psh_form(vid, cid, **kw), today=today)


def outcome(db, vid, cid) -> CandidateOutcome:
    return next(r.outcome for r in read(db, C.list_candidates, vid) if r.id == cid)


# ------------------------------------------------------------------ appoint

def test_appoint_from_the_order_of_offer(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    row = read(db, P.get_psh, pid, TODAY)
    assert (row.vacancy_id, row.candidate_id, row.grade_code, row.premises_code) == (
        vid, first, "S17", "SGR-TBK-001")
    # S17 calls for SPM (resources/rates/job_qualification.toml): RM 54.00 a day (5B)
    assert (row.qualification_used, row.daily_rate) == (Qualification.SPM, D("54.00"))
    assert (row.start, row.end, row.max_end) == (START, END, date(2026, 9, 1))
    assert (row.status, row.ended_on, row.extended) == (PshStatus.ACTIVE, None, False)
    assert row.days_left == (END - TODAY).days
    assert (row.kp_approval_ref, row.osa_declared_on) == ("JPNIN.100-1/2/3", START)
    v = read(db, V.get_vacancy, vid)
    assert (v.status, v.filled_method, v.filled_on) == (VacancyStatus.FILLED, Method.PSH, START)
    assert outcome(db, vid, first) is CandidateOutcome.APPOINTED
    [record] = audits(db, "psh")
    assert record.action == "lantik" and '"status":"ACTIVE"' in record.after
    assert [r.id for r in read(db, P.list_psh, "ACTIVE")] == [pid]
    assert read(db, P.list_psh, PshStatus.ENDED) == []
    assert [r.id for r in read(db, P.list_psh, vacancy_id=vid)] == [pid]


def test_the_rate_follows_the_job_not_the_candidate(db, office):
    vid = F.hakiki_vacancy(db, office.tabika, office.s22)  # Guru Tabika: DIPLOMA (72.00)
    cid = F.candidate(db, vid, qualification="IJAZAH")
    row = read(db, P.get_psh, appoint(db, vid, cid))
    assert (row.qualification_held, row.qualification_used, row.daily_rate) == (
        Qualification.IJAZAH, Qualification.DIPLOMA, D("72.00"))
    vid2 = F.hakiki_vacancy(db, office.tabika, office.s11)
    cid2 = F.candidate(db, vid2, qualification="IJAZAH")
    row = read(db, P.get_psh, appoint(db, vid2, cid2, qualification_used="IJAZAH"))
    assert row.daily_rate == D("100.00")


def test_a_job_whose_qualification_is_not_in_the_table_must_be_chosen(db, office):
    from desktop.services.grades import GradeForm, add_grade

    n19 = perform(db, add_grade, GradeForm("N19", "Pembantu Tadbir")).result
    vid = F.hakiki_vacancy(db, office.tabika, n19)
    cid = F.candidate(db, vid)
    e = refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY)
    assert codes(e) == {"PSH_JOB_QUALIFICATION_UNKNOWN"}
    assert e.violations[0].field == "qualification_used"
    assert read(db, P.get_psh, appoint(db, vid, cid, qualification_used="SPM")).daily_rate == \
        D("54.00")


def test_a_planned_start_fills_the_vacancy_from_that_day(db, hakiki):
    vid, (first, _, _) = hakiki
    start = date(2026, 4, 6)
    appoint(db, vid, first, start=start, end=date(2026, 7, 3), osa_declared_on=TODAY)
    v = read(db, V.get_vacancy, vid)
    assert (v.status, v.filled_on) == (VacancyStatus.FILLED, start)
    # the March return still shows the vacancy open: the filling starts in April
    [march] = [r for r in read(db, V.open_vacancies_for_return, 2026, 3) if r.vacancy_id == vid]
    assert march.status is VacancyStatus.OPEN


def test_operasi_reserve_first_then_qualified_external(db, office):
    vid = F.operasi_vacancy(db, office.tabika, office.s17)
    reserve = F.candidate(db, vid, "SIMPANAN", 1)
    external = F.candidate(db, vid, "LUAR")
    e = refused(db, P.appoint_psh, psh_form(vid, external), today=TODAY)
    assert codes(e) == {"NOT_NEXT_IN_ORDER"}
    perform(db, C.mark_declined, reserve, TODAY, "Menolak tawaran", today=TODAY)
    pid = appoint(db, vid, external)
    row = read(db, P.get_psh, pid)
    assert row.vacancy_kind.value == "OPERASI" and row.name.startswith("Calon")


def test_taska_s17_operasi_may_have_a_psh(db, office):
    vid = F.operasi_vacancy(db, office.taska, office.s17)
    assert appoint(db, vid, F.candidate(db, vid, "SIMPANAN", 1))


def test_no_psh_on_a_taska_s27_operasi_vacancy(db, office):
    vid = F.operasi_vacancy(db, office.taska, office.s27)
    cid = F.candidate(db, vid, "SIMPANAN", 1, qualification="DIPLOMA")
    e = refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY)
    assert codes(e) == {"FILL_TASKA_PENDIDIK_ACTING_ONLY"}
    assert e.violations[0].paragraph == "8.2(b)"


def test_no_psh_on_other_taska_operasi_grades(db, office):
    vid = F.operasi_vacancy(db, office.taska, office.s11)
    cid = F.candidate(db, vid, "SIMPANAN", 1)
    assert codes(refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY)) == {
        "FILL_TASKA_PSH_S17_ONLY"}


def test_no_external_candidate_on_a_hakiki_vacancy(db, hakiki):
    vid, _ = hakiki
    external = F.candidate(db, vid, "LUAR")
    e = refused(db, P.appoint_psh, psh_form(vid, external), today=TODAY)
    assert codes(e) == {"PSH_EXTERNAL_ON_HAKIKI"}
    assert e.violations[0].paragraph == "7.4(b)" and e.violations[0].field == "candidate_id"


def test_candidates_out_of_order_are_refused(db, hakiki):
    vid, (first, second, reserve) = hakiki
    for cid in (second, reserve):
        e = refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY)
        assert codes(e) == {"NOT_NEXT_IN_ORDER"}
        assert e.violations[0].paragraph == "7.4(b)"
    perform(db, C.mark_declined, first, TODAY, "Menolak tawaran", today=TODAY)
    assert appoint(db, vid, second)


def test_psh_waits_for_the_interview_report_or_the_approval(db, office):
    vid = F.hakiki_vacancy(db, office.tabika, office.s17, report=False)
    cid = F.candidate(db, vid)
    e = refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY)
    assert "PSH_BEFORE_INTERVIEW_REPORT" in codes(e)
    vid = F.operasi_vacancy(db, office.tabika, office.s17, approved=False)
    cid = F.candidate(db, vid, "SIMPANAN", 1)
    e = refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY)
    assert codes(e) == {"PSH_BEFORE_APPROVAL"}


@pytest.mark.parametrize("change, code, field", [
    (dict(end=date(2026, 6, 2)), "PSH_TERM_OVER_3_MONTHS", "end"),  # last day is 1 June
    (dict(end=date(2026, 3, 1)), "END_BEFORE_START", "end"),
    (dict(start=date(2026, 1, 2), kp_approval_date=date(2026, 1, 2),
          osa_declared_on=date(2026, 1, 2), health_certified_on=date(2026, 1, 2),
          end=date(2026, 3, 31)), "PSH_START_BEFORE_VACANCY", "start"),
    (dict(osa_declared_on=date(2026, 3, 3)), "PSH_OSA_AFTER_START", "osa_declared_on"),
    (dict(osa_declared_on=None), "PSH_OSA_NOT_SIGNED", "osa_declared_on"),
    (dict(health_certified_on=date(2026, 3, 3)), "PSH_HEALTH_AFTER_START",
     "health_certified_on"),
    (dict(health_certified_on=""), "PSH_NOT_CERTIFIED_HEALTHY", "health_certified_on"),
    (dict(kp_approval_date=None), "PSH_KP_APPROVAL_REQUIRED", "kp_approval_date"),
    (dict(kp_approval_ref=" "), "PSH_KP_APPROVAL_REQUIRED", "kp_approval_ref"),
    (dict(kp_approval_date=date(2026, 3, 3)), "PSH_KP_APPROVAL_AFTER_START",
     "kp_approval_date"),
    (dict(start=date(2026, 4, 1), end=date(2026, 6, 30), osa_declared_on=date(2026, 3, 17)),
     "FUTURE_DATE", "osa_declared_on"),
    (dict(start="31/02/2026"), "INVALID_DATE", "start"),
    # more than a year after TODAY (16 March 2026): a typo, refused before any costing
    (dict(start=date(2027, 3, 17), end=date(2027, 6, 16)), "FUTURE_DATE", "start"),
    (dict(vacancy_id="satu"), "NOT_A_NUMBER", "vacancy_id"),
    (dict(vacancy_id=999), "NOT_FOUND", "vacancy_id"),
    (dict(candidate_id=999), "NOT_FOUND", "candidate_id"),
    (dict(qualification_used="PHD"), "UNKNOWN_VALUE", "qualification_used"),
    (dict(qualification_used="DIPLOMA"), "PSH_UNDERQUALIFIED", "candidate_id"),
    (dict(qualification_used="BAWAH_SPM"), "PSH_JOB_BELOW_SPM", "qualification_used"),
])
def test_bad_appointments_are_refused_and_nothing_is_saved(db, hakiki, change, code, field):
    vid, (first, _, _) = hakiki
    form = psh_form(vid, first)
    for key, value in change.items():
        setattr(form, key, value)
    e = refused(db, P.appoint_psh, form, today=TODAY)
    assert code in codes(e)
    assert field in {v.field for v in e.violations if v.code == code}


def test_the_approval_paragraph_follows_the_vacancy_kind(db, office):
    vid = F.operasi_vacancy(db, office.tabika, office.s17)
    cid = F.candidate(db, vid, "SIMPANAN", 1)
    e = refused(db, P.appoint_psh, psh_form(vid, cid, kp_approval_date=date(2026, 3, 3)),
                today=TODAY)
    assert [(v.code, v.paragraph) for v in e.violations] == [
        ("PSH_KP_APPROVAL_AFTER_START", "8.2(a)")]


@pytest.mark.parametrize("facts, code", [
    (dict(citizen=False), "PSH_NOT_CITIZEN"),
    (dict(public_officer=True), "PSH_PUBLIC_OFFICER"),
    (dict(qualification="BAWAH_SPM"), "PSH_BELOW_SPM"),
    (dict(qualification=None), "PSH_QUALIFICATION_NOT_RECORDED"),
])
def test_the_candidate_must_meet_5a(db, office, facts, code):
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    cid = F.candidate(db, vid, **facts)
    e = refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY)
    assert codes(e) == {code}
    assert e.violations[0].paragraph.startswith("5A(")


def test_every_problem_is_reported_at_once(db, office):
    vid = F.operasi_vacancy(db, office.taska, office.s27)
    cid = F.candidate(db, vid, "LUAR", citizen=False)
    form = psh_form(vid, cid, end=date(2026, 7, 1), osa_declared_on=date(2026, 3, 4),
                    kp_approval_date=None)
    e = refused(db, P.appoint_psh, form, today=TODAY)
    assert {"FILL_TASKA_PENDIDIK_ACTING_ONLY", "PSH_TERM_OVER_3_MONTHS", "PSH_OSA_AFTER_START",
            "PSH_KP_APPROVAL_REQUIRED", "PSH_NOT_CITIZEN", "CANDIDATE_NOT_IN_ORDER"} <= codes(e)


def test_a_closed_vacancy_takes_no_psh(db, hakiki):
    vid, (first, _, _) = hakiki
    perform(db, V.close_vacancy, vid, TODAY, "Jawatan dimansuhkan", today=TODAY)
    assert codes(refused(db, P.appoint_psh, psh_form(vid, first), today=TODAY)) == {
        "VACANCY_CLOSED"}


def test_a_candidate_of_another_vacancy_is_refused(db, office, hakiki):
    vid, _ = hakiki
    other = F.hakiki_vacancy(db, office.tabika, office.s17)
    cid = F.candidate(db, other)
    assert "CANDIDATE_OF_OTHER_VACANCY" in codes(
        refused(db, P.appoint_psh, psh_form(vid, cid), today=TODAY))


# ------------------------------------------------------------------ overlaps

def test_two_psh_may_not_overlap_on_one_vacancy(db, hakiki):
    vid, (first, second, _) = hakiki
    pid = appoint(db, vid, first)
    e = refused(db, P.appoint_psh, psh_form(vid, second, start=date(2026, 5, 1),
                                            end=date(2026, 7, 31), osa_declared_on=TODAY),
                today=TODAY)
    assert codes(e) == {"FILLING_OVERLAP"}
    # after the first ends, its days worked still count: an overlap with them is refused
    perform(db, P.terminate_psh, pid, date(2026, 3, 13), "Berhenti", today=TODAY)
    e = refused(db, P.appoint_psh, psh_form(vid, second, start=date(2026, 3, 13),
                                            end=date(2026, 6, 12)), today=TODAY)
    assert codes(e) == {"FILLING_OVERLAP"}
    assert appoint(db, vid, second, start=date(2026, 3, 16), end=date(2026, 6, 15),
                   osa_declared_on=TODAY)


def test_one_person_may_not_fill_two_vacancies_at_once(db, office, hakiki):
    vid, (first, _, _) = hakiki
    with db.session() as s:
        number = s.get(P.Candidate, first).mykad
    other = F.operasi_vacancy(db, office.tabika, office.s17)
    again = F.candidate(db, other, "SIMPANAN", 1, number=number)
    pid = appoint(db, vid, first)
    e = refused(db, P.appoint_psh, psh_form(other, again, start=date(2026, 5, 25),
                                            end=date(2026, 7, 31), osa_declared_on=TODAY),
                today=TODAY)
    assert codes(e) == {"PERSON_OVERLAP"} and e.violations[0].field == "mykad"
    perform(db, P.terminate_psh, pid, date(2026, 3, 13), "Ke kekosongan lain", today=TODAY)
    e = refused(db, P.appoint_psh, psh_form(other, again, start=date(2026, 3, 13),
                                            end=date(2026, 5, 29)), today=TODAY)
    assert codes(e) == {"PERSON_OVERLAP"}
    assert appoint(db, other, again, start=date(2026, 3, 16), end=date(2026, 6, 15),
                   osa_declared_on=TODAY)


# ------------------------------------------------------------------ extend

def test_extend_up_to_six_months(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    cost = read(db, P.get_psh, pid).projected_cost
    eid = perform(db, P.extend_psh, pid, date(2026, 7, 31), "Calon berjaya belum melapor diri",
                  "Pengarah JPNIN Selangor", approved_on=date(2026, 3, 10), today=TODAY).result
    row = read(db, P.get_psh, pid, TODAY)
    assert (row.end, row.extended, row.extensions) == (date(2026, 7, 31), True, 1)
    assert row.projected_cost > cost
    assert read(db, P.list_extensions, pid) == [P.ExtensionRow(
        eid, pid, END, date(2026, 7, 31), "Calon berjaya belum melapor diri",
        "Pengarah JPNIN Selangor", date(2026, 3, 10))]
    # the last day allowed: 6 months from 2 March is 1 September (5A(e))
    perform(db, P.extend_psh, pid, date(2026, 9, 1), "Lanjutan kedua", "Pengarah",
            today=TODAY)
    assert read(db, P.get_psh, pid).end == date(2026, 9, 1) == row.max_end
    e = refused(db, P.extend_psh, pid, date(2026, 9, 2), "Lagi", "Pengarah", today=TODAY)
    assert codes(e) == {"PSH_TERM_OVER_6_MONTHS"} and e.violations[0].paragraph == "5A(e)"
    assert [r.action for r in audits(db, "psh")] == ["lantik", "lanjut", "lanjut"]


@pytest.mark.parametrize("args, code", [
    ((date(2026, 9, 2), "Sebab", "Pengarah"), "PSH_TERM_OVER_6_MONTHS"),
    ((END, "Sebab", "Pengarah"), "PSH_EXTENSION_NOT_LATER"),
    ((date(2026, 5, 1), "Sebab", "Pengarah"), "PSH_EXTENSION_NOT_LATER"),
    ((date(2026, 6, 30), "", "Pengarah"), "REQUIRED"),
    ((date(2026, 6, 30), "Sebab", " "), "REQUIRED"),
    (("30 Jun", "Sebab", "Pengarah"), "INVALID_DATE"),
])
def test_bad_extensions_are_refused(db, hakiki, args, code):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    e = refused(db, P.extend_psh, pid, *args, today=TODAY)
    assert codes(e) == {code}


def test_an_extension_dated_ahead_is_refused(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    e = refused(db, P.extend_psh, pid, date(2026, 6, 30), "Sebab", "Pengarah",
                approved_on=date(2026, 3, 17), today=TODAY)
    assert codes(e) == {"FUTURE_DATE"}


def test_an_extension_over_the_balance_needs_an_override(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    left = read(db, A.balance, 2026).available
    F.allocate(db, str(left - D("100.00")), "REDUCTION", on=TODAY)
    e = refused(db, P.extend_psh, pid, date(2026, 7, 31), "Sebab", "Pengarah", today=TODAY)
    assert codes(e) == {"ALLOCATION_SHORTFALL"} and "7.4(b)" in e.violations[0].message_ms
    perform(db, P.extend_psh, pid, date(2026, 7, 31), "Sebab", "Pengarah",
            override_reason="Diluluskan Pengarah; tambahan peruntukan dipohon", today=TODAY)
    assert read(db, P.get_psh, pid).overridden
    assert read(db, A.balance, 2026).available < 0


def test_an_extension_may_not_run_into_the_next_psh(db, hakiki):
    vid, (first, second, _) = hakiki
    pid = appoint(db, vid, first)
    appoint(db, vid, second, start=date(2026, 6, 1), end=date(2026, 8, 31),
            osa_declared_on=TODAY)
    e = refused(db, P.extend_psh, pid, date(2026, 6, 30), "Sebab", "Pengarah", today=TODAY)
    assert codes(e) == {"FILLING_OVERLAP"}
    perform(db, P.extend_psh, pid, date(2026, 5, 31), "Sebab", "Pengarah", today=TODAY)


def test_an_ended_psh_or_a_closed_vacancy_is_not_extended(db, hakiki):
    vid, (first, second, _) = hakiki
    pid = appoint(db, vid, first)
    perform(db, P.terminate_psh, pid, date(2026, 3, 13), "Berhenti", today=TODAY)
    e = refused(db, P.extend_psh, pid, date(2026, 6, 30), "Sebab", "Pengarah", today=TODAY)
    assert codes(e) == {"PSH_NOT_ACTIVE"}
    pid2 = appoint(db, vid, second, start=date(2026, 3, 16), end=date(2026, 6, 15),
                   osa_declared_on=TODAY)
    perform(db, V.close_vacancy, vid, TODAY, "Penyandang baharu", today=TODAY)
    e = refused(db, P.extend_psh, pid2, date(2026, 6, 30), "Sebab", "Pengarah", today=TODAY)
    assert codes(e) == {"VACANCY_CLOSED"} and e.violations[0].paragraph == "5A(s)"


# ------------------------------------------------------------------ terminate

def test_terminate_reopens_a_vacancy_nothing_else_covers(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    perform(db, P.terminate_psh, pid, "13/03/2026", "Tidak lagi diperlukan", today=TODAY)
    row = read(db, P.get_psh, pid, TODAY)
    assert (row.status, row.ended_on, row.end_reason, row.days_left, row.last_day) == (
        PshStatus.ENDED, date(2026, 3, 13), "Tidak lagi diperlukan", None, date(2026, 3, 13))
    assert read(db, V.get_vacancy, vid).status is VacancyStatus.OPEN
    assert outcome(db, vid, first) is CandidateOutcome.APPOINTED  # the history stays
    assert [r.action for r in audits(db, "psh")] == ["lantik", "tamat"]
    assert read(db, P.list_psh, "ENDED")[0].id == pid


def test_terminate_keeps_the_vacancy_filled_while_another_psh_runs(db, hakiki):
    vid, (first, second, _) = hakiki
    pid = appoint(db, vid, first, end=date(2026, 3, 31))
    appoint(db, vid, second, start=date(2026, 4, 1), end=date(2026, 6, 30),
            osa_declared_on=TODAY)
    perform(db, P.terminate_psh, pid, date(2026, 3, 13), "Berhenti", today=TODAY)
    assert read(db, V.get_vacancy, vid).status is VacancyStatus.FILLED


@pytest.mark.parametrize("ended_on, reason, code", [
    (date(2026, 3, 1), "Sebab", "PSH_END_OUTSIDE_TERM"),
    (date(2026, 5, 30), "Sebab", "PSH_END_OUTSIDE_TERM"),
    (date(2026, 3, 17), "Sebab", "FUTURE_DATE"),
    (date(2026, 3, 13), "", "REQUIRED"),
    (None, "Sebab", "REQUIRED"),
])
def test_bad_terminations_are_refused(db, hakiki, ended_on, reason, code):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    assert code in codes(refused(db, P.terminate_psh, pid, ended_on, reason, today=TODAY))


def test_an_ended_psh_is_not_ended_again(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    perform(db, P.terminate_psh, pid, date(2026, 3, 13), "Berhenti", today=TODAY)
    e = refused(db, P.terminate_psh, pid, date(2026, 3, 14), "Lagi", today=TODAY)
    assert codes(e) == {"PSH_NOT_ACTIVE"} and "13 Mac 2026" in e.violations[0].message_ms
    assert codes(refused(db, P.terminate_psh, 999, TODAY, "x", today=TODAY)) == {"NOT_FOUND"}


def test_closing_the_vacancy_lists_its_psh_to_end_5a_s(db, office):
    vid = F.operasi_vacancy(db, office.tabika, office.s17)
    pid = appoint(db, vid, F.candidate(db, vid, "SIMPANAN", 1))
    closed = perform(db, V.close_vacancy, vid, TODAY, "Penyandang kembali bertugas",
                     today=TODAY).result
    [ref] = closed.must_end
    assert (ref.kind, ref.id, ref.starts_on, ref.ends_on, ref.active) == (
        "PSH", pid, START, END, True)
    [alert] = [a for a in read(db, V.alerts, TODAY) if a.entity == "psh"]
    assert (alert.kind, alert.severity, alert.entity_id) == ("PSH_VACANCY_CLOSED", "urgent", pid)
    perform(db, P.terminate_psh, pid, TODAY, "Penyandang kembali (5A(s))", today=TODAY)
    assert read(db, V.get_vacancy, vid).status is VacancyStatus.CLOSED
    assert [a for a in read(db, V.alerts, TODAY) if a.entity == "psh"] == []


# ------------------------------------------------------------------ convert to contract

def deliver_appointment(db, vid, on=date(2026, 3, 10)):
    perform(db, W.record_step, vid, "APPOINTMENT_DELIVERED", on, "SPA/KONTRAK/1",
            today=max(on, TODAY))


def test_convert_to_contract(db, office, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    deliver_appointment(db, vid)
    officer = F.staff(db, office.s17, "Nur Aina binti Kamal")
    start = date(2026, 3, 16)
    result = perform(db, P.convert_to_contract, vid, officer, start, today=TODAY).result
    assert result.ended == (pid,) and result.closed.closed_on == start
    assert result.closed.must_end == ()
    row = read(db, P.get_psh, pid, TODAY)
    assert (row.status, row.ended_on) == (PshStatus.ENDED, date(2026, 3, 15))
    assert "Nur Aina" in row.end_reason and "7.5" in row.end_reason
    v = read(db, V.get_vacancy, vid)
    assert (v.status, v.closed_on) == (VacancyStatus.CLOSED, start)
    with db.session() as s:
        post = s.get(Post, s.get(P.Vacancy, vid).post_id)
        assert post.incumbent_id == officer
    assert result.holding_id is not None
    # the commitment now projects 2 to 15 March only
    [c] = read(db, A.list_commitments, 2026)
    assert c.projected < D("1303.15")


def test_conversion_needs_step_7_5_and_a_hakiki_vacancy(db, office, hakiki):
    vid, (first, _, _) = hakiki
    appoint(db, vid, first)
    officer = F.staff(db, office.s17)
    e = refused(db, P.convert_to_contract, vid, officer, TODAY, today=TODAY)
    assert codes(e) == {"PSH_CONVERSION_NEEDS_APPOINTMENT"}
    deliver_appointment(db, vid, TODAY)  # delivered after the start asked for
    e = refused(db, P.convert_to_contract, vid, officer, date(2026, 3, 13), today=TODAY)
    assert codes(e) == {"PSH_CONVERSION_NEEDS_APPOINTMENT"}
    op = F.operasi_vacancy(db, office.tabika, office.s17)
    e = refused(db, P.convert_to_contract, op, officer, TODAY, today=TODAY)
    assert "PSH_CONVERSION_HAKIKI_ONLY" in codes(e)


def test_conversion_refuses_a_psh_that_starts_with_the_contract(db, office, hakiki):
    vid, (first, _, _) = hakiki
    appoint(db, vid, first, start=date(2026, 3, 16), end=date(2026, 6, 15),
            osa_declared_on=TODAY)
    deliver_appointment(db, vid)
    officer = F.staff(db, office.s17)
    e = refused(db, P.convert_to_contract, vid, officer, date(2026, 3, 16), today=TODAY)
    assert codes(e) == {"PSH_STARTS_AFTER_CONTRACT"}


def test_conversion_merges_the_post_checks(db, office, hakiki):
    vid, (first, _, _) = hakiki
    appoint(db, vid, first)
    deliver_appointment(db, vid)
    busy = F.staff(db, office.s17)
    elsewhere = F.vacant_post(db, office.taska, office.s17)
    from desktop.services.posts import assign_incumbent

    perform(db, assign_incumbent, elsewhere, busy, date(2021, 1, 1))
    e = refused(db, P.convert_to_contract, vid, busy, date(2026, 3, 17), today=TODAY)
    assert codes(e) == {"STAFF_HOLDS_POST", "FUTURE_DATE"}


# ------------------------------------------------------------------ register, fillings, alerts

def test_psh_fillings_for_one_vacancy_and_for_all(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    with db.session() as s:
        [ref] = P.psh_fillings(s, vid)
        assert P.psh_fillings(s, None) == [ref]
        assert P.psh_fillings(s, vid + 1000) == []
    assert (ref.kind, ref.id, ref.starts_on, ref.ends_on, ref.active) == (
        "PSH", pid, START, END, True)
    assert ref.mykad and ref.person.startswith("Calon") and "2 Mac 2026" in ref.label_ms
    perform(db, P.terminate_psh, pid, date(2026, 3, 13), "Berhenti", today=TODAY)
    with db.session() as s:
        [ref] = P.psh_fillings(s, vid)
    assert (ref.ends_on, ref.active) == (date(2026, 3, 13), False)


def test_alerts_for_terms_ending_and_overdue(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)

    def psh_alerts(today):
        return [a for a in read(db, V.alerts, today) if a.entity == "psh"]

    assert psh_alerts(END - timedelta(days=15)) == []
    [a] = psh_alerts(END - timedelta(days=14))
    assert (a.kind, a.severity, a.entity_id, a.due) == ("PSH_TERM_ENDING", "warning", pid, END)
    assert "14 hari lagi" in a.text_ms and "1 September 2026" in a.text_ms
    [a] = psh_alerts(END + timedelta(days=1))
    assert (a.kind, a.severity) == ("PSH_TERM_OVER", "urgent")
    # at the 6-month limit the alert says no more extension is possible
    perform(db, P.extend_psh, pid, date(2026, 9, 1), "Sebab", "Pengarah", today=TODAY)
    [a] = psh_alerts(date(2026, 8, 25))
    assert "tidak boleh dilanjutkan lagi" in a.text_ms
    perform(db, P.terminate_psh, pid, TODAY, "Berhenti", today=TODAY)
    assert psh_alerts(date(2026, 8, 25)) == []


def test_register_filters_and_lookups(db, hakiki):
    vid, (first, _, _) = hakiki
    pid = appoint(db, vid, first)
    assert [r.id for r in read(db, P.list_psh, ["ACTIVE", "ENDED"])] == [pid]
    with pytest.raises(P.Refused):
        read(db, P.list_psh, "DIBATALKAN")
    with pytest.raises(P.Refused):
        read(db, P.get_psh, 999)


def test_cost_preview_matches_the_commitment(db, hakiki):
    vid, (first, _, _) = hakiki
    preview = read(db, P.preview_cost, vid, START, END, candidate_id=first)
    assert (preview.qualification_used, preview.daily_rate, preview.fits) == (
        Qualification.SPM, D("54.00"), True)
    [year] = preview.years
    assert (year.year, year.held, year.available) == (2026, D("0.00"), D("50000.00"))
    pid = appoint(db, vid, first)
    assert read(db, P.get_psh, pid).projected_cost == preview.total == year.projected
    # an extension's preview asks the balance only for the change
    more = read(db, P.preview_cost, vid, START, date(2026, 7, 31), psh_id=pid)
    assert more.years[0].held == preview.total
    assert more.years[0].needed == more.total - preview.total
    F.allocate(db, str(read(db, A.balance, 2026).available), "REDUCTION", on=TODAY)
    assert not read(db, P.preview_cost, vid, START, date(2026, 7, 31), psh_id=pid).fits


def test_new_form_is_filled_with_what_is_known(db, office):
    vid = F.operasi_vacancy(db, office.tabika, office.s17)
    reserve = F.candidate(db, vid, "SIMPANAN", 1)
    F.candidate(db, vid, "LUAR")
    form = read(db, P.new_psh_form, vid, TODAY)
    assert (form.candidate_id, form.start, form.end, form.qualification_used) == (
        reserve, TODAY, psh_last_day(TODAY), "SPM")
    assert (form.kp_approval_ref, form.kp_approval_date) == (f"KP/{vid}", date(2026, 2, 20))
    form.osa_declared_on = form.health_certified_on = TODAY
    assert F.appoint(db, form)
