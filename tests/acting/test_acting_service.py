"""Acting assignments (para 6A, 6B): every path and every refusal, on a real database.

Expected amounts are worked out by hand in the comments: the allowance is 25 % of the starting
salary a month (6B(a)), prorated by calendar days (docs/ARCHITECTURE.md, Decisions).
"""

import contextlib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.models import ActingEndKind, FillingStatus, Staff
from desktop.rules import Refused, is_working_day
from desktop.rules.acting import acting_last_day
from desktop.rules.enums import Method
from desktop.rules.vacancy_enums import VacancyStatus
from desktop.services import acting as A
from desktop.services import vacancies as V
from desktop.services.grades import add_grade_salary
from desktop.services.staff import set_staff_active
from desktop.services.unit import perform, read

from . import factories as F
from .factories import PASSED_OVER, START, TODAY, acting_form, assign


def refused(db, counts, fn, *args, **kw) -> Refused:
    """Run an action that must be refused; check that nothing was saved; return the refusal."""
    before = counts()
    with pytest.raises(Refused) as info:
        perform(db, fn, *args, **kw)
    assert counts() == before
    return info.value


def codes(exc: Refused) -> set[str]:
    return {v.code for v in exc.violations}


def vacancy_row(db, vid, today=TODAY):
    return read(db, V.get_vacancy, vid, today=today)


def alerts_of(db, today, entity="acting"):
    return [a for a in read(db, V.alerts, today) if a.entity == entity]


# ------------------------------------------------------------------ candidates (6A(g))

def test_candidates_confirmed_first_then_best_qualified(db, world):
    rows = read(db, A.acting_candidates, world.taska_s27, START, date(2026, 6, 15))
    # Siti is the incumbent away on leave: never offered for her own post
    assert [r.staff_id for r in rows] == [world.aminah, world.bala, world.chong, world.dewi]
    assert [r.position for r in rows] == [1, 2, 3, 4]
    aminah, bala, chong, dewi = rows
    assert (aminah.unconfirmed, aminah.eligible, aminah.same_premises) == (False, True, True)
    assert aminah.post and aminah.grade_code == "S17"
    assert (bala.unconfirmed, bala.eligible, bala.same_premises) == (False, True, False)
    # Chong has the best qualification and six years, but confirmed officers come first
    assert (chong.unconfirmed, chong.under_one_year, chong.eligible) == (True, False, False)
    # Dewi started on 1 Sep 2025: a year is complete only on 1 Sep 2026
    assert (dewi.unconfirmed, dewi.under_one_year, dewi.eligible) == (True, True, False)


def test_candidates_longest_service_breaks_a_tie(db, world):
    ezra = F.officer(db, world.s17, "Ezra anak Jalong", service_start=date(2011, 1, 1),
                     confirmed_on=date(2013, 1, 1), qualification="DIPLOMA")
    rows = read(db, A.acting_candidates, world.taska_s27, START)
    assert [r.staff_id for r in rows][:3] == [ezra, world.aminah, world.bala]


def test_unconfirmed_are_eligible_when_no_confirmed_officer_is_free(db, world):
    assign(db, acting_form(world.tabika_s17, world.aminah))
    assign(db, acting_form(world.tabika_s22, world.bala, unconfirmed_reason=PASSED_OVER))
    rows = read(db, A.acting_candidates, world.taska_s27, START, date(2026, 6, 15))
    assert [(r.staff_id, r.eligible) for r in rows] == [(world.chong, True),
                                                        (world.dewi, False)]


def test_candidates_leave_out_the_busy_and_the_away(db, world):
    assign(db, acting_form(world.tabika_s17, world.aminah, end=date(2026, 4, 30)))
    during = read(db, A.acting_candidates, world.taska_s27, date(2026, 4, 1))
    after = read(db, A.acting_candidates, world.taska_s27, date(2026, 5, 4))
    assert world.aminah not in {r.staff_id for r in during}
    assert world.aminah in {r.staff_id for r in after}
    # Bala goes on a course: the absent incumbent of an operational vacancy cannot act
    bala_post = F.post(db, world.tabika, world.s17, world.bala, since=date(2012, 5, 1))
    F.vacancy(db, bala_post, "OPERASI", reason="COURSE", expected_end=date(2026, 4, 30))
    assert world.bala not in {r.staff_id for r in read(db, A.acting_candidates,
                                                        world.taska_s27, START)}
    assert world.bala in {r.staff_id for r in read(db, A.acting_candidates, world.taska_s27,
                                                    date(2026, 5, 4))}
    perform(db, set_staff_active, world.dewi, False)
    assert world.dewi not in {r.staff_id for r in read(db, A.acting_candidates,
                                                        world.taska_s27, START)}


