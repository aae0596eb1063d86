"""The pure rules behind the PSH and allocation services (no database)."""

from datetime import date
from decimal import Decimal

import pytest

from desktop.rules import Refused
from desktop.rules.allocation import (
    AllocationKind,
    allocated_total,
    outstanding,
    psh_cost_by_year,
)
from desktop.rules.enums import Qualification, VacancyKind
from desktop.rules.psh_appointment import (
    PshStatus,
    approval_paragraph,
    check_appointment_dates,
    check_end_date,
    check_extension,
    job_qualification,
    max_last_day,
)

D = Decimal
ON = date(2026, 3, 2)


def codes(problems):
    return [(p.code, p.field, p.paragraph) for p in problems]


@pytest.mark.parametrize("grade, qualification", [
    ("S11", Qualification.SPM), ("s17", Qualification.SPM), ("Gred S22", Qualification.DIPLOMA),
    ("S27", Qualification.DIPLOMA), ("N19", None)])
def test_the_qualification_each_job_calls_for(grade, qualification):
    assert job_qualification(grade, ON) is qualification


def test_job_qualification_refuses_what_it_cannot_read():
    with pytest.raises(Refused) as info:
        job_qualification("S17", date(2016, 6, 15))  # before the table (and the circular)
    assert info.value.violations[0].code == "RATE_NOT_IN_FORCE"
    with pytest.raises(Refused) as info:
        job_qualification("tujuh belas", ON)
    assert info.value.violations[0].code == "INVALID_GRADE"


def test_appointment_dates_all_in_order():
    assert check_appointment_dates(VacancyKind.HAKIKI, date(2026, 1, 5), ON, date(2026, 6, 1),
                                   kp_approval_date=ON, osa_declared_on=ON,
                                   health_certified_on=ON) == []


def test_appointment_dates_every_problem_at_once():
    problems = check_appointment_dates(
        VacancyKind.OPERASI, date(2026, 3, 9), ON, date(2026, 6, 2),
        kp_approval_date=date(2026, 3, 3), osa_declared_on=date(2026, 3, 4),
        health_certified_on=date(2026, 3, 5))
    assert codes(problems) == [
        ("PSH_START_BEFORE_VACANCY", "start", None),
        ("PSH_TERM_OVER_3_MONTHS", "end", "5A(e)"),
        ("PSH_KP_APPROVAL_AFTER_START", "kp_approval_date", "8.2(a)"),
        ("PSH_OSA_AFTER_START", "osa_declared_on", "5A(n)"),
        ("PSH_HEALTH_AFTER_START", "health_certified_on", "5A(g)")]
    assert "2 Mac 2026" in problems[0].message_ms and "9 March 2026" in problems[0].message_en


def test_appointment_dates_end_before_start_and_no_approval():
    problems = check_appointment_dates(VacancyKind.HAKIKI, date(2026, 1, 5), ON,
                                       date(2026, 3, 1), kp_approval_date=None,
                                       osa_declared_on=None, health_certified_on=None)
    assert codes(problems) == [("END_BEFORE_START", "end", None),
                               ("PSH_KP_APPROVAL_REQUIRED", "kp_approval_date", "7.4(b)")]


def test_approval_paragraph_by_kind():
    assert approval_paragraph("HAKIKI") == "7.4(b)"
    assert approval_paragraph(VacancyKind.OPERASI) == "8.2(a)"


@pytest.mark.parametrize("start, end, new_end, expected", [
    (ON, date(2026, 6, 1), date(2026, 9, 1), []),
    (ON, date(2026, 6, 1), date(2026, 9, 2), ["PSH_TERM_OVER_6_MONTHS"]),
    (ON, date(2026, 6, 1), date(2026, 6, 1), ["PSH_EXTENSION_NOT_LATER"]),
    (ON, date(2026, 6, 1), date(2026, 5, 1), ["PSH_EXTENSION_NOT_LATER"]),
    # 31 August: six months on has no 31 February, so the term runs to 28 February
    (date(2026, 8, 31), date(2026, 11, 30), date(2027, 2, 28), []),
    (date(2026, 8, 31), date(2026, 11, 30), date(2027, 3, 1), ["PSH_TERM_OVER_6_MONTHS"]),
])
def test_extensions(start, end, new_end, expected):
    assert [p.code for p in check_extension(start, end, new_end)] == expected


def test_max_last_day():
    assert max_last_day(ON) == date(2026, 9, 1)
    assert max_last_day(date(2026, 8, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize("ended_on, ok", [
    (ON, True), (date(2026, 6, 1), True), (date(2026, 3, 1), False), (date(2026, 6, 2), False)])
def test_an_end_falls_within_the_term(ended_on, ok):
    problems = check_end_date(ON, date(2026, 6, 1), ended_on)
    assert (problems == []) is ok
    assert all(p.code == "PSH_END_OUTSIDE_TERM" for p in problems)


def test_allocation_arithmetic():
    entries = [("INITIAL", D("1000.00")), (AllocationKind.TOPUP, D("250.50")),
               ("REDUCTION", D("100.25"))]
    assert allocated_total(entries) == D("1150.25")
    assert allocated_total([]) == D("0.00")
    assert outstanding(D("500.00"), D("120.00")) == D("380.00")
    assert outstanding(D("500.00"), D("620.00")) == D("0.00")  # spent beyond the projection


def test_labels():
    assert [k.sign for k in AllocationKind] == [1, 1, -1]
    assert AllocationKind.TOPUP.label_ms == "Tambahan peruntukan"
    assert AllocationKind.REDUCTION.label_en == "Reduction"
    assert (PshStatus.ACTIVE.label_ms, PshStatus.ENDED.label_en) == ("Aktif", "Ended")


def test_cost_by_year_uses_the_age_at_the_end_of_the_previous_month():
    april = (date(2026, 4, 1), date(2026, 4, 30))
    # by hand (test_allocation.py): April 2026, SPM, Selangor: RM 1,364.15 below 60, RM 1,250.40
    # with KWSP Part E and PERKESO's second category from the month after the 60th birthday
    assert psh_cost_by_year("SGR", "SPM", *april, date(1966, 3, 15)) == {2026: D("1250.40")}
    assert psh_cost_by_year("SGR", "SPM", *april, date(1966, 4, 15)) == {2026: D("1364.15")}
    assert psh_cost_by_year("SGR", "SPM", *april) == {2026: D("1364.15")}  # age 30 assumed


def test_cost_by_year_refuses_an_end_before_the_start():
    with pytest.raises(Refused) as info:
        psh_cost_by_year("SGR", "SPM", date(2026, 4, 2), date(2026, 4, 1))
    assert info.value.violations[0].code == "END_BEFORE_START"
