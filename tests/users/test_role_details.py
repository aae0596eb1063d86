"""Permissions that depend on what an action is asked: going over the OS29000 balance
(5A(c)) and recording an approval among a vacancy's steps (7.5, 8.2) are the approving
officer's, though appointing a PSH and recording the other steps are a clerk's."""

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.models import PshAppointment, VacancyStep
from desktop.rules import Refused
from desktop.rules.roles import Actor, Role
from desktop.services import psh as P
from desktop.services import users as U
from desktop.services import workflow as W
from desktop.services.unit import perform
from tests.psh import factories as F

CLERK = Actor("kerani1", "Kerani Satu", Role.KERANI)
APPROVER = Actor("pelulus", "Pegawai Pelulus", Role.PELULUS)
APRIL = (date(2026, 4, 1), date(2026, 4, 30))


@pytest.fixture
def people(db):
    perform(db, U.create_first_admin, U.UserForm("pentadbir", "Pentadbir", "", "rahsia-123"))
    for a in (CLERK, APPROVER):
        perform(db, U.add_user, U.UserForm(a.username, a.full_name, a.role.value, "rahsia-123"))


def count(db, model) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_going_over_the_balance_needs_an_approving_officer(db, people):
    office = F.make_office(db, allocation="1000.00")  # April costs RM 1,364.15 (test_allocation)
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    cid = F.candidate(db, vid)
    form = F.psh_form(vid, cid, start=APRIL[0], end=APRIL[1], osa_declared_on=APRIL[0],
                      override_reason="Tambahan peruntukan dijangka; diluluskan Pengarah.")
    with pytest.raises(Refused) as info:
        perform(db, P.appoint_psh, form, today=APRIL[0], actor=CLERK)
    assert [v.code for v in info.value.violations] == ["ROLE_NOT_ALLOWED"]
    assert "melebihi baki peruntukan OS29000" in info.value.message("ms")
    assert count(db, PshAppointment) == 0  # nothing half-saved
    perform(db, P.appoint_psh, form, today=APRIL[0], actor=APPROVER)
    assert count(db, PshAppointment) == 1


def test_a_clerk_appoints_within_the_balance(db, people):
    office = F.make_office(db)
    vid = F.hakiki_vacancy(db, office.tabika, office.s17)
    form = F.psh_form(vid, F.candidate(db, vid), start=APRIL[0], end=APRIL[1],
                      osa_declared_on=APRIL[0])
    perform(db, P.appoint_psh, form, today=APRIL[0], actor=CLERK)
    assert count(db, PshAppointment) == 1


def test_recording_the_filling_approval_is_the_approving_officers(db, people):
    office = F.make_office(db)
    vid = F.operasi_vacancy(db, office.tabika, office.s17, approved=False)
    perform(db, W.record_step, vid, "FILLING_APPLIED", date(2026, 2, 5), "A/1",
            today=F.TODAY, actor=CLERK)
    with pytest.raises(Refused) as info:
        perform(db, W.record_step, vid, "FILLING_APPROVED", date(2026, 2, 20), "KP/1",
                today=F.TODAY, actor=CLERK)
    assert [v.code for v in info.value.violations] == ["ROLE_NOT_ALLOWED"]
    assert "merekod kelulusan pengisian" in info.value.message("ms")
    perform(db, W.record_step, vid, "FILLING_APPROVED", date(2026, 2, 20), "KP/1",
            today=F.TODAY, actor=APPROVER)
    with pytest.raises(Refused) as info:
        perform(db, W.undo_last_step, vid, "Salah rekod", actor=CLERK)
    assert [v.code for v in info.value.violations] == ["ROLE_NOT_ALLOWED"]
    perform(db, W.undo_last_step, vid, "Salah rekod", actor=APPROVER)
    with db.session() as s:
        live = s.execute(select(VacancyStep.code).where(VacancyStep.vacancy_id == vid,
                                                        VacancyStep.undone_at.is_(None))
                         .order_by(VacancyStep.seq)).scalars().all()
    assert live == ["IDENTIFIED", "FILLING_APPLIED"]
