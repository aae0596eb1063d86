"""Recording workflow steps in order, with dates, references and the 7.4(e) rule."""

from datetime import date

import pytest
from sqlalchemy import select

from desktop.models import VacancyStep
from desktop.rules import Refused
from desktop.services import vacancies as V
from desktop.services import workflow as W
from desktop.services.unit import perform, read

from . import factories as F
from .helpers import TODAY, counts, hakiki_form, last_audit, open_, operasi_form


def step(db, vid, code, day, ref="JPNIN.SGR/100", **kw):
    return perform(db, W.record_step, vid, code, day, ref, today=TODAY, **kw)


def refusal(db, vid, code, day, ref="JPNIN.SGR/100", **kw) -> Refused:
    before = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, W.record_step, vid, code, day, ref, today=TODAY, **kw)
    assert counts(db) == before
    return info.value


@pytest.fixture
def hakiki(db):
    return open_(db, hakiki_form(F.vacant_post(db)))


def test_the_six_hakiki_steps_in_order(db, hakiki):
    out = step(db, hakiki, "AD_APPROVAL_ASKED", date(2026, 1, 12), "JPNIN.SGR/600-1/2")
    assert out.touched == {"vacancy", "vacancy_step"}
    step(db, hakiki, "INTERVIEW_APPROVAL_ASKED", date(2026, 2, 2))
    row = read(db, V.get_vacancy, hakiki, today=TODAY)
    # waiting at 7.3 since 2 Feb: 26 days of February + 16 of March
    assert (row.current_step_code, row.step_since, row.days_waiting) == (
        "INTERVIEW_APPROVAL_ASKED", date(2026, 2, 2), 42)
    step(db, hakiki, "INTERVIEW_REPORT", date(2026, 3, 2), psh_application_ref="JPNIN.SGR/PSH/7")
    steps = read(db, W.list_steps, hakiki)
    assert [(s.code, s.done, s.is_next) for s in steps] == [
        ("IDENTIFIED", True, False), ("AD_APPROVAL_ASKED", True, False),
        ("INTERVIEW_APPROVAL_ASKED", True, False), ("INTERVIEW_REPORT", True, False),
        ("APPOINTMENT_DELIVERED", False, True), ("DOCUMENTS_RETURNED", False, False)]
    assert steps[3].psh_application_ref == "JPNIN.SGR/PSH/7"
    assert steps[1].reference == "JPNIN.SGR/600-1/2" and steps[1].paragraph == "7.2"
    step(db, hakiki, "APPOINTMENT_DELIVERED", date(2026, 3, 10))
    step(db, hakiki, "DOCUMENTS_RETURNED", date(2026, 3, 16))
    assert not any(s.is_next for s in read(db, W.list_steps, hakiki))
    assert refusal(db, hakiki, "DOCUMENTS_RETURNED", TODAY).violations[0].code == \
        "STEP_ALREADY_DONE"


def test_operasi_steps(db):
    pid, _ = F.held_post(db)
    vid = open_(db, operasi_form(pid))
    step(db, vid, "FILLING_APPLIED", date(2026, 2, 3))
    step(db, vid, "FILLING_APPROVED", date(2026, 2, 20))
    assert [s.paragraph for s in read(db, W.list_steps, vid)] == ["8.1", "8.2(a)", "8.2"]
    assert read(db, V.get_vacancy, vid).current_step_label.startswith("8.2 ")


