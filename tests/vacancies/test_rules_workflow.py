"""Workflow steps of paras 7 and 8: order, dates, and the 7.4(e) rule."""

from datetime import date

import pytest

from desktop.rules.enums import VacancyKind
from desktop.rules.workflow import (
    HAKIKI_STEPS,
    OPERASI_STEPS,
    check_step,
    next_step,
    step_def,
    step_number,
)

H = [s.code for s in HAKIKI_STEPS]
D = date(2026, 3, 2)


def codes(problems):
    return [p.code for p in problems]


def test_hakiki_has_the_six_steps_of_para_7():
    assert [s.paragraph for s in HAKIKI_STEPS] == ["7.1", "7.2", "7.3", "7.4", "7.5", "7.6"]
    assert "Ketua Pengarah" in HAKIKI_STEPS[1].label_ms
    assert "PLP" in HAKIKI_STEPS[2].label_ms
    assert "serentak" in HAKIKI_STEPS[3].label_ms
    assert "Ibu Pejabat" in HAKIKI_STEPS[5].label_ms
    assert not HAKIKI_STEPS[0].needs_reference and all(s.needs_reference for s in HAKIKI_STEPS[1:])


def test_operasi_steps_come_from_para_8():
    assert [s.paragraph for s in OPERASI_STEPS][0] == "8.1"
    assert all(s.paragraph.startswith("8.") for s in OPERASI_STEPS)
    assert "OS29000" in OPERASI_STEPS[1].label_ms


def test_next_step_in_order():
    assert next_step("HAKIKI", []).code == "IDENTIFIED"
    assert next_step("HAKIKI", H[:3]).code == "INTERVIEW_REPORT"
    assert next_step("HAKIKI", H) is None
    assert step_number("OPERASI", "FILLING_APPROVED") == 3
    assert step_def("OPERASI", "INTERVIEW_REPORT") is None


def test_the_next_step_with_a_later_date_passes():
    assert check_step(VacancyKind.HAKIKI, H[:1], "AD_APPROVAL_ASKED", D, date(2026, 3, 1)) == []
    assert check_step("HAKIKI", [], "IDENTIFIED", D, None) == []
    # the same day as the previous step is allowed
    assert check_step("OPERASI", ["IDENTIFIED"], "FILLING_APPLIED", D, D) == []


def test_skipping_a_step_is_out_of_order_and_names_the_expected_step():
    problems = check_step("HAKIKI", H[:1], "INTERVIEW_APPROVAL_ASKED", D, D)
    assert codes(problems) == ["STEP_OUT_OF_ORDER"]
    assert problems[0].paragraph == "7.3"
    assert "Ketua Pengarah" in problems[0].message_ms  # the expected step, 7.2
    assert "7.2" in problems[0].message_ms


def test_repeating_a_step_is_refused():
    assert codes(check_step("HAKIKI", H[:2], "AD_APPROVAL_ASKED", D, D)) == ["STEP_ALREADY_DONE"]


def test_a_complete_workflow_takes_no_more_steps():
    # every step done: any step is a repeat
    assert codes(check_step("OPERASI", [s.code for s in OPERASI_STEPS], "FILLING_APPROVED", D,
                            D)) == ["STEP_ALREADY_DONE"]


def test_date_before_previous_step_is_refused():
    problems = check_step("HAKIKI", H[:1], "AD_APPROVAL_ASKED", date(2026, 2, 28), D)
    assert codes(problems) == ["STEP_DATE_BEFORE_PREVIOUS"]
    assert problems[0].field == "done_on" and "2 Mac 2026" in problems[0].message_ms


def test_missing_date_is_refused():
    assert codes(check_step("HAKIKI", [], "IDENTIFIED", None, None)) == ["REQUIRED"]
    assert codes(check_step("HAKIKI", [], "IDENTIFIED", "2026-03-02", None)) == ["REQUIRED"]


def test_interview_report_needs_the_psh_application_sent_together():
    problems = check_step("HAKIKI", H[:3], "INTERVIEW_REPORT", D, D)
    assert codes(problems) == ["PSH_APPLICATION_WITH_REPORT"]
    assert problems[0].paragraph == "7.4(e)" and problems[0].field == "psh_application_ref"
    assert check_step("HAKIKI", H[:3], "INTERVIEW_REPORT", D, D, "  ") != []
    assert check_step("HAKIKI", H[:3], "INTERVIEW_REPORT", D, D, "JPNIN.SGR/PSH/12") == []


def test_psh_reference_on_another_step_is_refused():
    assert codes(check_step("HAKIKI", H[:1], "AD_APPROVAL_ASKED", D, D, "X/1")) == [
        "PSH_REF_NOT_FOR_STEP"]


def test_unknown_step_code():
    assert codes(check_step("OPERASI", ["IDENTIFIED"], "INTERVIEW_REPORT", D, D)) == [
        "STEP_UNKNOWN"]


def test_all_problems_at_once():
    problems = check_step("HAKIKI", H[:2], "INTERVIEW_REPORT", date(2026, 1, 1), D)
    assert set(codes(problems)) == {"STEP_OUT_OF_ORDER", "STEP_DATE_BEFORE_PREVIOUS",
                                    "PSH_APPLICATION_WITH_REPORT"}


@pytest.mark.parametrize("kind", ["HAKIKI", "OPERASI"])
def test_walking_the_whole_table_in_order_passes(kind):
    from desktop.rules.workflow import steps_for
    done = []
    for i, step in enumerate(steps_for(kind)):
        ref = "PSH/1" if step.code == "INTERVIEW_REPORT" else None
        assert check_step(kind, done, step.code, date(2026, 1, 1 + i), date(2026, 1, i or 1),
                          ref) == []
        done.append(step.code)
    assert next_step(kind, done) is None