def test_candidates_refuse_bad_input(db, world):
    with pytest.raises(Refused) as info:
        read(db, A.acting_candidates, world.taska_s27, "30/02/2026")
    assert codes(info.value) == {"INVALID_DATE"}
    with pytest.raises(Refused) as info:
        read(db, A.acting_candidates, world.taska_s27, START, date(2026, 3, 1))
    assert codes(info.value) == {"END_BEFORE_START"}
    with pytest.raises(Refused) as info:
        read(db, A.acting_candidates, 9999, START)
    assert codes(info.value) == {"NOT_FOUND"}


# ------------------------------------------------------------------ assigning

def test_assign_records_the_assignment_and_fills_the_vacancy(db, world, counts):
    before = counts()
    out = perform(db, A.assign_acting, acting_form(world.taska_s27, world.aminah), today=TODAY,
                  actor="kerani1")
    assert out.touched == {"acting", "vacancy"}
    row = read(db, A.get_acting, out.result, today=TODAY)
    assert (row.staff_id, row.officer_name, row.grade_code) == (world.aminah,
                                                                "Aminah binti Yusof", "S27")
    assert (row.start, row.end, row.last_day) == (START, date(2026, 6, 15), date(2026, 6, 15))
    # six months from 16 March end on 15 September (6A(c))
    assert row.limit == date(2026, 9, 15) and row.days_to_limit == 183
    # 25 % of RM2,000.00
    assert row.allowance_per_month == Decimal("500.00")
    assert (row.status, row.months_so_far, row.interruptions, row.previous_id) == (
        FillingStatus.ACTIVE, 0, 0, None)
    assert row.unconfirmed_reason == "" and row.authority == "Ketua Pengarah JPNIN"
    v = vacancy_row(db, world.taska_s27)
    assert (v.status, v.filled_method, v.filled_on) == (VacancyStatus.FILLED, Method.ACTING,
                                                        START)
    after = counts()
    assert after["acting_assignment"] == before["acting_assignment"] + 1
    assert after["audit_log"] == before["audit_log"] + 2  # the assignment and the vacancy


def test_a_planned_assignment_fills_the_vacancy_from_its_first_day(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah, start=date(2026, 4, 6),
                                 end=date(2026, 6, 30)))
    v = vacancy_row(db, world.taska_s27)
    assert (v.filled_method, v.filled_on) == (Method.ACTING, date(2026, 4, 6))
    assert read(db, A.get_acting, aid, today=TODAY).months_so_far == 0


def test_the_fillings_of_the_vacancy_name_the_officer(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    with db.session() as s:
        refs = V.fillings_of(s, world.taska_s27)
        staff_mykad = s.get(Staff, world.aminah).mykad
    assert [(f.kind, f.id, f.starts_on, f.ends_on, f.person, f.mykad, f.active)
            for f in refs] == [("ACTING", aid, START, date(2026, 6, 15), "Aminah binti Yusof",
                                staff_mykad, True)]
    closed = perform(db, V.close_vacancy, world.taska_s27, date(2026, 5, 29),
                     "Penyandang kembali", today=date(2026, 6, 1)).result
    assert [f.id for f in closed.must_end] == [aid]


def test_start_on_a_rest_day_or_holiday_is_refused(db, world, counts):
    for day in (date(2026, 3, 14), date(2026, 3, 15), date(2026, 5, 1)):  # Sat, Sun, Labour Day
        exc = refused(db, counts, A.assign_acting,
                      acting_form(world.taska_s27, world.aminah, start=day,
                                  end=day + timedelta(days=30)), today=TODAY)
        assert codes(exc) == {"ACTING_START_NOT_WORKING_DAY"}
        assert exc.violations[0].paragraph == "6A(d)" and exc.fields == ("start",)


def test_kedah_weekend_is_friday_and_saturday(db):
    w = F.build_world(db, "KDH")
    with pytest.raises(Refused) as info:
        assign(db, acting_form(w.taska_s27, w.aminah, start=date(2026, 3, 13)))  # Friday
    assert codes(info.value) == {"ACTING_START_NOT_WORKING_DAY"}
    aid = assign(db, acting_form(w.taska_s27, w.aminah, start=date(2026, 3, 15)))  # Sunday
    assert read(db, A.get_acting, aid).start == date(2026, 3, 15)


def test_more_than_six_months_is_refused(db, world, counts):
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, end=date(2026, 9, 16)), today=TODAY)
    assert codes(exc) == {"ACTING_TERM_TOO_LONG"}
    assert "15 September 2026" in exc.violations[0].message_ms
    aid = assign(db, acting_form(world.taska_s27, world.aminah, end=date(2026, 9, 15)))
    assert read(db, A.get_acting, aid).end == date(2026, 9, 15)