@pytest.mark.parametrize("code, day, kw, expected", [
    ("INTERVIEW_APPROVAL_ASKED", date(2026, 2, 1), {}, ("STEP_OUT_OF_ORDER", "7.3", "code")),
    ("IDENTIFIED", date(2026, 2, 1), {}, ("STEP_ALREADY_DONE", "7.1", "code")),
    ("AD_APPROVAL_ASKED", date(2026, 1, 4), {}, ("STEP_DATE_BEFORE_PREVIOUS", "7.2", "done_on")),
    ("AD_APPROVAL_ASKED", date(2026, 3, 17), {}, ("FUTURE_DATE", None, "done_on")),
    ("AD_APPROVAL_ASKED", date(2026, 2, 1), {"ref": " "}, ("REFERENCE_REQUIRED", "7.2",
                                                           "reference")),
    ("AD_APPROVAL_ASKED", "1 Februari", {}, ("INVALID_DATE", None, "done_on")),
    ("AD_APPROVAL_ASKED", None, {}, ("REQUIRED", None, "done_on")),
    ("FILLING_APPLIED", date(2026, 2, 1), {}, ("STEP_UNKNOWN", None, "code")),
    ("AD_APPROVAL_ASKED", date(2026, 2, 1), {"psh_application_ref": "P/1"},
     ("PSH_REF_NOT_FOR_STEP", None, "psh_application_ref")),
])
def test_step_refusals(db, hakiki, code, day, kw, expected):
    kw = dict(kw)
    exc = refusal(db, hakiki, code, day, kw.pop("ref", "R/1"), **kw)
    assert [(v.code, v.paragraph, v.field) for v in exc.violations] == [expected]


def test_interview_report_without_the_psh_application_is_refused(db, hakiki):
    step(db, hakiki, "AD_APPROVAL_ASKED", date(2026, 1, 12))
    step(db, hakiki, "INTERVIEW_APPROVAL_ASKED", date(2026, 2, 2))
    exc = refusal(db, hakiki, "INTERVIEW_REPORT", date(2026, 3, 2))
    v = exc.violations[0]
    assert (v.code, v.paragraph, v.field) == ("PSH_APPLICATION_WITH_REPORT", "7.4(e)",
                                              "psh_application_ref")
    assert "serentak" in exc.message("ms") and "perenggan 7.4(e)" in exc.message("ms")


def test_steps_go_on_while_the_vacancy_is_filled(db, hakiki):
    perform(db, V.mark_filled, hakiki, "GANTIAN", date(2026, 1, 20), today=TODAY)
    step(db, hakiki, "AD_APPROVAL_ASKED", date(2026, 1, 21))
    assert read(db, V.get_vacancy, hakiki).current_step_code == "AD_APPROVAL_ASKED"


def test_undo_last_step_keeps_it_in_history(db, hakiki):
    step(db, hakiki, "AD_APPROVAL_ASKED", date(2026, 1, 12), "SALAH/1")
    perform(db, W.undo_last_step, hakiki, "Rujukan salah")
    rec = last_audit(db)
    assert rec.action == "batal_langkah" and "SALAH/1" in rec.before
    assert "Rujukan salah" in rec.after
    row = read(db, V.get_vacancy, hakiki, today=TODAY)
    assert row.current_step_code == "IDENTIFIED"
    assert [s.done for s in read(db, W.list_steps, hakiki)][:2] == [True, False]
    step(db, hakiki, "AD_APPROVAL_ASKED", date(2026, 1, 13), "BETUL/1")
    with db.session() as s:
        kept = s.execute(select(VacancyStep.reference, VacancyStep.undone_at.is_not(None))
                         .where(VacancyStep.code == "AD_APPROVAL_ASKED")
                         .order_by(VacancyStep.id)).all()
    assert [tuple(k) for k in kept] == [("SALAH/1", True), ("BETUL/1", False)]


def test_undo_refusals(db, hakiki):
    n = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, W.undo_last_step, hakiki, "tiada")
    assert info.value.violations[0].code == "NOTHING_TO_UNDO"
    step(db, hakiki, "AD_APPROVAL_ASKED", date(2026, 1, 12))
    n = counts(db)
    with pytest.raises(Refused) as info:
        perform(db, W.undo_last_step, hakiki, "")
    assert info.value.fields == ("reason",)
    assert counts(db) == n


def test_list_steps_of_unknown_vacancy(db):
    with pytest.raises(Refused):
        read(db, W.list_steps, 99)