def test_unconfirmed_officer_with_under_a_year_is_refused(db, world, counts):
    # the confirmed officers are busy elsewhere, so only the year of service is in question
    assign(db, acting_form(world.tabika_s17, world.aminah))
    assign(db, acting_form(world.tabika_s22, world.bala, unconfirmed_reason=PASSED_OVER))
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.dewi, unconfirmed_reason="Tiada pegawai "
                              "disahkan yang tidak bertugas"), today=TODAY)
    assert codes(exc) == {"ACTING_SERVICE_UNDER_ONE_YEAR"}
    assert exc.violations[0].paragraph == "6A(g)(ii)"
    assert "1 September 2026" in exc.violations[0].message_ms


def test_unconfirmed_officer_needs_the_reason_recorded(db, world, counts):
    assign(db, acting_form(world.tabika_s17, world.aminah))
    assign(db, acting_form(world.tabika_s22, world.bala, unconfirmed_reason=PASSED_OVER))
    exc = refused(db, counts, A.assign_acting, acting_form(world.taska_s27, world.chong),
                  today=TODAY)
    assert codes(exc) == {"ACTING_UNCONFIRMED_REASON_REQUIRED"}
    aid = assign(db, acting_form(world.taska_s27, world.chong,
                                 unconfirmed_reason="Semua pegawai disahkan sedang menanggung "
                                 "kerja di Tabika"))
    assert read(db, A.get_acting, aid).unconfirmed_reason.startswith("Semua pegawai")


def test_unconfirmed_officer_with_a_year_refused_while_a_confirmed_one_is_free(db, world,
                                                                             counts):
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.chong, unconfirmed_reason="Lebih layak"),
                  today=TODAY)
    assert codes(exc) == {"ACTING_CONFIRMED_OFFICER_AVAILABLE"}


def test_confirmed_officer_reason_is_not_kept(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah, unconfirmed_reason="x"))
    assert read(db, A.get_acting, aid).unconfirmed_reason == ""


def test_passing_over_a_better_placed_officer_needs_a_reason(db, world, counts):
    """6A(g)(iii): Aminah (confirmed, diploma) comes before Bala (confirmed, SPM)."""
    exc = refused(db, counts, A.assign_acting, acting_form(world.taska_s27, world.bala),
                  today=TODAY)
    [v] = exc.violations
    assert (v.code, v.field, v.paragraph) == ("ACTING_PRIORITY_REASON_REQUIRED",
                                              "unconfirmed_reason", "6A(g)(iii)")
    assert "Aminah binti Yusof" in v.message_ms and "Bala a/l Muthu" in v.message_ms
    aid = assign(db, acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER))
    assert read(db, A.get_acting, aid).unconfirmed_reason == PASSED_OVER


def test_no_reason_needed_when_the_better_placed_officer_is_busy(db, world):
    """Aminah already acts elsewhere over the period, so Bala is the first available."""
    assign(db, acting_form(world.tabika_s22, world.aminah))
    aid = assign(db, acting_form(world.taska_s27, world.bala))
    assert read(db, A.get_acting, aid).unconfirmed_reason == ""


def test_the_incumbent_cannot_act_in_their_own_post(db, world, counts):
    exc = refused(db, counts, A.assign_acting, acting_form(world.taska_s27, world.siti),
                  today=TODAY)
    assert codes(exc) == {"ACTING_OFFICER_IS_INCUMBENT"}


def test_an_officer_away_from_their_own_post_cannot_act(db, world, counts):
    bala_post = F.post(db, world.tabika, world.s17, world.bala, since=date(2012, 5, 1))
    F.vacancy(db, bala_post, "OPERASI", reason="COURSE", expected_end=date(2026, 4, 30))
    exc = refused(db, counts, A.assign_acting, acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER),
                  today=TODAY)
    assert codes(exc) == {"ACTING_OFFICER_AWAY"}


def test_written_instruction_and_approval_are_required(db, world, counts):
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, instruction_ref="",
                              approval_ref=" ", approval_date=None, authority=""),
                  today=TODAY)
    assert codes(exc) == {"ACTING_NO_WRITTEN_INSTRUCTION", "REQUIRED"}
    assert set(exc.fields) == {"instruction_ref", "approval_ref", "approval_date", "authority"}
    assert next(v for v in exc.violations
                if v.code == "ACTING_NO_WRITTEN_INSTRUCTION").paragraph == "6A(b)"
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, instruction_date=None),
                  today=TODAY)
    assert codes(exc) == {"ACTING_NO_WRITTEN_INSTRUCTION"}
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, approval_date=date(2026, 3, 17),
                              instruction_date=date(2026, 3, 20)), today=TODAY)
    assert codes(exc) == {"FUTURE_DATE"} and set(exc.fields) == {"approval_date",
                                                                 "instruction_date"}


def test_a_closed_vacancy_or_a_day_before_it_cannot_be_acted_in(db, world, counts):
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, start=date(2026, 2, 27)),
                  today=TODAY)
    assert codes(exc) == {"ACTING_BEFORE_VACANCY"}
    perform(db, V.close_vacancy, world.taska_s27, date(2026, 3, 10), "Penyandang kembali",
            today=TODAY)
    exc = refused(db, counts, A.assign_acting, acting_form(world.taska_s27, world.aminah),
                  today=TODAY)
    assert codes(exc) == {"ACTING_NO_VACANCY"}
    assert exc.violations[0].paragraph == "6A(a)(i)"


def test_no_starting_salary_of_the_grade_acted_in_is_refused(db, world, counts):
    s29 = F.grade(db, "S29", "Penyelia Taska")  # no starting salary recorded
    vid = F.vacancy(db, F.post(db, world.taska, s29))
    exc = refused(db, counts, A.assign_acting, acting_form(vid, world.aminah), today=TODAY)
    assert codes(exc) == {"NO_STARTING_SALARY"}
    assert exc.violations[0].paragraph == "6B"
    # a salary in force only from a later day does not help
    perform(db, add_grade_salary, s29, date(2026, 4, 1), "2500.00")
    exc = refused(db, counts, A.assign_acting, acting_form(vid, world.aminah), today=TODAY)
    assert codes(exc) == {"NO_STARTING_SALARY"}
    aid = assign(db, acting_form(vid, world.aminah, start=date(2026, 4, 1)))
    assert read(db, A.get_acting, aid).allowance_per_month == Decimal("625.00")  # 2500 / 4


def test_overlapping_assignments_of_one_vacancy_are_refused(db, world, counts):
    assign(db, acting_form(world.taska_s27, world.aminah))  # 16 Mar to 15 Jun
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 6, 3),
                              end=date(2026, 7, 31)), today=TODAY)
    assert codes(exc) == {"FILLING_OVERLAP"}
    later = assign(db, acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 6, 16),
                                   end=date(2026, 7, 31)))
    assert read(db, A.get_acting, later).start == date(2026, 6, 16)
    v = vacancy_row(db, world.taska_s27)
    assert v.filled_on == START  # filled by the first one, still


def test_one_officer_cannot_act_in_two_vacancies_at_once(db, world, counts):
    assign(db, acting_form(world.taska_s27, world.aminah))
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.tabika_s17, world.aminah, start=date(2026, 6, 15),
                              end=date(2026, 7, 15)), today=TODAY)
    assert codes(exc) == {"PERSON_OVERLAP"}


def test_bad_input_is_refused_with_every_problem(db, world, counts):
    exc = refused(db, counts, A.assign_acting,
                  acting_form("abc", 99999, start="31/02/2026", end="kelmarin",
                              previous_id="x"), today=TODAY)
    assert {"NOT_A_NUMBER", "NOT_FOUND", "INVALID_DATE"} <= codes(exc)
    assert {"vacancy_id", "staff_id", "start", "end", "previous_id"} <= set(exc.fields)
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, end=date(2026, 3, 1)), today=TODAY)
    assert codes(exc) == {"END_BEFORE_START"}


def test_text_typed_in_the_form_is_read(db, world):
    aid = assign(db, acting_form(str(world.taska_s27), str(world.aminah), start="16/03/2026",
                                 end="2026-06-15", instruction_date="12/3/2026",
                                 approval_date="13-03-2026"))
    row = read(db, A.get_acting, aid)
    assert (row.start, row.end, row.instruction_date, row.approval_date) == (
        START, date(2026, 6, 15), date(2026, 3, 12), date(2026, 3, 13))


# ------------------------------------------------------------------ allowance (6B)

def test_allowance_month_by_month(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))  # 16 Mar to 15 Jun 2026
    month = {m: read(db, A.acting_allowance_for, aid, 2026, m) for m in (2, 3, 4, 6, 7)}
    assert month == {
        2: Decimal("0.00"),
        3: Decimal("258.06"),  # 500.00 x 16 / 31 = 258.0645...
        4: Decimal("500.00"),
        6: Decimal("250.00"),  # 500.00 x 15 / 30
        7: Decimal("0.00"),
    }
    cost = read(db, A.acting_cost_for, aid)
    assert cost.total == Decimal("258.06") + 500 + 500 + 250  # May is whole too


def test_allowance_of_the_circulars_example_salary(db, world):
    s32 = F.grade(db, "S32", "Penyelia", "2345.69")
    vid = F.vacancy(db, F.post(db, world.tabika, s32))
    aid = assign(db, acting_form(vid, world.aminah, start=date(2026, 4, 1),
                                 end=date(2026, 4, 30)))
    # 2,345.69 x 25 / 100 = 586.4225, to the sen 586.42
    assert read(db, A.acting_allowance_for, aid, 2026, 4) == Decimal("586.42")


def test_an_end_on_a_rest_day_counts_for_the_allowance(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah, end=date(2026, 3, 22)))  # Sun
    # 16 to 22 March are 7 days: 500.00 x 7 / 31 = 112.903...
    assert read(db, A.acting_allowance_for, aid, 2026, 3) == Decimal("112.90")


def test_allowance_follows_the_starting_salary_in_force(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    perform(db, add_grade_salary, world.s27, date(2026, 5, 1), "2200.00")
    assert read(db, A.acting_allowance_for, aid, 2026, 4) == Decimal("500.00")
    assert read(db, A.acting_allowance_for, aid, 2026, 5) == Decimal("550.00")
    assert read(db, A.acting_allowance_for, aid, 2026, 6) == Decimal("275.00")  # 550 x 15/30
    with pytest.raises(Refused) as info:
        read(db, A.acting_allowance_for, aid, 2026, 13)
    assert codes(info.value) == {"INVALID_MONTH"}


# ------------------------------------------------------------------ interruptions (6A(f))

def test_an_interruption_of_14_days_ends_it_the_day_before(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    out = perform(db, A.record_interruption, aid, date(2026, 4, 6), date(2026, 4, 19),
                  "Cuti sakit")
    result = out.result
    assert (result.ended, result.ended_on, result.needs_new_recommendation) == (
        True, date(2026, 4, 5), True)
    assert result.notice.code == "ACTING_INTERRUPTED" and result.notice.paragraph == "6A(f)"
    assert out.touched >= {"acting", "acting_interruption", "vacancy"}
    row = read(db, A.get_acting, aid, today=date(2026, 4, 20))
    assert (row.status, row.ended_on, row.end_kind, row.interruptions) == (
        FillingStatus.ENDED, date(2026, 4, 5), ActingEndKind.INTERRUPTED, 1)
    assert row.days_to_limit is None and "14 hari" in row.end_reason
    # the vacancy is open again, and the dashboard asks for a new recommendation
    assert vacancy_row(db, world.taska_s27).status is VacancyStatus.OPEN
    notes = alerts_of(db, date(2026, 4, 20))
    assert [(a.kind, a.severity, a.entity_id) for a in notes] == [
        ("ACTING_INTERRUPTED", "info", aid)]
    # 1 to 5 April: 500.00 x 5 / 30 = 83.333...
    assert read(db, A.acting_allowance_for, aid, 2026, 4) == Decimal("83.33")

    # resuming is a new assignment, linked to the old one, from a working day
    new = assign(db, acting_form(world.taska_s27, world.aminah, start=date(2026, 4, 20),
                                 end=date(2026, 6, 15), previous_id=aid,
                                 approval_date=date(2026, 4, 17)), today=date(2026, 4, 20))
    assert read(db, A.get_acting, new).previous_id == aid
    assert alerts_of(db, date(2026, 4, 20)) == []
    assert vacancy_row(db, world.taska_s27).filled_on == date(2026, 4, 20)


def test_an_interruption_of_13_days_does_not_end_it(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    result = perform(db, A.record_interruption, aid, date(2026, 4, 6), date(2026, 4, 18),
                     "Kursus").result
    assert (result.ended, result.ended_on, result.notice) == (False, None, None)
    row = read(db, A.get_acting, aid)
    assert (row.status, row.interruptions) == (FillingStatus.ACTIVE, 1)
    assert read(db, A.acting_allowance_for, aid, 2026, 4) == Decimal("500.00")
    spans = read(db, A.list_interruptions, aid)
    assert [(i.start, i.end, i.days, i.reason) for i in spans] == [
        (date(2026, 4, 6), date(2026, 4, 18), 13, "Kursus")]


def test_interruptions_back_to_back_count_as_one(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    first = perform(db, A.record_interruption, aid, date(2026, 4, 6), date(2026, 4, 12),
                    "Cuti rehat").result
    second = perform(db, A.record_interruption, aid, date(2026, 4, 13), date(2026, 4, 19),
                     "Cuti sakit").result
    assert first.ended is False
    assert (second.ended, second.ended_on) == (True, date(2026, 4, 5))


def test_interruption_refusals(db, world, counts):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    perform(db, A.record_interruption, aid, date(2026, 4, 6), date(2026, 4, 10), "Kursus")
    cases = [
        ((START, date(2026, 3, 20)), {"ACTING_INTERRUPTION_OUTSIDE"}),  # on the first day
        ((date(2026, 6, 16), date(2026, 6, 20)), {"ACTING_INTERRUPTION_OUTSIDE"}),  # after
        ((date(2026, 4, 9), date(2026, 4, 14)), {"INTERRUPTION_OVERLAP"}),
        ((date(2026, 5, 9), date(2026, 5, 4)), {"END_BEFORE_START"}),
        (("bukan tarikh", date(2026, 5, 4)), {"INVALID_DATE"}),
    ]
    for (first, last), expected in cases:
        exc = refused(db, counts, A.record_interruption, aid, first, last, "Sebab")
        assert codes(exc) == expected, (first, last)
    exc = refused(db, counts, A.record_interruption, aid, date(2026, 5, 4), date(2026, 5, 5),
                  "  ")
    assert codes(exc) == {"REQUIRED"}
    perform(db, A.end_acting, aid, date(2026, 5, 29), "Tidak diperlukan lagi")
    exc = refused(db, counts, A.record_interruption, aid, date(2026, 5, 4), date(2026, 5, 5),
                  "Sebab")
    assert codes(exc) == {"ACTING_NOT_ACTIVE"}


# ------------------------------------------------------------------ renewal (6A(c))

def test_renewal_after_six_months_links_the_previous_assignment(db, world, counts):
    aid = assign(db, acting_form(world.taska_s27, world.aminah, end=date(2026, 9, 15)))
    renewal = acting_form(None, None, start=None, end=date(2027, 3, 15),
                          approval_ref="KP.JPNIN/2026/88", approval_date=date(2026, 9, 8),
                          instruction_date=date(2026, 9, 8))
    today = date(2026, 9, 10)
    exc = refused(db, counts, A.renew_acting, aid,
                  acting_form(None, None, start=None, end=date(2027, 3, 16),
                              approval_date=date(2026, 9, 8)), today=today)
    assert codes(exc) == {"ACTING_TERM_TOO_LONG"}
    exc = refused(db, counts, A.renew_acting, aid,
                  acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 9, 17),
                              end=date(2027, 3, 15)), today=today)
    assert codes(exc) == {"FIELD_FIXED", "ACTING_RENEWAL_START"}

    new = perform(db, A.renew_acting, aid, renewal, today=today).result
    old_row, new_row = read(db, A.get_acting, aid), read(db, A.get_acting, new, today=today)
    assert (old_row.status, old_row.ended_on, old_row.end_kind) == (
        FillingStatus.ENDED, date(2026, 9, 15), ActingEndKind.RENEWED)
    # 16 September is Malaysia Day: the duties go on without a break, so it still counts
    assert (new_row.start, new_row.end, new_row.previous_id) == (
        date(2026, 9, 16), date(2027, 3, 15), aid)
    assert new_row.limit == date(2027, 3, 15)
    v = vacancy_row(db, world.taska_s27, today=today)
    assert (v.status, v.filled_on) == (VacancyStatus.FILLED, START)
    exc = refused(db, counts, A.renew_acting, aid, renewal, today=today)
    assert codes(exc) == {"ACTING_NOT_ACTIVE"}


def test_a_resumption_must_follow_an_ended_assignment_of_the_same_vacancy(db, world, counts):
    aid = assign(db, acting_form(world.taska_s27, world.aminah, end=date(2026, 4, 30)))
    other = assign(db, acting_form(world.tabika_s17, world.bala, unconfirmed_reason=PASSED_OVER))
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, start=date(2026, 5, 4),
                              previous_id=aid), today=TODAY)
    assert codes(exc) == {"ACTING_PREVIOUS_STILL_ACTIVE"}
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, start=date(2026, 5, 4),
                              previous_id=other), today=TODAY)
    assert "ACTING_PREVIOUS_OTHER_VACANCY" in codes(exc)
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.aminah, start=date(2026, 5, 4),
                              previous_id=4242), today=TODAY)
    assert codes(exc) == {"NOT_FOUND"}


# ------------------------------------------------------------------ ending and handing over (6A(e))

def test_end_acting_keeps_the_record_and_reopens_the_vacancy(db, world, counts):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    for day in (date(2026, 3, 15), date(2026, 6, 16)):
        exc = refused(db, counts, A.end_acting, aid, day, "Prestasi tidak memuaskan")
        assert codes(exc) == {"ACTING_END_OUTSIDE_TERM"}
    exc = refused(db, counts, A.end_acting, aid, date(2026, 4, 30), "")
    assert codes(exc) == {"REQUIRED"}
    perform(db, A.end_acting, aid, date(2026, 4, 30), "Prestasi tidak memuaskan")
    row = read(db, A.get_acting, aid)
    assert (row.status, row.ended_on, row.end_kind, row.end_reason, row.last_day) == (
        FillingStatus.ENDED, date(2026, 4, 30), ActingEndKind.ENDED, "Prestasi tidak memuaskan",
        date(2026, 4, 30))
    assert read(db, A.acting_allowance_for, aid, 2026, 5) == Decimal("0.00")
    assert vacancy_row(db, world.taska_s27).status is VacancyStatus.OPEN
    assert [r.id for r in read(db, A.list_acting, status="ENDED")] == [aid]
    assert read(db, A.list_acting, status="active") == []
    exc = refused(db, counts, A.end_acting, aid, date(2026, 4, 30), "Lagi")
    assert codes(exc) == {"ACTING_NOT_ACTIVE"}


def test_ending_one_of_two_fillings_leaves_the_vacancy_filled(db, world):
    first = assign(db, acting_form(world.taska_s27, world.aminah, end=date(2026, 4, 30)))
    assign(db, acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 5, 4),
                           end=date(2026, 6, 30)))
    perform(db, A.end_acting, first, date(2026, 4, 30), "Tamat seperti dirancang")
    assert vacancy_row(db, world.taska_s27).status is VacancyStatus.FILLED


def test_hand_over_to_another_officer(db, world, counts):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    new_form = acting_form(None, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 5, 4), end=date(2026, 8, 31))
    exc = refused(db, counts, A.hand_over, aid,
                  acting_form(None, world.aminah, start=date(2026, 5, 4)), today=TODAY)
    assert codes(exc) == {"ACTING_HAND_OVER_SAME_OFFICER"}
    for day in (START, date(2026, 6, 17)):
        exc = refused(db, counts, A.hand_over, aid,
                      acting_form(None, world.bala, unconfirmed_reason=PASSED_OVER, start=day), today=TODAY)
        assert codes(exc) == {"ACTING_HAND_OVER_DATE"}
    # the new assignment's own refusal leaves the old one untouched
    exc = refused(db, counts, A.hand_over, aid,
                  acting_form(None, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 5, 2)), today=TODAY)  # Sat
    assert codes(exc) == {"ACTING_START_NOT_WORKING_DAY"}
    assert read(db, A.get_acting, aid).status is FillingStatus.ACTIVE

    new = perform(db, A.hand_over, aid, new_form, today=TODAY,
                  reason="Prestasi tidak memuaskan").result
    old_row, new_row = read(db, A.get_acting, aid), read(db, A.get_acting, new)
    assert (old_row.status, old_row.ended_on, old_row.end_kind) == (
        FillingStatus.ENDED, date(2026, 5, 3), ActingEndKind.HANDED_OVER)
    assert "Bala" in old_row.end_reason and "Prestasi" in old_row.end_reason
    assert (new_row.staff_id, new_row.start, new_row.status) == (
        world.bala, date(2026, 5, 4), FillingStatus.ACTIVE)
    v = vacancy_row(db, world.taska_s27)
    assert (v.status, v.filled_on) == (VacancyStatus.FILLED, START)


# ------------------------------------------------------------------ register and alerts

def test_months_so_far_and_days_to_the_limit(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah, end=date(2026, 9, 15)))
    # a month from 16 March is complete at the end of 15 April, as the term is counted (6A(c))
    for today, months in ((date(2026, 3, 10), 0), (date(2026, 4, 14), 0),
                          (date(2026, 4, 15), 1), (date(2026, 5, 20), 2),
                          (date(2026, 12, 1), 6)):
        assert read(db, A.get_acting, aid, today=today).months_so_far == months, today
    assert read(db, A.get_acting, aid, today=date(2026, 9, 20)).days_to_limit == -5


def test_alerts_near_and_past_the_six_month_limit(db, world):
    aid = assign(db, acting_form(world.taska_s27, world.aminah, end=date(2026, 9, 15)))
    assert alerts_of(db, date(2026, 8, 31)) == []  # 15 days before the limit
    near = alerts_of(db, date(2026, 9, 1))
    assert [(a.kind, a.severity, a.entity_id, a.due) for a in near] == [
        ("ACTING_LIMIT_NEAR", "warning", aid, date(2026, 9, 15))]
    assert "15 September 2026" in near[0].text_ms
    past = alerts_of(db, date(2026, 9, 16))
    assert [(a.kind, a.severity) for a in past] == [("ACTING_LIMIT_PASSED", "urgent")]
    perform(db, A.end_acting, aid, date(2026, 9, 15), "Tamat tempoh")
    assert alerts_of(db, date(2026, 9, 16)) == []


def test_register_lists_and_refuses_bad_queries(db, world):
    a1 = assign(db, acting_form(world.taska_s27, world.aminah))
    a2 = assign(db, acting_form(world.tabika_s17, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 3, 17)))
    assert [r.id for r in read(db, A.list_acting)] == [a1, a2]
    assert [r.id for r in read(db, A.list_acting, vacancy_id=world.tabika_s17)] == [a2]
    row = read(db, A.list_acting)[1]
    assert (row.premises_code.startswith("SGR-TAB"), row.grade_code, row.vacancy_kind.value) \
        == (True, "S17", "HAKIKI")
    assert row.allowance_per_month == Decimal("400.00")  # 25 % of 1,600.00
    for bad in ("SIAP", 7):
        with pytest.raises(Refused) as info:
            read(db, A.list_acting, status=bad)
        assert codes(info.value) == {"UNKNOWN_VALUE"}
    for bad in (4242, "x"):
        with pytest.raises(Refused) as info:
            read(db, A.get_acting, bad)
        assert codes(info.value) <= {"NOT_FOUND", "NOT_A_NUMBER"} and codes(info.value)


def test_an_ended_assignment_still_covers_the_days_it_ran(db, world, counts):
    aid = assign(db, acting_form(world.taska_s27, world.aminah))
    perform(db, A.end_acting, aid, date(2026, 4, 30), "Tidak diperlukan lagi")
    # the days 16 March to 30 April were acted and paid: no second filling of them
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 4, 6)), today=TODAY)
    assert codes(exc) == {"FILLING_OVERLAP"}
    exc = refused(db, counts, A.assign_acting,
                  acting_form(world.tabika_s17, world.aminah, start=date(2026, 4, 6)),
                  today=TODAY)
    assert codes(exc) == {"PERSON_OVERLAP"}
    assert assign(db, acting_form(world.taska_s27, world.bala, unconfirmed_reason=PASSED_OVER, start=date(2026, 5, 4)))


# ------------------------------------------------------------------ a property

WORKING_DAYS = [d for d in (date(2026, 3, 2) + timedelta(days=i) for i in range(420))
                if is_working_day("SGR", d)]
FAR = date(2028, 1, 1)  # "today" for the property: every approval is in the past
ASSIGN = st.tuples(st.just("assign"), st.integers(0, len(WORKING_DAYS) - 1),
                   st.integers(0, 200), st.integers(0, 1))
OPS = st.one_of(
    ASSIGN,
    st.tuples(st.just("renew"), st.integers(0, 260)),
    st.tuples(st.just("interrupt"), st.integers(0, 200), st.integers(1, 30)),
    st.tuples(st.just("hand_over"), st.integers(0, 200), st.integers(0, 260)),
    st.tuples(st.just("end"), st.integers(0, 200)),
)


@pytest.fixture
def setting(db):
    """An office, a grade with its salary and a Tabika: each example adds its own vacancy."""
    F.office(db)
    return F.grade(db, "S27", "Pendidik", "2000.00"), F.premises(db, "TABIKA")


def _apply(db, vid, officers, op) -> None:
    latest = [r for r in read(db, A.list_acting, vacancy_id=vid)
              if r.status is FillingStatus.ACTIVE]
    current = latest[-1] if latest else None
    kind, *args = op
    if kind == "assign":
        start = WORKING_DAYS[args[0]]
        form = acting_form(vid, officers[args[2]], start=start,
                           end=start + timedelta(days=args[1]))
        perform(db, A.assign_acting, form, today=FAR)
    elif current is None:
        return
    elif kind == "renew":
        form = acting_form(None, None, start=None,
                           end=current.end + timedelta(days=1 + args[0]))
        perform(db, A.renew_acting, current.id, form, today=FAR)
    elif kind == "interrupt":
        first = current.start + timedelta(days=args[0])
        perform(db, A.record_interruption, current.id, first,
                first + timedelta(days=args[1] - 1), "Cuti")
    elif kind == "hand_over":
        other = officers[1] if current.staff_id == officers[0] else officers[0]
        start = current.start + timedelta(days=args[0])
        form = acting_form(None, other, start=start, end=start + timedelta(days=args[1]))
        perform(db, A.hand_over, current.id, form, today=FAR)
    else:
        perform(db, A.end_acting, current.id, current.start + timedelta(days=args[0]), "Tamat")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(first=ASSIGN, more=st.lists(OPS, max_size=8))
def test_no_sequence_of_calls_makes_an_assignment_longer_than_six_months(db, setting, first,
                                                                        more):
    s27, tabika = setting
    vid = F.vacancy(db, F.post(db, tabika, s27))
    officers = [F.officer(db, s27), F.officer(db, s27)]
    for op in [first, *more]:
        with contextlib.suppress(Refused):
            _apply(db, vid, officers, op)
    rows = read(db, A.list_acting, vacancy_id=vid, today=FAR)
    event(f"{len(rows)} assignments")
    for r in rows:
        assert r.start <= r.last_day <= r.end <= acting_last_day(r.start), r
        assert is_working_day("SGR", r.start) or r.previous_id is not None, r
    # no two assignments of the vacancy cover one day, ended ones included
    spans = sorted((r.start, r.last_day) for r in rows)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), spans
